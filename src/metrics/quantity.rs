//! Exact values with their unit, printed in either language's notation.

use crate::i18n::Lang;
use crate::model::group_thousands;
use serde::{Serialize, Serializer};
use std::fmt;

/// The unit of a metric's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count.
    Count,
    /// Whole đồng.
    Dong,
    /// Hours (kept in thousandths).
    Hours,
    /// Working days (kept in thousandths).
    WorkingDays,
    /// Calendar days (kept in thousandths).
    CalendarDays,
    /// A percentage (kept in hundredths).
    Percent,
}

impl Unit {
    /// How many stored units make one unit: values are exact integers of
    /// `1 / scale` of the unit.
    pub const fn scale(self) -> i128 {
        match self {
            Unit::Count | Unit::Dong => 1,
            Unit::Hours | Unit::WorkingDays | Unit::CalendarDays => 1_000,
            Unit::Percent => 100,
        }
    }

    /// The unit's name after a number, in `lang` (`ngày làm việc`, `đ`).
    pub fn suffix(self, lang: Lang) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Dong => lang.pick("đ", "VND"),
            Unit::Hours => lang.pick("giờ", "h"),
            Unit::WorkingDays => lang.pick("ngày làm việc", "working days"),
            Unit::CalendarDays => lang.pick("ngày", "days"),
            Unit::Percent => "%",
        }
    }
}

/// An exact value of a metric, with its unit.
///
/// ```
/// use tthc::{Lang, metrics::{Quantity, Unit}};
/// let q = Quantity::new(2_625, Unit::Hours); // 2.625 hours
/// assert_eq!(q.to_string(), "2.625");
/// assert_eq!(q.text(Lang::Vi), "2,625 giờ");
/// assert_eq!(Quantity::new(1_024_000, Unit::Dong).text(Lang::Vi), "1.024.000 đ");
/// assert_eq!(Quantity::new(5_701, Unit::Percent).text(Lang::Vi), "57,01%");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    scaled: i128,
    unit: Unit,
}

impl Quantity {
    /// A value of `scaled` ÷ [`Unit::scale`] units.
    pub const fn new(scaled: i128, unit: Unit) -> Quantity {
        Quantity { scaled, unit }
    }

    /// A whole count.
    pub fn count(n: impl TryInto<i128>) -> Option<Quantity> {
        n.try_into().ok().map(|v| Quantity::new(v, Unit::Count))
    }

    /// The stored integer (value × scale).
    pub const fn scaled(self) -> i128 {
        self.scaled
    }

    /// The unit.
    pub const fn unit(self) -> Unit {
        self.unit
    }

    /// The value in millionths of the unit (the review tests' decimals).
    pub fn millionths(self) -> Option<i128> {
        self.scaled.checked_mul(1_000_000 / self.unit.scale())
    }

    /// The number in `lang`'s notation (`2,625`, `1.024.000` in Vietnamese).
    pub fn number(self, lang: Lang) -> String {
        let (dec, group) = match lang {
            Lang::Vi => (',', '.'),
            Lang::En => ('.', ','),
        };
        let scale = self.unit.scale();
        let sign = if self.scaled < 0 { "-" } else { "" };
        let abs = self.scaled.unsigned_abs();
        let whole = group_thousands(abs / scale.unsigned_abs(), group);
        let frac = abs % scale.unsigned_abs();
        let digits = match scale {
            1_000 => 3,
            100 => 2,
            _ => 0,
        };
        if frac == 0 || digits == 0 {
            return format!("{sign}{whole}");
        }
        let frac = format!("{frac:0digits$}");
        format!("{sign}{whole}{dec}{}", frac.trim_end_matches('0'))
    }

    /// The number with its unit in `lang` (`2,625 giờ`, `57,01%`).
    pub fn text(self, lang: Lang) -> String {
        let number = self.number(lang);
        match self.unit {
            Unit::Count => number,
            Unit::Percent => format!("{number}%"),
            unit => format!("{number} {}", unit.suffix(lang)),
        }
    }
}

/// The plain decimal (`2.625`, `1024000`): what JSON and CSV carry.
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = self.unit.scale();
        if scale == 1 {
            return write!(f, "{}", self.scaled);
        }
        let sign = if self.scaled < 0 { "-" } else { "" };
        let abs = self.scaled.unsigned_abs();
        let s = scale.unsigned_abs();
        let digits = if scale == 1_000 { 3 } else { 2 };
        let frac = format!("{:0digits$}", abs % s);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            write!(f, "{sign}{}", abs / s)
        } else {
            write!(f, "{sign}{}.{frac}", abs / s)
        }
    }
}

/// Serialized as a JSON number with the exact decimal digits.
impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let scale = self.unit.scale();
        match scale {
            _ if self.scaled % scale == 0 => s.serialize_i128(self.scaled / scale),
            // At most three decimals and far below 2^53 for any real figure:
            // the shortest round-trip text of the f64 is the exact decimal.
            _ => s.serialize_f64(self.scaled as f64 / self.unit.scale() as f64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_print_exactly_in_both_notations() {
        assert_eq!(Quantity::new(-1_500, Unit::WorkingDays).to_string(), "-1.5");
        assert_eq!(Quantity::new(7_000, Unit::WorkingDays).to_string(), "7");
        assert_eq!(Quantity::new(7_744, Unit::Percent).text(Lang::En), "77.44%");
        assert_eq!(
            Quantity::new(1_024_000, Unit::Dong).text(Lang::En),
            "1,024,000 VND"
        );
        assert_eq!(
            Quantity::new(500, Unit::WorkingDays).millionths(),
            Some(500_000)
        );
    }
}
