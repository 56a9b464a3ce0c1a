package io.github.motcua.vneid;

import static io.github.motcua.vneid.TestClients.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidMisbehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key-set caching through nimbus's JWKSourceBuilder. Its cache and rate limiter run on the system
 * clock (nimbus takes no injected clock), so these tests assert on fetch counts within one
 * rate-limit window (30 s by default; each test takes well under a second).
 */
class KeySetTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.builder().seed(6).build();

  @Test
  void fetchesTheKeySetOnceForManyLogins() {
    VneidClient client = TestClients.client(VNEID);
    int before = VNEID.jwksFetchCount();
    for (int i = 0; i < 5; i++) {
      login(client, VNEID);
    }
    assertThat(VNEID.jwksFetchCount() - before).isEqualTo(1);
  }

  @Test
  void nextLoginAfterKeyRotationSucceedsWithOneFetch() {
    VneidClient client = TestClients.client(VNEID);
    login(client, VNEID);
    int before = VNEID.jwksFetchCount();

    VNEID.rotateSigningKey();
    CitizenLogin afterRotation = login(client, VNEID);

    assertThat(afterRotation.identity()).isNotNull();
    assertThat(VNEID.jwksFetchCount() - before).isEqualTo(1);
  }

  @Test
  void burstOfUnknownKeyIdsTriggersAtMostOneFetchPerWindow() {
    VneidClient client = TestClients.client(VNEID);
    login(client, VNEID);
    int before = VNEID.jwksFetchCount();
    VNEID.misbehave(VneidMisbehaviour.UNKNOWN_KEY_ID);

    for (int i = 0; i < 20; i++) {
      Throwable e = catchThrowable(() -> login(client, VNEID));
      assertThat(((MotcuaException) e).code()).isEqualTo("id-token.unknown-key");
    }

    assertThat(VNEID.jwksFetchCount() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void loginsSignedWithACachedKeySucceedWhileTheKeySetIsDown() {
    VneidClient client = TestClients.client(VNEID);
    login(client, VNEID);
    VNEID.misbehave(VneidMisbehaviour.JWKS_DOWN);

    for (int i = 0; i < 3; i++) {
      assertThat(login(client, VNEID).identity()).isNotNull();
    }
  }

  @Test
  void rotatedKeyDuringKeySetOutageIsAnUnknownKey() {
    VneidClient client = TestClients.client(VNEID);
    login(client, VNEID);
    VNEID.misbehave(VneidMisbehaviour.JWKS_DOWN);
    VNEID.rotateSigningKey();

    Throwable e = catchThrowable(() -> login(client, VNEID));

    assertThat(e).isInstanceOf(MotcuaException.class);
    assertThat(((MotcuaException) e).code())
        .isIn("id-token.unknown-key", "provider.jwks-unavailable");
  }
}
