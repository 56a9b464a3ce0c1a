package io.github.motcua.vneid;

/**
 * The kind of account (loại tài khoản) a citizen logged in with. The wire values are set by {@link
 * ClaimMapping#accountKindValues()}.
 */
public enum AccountKind {
  /** A citizen's own account (công dân). */
  CITIZEN,
  /**
   * An organisation's account (tổ chức, doanh nghiệp), used by its legal representative; it carries
   * the organisation's name and tax code.
   */
  ORGANISATION
}
