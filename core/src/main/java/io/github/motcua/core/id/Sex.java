package io.github.motcua.core.id;

/** The sex (giới tính) encoded in a personal identification number. */
public enum Sex {
  /** Male (nam): even century digit. */
  MALE,
  /** Female (nữ): odd century digit. */
  FEMALE
}
