//! The cost basis: the prices and standard times the Standard Cost Model
//! multiplies applicant effort by (hourly income, trip time and cost,
//! certification fee), each with its source and year. Standard times are
//! not part of it: the compliance cost adds only what the file declares.
//!
//! The default ([`CostBasis::default`]) is embedded as Rust constants, so a
//! service gets it without parsing anything; a YAML file can override any
//! subset of the values ([`CostBasis::from_yaml_str`]).

use crate::load::node::{Node, NodeKind};
use crate::load::reader::{Reader, join};
use crate::load::{LoadErrors, LoadOptions};
use crate::model::Money;
use serde::Serialize;

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
    /// ```
    ///
    /// A value given without a source gets `origin` as its source. Errors
    /// are located at the line and column of the key or value.
    pub fn from_yaml_str(src: &str, origin: &str) -> Result<CostBasis, LoadErrors> {
        let options = LoadOptions::default();
        let root = crate::load::yaml::parse_node(src, origin, &options)?;
        let mut r = Reader::new(origin, src);
        let basis = match &root {
            Some(node) => read_override(&mut r, node, "", CostBasis::default()),
            None => Some(CostBasis::default()),
        };
        match basis {
            Some(b) if r.errors.is_empty() => Ok(b),
            _ => Err(LoadErrors::from_errors(r.errors, Some(src))),
        }
    }

    /// Reads a cost-basis override file from disk (within the size limit);
    /// see [`CostBasis::from_yaml_str`]. Errors carry the file's text.
    pub fn load_file(path: &std::path::Path) -> Result<CostBasis, LoadErrors> {
        let origin = path.display().to_string();
        let text = crate::load::read_text(path, &LoadOptions::default())?;
        CostBasis::from_yaml_str(&text, &origin)
    }
}

const BASIS_KEYS: &[&str] = &[
    "hourly_income",
    "trip_hours",
    "trip_cost",
    "certification_fee",
];
const ENTRY_KEYS: &[&str] = &["value", "source", "year", "assumption"];

/// Reads a cost-basis mapping (a file, or the `cost_basis:` section of a
/// `tthc.yaml`) over `base`; `None` when it has errors (in `r`).
pub(crate) fn read_override(
    r: &mut Reader<'_>,
    node: &Node,
    path: &str,
    mut base: CostBasis,
) -> Option<CostBasis> {
    let fields = r.fields(node, path, BASIS_KEYS)?;
    let origin = r.origin.to_string();
    let errors = r.errors.len();
    for key in BASIS_KEYS {
        let Some(value) = fields.get(key) else {
            continue;
        };
        let at = join(path, key);
        match *key {
            "hourly_income" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.hourly_income,
                |r, n, p| r.money(n, p),
            ),
            "trip_hours" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.trip_milli_hours,
                |r, n, p| r.milli(n, p),
            ),
            "trip_cost" => set(r, value, &at, &origin, &mut base.trip_cost, |r, n, p| {
                r.money(n, p)
            }),
            _ => set(
                r,
                value,
                &at,
                &origin,
                &mut base.certification_fee,
                |r, n, p| r.money(n, p),
            ),
        }
    }
    (r.errors.len() == errors).then_some(base)
}

/// One value: bare, or `{ value, source, year, assumption }`.
fn set<'s, T>(
    r: &mut Reader<'s>,
    node: &Node,
    path: &str,
    origin: &str,
    slot: &mut Sourced<T>,
    read: impl Fn(&mut Reader<'s>, &Node, &str) -> Option<T>,
) {
    if !matches!(node.kind, NodeKind::Map(_)) {
        if let Some(value) = read(r, node, path) {
            *slot = Sourced::new(value, origin, None, false);
        }
        return;
    }
    let Some(f) = r.fields(node, path, ENTRY_KEYS) else {
        return;
    };
    let Some(value_node) = r.required(&f, "value", path) else {
        return;
    };
    let value = read(r, value_node, &join(path, "value"));
    let source = r.opt_text(f.get("source"), &join(path, "source"));
    let year = f
        .get("year")
        .and_then(|n| r.count(n, &join(path, "year"), 9999));
    let assumption = f
        .get("assumption")
        .and_then(|n| r.boolean(n, &join(path, "assumption")));
    if let Some(value) = value {
        *slot = Sourced {
            value,
            source: source.unwrap_or_else(|| origin.to_string()),
            year: year.and_then(|y| u16::try_from(y).ok()),
            assumption: assumption.unwrap_or(false),
        };
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
        assert!(b.certification_fee.source.contains("226/2016/TT-BTC"));
    }

    #[test]
    fn overrides_bare_and_sourced_values_exactly() {
        let b = CostBasis::from_yaml_str(
            "trip_hours: \"0,25\"\ntrip_cost: \"25.000 đồng\"\ncertification_fee: { value: 3000, source: QĐ X, year: 2025, assumption: true }\n",
            "b.yaml",
        )
        .unwrap();
        assert_eq!(b.trip_milli_hours.value, 250);
        assert_eq!(b.trip_milli_hours.source, "b.yaml");
        assert_eq!(b.trip_cost.value.dong(), 25_000);
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
