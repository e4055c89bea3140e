//! TT007 unused-suppression: a `# tthc: allow` comment that silences no
//! finding.

use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct UnusedSuppression;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT007",
    name: "unused-suppression",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "chú thích bỏ qua không áp dụng cho phát hiện nào (quy tắc không còn báo, hoặc chú thích đặt sai dòng)",
        en: "a suppression comment silences no finding (the rule no longer reports it, or the comment is on the wrong line)",
    },
    why: StaticText {
        vi: "Chú thích bỏ qua còn sót lại sau khi đã sửa thủ tục sẽ âm thầm che một phát hiện mới về sau; chú thích đặt sai dòng khiến người soạn thảo tưởng đã xử lý mà thực ra chưa.",
        en: "A suppression left behind after the procedure was fixed would silently hide a later finding; one on the wrong line makes the drafter believe a finding is handled when it is not.",
    },
    example: StaticText {
        vi: "`form: copy  # tthc: bỏ qua TT304 — luật chuyên ngành` (bản sao thường: TT304 không báo gì).",
        en: "`form: copy  # tthc: allow TT304 — sectoral law` (a plain copy: TT304 reports nothing).",
    },
    legal_basis: None,
};

impl Rule for UnusedSuppression {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    /// Reported by [`crate::Analysis`] once the other rules' findings are
    /// matched against the suppression comments.
    fn check(&self, _ctx: &RuleContext<'_>, _out: &mut Vec<Finding>) {}
}
