//! Money in whole đồng.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in whole Vietnamese đồng.
///
/// Stored as `u128` so that catalog-wide annual totals (100,000 procedures ×
/// 10^7 cases × millions of đồng) cannot overflow; every operation is checked
/// or saturating, never wrapping.
///
/// ```
/// use tthc::Money;
/// let fee = Money::from_dong(1_000_000);
/// assert_eq!(fee.to_string(), "1.000.000 đ");
/// assert_eq!(fee.checked_mul(3), Some(Money::from_dong(3_000_000)));
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(u128);

impl Money {
    /// Zero đồng.
    pub const ZERO: Money = Money(0);

    /// An amount in whole đồng.
    pub const fn from_dong(dong: u128) -> Money {
        Money(dong)
    }

    /// The amount in whole đồng.
    pub const fn dong(self) -> u128 {
        self.0
    }

    /// Sum, or `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Sum that stops at the largest amount instead of overflowing.
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// Difference, or `None` if it would be negative.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// Product with a count, or `None` on overflow.
    pub fn checked_mul(self, factor: u128) -> Option<Money> {
        self.0.checked_mul(factor).map(Money)
    }

    /// Product with a count that stops at the largest amount.
    pub fn saturating_mul(self, factor: u128) -> Money {
        Money(self.0.saturating_mul(factor))
    }

    /// The largest amount a file may write: 10¹⁸ đồng (a trillion times a
    /// billion-đồng fee). Every amount then fits a signed 64-bit integer in
    /// JSON, and sums over a procedure's elements stay exact in `u128`; a
    /// larger amount is a located error, never a capped or dropped figure.
    pub const MAX_AMOUNT: Money = Money(1_000_000_000_000_000_000);

    /// Parses a whole-đồng amount as written in Vietnamese documents:
    /// `1000000`, `1.000.000`, `1.000.000 đồng`, `1,000,000 đ`, `500.000đ`, `0`.
    ///
    /// Thousands separators must group by three; decimals are rejected because
    /// đồng has no subunit.
    ///
    /// ```
    /// use tthc::Money;
    /// assert_eq!(Money::parse("1.000.000 đồng"), Some(Money::from_dong(1_000_000)));
    /// assert_eq!(Money::parse("200,000 đ"), Some(Money::from_dong(200_000)));
    /// assert_eq!(Money::parse("1.5"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Money> {
        let digits = amount_digits(text)?;
        if digits.len() > 60 {
            return None;
        }
        digits.parse::<u128>().ok().map(Money)
    }

    /// Whether `text` is written as an amount (digits, grouped by three,
    /// an optional `đồng`) whatever its size: what tells "too large" from
    /// "not an amount" when [`Money::parse`] refuses it.
    pub(crate) fn parse_wide(text: &str) -> bool {
        amount_digits(text).is_some()
    }

    /// Formats with Vietnamese thousands separators, without a currency sign:
    /// `1.000.000`.
    pub fn grouped(self) -> String {
        group_digits(self.0, '.')
    }

    /// Formats with English thousands separators: `1,000,000`.
    pub fn grouped_en(self) -> String {
        group_digits(self.0, ',')
    }
}

/// The digits of an amount as written (`1.000.000 đồng` → `1000000`):
/// an optional currency word, then digits grouped by three with `.`, `,`
/// or a space; `None` for anything else. The one reading of [`Money::parse`]
/// and [`Money::parse_wide`].
fn amount_digits(text: &str) -> Option<String> {
    let mut s = text.trim();
    for suffix in ["đồng", "dong", "VND", "vnd", "VNĐ", "vnđ", "đ", "d"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
            break;
        }
    }
    if s.is_empty() {
        return None;
    }
    let digits: String = match s.chars().find(|c| *c == '.' || *c == ',' || *c == ' ') {
        None => s.to_string(),
        Some(sep) => {
            let mut groups = s.split(sep);
            let first = groups.next().filter(|g| !g.is_empty() && g.len() <= 3)?;
            let mut digits = first.to_string();
            for g in groups {
                if g.len() != 3 {
                    return None;
                }
                digits.push_str(g);
            }
            digits
        }
    };
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

/// `value` with a thousands separator: `group_thousands(1024000, '.')` is
/// `1.024.000`.
pub fn group_thousands(value: u128, sep: char) -> String {
    group_digits(value, sep)
}

fn group_digits(value: u128, sep: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} đ", self.grouped())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vietnamese_and_plain_amounts() {
        assert_eq!(Money::parse("0"), Some(Money::ZERO));
        assert_eq!(Money::parse("8.000 đồng"), Some(Money::from_dong(8_000)));
        assert_eq!(Money::parse("500.000đ"), Some(Money::from_dong(500_000)));
        assert_eq!(
            Money::parse("1 000 000 VND"),
            Some(Money::from_dong(1_000_000))
        );
        assert_eq!(Money::parse("12345"), Some(Money::from_dong(12_345)));
    }

    #[test]
    fn rejects_decimals_signs_and_bad_grouping() {
        for bad in [
            "1.5", "-100", "1.0000", "abc", "", "đồng", "1.000,5", ",000",
        ] {
            assert_eq!(Money::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn groups_digits() {
        assert_eq!(Money::from_dong(0).to_string(), "0 đ");
        assert_eq!(Money::from_dong(999).grouped(), "999");
        assert_eq!(Money::from_dong(1_024_000).grouped(), "1.024.000");
        assert_eq!(Money::from_dong(1_024_000).grouped_en(), "1,024,000");
    }

    #[test]
    fn arithmetic_is_checked() {
        let max = Money::from_dong(u128::MAX);
        assert_eq!(max.checked_add(Money::from_dong(1)), None);
        assert_eq!(max.saturating_add(Money::from_dong(1)), max);
        assert_eq!(Money::ZERO.checked_sub(Money::from_dong(1)), None);
    }
}
