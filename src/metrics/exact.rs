//! Exact integer arithmetic for money and ratios: one rounding, half up.

use serde::{Serialize, Serializer};
use std::fmt;

/// `num / den` rounded half up; `None` when `den` is zero.
pub fn div_round_half_up(num: u128, den: u128) -> Option<u128> {
    if den == 0 {
        return None;
    }
    let (q, r) = (num / den, num % den);
    // 2r ≥ den, written so that it cannot overflow; q + 1 cannot overflow
    // because q = u128::MAX only when den = 1, and then r = 0.
    Some(if r >= den - r { q + 1 } else { q })
}

/// `num × 10,000 / den` rounded half up (a ratio in basis points), without
/// overflow for any `u128` inputs short of an absurd ratio (`None` then, or
/// when `den` is zero).
fn basis_points(num: u128, den: u128) -> Option<u128> {
    if den == 0 {
        return None;
    }
    let whole = (num / den).checked_mul(10_000)?;
    let (mut r, mut d) = (num % den, den);
    if r.checked_mul(10_000).is_none() {
        // Only when den > 3.4 × 10^34: drop 20 low bits of both, far below
        // the precision of a basis point.
        r >>= 20;
        d >>= 20;
    }
    whole.checked_add(div_round_half_up(r * 10_000, d)?)
}

/// A percentage held exactly in basis points (hundredths of a percent),
/// shown with two decimals: `77.44`, `-5.00`.
///
/// ```
/// use tthc::metrics::Percent;
/// // The published Hà Nội figure: 1,024,000 đ → 231,000 đ is a 77.44% cut.
/// let cut = Percent::reduction(1_024_000, 231_000).unwrap();
/// assert_eq!(cut.basis_points(), 7_744);
/// assert_eq!(cut.to_string(), "77.44");
/// assert_eq!(Percent::change(1_024_000, 231_000).unwrap().to_string(), "-77.44");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(i128);

impl Percent {
    /// A percentage from basis points (`3000` is 30%).
    pub const fn from_basis_points(bp: i128) -> Percent {
        Percent(bp)
    }

    /// The value in basis points.
    pub const fn basis_points(self) -> i128 {
        self.0
    }

    /// `(to − from) / from × 100`, rounded half away from zero to a basis
    /// point; `None` when `from` is zero.
    pub fn change(from: u128, to: u128) -> Option<Percent> {
        let (magnitude, negative) = if to >= from {
            (to - from, false)
        } else {
            (from - to, true)
        };
        let bp = i128::try_from(basis_points(magnitude, from)?).ok()?;
        Some(Percent(if negative { -bp } else { bp }))
    }

    /// `(from − to) / from × 100`: positive for a cut.
    pub fn reduction(from: u128, to: u128) -> Option<Percent> {
        Percent::change(from, to).map(|p| Percent(-p.0))
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let m = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", m / 100, m % 100)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Formats thousandths as a decimal with up to three decimals (`7500` → `7.5`).
pub fn milli_text(milli: u128) -> String {
    let (whole, frac) = (milli / 1000, milli % 1000);
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_once() {
        assert_eq!(div_round_half_up(5, 10), Some(1));
        assert_eq!(div_round_half_up(4, 10), Some(0));
        assert_eq!(div_round_half_up(15, 10), Some(2));
        assert_eq!(div_round_half_up(u128::MAX, 1), Some(u128::MAX));
        assert_eq!(div_round_half_up(u128::MAX, u128::MAX), Some(1));
        assert_eq!(div_round_half_up(1, 0), None);
    }

    #[test]
    fn published_reduction_is_77_44() {
        // (1,024,000 − 231,000) × 10,000 / 1,024,000 = 7,744.14… → 7,744 bp.
        let p = Percent::reduction(1_024_000, 231_000).unwrap();
        assert_eq!(p.basis_points(), 7_744);
        assert_eq!(p.to_string(), "77.44");
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        // 1/8 = 12.5% = 1250 bp exactly; 1/3 = 3333.33… → 3333; 2/3 → 6667.
        assert_eq!(Percent::change(8, 9).unwrap().basis_points(), 1_250);
        assert_eq!(Percent::change(3, 4).unwrap().basis_points(), 3_333);
        assert_eq!(Percent::change(3, 1).unwrap().basis_points(), -6_667);
        assert_eq!(Percent::change(3, 1).unwrap().to_string(), "-66.67");
        assert_eq!(
            Percent::change(20_000, 19_999).unwrap().to_string(),
            "-0.01"
        );
        assert_eq!(Percent::change(0, 5), None);
    }

    #[test]
    fn huge_amounts_do_not_overflow() {
        let big = u128::MAX / 2;
        assert_eq!(
            Percent::change(big, big / 2).unwrap().basis_points(),
            -5_000
        );
        assert_eq!(Percent::change(big, big).unwrap().basis_points(), 0);
        assert_eq!(Percent::change(1, u128::MAX), None);
    }

    #[test]
    fn milli_text_is_exact() {
        assert_eq!(milli_text(7_500), "7.5");
        assert_eq!(milli_text(10_000), "10");
        assert_eq!(milli_text(125), "0.125");
    }
}
