package io.github.motcua.signing;

import io.github.motcua.core.MotcuaException;

/**
 * The seam for a time-stamp authority (đơn vị cung cấp dịch vụ cấp dấu thời gian, Decree
 * 23/2025/NĐ-CP): proves that a digest existed at a time, as an RFC 3161 time-stamp token. {@link
 * CmsSigner} stamps the signature value with it to make CAdES-T signatures.
 *
 * <p>The default implementation is {@link HttpTimestampAuthority}. Implementations must be
 * thread-safe.
 */
public interface TimestampAuthority {

  /**
   * Obtains a time-stamp token over a digest.
   *
   * @param digest the message imprint to stamp
   * @param algorithm the algorithm that produced it
   * @return the DER-encoded {@code TimeStampToken} (a CMS {@code ContentInfo}), already checked to
   *     stamp this digest
   * @throws MotcuaException when no valid token can be obtained
   */
  byte[] timestamp(byte[] digest, DigestAlgorithm algorithm);
}
