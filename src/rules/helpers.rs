//! Small helpers shared by several rules.

use super::RuleContext;
use crate::finding::Saving;
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

/// The saving of dropping that effort: applicant hours, trips and đồng per
/// case (valued on the cost basis in force, by the same formula as the
/// metrics) and per year (when the procedure declares its volume).
pub(crate) fn effort_saving(
    ctx: &RuleContext<'_>,
    milli_hours: u64,
    trips: u32,
    cost: Money,
) -> Saving {
    let per_case = crate::metrics::effort_value(ctx.basis, milli_hours, trips, cost);
    // The same items the cost lines name for this effort.
    let basis: &'static [&'static str] = match (milli_hours > 0, trips > 0) {
        (_, true) => &["hourly_income", "trip_milli_hours", "trip_cost"],
        (true, false) => &["hourly_income"],
        (false, false) => &[],
    };
    Saving {
        applicant_milli_hours: (milli_hours > 0).then_some(milli_hours),
        trips: (trips > 0).then_some(trips),
        basis,
        ..money_saving(ctx.procedure, per_case)
    }
}

/// A saving of `per_case` đồng per case, and per year when the volume is known.
pub(crate) fn money_saving(p: &Procedure, per_case: Money) -> Saving {
    let some = per_case.dong() > 0;
    Saving {
        per_case: some.then_some(per_case),
        per_year: some
            .then(|| p.cases_per_year().and_then(|n| per_case.checked_mul(n)))
            .flatten(),
        ..Default::default()
    }
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
}
