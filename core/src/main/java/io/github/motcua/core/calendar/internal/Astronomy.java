package io.github.motcua.core.calendar.internal;

/**
 * The two astronomical quantities the Vietnamese lunar calendar needs: the instants of new moon and
 * the sun's apparent longitude. Written from Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed.,
 * 1998): chapter 49 (phases of the moon, with all periodic and planetary corrections), chapter 25
 * (solar coordinates, low accuracy, about 0.01°) and, for the difference between dynamical and
 * universal time, the polynomial expressions of Espenak and Meeus (NASA, 2006).
 *
 * <p>Times are Julian days. {@code JDE} is dynamical time (TT), {@code JD} universal time (UT).
 * Stateless and thread-safe. Internal: not part of the public API.
 */
public final class Astronomy {

  /** Julian day of 1970-01-01T00:00 UT, the start of epoch day 0. */
  public static final double JD_EPOCH_MIDNIGHT = 2440587.5;

  private static final double SYNODIC_MONTH = 29.530588861;

  private Astronomy() {}

  /**
   * Returns the instant of the new moon of lunation {@code k} in dynamical time. Lunation 0 is the
   * new moon of 2000-01-06; negative numbers count back.
   *
   * @param k the lunation number
   * @return the Julian ephemeris day of the new moon
   */
  public static double newMoonJde(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde =
        2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    // Mean anomaly of the sun (m), of the moon (mp), the moon's argument of latitude (f) and the
    // longitude of the ascending node (om), in degrees.
    double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
    double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
    double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
    double om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

    double c =
        -0.40720 * sin(mp)
            + 0.17241 * e * sin(m)
            + 0.01608 * sin(2 * mp)
            + 0.01039 * sin(2 * f)
            + 0.00739 * e * sin(mp - m)
            - 0.00514 * e * sin(mp + m)
            + 0.00208 * e * e * sin(2 * m)
            - 0.00111 * sin(mp - 2 * f)
            - 0.00057 * sin(mp + 2 * f)
            + 0.00056 * e * sin(2 * mp + m)
            - 0.00042 * sin(3 * mp)
            + 0.00042 * e * sin(m + 2 * f)
            + 0.00038 * e * sin(m - 2 * f)
            - 0.00024 * e * sin(2 * mp - m)
            - 0.00017 * sin(om)
            - 0.00007 * sin(mp + 2 * m)
            + 0.00004 * sin(2 * mp - 2 * f)
            + 0.00004 * sin(3 * m)
            + 0.00003 * sin(mp + m - 2 * f)
            + 0.00003 * sin(2 * mp + 2 * f)
            - 0.00003 * sin(mp + m + 2 * f)
            + 0.00003 * sin(mp - m + 2 * f)
            - 0.00002 * sin(mp - m - 2 * f)
            - 0.00002 * sin(3 * mp + m)
            + 0.00002 * sin(4 * mp);

    // Planetary arguments.
    double w =
        0.000325 * sin(299.77 + 0.107408 * k - 0.009173 * t2)
            + 0.000165 * sin(251.88 + 0.016321 * k)
            + 0.000164 * sin(251.83 + 26.651886 * k)
            + 0.000126 * sin(349.42 + 36.412478 * k)
            + 0.000110 * sin(84.66 + 18.206239 * k)
            + 0.000062 * sin(141.74 + 53.303771 * k)
            + 0.000060 * sin(207.14 + 2.453732 * k)
            + 0.000056 * sin(154.84 + 7.306860 * k)
            + 0.000047 * sin(34.52 + 27.261239 * k)
            + 0.000042 * sin(207.19 + 0.121824 * k)
            + 0.000040 * sin(291.34 + 1.844379 * k)
            + 0.000037 * sin(161.72 + 24.198154 * k)
            + 0.000035 * sin(239.56 + 25.513099 * k)
            + 0.000023 * sin(331.55 + 3.592518 * k);
    return jde + c + w;
  }

  /**
   * Returns the lunation number of the last new moon at or before about the given Julian day; the
   * caller checks the neighbours, since the estimate uses the mean month.
   *
   * @param jd a Julian day
   * @return an estimate of the lunation number, exact to within one
   */
  public static long lunationNear(double jd) {
    return (long) Math.floor((jd - 2451550.09766) / SYNODIC_MONTH);
  }

  /**
   * Returns the sun's apparent geocentric longitude, referred to the true equinox of the date.
   *
   * @param jde the instant, in dynamical time
   * @return the longitude in degrees, in [0, 360)
   */
  public static double sunApparentLongitude(double jde) {
    double t = (jde - 2451545.0) / 36525;
    double t2 = t * t;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
    double m = 357.52911 + 35999.05029 * t - 0.0001537 * t2;
    double c =
        (1.914602 - 0.004817 * t - 0.000014 * t2) * sin(m)
            + (0.019993 - 0.000101 * t) * sin(2 * m)
            + 0.000289 * sin(3 * m);
    double omega = 125.04 - 1934.136 * t;
    double lambda = l0 + c - 0.00569 - 0.00478 * sin(omega);
    return normalise(lambda);
  }

  /**
   * Returns ΔT = TT − UT at a Julian day, after the polynomial expressions of Espenak and Meeus
   * (NASA, "Polynomial expressions for Delta T", 2006), which cover 1860-2150 with observed values
   * and extrapolate afterwards with the long-term parabola.
   *
   * @param jd the instant
   * @return ΔT in seconds
   */
  public static double deltaTSeconds(double jd) {
    double y = 2000 + (jd - 2451544.5) / 365.2425;
    double t;
    if (y < 1900) {
      t = y - 1860;
      return 7.62
          + 0.5737 * t
          - 0.251754 * t * t
          + 0.01680668 * t * t * t
          - 0.0004473624 * t * t * t * t
          + t * t * t * t * t / 233174;
    } else if (y < 1920) {
      t = y - 1900;
      return -2.79
          + 1.494119 * t
          - 0.0598939 * t * t
          + 0.0061966 * t * t * t
          - 0.000197 * t * t * t * t;
    } else if (y < 1941) {
      t = y - 1920;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    } else if (y < 1961) {
      t = y - 1950;
      return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    } else if (y < 1986) {
      t = y - 1975;
      return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    } else if (y < 2005) {
      t = y - 2000;
      return 63.86
          + 0.3345 * t
          - 0.060374 * t * t
          + 0.0017275 * t * t * t
          + 0.000651814 * t * t * t * t
          + 0.00002373599 * t * t * t * t * t;
    } else if (y < 2050) {
      t = y - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    } else if (y < 2150) {
      double u = (y - 1820) / 100;
      return -20 + 32 * u * u - 0.5628 * (2150 - y);
    } else {
      double u = (y - 1820) / 100;
      return -20 + 32 * u * u;
    }
  }

  /**
   * Converts a universal-time Julian day to dynamical time.
   *
   * @param jd the instant in UT
   * @return the same instant as a Julian ephemeris day
   */
  public static double toDynamical(double jd) {
    return jd + deltaTSeconds(jd) / 86400;
  }

  /**
   * Converts a dynamical-time Julian ephemeris day to universal time.
   *
   * @param jde the instant in TT
   * @return the same instant as a UT Julian day
   */
  public static double toUniversal(double jde) {
    return jde - deltaTSeconds(jde) / 86400;
  }

  private static double sin(double degrees) {
    return Math.sin(Math.toRadians(degrees % 360));
  }

  private static double normalise(double degrees) {
    double d = degrees % 360;
    return d < 0 ? d + 360 : d;
  }
}
