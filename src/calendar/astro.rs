//! The astronomical approximations of Hồ Ngọc Đức's published lunar
//! calendar algorithm ("Thuật toán tính âm lịch"): mean new moon corrected
//! by the main periodic terms (after Meeus), and the Sun's true longitude
//! from the equation of the centre. Accurate to a few minutes over
//! 1900–2100, which is what decides the civil day of a new moon except when
//! it falls within minutes of local midnight (see docs/calendar.md).

use std::f64::consts::PI;

const DR: f64 = PI / 180.0;

/// The Julian date (UT, fractional) of the `k`-th new moon counted from the
/// new moon of 1900-01-01.
pub(crate) fn new_moon(k: i32) -> f64 {
    let k = f64::from(k);
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * DR).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * DR).sin() + 0.0021 * (2.0 * DR * m).sin();
    c1 += -0.4068 * (mpr * DR).sin() + 0.0161 * (DR * 2.0 * mpr).sin();
    c1 -= 0.0004 * (DR * 3.0 * mpr).sin();
    c1 += 0.0104 * (DR * 2.0 * f).sin() - 0.0051 * (DR * (m + mpr)).sin();
    c1 += -0.0074 * (DR * (m - mpr)).sin() + 0.0004 * (DR * (2.0 * f + m)).sin();
    c1 += -0.0004 * (DR * (2.0 * f - m)).sin() - 0.0006 * (DR * (2.0 * f + mpr)).sin();
    c1 += 0.0010 * (DR * (2.0 * f - mpr)).sin() + 0.0005 * (DR * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Sun's true ecliptic longitude in radians, [0, 2π), at Julian date `jd`.
pub(crate) fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (DR * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (DR * 2.0 * m).sin() + 0.000_290 * (DR * 3.0 * m).sin();
    let l = (l0 + dl) * DR;
    l.rem_euclid(2.0 * PI)
}

/// The Julian Day Number of the local civil day (UTC+`tz` hours) containing
/// the `k`-th new moon.
pub(crate) fn new_moon_day(k: i32, tz: f64) -> i32 {
    (new_moon(k) + 0.5 + tz / 24.0).floor() as i32
}

/// The 30° sector (0–11) of the Sun's longitude at the start (local
/// midnight) of the civil day `jdn`; sector 9 begins at the winter solstice.
pub(crate) fn sun_sector(jdn: i32, tz: f64) -> i32 {
    let jd = f64::from(jdn) - 0.5 - tz / 24.0;
    ((sun_longitude(jd) / PI * 6.0).floor() as i32).clamp(0, 11)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_moon_of_2000_jan_6() {
        // Meeus: the new moon of 2000-01-06 was at 18:14 UT (JDE 2451550.26).
        let k = ((2_451_550.26 - 2_415_020.759_33) / 29.530_588_68_f64).round() as i32;
        assert!((new_moon(k) - 2_451_550.26).abs() < 0.01);
    }

    #[test]
    fn solstice_sector() {
        // 2025-12-21 (JDN 2461031) is the solstice day at UTC+7; the next day starts in sector 9.
        assert_eq!(sun_sector(2_461_031, 7.0), 8);
        assert_eq!(sun_sector(2_461_032, 7.0), 9);
    }
}
