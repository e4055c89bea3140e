//! TT006 invalid-suppression: a `# tthc: allow` comment without a reason,
//! without a known rule, or unreadable; it silences nothing.

use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct InvalidSuppression;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT006",
    name: "invalid-suppression",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "chú thích bỏ qua (`# tthc: bỏ qua TT304 — <lý do>`) thiếu lý do, nêu mã quy tắc không có, hoặc không đọc được; nó không bỏ qua gì",
        en: "a suppression comment (`# tthc: allow TT304 — <reason>`) gives no reason, names no known rule or cannot be read; it silences nothing",
    },
    why: StaticText {
        vi: "Bỏ qua một phát hiện là một quyết định của người soạn thảo mà người thẩm định phải thấy được: mọi báo cáo đều liệt kê phát hiện bị bỏ qua kèm lý do. Không có lý do thì không được bỏ qua.",
        en: "Silencing a finding is a drafter's decision that the reviewer must be able to see: every report lists suppressed findings with their reason. Without a reason, nothing is silenced.",
    },
    example: StaticText {
        vi: "`form: certified_copy  # tthc: bỏ qua TT304`",
        en: "`form: certified_copy  # tthc: allow TT304`",
    },
    legal_basis: None,
};

impl Rule for InvalidSuppression {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    /// Suppression comments are read by [`crate::Analysis`] after every
    /// other rule ran (it needs their findings); it reports this rule's
    /// findings there.
    fn check(&self, _ctx: &RuleContext<'_>, _out: &mut Vec<Finding>) {}
}
