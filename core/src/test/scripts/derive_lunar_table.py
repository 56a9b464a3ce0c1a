#!/usr/bin/env python3
"""Derives Tết (lunar 1/1) and Hùng Kings' day (lunar 3/10) for 1968-2050 on UTC+7.

This is the independent check of io.github.motcua.core.calendar.VietnameseLunarCalendar. It shares
no code with it and is structured differently on purpose:

* new moons are found by root-finding the moon's elongation from the sun, using a truncated
  lunar longitude series (Meeus, Astronomical Algorithms, ch. 47, the 59 largest terms) and the
  Astronomical Almanac's low-precision solar formula, not from the series of lunar phases (ch. 49)
  that the Java code uses;
* the twelve major solar terms are found as instants (root-finding on the solar longitude) and
  placed on local dates, rather than sampling the longitude at each month's first midnight;
* Delta T comes from observed values (IERS, rounded to 0.1 s) linearly interpolated, not from the
  Espenak-Meeus polynomials;
* the calendar is labelled month by month forward from each winter solstice.

Usage: python3 derive_lunar_table.py > ../resources/io/github/motcua/core/calendar/tet-hung-1968-2050.csv
"""
import math

TZ = 7.0 / 24

# Observed Delta T in seconds (TT - UT) at the start of the year; beyond 2025 held at the
# 2020s trend (about +0.1 s/yr). A few seconds of error move events by seconds only.
DELTA_T = [(1965, 35.7), (1970, 40.2), (1975, 45.5), (1980, 50.5), (1985, 54.3), (1990, 56.9),
           (1995, 60.8), (2000, 63.8), (2005, 64.7), (2010, 66.1), (2015, 67.6), (2020, 69.4),
           (2025, 69.2), (2055, 72.0)]


def delta_t(jd):
    y = 2000 + (jd - 2451544.5) / 365.25
    for (y0, d0), (y1, d1) in zip(DELTA_T, DELTA_T[1:]):
        if y0 <= y <= y1:
            return d0 + (d1 - d0) * (y - y0) / (y1 - y0)
    raise ValueError(y)


def sin_d(x):
    return math.sin(math.radians(x))


def sun_longitude(jde):
    """Apparent longitude of the sun, Astronomical Almanac low-precision formula (0.01 deg)."""
    n = jde - 2451545.0
    L = 280.460 + 0.9856474 * n
    g = 357.528 + 0.9856003 * n
    return (L + 1.915 * sin_d(g) + 0.020 * sin_d(2 * g)) % 360


# (D, M, M', F, coefficient in 1e-6 degree): Meeus table 47.A, longitude.
MOON_TERMS = [
    (0, 0, 1, 0, 6288774), (2, 0, -1, 0, 1274027), (2, 0, 0, 0, 658314), (0, 0, 2, 0, 213618),
    (0, 1, 0, 0, -185116), (0, 0, 0, 2, -114332), (2, 0, -2, 0, 58793), (2, -1, -1, 0, 57066),
    (2, 0, 1, 0, 53322), (2, -1, 0, 0, 45758), (0, 1, -1, 0, -40923), (1, 0, 0, 0, -34720),
    (0, 1, 1, 0, -30383), (2, 0, 0, -2, 15327), (0, 0, 1, 2, -12528), (0, 0, 1, -2, 10980),
    (4, 0, -1, 0, 10675), (0, 0, 3, 0, 10034), (4, 0, -2, 0, 8548), (2, 1, -1, 0, -7888),
    (2, 1, 0, 0, -6766), (1, 0, -1, 0, -5163), (1, 1, 0, 0, 4987), (2, -1, 1, 0, 4036),
    (2, 0, 2, 0, 3994), (4, 0, 0, 0, 3861), (2, 0, -3, 0, 3665), (0, 1, -2, 0, -2689),
    (2, 0, -1, 2, -2602), (2, -1, -2, 0, 2390), (1, 0, 1, 0, -2348), (2, -2, 0, 0, 2236),
    (0, 1, 2, 0, -2120), (0, 2, 0, 0, -2069), (2, -2, -1, 0, 2048), (2, 0, 1, -2, -1773),
    (2, 0, 0, 2, -1595), (4, -1, -1, 0, 1215), (0, 0, 2, 2, -1110), (3, 0, -1, 0, -892),
    (2, 1, 1, 0, -810), (4, -1, -2, 0, 759), (0, 2, -1, 0, -713), (2, 2, -1, 0, -700),
    (2, 1, -2, 0, 691), (2, -1, 0, -2, 596), (4, 0, 1, 0, 549), (0, 0, 4, 0, 537),
    (4, -1, 0, 0, 520), (1, 0, -2, 0, -487), (2, 1, 0, -2, -399), (0, 0, 2, -2, -381),
    (1, 1, 1, 0, 351), (3, 0, -2, 0, -340), (4, 0, -3, 0, 330), (2, -1, 2, 0, 327),
    (0, 2, 1, 0, -323), (1, 1, -1, 0, 299), (2, 0, 3, 0, 294),
]


def moon_longitude(jde):
    """Geocentric longitude of the moon (mean equinox; nutation cancels in the elongation)."""
    t = (jde - 2451545.0) / 36525
    Lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t * t
    D = 297.8501921 + 445267.1114034 * t - 0.0018819 * t * t
    M = 357.5291092 + 35999.0502909 * t - 0.0001536 * t * t
    Mp = 134.9633964 + 477198.8675055 * t + 0.0087414 * t * t
    F = 93.2720950 + 483202.0175233 * t - 0.0036539 * t * t
    A1 = 119.75 + 131.849 * t
    A2 = 53.09 + 479264.290 * t
    E = 1 - 0.002516 * t - 0.0000074 * t * t
    s = 0.0
    for d, m, mp, f, c in MOON_TERMS:
        s += c * (E ** abs(m)) * sin_d(d * D + m * M + mp * Mp + f * F)
    s += 3958 * sin_d(A1) + 1962 * sin_d(Lp - F) + 318 * sin_d(A2)
    return (Lp + s / 1e6) % 360


def wrap180(x):
    return (x + 180) % 360 - 180


def solve(f, jd_ut, rate):
    """Newton-like iteration on f(jd_ut) = 0 (degrees), f roughly linear with the given rate."""
    for _ in range(50):
        jde = jd_ut + delta_t(jd_ut) / 86400
        err = wrap180(f(jde))
        jd_ut -= err / rate
        if abs(err) < 1e-7:
            break
    return jd_ut


def local_day(jd_ut):
    """Local (UTC+7) civil day as a Julian day number."""
    return math.floor(jd_ut + TZ + 0.5)


def new_moons(jd_from, jd_to):
    out = []
    jd = jd_from - 30
    while jd < jd_to + 30:
        nm = solve(lambda e: moon_longitude(e) - sun_longitude(e), jd, 12.19)
        if not out or nm - out[-1] > 20:
            out.append(nm)
        jd = nm + 29.53
    return out


def solar_term_day(year, longitude):
    # Rough date: the sun is at 0 deg near 20 March.
    guess = 2451623.8 + 365.2422 * (year - 2000) + (longitude % 360) / 360 * 365.2422
    return local_day(solve(lambda e: sun_longitude(e) - longitude, guess, 0.9856))


def jdn_to_date(jdn):
    # Fliegel and Van Flandern's inversion of the Julian day number.
    l = jdn + 68569
    n = 4 * l // 146097
    l = l - (146097 * n + 3) // 4
    i = 4000 * (l + 1) // 1461001
    l = l - 1461 * i // 4 + 31
    j = 80 * l // 2447
    d = l - 2447 * j // 80
    l = j // 11
    m = j + 2 - 12 * l
    y = 100 * (n - 49) + i + l
    return "%04d-%02d-%02d" % (y, m, d)


def date_to_jdn(y, m, d):
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045


def main():
    first, last = 1967, 2050
    moons = [local_day(x) for x in new_moons(date_to_jdn(first, 10, 1), date_to_jdn(last + 1, 3, 1))]
    # Major terms (longitude multiple of 30) as local days, for every year concerned.
    terms = sorted(solar_term_day(y, 30 * j) for y in range(first - 1, last + 2) for j in range(12))
    print("# Tet (lunar 1/1) and Hung Kings' day (lunar 3/10) on UTC+7, 1968-2050.")
    print("# Derived by core/src/test/scripts/derive_lunar_table.py (see its header): new moons by")
    print("# root-finding a lunar longitude series (Meeus ch. 47), major solar terms as instants,")
    print("# observed Delta T; independent of the Java implementation. Columns: lunar year, Tet,")
    print("# Hung Kings' day, leap month of the lunar year (0 = none).")
    print("# Cross-check: ICU's Chinese calendar (UTC+8, Node's Intl 'chinese') gives the same Tet")
    print("# except 1968, 1969, 1985, 2007 and 2027, where UTC+7 and UTC+8 put a new moon on")
    print("# different days (1985-01-21 and 2007-02-17 are the documented Vietnamese dates).")
    print("lunar_year,tet,hung_kings,leap_month")
    rows = {}
    for y in range(first, last + 1):
        solstice = solar_term_day(y, 270)
        nxt = solar_term_day(y + 1, 270)
        a = max(i for i, s in enumerate(moons) if s <= solstice)
        b = max(i for i, s in enumerate(moons) if s <= nxt)
        leap = b - a == 13
        taken = False
        number, lunar_year = 11, y
        for i in range(a + 1, b):
            start, end = moons[i], moons[i + 1]
            has_term = any(start <= t < end for t in terms)
            if leap and not taken and not has_term:
                taken = True
                rows.setdefault(lunar_year, {})["leap"] = number
                continue
            number = 1 if number == 12 else number + 1
            if number == 1:
                lunar_year = y + 1
            if number == 1:
                rows.setdefault(lunar_year, {})["tet"] = start
            if number == 3:
                rows.setdefault(lunar_year, {})["hung"] = start + 9
    for y in range(1968, 2051):
        r = rows[y]
        print("%d,%s,%s,%d" % (y, jdn_to_date(r["tet"]), jdn_to_date(r["hung"]), r.get("leap", 0)))


if __name__ == "__main__":
    main()
