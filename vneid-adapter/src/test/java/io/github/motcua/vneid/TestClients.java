package io.github.motcua.vneid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.github.motcua.testkit.VneidFake;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds clients against a fake as an integrator would, and holds seeded client keys. */
final class TestClients {

  static final RSAKey CLIENT_RSA_KEY = rsa("client-rsa-1", 11);
  static final ECKey CLIENT_EC_KEY = ec("client-ec-1", 12);
  static final RSAKey ENCRYPTION_RSA_KEY = rsa("client-enc-rsa-1", 13);
  static final ECKey ENCRYPTION_EC_KEY = ec("client-enc-ec-1", 14);

  private TestClients() {}

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey rsa(String kid, long seed) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).secureRandom(seeded(seed)).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid, long seed) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).secureRandom(seeded(seed)).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Client authentication methods, as test parameters. */
  enum Auth {
    BASIC,
    POST,
    PRIVATE_KEY_JWT_RSA,
    PRIVATE_KEY_JWT_EC;

    ClientAuthentication of(VneidFake fake) {
      return switch (this) {
        case BASIC -> ClientAuthentication.clientSecretBasic(fake.clientSecret());
        case POST -> ClientAuthentication.clientSecretPost(fake.clientSecret());
        case PRIVATE_KEY_JWT_RSA -> {
          fake.registerClientKey(CLIENT_RSA_KEY);
          yield ClientAuthentication.privateKeyJwt(CLIENT_RSA_KEY);
        }
        case PRIVATE_KEY_JWT_EC -> {
          fake.registerClientKey(CLIENT_EC_KEY);
          yield ClientAuthentication.privateKeyJwt(CLIENT_EC_KEY);
        }
      };
    }
  }

  static VneidClient.Builder builder(VneidFake fake) {
    return VneidClient.builder()
        .issuer(fake.issuer())
        .clientId(fake.clientId())
        .clientAuthentication(ClientAuthentication.clientSecretBasic(fake.clientSecret()))
        .redirectUri(fake.redirectUri())
        .httpClient(
            new OkHttpClient.Builder()
                // Generous: the build machine may be heavily loaded; no test waits on these.
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(120))
                .build());
  }

  static VneidClient client(VneidFake fake) {
    return builder(fake).build();
  }

  static CitizenLogin login(VneidClient client, VneidFake fake) {
    LoginRequest request = client.startLogin();
    return client.completeLogin(fake.followAuthorization(request.authorizationUri()), request);
  }
}
