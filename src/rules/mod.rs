//! Review rules: one file per rule, and a registry.
//!
//! Every rule has a stable code (`TT304`), a kebab-case name
//! (`certified-copy-required`), a default severity, a family and an
//! explanation in Vietnamese and English (what, why, example, legal basis)
//! next to its code. Rules read a [`RuleContext`] — the procedure, its step
//! graph, facts computed once, its metrics and the cost basis — and push
//! [`Finding`]s. Every rule runs in O(V + E) or O(V log V + E) of the
//! procedure; none enumerates paths. Reviews run through
//! [`crate::Analysis`]:
//!
//! ```
//! use tthc::{Analysis, Settings};
//! let src = "format: tthc/1\nname: X\nsteps:\n  a: { name: Nộp, actor: applicant }\n";
//! let analysis = Analysis::from_yaml_str(src, "x.yaml", &Settings::default())?;
//! assert!(analysis.findings().iter().any(|f| f.code == "TT002")); // no legal basis
//! assert_eq!(tthc::rules::find("TT002").map(|r| r.name), Some("missing-legal-basis"));
//! # Ok::<(), tthc::LoadErrors>(())
//! ```

mod context;
mod explain;
mod helpers;
mod options;
mod timing;

pub use context::{DocumentFacts, Facts, RuleContext};
pub use explain::{explanation, markdown_table, summary_line};
pub use options::{Preset, ReviewOptions, RuleLevel, UnknownRule};

use crate::checked::CheckedProcedure;
use crate::cost_basis::CostBasis;
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::i18n::{Lang, Text};
use crate::metrics::Metrics;
use serde::Serialize;

/// Declares the rule modules and the registry in one list: adding a rule is
/// its file and one line here.
macro_rules! rules {
    ($($module:ident :: $rule:ident),+ $(,)?) => {
        $(mod $module;)+
        static REGISTRY: &[&dyn Rule] = &[$(&$module::$rule),+];
    };
}

rules! {
    tt001_missing_element::MissingElement,
    tt002_missing_legal_basis::MissingLegalBasis,
    tt003_undeclared_fees::UndeclaredFees,
    tt004_obsolete_level::ObsoleteLevel,
    tt005_undeclared_effort::UndeclaredEffort,
    tt006_invalid_suppression::InvalidSuppression,
    tt007_unused_suppression::UnusedSuppression,
    tt008_cost_out_of_range::CostOutOfRange,
    tt101_unreachable_step::UnreachableStep,
    tt102_dead_end_step::DeadEndStep,
    tt103_no_result::NoResult,
    tt104_redundant_edge::RedundantEdge,
    tt105_missing_duration::MissingDuration,
    tt201_deadline_exceeded::DeadlineExceeded,
    tt202_deadline_slack::DeadlineSlack,
    tt203_serial_independent_steps::SerialIndependentSteps,
    tt301_duplicate_document::DuplicateDocument,
    tt302_requested_after_produced::RequestedAfterProduced,
    tt303_state_held_document::StateHeldDocument,
    tt304_certified_copy_required::CertifiedCopyRequired,
    tt305_excess_copies::ExcessCopies,
    tt306_unused_document::UnusedDocument,
    tt401_redundant_transfer::RedundantTransfer,
    tt402_repeated_examination::RepeatedExamination,
    tt403_multiple_trips::MultipleTrips,
    tt404_no_online_channel::NoOnlineChannel,
    tt405_repeated_supplement::RepeatedSupplement,
    tt406_handoff_churn::HandoffChurn,
}

/// A text in both languages, fixed at compile time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StaticText {
    /// Vietnamese.
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

impl StaticText {
    /// The translation for `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }

    /// As an owned [`Text`].
    pub fn to_text(&self) -> Text {
        Text::new(self.vi, self.en)
    }
}

/// What part of a procedure a rule looks at (the hundreds of its code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// TT0xx: the Decree 63 Art. 8 elements are present.
    Completeness,
    /// TT1xx: the step graph is sound.
    Structure,
    /// TT2xx: deadlines and processing time.
    Time,
    /// TT3xx: the dossier (documents).
    Dossier,
    /// TT4xx: how the applicant and agencies interact.
    Interaction,
}

impl Family {
    /// Name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Family::Completeness => lang.pick("đầy đủ", "completeness"),
            Family::Structure => lang.pick("cấu trúc", "structure"),
            Family::Time => lang.pick("thời hạn", "time"),
            Family::Dossier => lang.pick("hồ sơ", "dossier"),
            Family::Interaction => lang.pick("tương tác", "interaction"),
        }
    }
}

/// The fixed description of a rule.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RuleInfo {
    /// Stable code (`TT304`).
    pub code: &'static str,
    /// Kebab-case name (`certified-copy-required`).
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Whether the `recommended` preset runs it (`all` runs every rule).
    pub recommended: bool,
    /// Family.
    pub family: Family,
    /// What it catches, in one line.
    pub summary: StaticText,
    /// Why it matters.
    pub why: StaticText,
    /// A short example of a procedure it reports.
    pub example: StaticText,
    /// The legal basis, when there is one.
    pub legal_basis: Option<StaticText>,
}

/// A review rule.
pub trait Rule: Sync {
    /// The rule's fixed description.
    fn info(&self) -> &'static RuleInfo;

    /// Pushes this rule's findings about `ctx.procedure` onto `out`.
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>);
}

/// Every rule, in code order.
pub fn registry() -> &'static [&'static dyn Rule] {
    REGISTRY
}

/// The rule with this code (`TT304`, any case) or name (`certified-copy-required`).
pub fn find(code_or_name: &str) -> Option<&'static RuleInfo> {
    let key = code_or_name.trim();
    REGISTRY
        .iter()
        .map(|r| r.info())
        .find(|i| i.code.eq_ignore_ascii_case(key) || i.name == key)
}

/// Reviews a procedure already measured: runs every rule `options`
/// enables and returns the findings with their configured severity, sorted
/// by location, then code, then element (deterministic). Savings are valued
/// on `basis`, the basis `metrics` were measured on. [`crate::Analysis`] is
/// the public way in.
pub(crate) fn review(
    procedure: &CheckedProcedure,
    metrics: &Metrics,
    basis: &CostBasis,
    options: &ReviewOptions,
) -> Vec<Finding> {
    if REGISTRY
        .iter()
        .all(|r| options.severity_of(r.info()).is_none())
    {
        return Vec::new();
    }
    review_context(&RuleContext::new(procedure, metrics, basis), options)
}

fn review_context(ctx: &RuleContext<'_>, options: &ReviewOptions) -> Vec<Finding> {
    let mut all = Vec::new();
    let mut found = Vec::new();
    for rule in registry() {
        let info = rule.info();
        let Some(level) = options.severity_of(info) else {
            continue;
        };
        found.clear();
        rule.check(ctx, &mut found);
        for mut f in found.drain(..) {
            // A rule may note something below its own level (e.g. "analysis
            // truncated"); such notes never rise above the configured level.
            f.severity = if f.severity == info.severity {
                level
            } else {
                f.severity.min(level)
            };
            all.push(f);
        }
    }
    sort_findings(&mut all);
    all
}

/// Sorts findings by location, then code, then element, then message
/// (deterministic).
pub(crate) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| f.location.map(|l| (l.line, l.column));
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.element.cmp(&b.element))
            .then_with(|| a.message.en.cmp(&b.message.en))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for rule in registry() {
            let i = rule.info();
            assert!(codes.insert(i.code), "duplicate code {}", i.code);
            assert!(names.insert(i.name), "duplicate name {}", i.name);
            assert!(i.code.len() == 5 && i.code.starts_with("TT"), "{}", i.code);
            assert!(
                i.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                i.name
            );
            let family_digit = match i.family {
                Family::Completeness => b'0',
                Family::Structure => b'1',
                Family::Time => b'2',
                Family::Dossier => b'3',
                Family::Interaction => b'4',
            };
            assert_eq!(i.code.as_bytes()[2], family_digit, "{}", i.code);
            for t in [i.summary, i.why, i.example]
                .iter()
                .chain(i.legal_basis.iter())
            {
                assert!(
                    !t.vi.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
                    i.code
                );
            }
            // Prose must really be translated (examples may be the same YAML).
            for t in [i.summary, i.why].iter().chain(i.legal_basis.iter()) {
                assert_ne!(t.vi, t.en, "{}: Vietnamese text missing", i.code);
            }
            assert_eq!(find(i.code).map(|f| f.name), Some(i.name));
            assert_eq!(find(i.name).map(|f| f.code), Some(i.code));
        }
        let sorted: Vec<_> = registry().iter().map(|r| r.info().code).collect();
        assert!(sorted.windows(2).all(|w| w[0] < w[1]));
    }
}
