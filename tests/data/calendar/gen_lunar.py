#!/usr/bin/env python3
"""Independent source of truth for the tthc lunar-calendar tests.

Generates, with the PyEphem astronomical engine (`pip install ephem`; VSOP87
for the Sun, ELP/MPP-based lunar theory with delta-T, i.e. precise
ephemerides and algorithms different from Ho Ngoc Duc's truncated series),
the Vietnamese lunar calendar for lunar years 1900-2100 under these rules:

1. a lunar month starts on the local civil day containing the new moon;
2. the winter solstice falls in month 11;
3. in a year with 13 months between two months 11, the leap month is the
   first month after month 11 that contains no major solar term
   (Sun's apparent longitude a multiple of 30 degrees);
4. local time is UTC+7 (105 E) for Vietnam; UTC+8 is computed too, as the
   Chinese reference, to show the years where the two differ.

Run once from the repository root:
    python3 tests/data/calendar/gen_lunar.py
It writes tet-1900-2100.csv and month-starts-1900-2100.csv beside itself.
The Rust tests read those files; they never run Python.
"""
import math
import os
import sys

import ephem

HERE = os.path.dirname(os.path.abspath(__file__))
DJD_TO_JD = 2415020.0  # ephem.Date counts days from 1899-12-31 12:00 UT


def jd_to_civil(jdn):
    """Gregorian (y, m, d) of an integer Julian Day Number."""
    a = jdn + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def local_day(edate, tz):
    """Julian Day Number of the civil day (at UTC+tz) containing the instant."""
    jd = float(edate) + DJD_TO_JD
    return math.floor(jd + 0.5 + tz / 24.0)


def local_seconds(edate, tz):
    jd = float(edate) + DJD_TO_JD + 0.5 + tz / 24.0
    return int(math.floor((jd - math.floor(jd)) * 86400))


def iso(jdn):
    y, m, d = jd_to_civil(jdn)
    return f"{y:04d}-{m:02d}-{d:02d}"


def sun_longitude(d):
    sun = ephem.Sun(d)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=d), epoch=d)
    return math.degrees(float(ecl.lon)) % 360.0


def major_terms(start, end):
    """Instants (ephem.Date) when the Sun's apparent longitude is a multiple of 30."""
    out = []
    step = 1.0
    d = ephem.Date(start)
    prev = sun_longitude(d)
    while d < end:
        nxt = ephem.Date(d + step)
        lon = sun_longitude(nxt)
        if math.floor(lon / 30) != math.floor(prev / 30) or (lon < prev):
            target = (math.floor(lon / 30) * 30) % 360
            lo, hi = float(d), float(nxt)
            for _ in range(40):
                mid = (lo + hi) / 2
                x = (sun_longitude(ephem.Date(mid)) - target + 180) % 360 - 180
                if x >= 0:
                    hi = mid
                else:
                    lo = mid
            out.append(ephem.Date(hi))
        d, prev = nxt, lon
    return out


def build(tz, new_moons, terms, solstices):
    """Month starts (jdn, month, leap, lunar_year, new moon instant) for each lunar year."""
    starts = [(local_day(nm, tz), nm) for nm in new_moons]
    term_days = sorted(local_day(t, tz) for t in terms)
    sol_days = {y: local_day(s, tz) for y, s in solstices.items()}

    def month11_index(year):
        sday = sol_days[year]
        idx = max(i for i, (jd, _) in enumerate(starts) if jd <= sday)
        return idx

    def has_term(i):
        a, b = starts[i][0], starts[i + 1][0]
        return any(a <= t < b for t in term_days)

    months = []
    for year in range(1899, 2101):  # lunar year `year + 1` starts after month 11 of `year`
        a, b = month11_index(year), month11_index(year + 1)
        leap_found = b - a != 13
        label = 11
        for i in range(a + 1, b + 1):
            if not leap_found and not has_term(i):
                leap_found = True
                months.append((starts[i][0], label, True, i, starts[i][1]))
                continue
            label = label % 12 + 1
            months.append((starts[i][0], label, False, i, starts[i][1]))
    # attach lunar years: month 1 (non-leap) starts a new year
    out = []
    year = 1899
    for jd, month, leap, _, nm in months:
        if month == 1 and not leap:
            year += 1
        out.append((year, month, leap, jd, nm))
    return out


def main():
    start, end = ephem.Date("1898/10/1"), ephem.Date("2102/3/1")
    new_moons = []
    d = start
    while d < end:
        d = ephem.next_new_moon(d)
        new_moons.append(d)
        d = ephem.Date(d + 1)
    solstices = {}
    for y in range(1898, 2102):
        solstices[y] = ephem.next_winter_solstice(ephem.Date(f"{y}/12/1"))
    terms = major_terms(start, end)
    vn = build(7, new_moons, terms, solstices)
    cn = build(8, new_moons, terms, solstices)

    def index(rows):
        tet, hung, leap = {}, {}, {}
        for year, month, is_leap, jd, _ in rows:
            if month == 1 and not is_leap:
                tet[year] = jd
            if month == 3 and not is_leap:
                hung[year] = jd + 9
            if is_leap:
                leap[year] = month
        return tet, hung, leap

    tet_vn, hung_vn, leap_vn = index(vn)
    tet_cn, _, leap_cn = index(cn)
    head = (
        f"# Generated by tests/data/calendar/gen_lunar.py with PyEphem {ephem.__version__}"
        " (independent of the Rust implementation).\n"
        "# Vietnamese rules at UTC+7; tet_cn = the same rules at UTC+8 (Chinese reference).\n"
        "# leap_month: 0 if the lunar year has no leap month.\n"
    )
    with open(os.path.join(HERE, "tet-1900-2100.csv"), "w") as f:
        f.write(head)
        f.write("year,tet,tet_cn,hung_kings,leap_month,leap_month_cn\n")
        for y in range(1900, 2101):
            f.write(
                f"{y},{iso(tet_vn[y])},{iso(tet_cn[y])},{iso(hung_vn[y])},"
                f"{leap_vn.get(y, 0)},{leap_cn.get(y, 0)}\n"
            )
    with open(os.path.join(HERE, "month-starts-1900-2100.csv"), "w") as f:
        f.write(head)
        f.write("# new_moon_local: time of the new moon at UTC+7 (HH:MM:SS, truncated), to spot near-midnight cases.\n")
        f.write("lunar_year,month,leap,start,new_moon_local\n")
        for year, month, leap, jd, nm in vn:
            if 1900 <= year <= 2100:
                sec = local_seconds(nm, 7)
                f.write(f"{year},{month},{int(leap)},{iso(jd)},{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}\n")
    diff = [y for y in range(1900, 2101) if tet_vn[y] != tet_cn[y]]
    print("years where Tet differs VN vs CN:", diff, file=sys.stderr)


if __name__ == "__main__":
    main()
