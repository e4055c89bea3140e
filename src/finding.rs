//! Findings: what a review rule reports about one element of a procedure.

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::element::ElementPath;
use crate::fix::Fix;
use crate::i18n::{Lang, Text};
use crate::model::Money;
use crate::source_map::Location;
use serde::{Deserialize, Serialize};

/// What following a finding's suggestion would save, where it can be measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saving {
    /// Processing time saved, in thousandths of a working day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_milli_days: Option<u64>,
    /// Applicant time saved per case, in thousandths of an hour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant_milli_hours: Option<u64>,
    /// In-person trips saved per case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trips: Option<u32>,
    /// Out-of-pocket money saved per case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_case: Option<Money>,
    /// Money saved per year (per case × cases per year), when the volume is declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_year: Option<Money>,
    /// The items of the cost basis that value the money saved, by their
    /// keys in `tthc metrics --format json`'s `cost_basis` (where each has
    /// its value, source and year): `hourly_income`, `trip_milli_hours`,
    /// `trip_cost`, `certification_fee` …; empty for a fee or a time.
    #[serde(skip_serializing_if = "<[_]>::is_empty", skip_deserializing)]
    pub basis: &'static [&'static str],
}

impl Saving {
    /// Whether nothing is measured.
    pub fn is_empty(&self) -> bool {
        *self == Saving::default()
    }

    /// The saving described in one line, in both languages.
    pub fn describe(&self) -> Text {
        let mut vi = Vec::new();
        let mut en = Vec::new();
        if let Some(d) = self.working_milli_days {
            vi.push(format!(
                "{} ngày làm việc",
                crate::model::format_milli(d, ',')
            ));
            en.push(format!(
                "{} working {}",
                crate::model::format_milli(d, '.'),
                if d == 1000 { "day" } else { "days" }
            ));
        }
        if let Some(h) = self.applicant_milli_hours {
            vi.push(format!(
                "{} giờ của người nộp mỗi hồ sơ",
                crate::model::format_milli(h, ',')
            ));
            en.push(format!(
                "{} applicant {} per case",
                crate::model::format_milli(h, '.'),
                if h == 1000 { "hour" } else { "hours" }
            ));
        }
        if let Some(t) = self.trips {
            vi.push(format!("{t} lượt đi lại mỗi hồ sơ"));
            en.push(format!(
                "{t} {} per case",
                if t == 1 { "trip" } else { "trips" }
            ));
        }
        if let Some(m) = self.per_case {
            vi.push(format!("{} đồng mỗi hồ sơ", m.grouped()));
            en.push(format!("{} đồng per case", m.grouped_en()));
        }
        if let Some(m) = self.per_year {
            vi.push(format!("{} đồng mỗi năm", m.grouped()));
            en.push(format!("{} đồng a year", m.grouped_en()));
        }
        Text::new(
            format!("tiết kiệm: {}", vi.join(", ")),
            format!("saving: {}", en.join(", ")),
        )
    }
}

/// One finding of a review rule about one element of a procedure.
///
/// Findings are plain data (serializable); [`Diagnostic::from`] turns one into
/// the located, rustc-like message the text renderer shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule code (`TT304`).
    pub code: String,
    /// Kebab-case rule name (`certified-copy-required`).
    pub name: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong.
    pub message: Text,
    /// The procedure's origin (file name) it is about.
    pub origin: String,
    /// Element path (`documents.ban-sao.form`), when the finding is about one element.
    pub element: Option<ElementPath>,
    /// Where the element was written, when loaded from a file.
    pub location: Option<Location>,
    /// Other elements the finding involves (the first copy of a duplicate
    /// document, the earlier of two examinations), with what each is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The legal basis of the rule, when there is one.
    pub legal_basis: Option<Text>,
    /// What to change.
    pub suggestion: Option<Text>,
    /// What the change would save, where measurable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saving: Option<Saving>,
    /// The mechanical change that resolves it, when there is one (edits of
    /// the text the procedure was loaded from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Finding {
    /// Adds a suggested change.
    pub fn suggest(mut self, vi: impl Into<String>, en: impl Into<String>) -> Finding {
        self.suggestion = Some(Text::new(vi, en));
        self
    }

    /// Adds a measured saving (ignored when empty).
    pub fn with_saving(mut self, saving: Saving) -> Finding {
        self.saving = (!saving.is_empty()).then_some(saving);
        self
    }

    /// Adds the mechanical change that resolves it (ignored when `None`).
    pub fn with_fix(mut self, fix: Option<Fix>) -> Finding {
        self.fix = fix;
        self
    }

    /// Adds a secondary location.
    pub fn with_related(mut self, related: Related) -> Finding {
        self.related.push(related);
        self
    }

    /// Overrides the severity (for notes a rule emits below its level).
    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    /// The diagnostic for text output, with the legal basis in `lang`.
    pub fn to_diagnostic(&self, lang: Lang) -> Diagnostic {
        Diagnostic {
            code: self.code.clone(),
            name: self.name.clone(),
            severity: self.severity,
            origin: self.origin.clone(),
            element: self.element.clone(),
            location: self.location,
            related: self.related.clone(),
            message: self.message.clone(),
            help: self.suggestion.clone(),
            legal_basis: self.legal_basis.as_ref().map(|b| b.get(lang).to_string()),
            notes: self.saving.iter().map(Saving::describe).collect(),
        }
    }
}

/// Converts with the legal basis cited in Vietnamese, the language of the
/// legal texts; use [`Finding::to_diagnostic`] to choose.
impl From<&Finding> for Diagnostic {
    fn from(f: &Finding) -> Diagnostic {
        f.to_diagnostic(Lang::Vi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_carries_help_basis_and_saving() {
        let f = Finding {
            code: "TT304".into(),
            name: "certified-copy-required".into(),
            severity: Severity::Warn,
            message: Text::new("vi", "en"),
            origin: "a.yaml".into(),
            element: Some(ElementPath::from_text("documents.x.form")),
            location: None,
            related: Vec::new(),
            legal_basis: Some(Text::new("Nghị định 23/2015/NĐ-CP", "Decree 23/2015/NĐ-CP")),
            suggestion: None,
            saving: None,
            fix: None,
        }
        .suggest("sửa", "fix")
        .with_saving(Saving {
            trips: Some(1),
            ..Saving::default()
        });
        let d = f.to_diagnostic(Lang::En);
        assert_eq!(d.legal_basis.as_deref(), Some("Decree 23/2015/NĐ-CP"));
        assert_eq!(d.help.unwrap().en, "fix");
        assert_eq!(d.notes[0].en, "saving: 1 trip per case");
        assert_eq!(
            Diagnostic::from(&f).legal_basis.as_deref(),
            Some("Nghị định 23/2015/NĐ-CP")
        );
        assert!(f.clone().with_saving(Saving::default()).saving.is_none());
    }
}
