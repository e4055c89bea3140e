//! TT102 dead-end-step: a step on no path through a result-producing step.

use crate::element::ElementPath;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::graph::EdgeKind;

/// The rule.
pub struct DeadEndStep;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT102",
    name: "dead-end-step",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Structure,
    summary: StaticText {
        vi: "một bước không nằm trên đường nào đi qua bước tạo ra kết quả (trừ nhánh từ chối của `choice`)",
        en: "a step on no path through a result-producing step (other than a refusal branch of a `choice`)",
    },
    why: StaticText {
        vi: "Một bước không dẫn tới kết quả và không đến sau kết quả là việc thừa hoặc trình tự bị đứt; chỉ nhánh từ chối (phương án thứ hai trở đi của `choice`) mới được kết thúc mà không có kết quả.",
        en: "A step that neither leads to nor follows the result is wasted work or a broken sequence; only a refusal (a non-first `choice` alternative) may end without the result.",
    },
    example: StaticText {
        vi: "`next: [tham-dinh, luu-ho-so]` với `luu-ho-so` không dẫn tới đâu.",
        en: "`next: [tham-dinh, luu-ho-so]` where `luu-ho-so` leads nowhere.",
    },
    legal_basis: None,
};

impl Rule for DeadEndStep {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let (graph, facts) = ctx.graph_facts();
        if facts.result_steps.is_empty() {
            return; // TT103 reports the missing result.
        }
        let refusal_starts: Vec<usize> = graph
            .edges()
            .filter(|(_, _, k)| matches!(k, EdgeKind::Choice { rank } if *rank > 0))
            .map(|(_, to, _)| to)
            .collect();
        let refusal = graph.reachable(&refusal_starts, |_| true);
        for i in 0..graph.len() {
            let on_path = facts.reaches_result.get(i).copied().unwrap_or(true)
                || facts.after_result.get(i).copied().unwrap_or(true);
            let excused = refusal.get(i).copied().unwrap_or(true)
                || !facts.reachable.get(i).copied().unwrap_or(false);
            if on_path || excused {
                continue;
            }
            let id = ctx.step_id(i);
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(id),
                    format!("bước `{id}` không dẫn tới kết quả và không đến sau kết quả"),
                    format!("step `{id}` neither leads to the result nor follows it"),
                )
                .suggest(
                    format!("nối `{id}` vào trình tự dẫn tới kết quả, đưa nó thành nhánh từ chối của một `choice`, hoặc bỏ nó"),
                    format!("connect `{id}` to the sequence leading to the result, make it a refusal alternative of a `choice`, or remove it"),
                ),
            );
        }
    }
}
