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
}
