//! TT101 unreachable-step: a step that nothing leads to.

use crate::element::ElementPath;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct UnreachableStep;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT101",
    name: "unreachable-step",
    severity: Severity::Error,
    recommended: true,
    family: Family::Structure,
    summary: StaticText {
        vi: "một bước của cơ quan không có bước nào dẫn tới và không phải bước đầu tiên",
        en: "an agency step that no step leads to and that is not the first step",
    },
    why: StaticText {
        vi: "Thủ tục bắt đầu ở bước đầu tiên (hoặc ở các bước của người nộp); bước của cơ quan không được bước nào chuyển hồ sơ tới thì không bao giờ được thực hiện, hoặc trình tự đang thiếu một cạnh `next`.",
        en: "A procedure begins at its first step (or at applicant steps); an agency step that no step passes the dossier to is never carried out, or the sequence is missing a `next` edge.",
    },
    example: StaticText {
        vi: "Bước `tham-dinh` của Sở không nằm trong `next` của bước nào.",
        en: "The department's step `tham-dinh` appears in no step's `next`.",
    },
    legal_basis: None,
};

impl Rule for UnreachableStep {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let (graph, facts) = ctx.graph_facts();
        // In a DAG every unreachable region has a start of its own, so
        // reporting the stray starts reports each region once.
        let first = ctx.step_id(0);
        for s in graph.starts() {
            if facts.entries.contains(&s) {
                continue;
            }
            let id = ctx.step_id(s);
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(id),
                    format!("không bước nào dẫn tới bước `{id}`; hồ sơ bắt đầu ở `{first}` không bao giờ tới đây"),
                    format!("no step leads to step `{id}`; a dossier starting at `{first}` never gets here"),
                )
                .suggest(
                    format!("thêm `{id}` vào `next` của bước chuyển hồ sơ cho nó, hoặc bỏ bước này"),
                    format!("add `{id}` to the `next` of the step that hands it the dossier, or remove it"),
                ),
            );
        }
    }
}
