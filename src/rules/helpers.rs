//! Small helpers shared by several rules.

use crate::model::{Actor, Money, Procedure, Step};

/// A name compared loosely: lower case, punctuation dropped, spaces collapsed.
/// Diacritics are kept: in Vietnamese they distinguish words.
pub(crate) fn normalise(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The agency acting in a step, normalised; `None` for the applicant.
pub(crate) fn agency_key(step: &Step) -> Option<String> {
    match &step.actor {
        Actor::Applicant => None,
        Actor::Agency(name) => Some(normalise(name)),
    }
}

/// The default cost basis, built once: rules value savings with it (a
/// custom basis changes `tthc metrics`, not the findings' estimates).
pub(crate) fn default_basis() -> &'static crate::cost_basis::CostBasis {
    static BASIS: std::sync::OnceLock<crate::cost_basis::CostBasis> = std::sync::OnceLock::new();
    BASIS.get_or_init(crate::cost_basis::CostBasis::default)
}

/// What applicant time, in-person trips and out-of-pocket cost are worth per
/// case under the Standard Cost Model with the default cost basis: hours ×
/// hourly income + trips × (trip time × hourly income + trip cost) + cost,
/// rounded half up to the đồng once.
pub(crate) fn effort_value(milli_hours: u64, trips: u32, cost: Money) -> Money {
    let basis = default_basis();
    let hourly = basis.hourly_income.value.dong();
    let trip_milli = u128::from(trips) * u128::from(basis.trip_milli_hours.value);
    let time = crate::metrics::div_round_half_up(
        (u128::from(milli_hours) + trip_milli).saturating_mul(hourly),
        1000,
    )
    .unwrap_or(u128::MAX);
    Money::from_dong(time)
        .saturating_add(basis.trip_cost.value.saturating_mul(u128::from(trips)))
        .saturating_add(cost)
}

/// The saving of dropping that effort: applicant hours, trips and đồng per
/// case and per year (when the procedure declares its volume).
pub(crate) fn effort_saving(
    p: &Procedure,
    milli_hours: u64,
    trips: u32,
    cost: Money,
) -> crate::finding::Saving {
    let per_case = effort_value(milli_hours, trips, cost);
    crate::finding::Saving {
        applicant_milli_hours: (milli_hours > 0).then_some(milli_hours),
        trips: (trips > 0).then_some(trips),
        per_case: (per_case.dong() > 0).then_some(per_case),
        per_year: (per_case.dong() > 0)
            .then(|| per_year(p, per_case))
            .flatten(),
        ..Default::default()
    }
}

/// Per-case money × declared cases a year, when both are known.
pub(crate) fn per_year(p: &Procedure, per_case: Money) -> Option<Money> {
    p.cases_per_year().and_then(|n| per_case.checked_mul(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spacing_case_and_punctuation() {
        assert_eq!(
            normalise("  Bản sao  Giấy khai sinh; "),
            normalise("bản sao giấy khai sinh")
        );
        assert_ne!(normalise("Bản sao"), normalise("Ban sao"));
    }

    #[test]
    fn values_effort_with_the_default_basis() {
        // 1 h + one trip (2 h, 30,000 đ): 3 h × 43,182 = 129,546 + 30,000.
        assert_eq!(
            effort_value(1000, 1, Money::ZERO),
            Money::from_dong(159_546)
        );
        // 0.25 h × 43,182 = 10,795.5 → 10,796 (half up), + 5,000 đ.
        assert_eq!(
            effort_value(250, 0, Money::from_dong(5_000)),
            Money::from_dong(15_796)
        );
        assert_eq!(effort_value(0, 0, Money::ZERO), Money::ZERO);
    }
}
