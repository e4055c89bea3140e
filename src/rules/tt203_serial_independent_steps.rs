//! TT203 serial-independent-steps: sequential agency steps where the later
//! uses nothing the earlier produces, so they could run in parallel.

use crate::element::{ElementPath, Key};
use super::timing::{Clock, milli_days};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::{Finding, Saving};
use crate::graph::EdgeKind;
use crate::model::format_milli;

/// The rule.
pub struct SerialIndependentSteps;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT203",
    name: "serial-independent-steps",
    severity: Severity::Info,
    recommended: true,
    family: Family::Time,
    summary: StaticText {
        vi: "hai bước nối tiếp của cơ quan mà bước sau không dùng gì bước trước tạo ra (theo `uses`/`produces`), nên có thể chạy song song",
        en: "consecutive agency steps where the later uses nothing the earlier produces (per `uses`/`produces`), so they could run in parallel",
    },
    why: StaticText {
        vi: "Chạy song song hai việc độc lập (ví dụ lấy ý kiến hai cơ quan cùng lúc, theo cơ chế liên thông) rút thời gian giải quyết bằng thời gian của bước ngắn hơn.",
        en: "Running two independent tasks in parallel (e.g. consulting two agencies at once, as in inter-agency processing) cuts the processing time by the shorter step's duration.",
    },
    example: StaticText {
        vi: "`xac-minh-thue: { produces: [phieu-thue], next: [xac-minh-dat] }`, `xac-minh-dat: { uses: [to-khai] }`.",
        en: "`xac-minh-thue: { produces: [phieu-thue], next: [xac-minh-dat] }`, `xac-minh-dat: { uses: [to-khai] }`.",
    },
    legal_basis: None,
};

impl Rule for SerialIndependentSteps {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let graph = ctx.graph;
        let steps = &ctx.procedure.steps;
        let working = |i: usize| {
            steps
                .get(i)
                .filter(|s| !s.actor.is_applicant())
                .and_then(|s| s.duration)
                .and_then(|d| milli_days(d, Clock::Working))
                .filter(|&d| d > 0)
        };
        for (u, first) in steps.iter().enumerate() {
            // Only a strict serial link u → v: u's single successor, v's
            // single predecessor, both declaring what they exchange.
            let succ = graph.successors(u);
            let [(v, EdgeKind::Next)] = succ.as_slice() else {
                continue;
            };
            let v = *v;
            let Some(second) = steps.get(v) else {
                continue;
            };
            if first.produces.is_empty()
                || second.uses.is_empty()
                || graph.predecessors(v).len() != 1
            {
                continue;
            }
            let (Some(du), Some(dv)) = (working(u), working(v)) else {
                continue;
            };
            if second.uses.iter().any(|d| first.produces.contains(d)) {
                continue;
            }
            let saving = du.min(dv);
            let (a, b) = (&first.id, &second.id);
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(a).field(Key::Next).item(0),
                    format!("bước `{b}` không dùng giấy tờ nào do `{a}` tạo ra nhưng phải chờ `{a}` xong; chạy song song tiết kiệm tới {} ngày làm việc", format_milli(saving, ',')),
                    format!("step `{b}` uses nothing `{a}` produces yet waits for it; running them in parallel saves up to {} working days", format_milli(saving, '.')),
                )
                .suggest(
                    format!("cho `{a}` và `{b}` cùng bắt đầu sau bước trước `{a}` (đặt cả hai vào `next` của bước đó)"),
                    format!("start `{a}` and `{b}` together after the step before `{a}` (list both in that step's `next`)"),
                )
                .with_saving(Saving {
                    working_milli_days: Some(saving),
                    ..Saving::default()
                }),
            );
        }
    }
}
