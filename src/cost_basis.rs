//! The cost basis: the prices and standard times the Standard Cost Model
//! multiplies applicant effort by (hourly income, trip time and cost,
//! certification fee, learning time), each with its source and year.
//!
//! The default ([`CostBasis::default`]) is embedded as Rust constants, so a
//! service gets it without parsing anything; a YAML file can override any
//! subset of the values ([`CostBasis::from_yaml_str`]).

use crate::load::{LoadError, LoadErrors, LoadOptions, parse_typed};
use crate::model::{Money, parse_milli_amount};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// A value with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from (a statistic, a legal text, or why it was assumed).
    pub source: String,
    /// The year the value refers to, when known.
    pub year: Option<u16>,
    /// Whether the value is an assumption rather than a published figure.
    pub assumption: bool,
}

impl<T> Sourced<T> {
    fn new(value: T, source: &str, year: Option<u16>, assumption: bool) -> Sourced<T> {
        Sourced {
            value,
            source: source.to_string(),
            year,
            assumption,
        }
    }
}

/// Prices and standard times for the compliance cost (SPEC section 5).
///
/// Times are in thousandths of an hour, money in whole đồng.
///
/// ```
/// use tthc::cost_basis::CostBasis;
/// let basis = CostBasis::default();
/// assert_eq!(basis.hourly_income.value.dong(), 43_182);
///
/// let custom = CostBasis::from_yaml_str(
///     "hourly_income: { value: 50000, source: Khảo sát 2025, year: 2025 }\ntrip_hours: 1.5\n",
///     "basis.yaml",
/// ).unwrap();
/// assert_eq!(custom.hourly_income.value.dong(), 50_000);
/// assert_eq!(custom.trip_milli_hours.value, 1_500);
/// assert_eq!(custom.trip_cost, basis.trip_cost); // not overridden
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostBasis {
    /// Average income per working hour of the applicant.
    pub hourly_income: Sourced<Money>,
    /// Time one in-person trip takes (travel both ways and waiting).
    pub trip_milli_hours: Sourced<u64>,
    /// Out-of-pocket cost of one in-person trip.
    pub trip_cost: Sourced<Money>,
    /// Fee for certifying one copy (chứng thực bản sao).
    pub certification_fee: Sourced<Money>,
    /// Time to learn about the procedure, once per case.
    pub learning_milli_hours: Sourced<u64>,
}

impl Default for CostBasis {
    fn default() -> CostBasis {
        CostBasis {
            hourly_income: Sourced::new(
                Money::from_dong(43_182),
                "GSO, labour-market report Q3 2024: average monthly income of workers \
                 7.6 million đồng / 176 working hours (22 days × 8 hours), rounded half up",
                Some(2024),
                false,
            ),
            trip_milli_hours: Sourced::new(
                2_000,
                "Assumption: 2 hours per in-person trip (travel both ways within the \
                 province and waiting at the one-stop counter)",
                Some(2024),
                true,
            ),
            trip_cost: Sourced::new(
                Money::from_dong(30_000),
                "Assumption: 30,000 đồng per trip (fuel and parking for a round trip \
                 by motorbike within the province)",
                Some(2024),
                true,
            ),
            certification_fee: Sourced::new(
                Money::from_dong(2_000),
                "Thông tư 226/2016/TT-BTC: chứng thực bản sao từ bản chính 2,000 đồng \
                 per page; one page per copy is an assumption, and the fee level was \
                 not verified against the text in force",
                Some(2016),
                true,
            ),
            learning_milli_hours: Sourced::new(
                1_000,
                "Assumption: 1 hour to learn about the procedure (Destatis 2012 time \
                 values: familiarising with an obligation of high complexity, 60 minutes)",
                Some(2012),
                true,
            ),
        }
    }
}

impl CostBasis {
    /// The default basis with the values given in a YAML document overriding
    /// it. Every key is optional; a value is either bare (`trip_hours: 1.5`)
    /// or a mapping with `value`, `source`, `year`, `assumption`:
    ///
    /// ```yaml
    /// hourly_income: { value: 50000, source: "GSO 2025", year: 2025 }
    /// trip_hours: 1.5          # hours, decimal ("1,5" also accepted)
    /// trip_cost: "25.000 đồng"
    /// certification_fee: 2000
    /// learning_hours: 0.5
    /// ```
    ///
    /// A value given without a source gets `origin` as its source.
    pub fn from_yaml_str(src: &str, origin: &str) -> Result<CostBasis, LoadErrors> {
        let file: BasisFile = parse_typed(src, origin, &LoadOptions::default())?;
        Ok(file.apply(CostBasis::default(), origin))
    }

    /// Reads a cost-basis override file from disk; see [`CostBasis::from_yaml_str`].
    /// Returns the file text too, for rendering errors with a snippet.
    pub fn load_file(path: &std::path::Path) -> (Option<String>, Result<CostBasis, LoadErrors>) {
        let origin = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let result = CostBasis::from_yaml_str(&text, &origin);
                (Some(text), result)
            }
            Err(e) => (
                None,
                Err(LoadError::new(
                    &origin,
                    crate::load::LoadErrorKind::Io {
                        detail: e.to_string(),
                    },
                )
                .into()),
            ),
        }
    }
}

/// The override file: every key optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BasisFile {
    hourly_income: Option<Entry<MoneyValue>>,
    trip_hours: Option<Entry<HoursValue>>,
    trip_cost: Option<Entry<MoneyValue>>,
    certification_fee: Option<Entry<MoneyValue>>,
    learning_hours: Option<Entry<HoursValue>>,
}

impl BasisFile {
    fn apply(self, mut basis: CostBasis, origin: &str) -> CostBasis {
        fn set<T, V: Into<T>>(slot: &mut Sourced<T>, entry: Option<Entry<V>>, origin: &str) {
            if let Some(e) = entry {
                *slot = Sourced {
                    value: e.value.into(),
                    source: e.source.unwrap_or_else(|| origin.to_string()),
                    year: e.year,
                    assumption: e.assumption.unwrap_or(false),
                };
            }
        }
        set(&mut basis.hourly_income, self.hourly_income, origin);
        set(&mut basis.trip_milli_hours, self.trip_hours, origin);
        set(&mut basis.trip_cost, self.trip_cost, origin);
        set(&mut basis.certification_fee, self.certification_fee, origin);
        set(&mut basis.learning_milli_hours, self.learning_hours, origin);
        basis
    }
}

/// One overridden value: bare, or with its source.
struct Entry<V> {
    value: V,
    source: Option<String>,
    year: Option<u16>,
    assumption: Option<bool>,
}

/// A scalar of the override file, converted exactly (no float arithmetic).
trait Scalar: Sized {
    const EXPECTED: &'static str;
    fn from_text(text: &str) -> Option<Self>;
}

/// Whole đồng: `43182`, `"43.182 đồng"`.
struct MoneyValue(Money);

impl From<MoneyValue> for Money {
    fn from(v: MoneyValue) -> Money {
        v.0
    }
}

impl Scalar for MoneyValue {
    const EXPECTED: &'static str = "an amount in whole đồng (43182 or \"43.182 đồng\")";
    fn from_text(text: &str) -> Option<Self> {
        Money::parse(text).map(MoneyValue)
    }
}

/// Hours with up to three decimals, kept as thousandths.
struct HoursValue(u64);

impl From<HoursValue> for u64 {
    fn from(v: HoursValue) -> u64 {
        v.0
    }
}

impl Scalar for HoursValue {
    const EXPECTED: &'static str =
        "a non-negative number of hours with at most three decimals (1.5 or \"1,5\")";
    fn from_text(text: &str) -> Option<Self> {
        parse_milli_amount(text.trim()).ok().map(HoursValue)
    }
}

struct ScalarVisitor<V>(PhantomData<V>);

impl<V: Scalar> ScalarVisitor<V> {
    fn convert<E: de::Error>(text: &str) -> Result<V, E> {
        V::from_text(text).ok_or_else(|| E::custom(format!("`{text}` is not {}", V::EXPECTED)))
    }
}

impl<'de, V: Scalar> Visitor<'de> for ScalarVisitor<V> {
    type Value = V;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(V::EXPECTED)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V, E> {
        Self::convert(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V, E> {
        Self::convert(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V, E> {
        // The shortest text that reads back as `v` is the decimal the user
        // wrote (for up to 15 significant digits), so parsing it is exact.
        Self::convert(&v.to_string())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V, E> {
        Self::convert(v)
    }
}

struct ScalarSeed<V>(PhantomData<V>);

impl<'de, V: Scalar> de::DeserializeSeed<'de> for ScalarSeed<V> {
    type Value = V;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V, D::Error> {
        d.deserialize_any(ScalarVisitor(PhantomData))
    }
}

struct EntryVisitor<V>(PhantomData<V>);

impl<'de, V: Scalar> Visitor<'de> for EntryVisitor<V> {
    type Value = Entry<V>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} or {{ value, source, year, assumption }}",
            V::EXPECTED
        )
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Entry<V>, E> {
        ScalarVisitor(PhantomData).visit_u64(v).map(bare)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Entry<V>, E> {
        ScalarVisitor(PhantomData).visit_i64(v).map(bare)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Entry<V>, E> {
        ScalarVisitor(PhantomData).visit_f64(v).map(bare)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Entry<V>, E> {
        ScalarVisitor(PhantomData).visit_str(v).map(bare)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry<V>, A::Error> {
        let mut value = None;
        let mut entry = Entry {
            value: (),
            source: None,
            year: None,
            assumption: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = Some(map.next_value_seed(ScalarSeed::<V>(PhantomData))?),
                "source" => entry.source = Some(map.next_value()?),
                "year" => entry.year = Some(map.next_value()?),
                "assumption" => entry.assumption = Some(map.next_value()?),
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &["value", "source", "year", "assumption"],
                    ));
                }
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(Entry {
            value,
            source: entry.source,
            year: entry.year,
            assumption: entry.assumption,
        })
    }
}

fn bare<V>(value: V) -> Entry<V> {
    Entry {
        value,
        source: None,
        year: None,
        assumption: None,
    }
}

impl<'de, V: Scalar> Deserialize<'de> for Entry<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Entry<V>, D::Error> {
        d.deserialize_any(EntryVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_hourly_income_is_the_gso_figure() {
        // 7,600,000 / 176 = 43,181.81… → 43,182 (half up).
        let exact = 7_600_000u128 * 10 / 176;
        assert_eq!((exact + 5) / 10, 43_182);
        assert_eq!(CostBasis::default().hourly_income.value.dong(), 43_182);
        assert!(!CostBasis::default().hourly_income.assumption);
    }

    #[test]
    fn assumptions_are_labelled() {
        let b = CostBasis::default();
        assert!(b.trip_milli_hours.assumption);
        assert!(b.trip_cost.assumption);
        assert!(b.learning_milli_hours.assumption);
        assert!(b.certification_fee.source.contains("226/2016/TT-BTC"));
    }

    #[test]
    fn overrides_bare_and_sourced_values_exactly() {
        let b = CostBasis::from_yaml_str(
            "trip_hours: \"0,25\"\ntrip_cost: \"25.000 đồng\"\nlearning_hours: 0.1\ncertification_fee: { value: 3000, source: QĐ X, year: 2025, assumption: true }\n",
            "b.yaml",
        )
        .unwrap();
        assert_eq!(b.trip_milli_hours.value, 250);
        assert_eq!(b.trip_milli_hours.source, "b.yaml");
        assert_eq!(b.trip_cost.value.dong(), 25_000);
        assert_eq!(b.learning_milli_hours.value, 100);
        assert_eq!(b.certification_fee.value.dong(), 3_000);
        assert_eq!(b.certification_fee.year, Some(2025));
        assert!(b.certification_fee.assumption);
        assert_eq!(b.hourly_income, CostBasis::default().hourly_income);
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values_with_a_location() {
        let e = CostBasis::from_yaml_str("hourly_incme: 5\n", "b.yaml").unwrap_err();
        assert!(e.errors[0].to_string().contains("hourly_incme"), "{e:?}");
        for bad in [
            "trip_hours: -1\n",
            "trip_hours: 0.0001\n",
            "trip_cost: 1.5\n",
            "trip_cost: abc\n",
            "trip_cost: { source: x }\n",
            "trip_cost: { value: 1, sauce: x }\n",
        ] {
            let e = CostBasis::from_yaml_str(bad, "b.yaml").unwrap_err();
            let e = &e.errors[0];
            assert_eq!(e.location.map(|l| l.line), Some(1), "{bad}: {e}");
        }
    }
}
