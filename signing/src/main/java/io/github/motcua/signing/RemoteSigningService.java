package io.github.motcua.signing;

import java.util.concurrent.CompletionStage;

/**
 * The interface an integrator implements to plug in a remote signing service (ký số từ xa): a
 * provider's cloud HSM that receives only a hash and asks the certificate holder to confirm on a
 * phone. Wrap it in a {@link RemoteSigningKey} to use it wherever a {@link SigningKey} goes.
 *
 * <pre>{@code
 * RemoteSigningService service = request ->
 *     myProviderClient.signHashAsync(accountId, request.digest(), request.algorithm().jcaName());
 * SigningKey key = RemoteSigningKey.builder()
 *     .service(service)
 *     .certificateChain(chainFromProvider)
 *     .timeout(Duration.ofMinutes(2))     // the holder has two minutes to confirm
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe. The returned stage completes with the signature value in
 * the form the request's {@link RemoteSigningRequest#scheme()} defines (see {@link SigningKey}), or
 * exceptionally when the service or the holder refuses. A stage that does not complete within the
 * key's timeout is cancelled.
 */
@FunctionalInterface
public interface RemoteSigningService {

  /**
   * Asks the service to sign a digest.
   *
   * @param request the digest and how to sign it
   * @return a stage completing with the signature value
   */
  CompletionStage<byte[]> signDigest(RemoteSigningRequest request);
}
