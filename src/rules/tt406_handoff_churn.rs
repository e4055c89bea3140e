//! TT406 handoff-churn: the dossier goes back and forth between agencies.

use crate::element::ElementPath;
use super::helpers::agency_key;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use std::collections::HashMap;

/// The rule.
pub struct HandoffChurn;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT406",
    name: "handoff-churn",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Interaction,
    summary: StaticText {
        vi: "hồ sơ đi qua lại giữa các cơ quan (A → B → A) trước khi có kết quả",
        en: "the dossier goes back and forth between agencies (A → B → A) before the result",
    },
    why: StaticText {
        vi: "Mỗi lần chuyển hồ sơ giữa hai cơ quan tốn thời gian chuyển, tiếp nhận và chờ; A → B → A thường có thể gộp thành một lần lấy ý kiến hoặc chạy song song. Việc trả kết quả về bộ phận một cửa sau khi có kết quả không bị tính.",
        en: "Each hand-over between agencies costs transfer, reception and waiting time; A → B → A can usually become one consultation or run in parallel. Returning the result to the one-stop desk after it is produced does not count.",
    },
    example: StaticText {
        vi: "Phòng Tài nguyên → Chi cục Thuế → Phòng Tài nguyên → … → cấp giấy chứng nhận.",
        en: "Natural Resources Office → Tax Department → Natural Resources Office → … → certificate issued.",
    },
    legal_basis: None,
};

impl Rule for HandoffChurn {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let (graph, facts) = ctx.graph_facts();
        let steps = &ctx.procedure.steps;
        let on_main = |i: usize| facts.main_path.get(i).copied().unwrap_or(false);
        let agencies: Vec<Option<String>> = steps.iter().map(agency_key).collect();
        let agency = |i: usize| agencies.get(i).and_then(Option::as_deref);
        // The base case: a step of a case (or with a `when:`) does not
        // happen in it, and the dossier passes through it to the next, so
        // its neighbours are judged as handing to each other.
        let base = |i: usize| steps.get(i).is_some_and(|s| s.condition.applies_in(None));
        // Which walk last visited a step: each walk crosses only the
        // case steps next to one step.
        let mut seen: Vec<usize> = vec![usize::MAX; graph.len()];
        for m in 0..graph.len() {
            let Some(b) = agency(m).filter(|_| on_main(m) && base(m)) else {
                continue;
            };
            // Agencies handing the dossier to m, each with one such step.
            // A step that shares an agency with m (joint work) hands
            // nothing over to it.
            let joint_with_m = |i: usize| match (steps.get(i), steps.get(m)) {
                (Some(x), Some(y)) => x.shares_agency(y),
                _ => false,
            };
            let mut from: HashMap<&str, usize> = HashMap::new();
            let mut stack: Vec<usize> = main_neighbours(graph.predecessors(m), &on_main);
            while let Some(p) = stack.pop() {
                if seen.get(p) == Some(&m) {
                    continue;
                }
                if let Some(v) = seen.get_mut(p) {
                    *v = m;
                }
                if !base(p) {
                    stack.extend(main_neighbours(graph.predecessors(p), &on_main));
                    continue;
                }
                if let Some(a) = agency(p).filter(|a| *a != b && !joint_with_m(p)) {
                    from.entry(a).or_insert(p);
                }
            }
            if from.is_empty() {
                continue;
            }
            // The first base step after m (through case steps), in order.
            let mut back = None;
            let mut queue: std::collections::VecDeque<usize> =
                main_neighbours(graph.successors(m), &on_main).into();
            while let Some(s) = queue.pop_front() {
                if seen.get(s) == Some(&(m + graph.len())) {
                    continue;
                }
                if let Some(v) = seen.get_mut(s) {
                    *v = m + graph.len();
                }
                if !base(s) {
                    queue.extend(main_neighbours(graph.successors(s), &on_main));
                    continue;
                }
                let after = facts.after_result.get(s).copied().unwrap_or(false);
                if let Some(&p) = agency(s)
                    .filter(|_| !after && !joint_with_m(s))
                    .and_then(|a| from.get(a))
                {
                    back = Some((p, s));
                    break;
                }
            }
            let Some((p, s)) = back else {
                continue;
            };
            let name = |i: usize| {
                steps
                    .get(i)
                    .and_then(|st| st.actor_name())
                    .unwrap_or_default()
            };
            let (pid, mid, sid) = (ctx.step_id(p), ctx.step_id(m), ctx.step_id(s));
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(mid),
                    format!(
                        "hồ sơ đi từ {} (`{pid}`) sang {} (`{mid}`) rồi quay lại {} (`{sid}`)",
                        name(p),
                        name(m),
                        name(s)
                    ),
                    format!(
                        "the dossier goes from {} (`{pid}`) to {} (`{mid}`) and back to {} (`{sid}`)",
                        name(p),
                        name(m),
                        name(s)
                    ),
                )
                .suggest(
                    format!("để {} lấy ý kiến {} một lần, song song với việc của mình, thay cho chuyển đi chuyển lại", name(p), name(m)),
                    format!("let {} consult {} once, in parallel with its own work, instead of passing the dossier back and forth", name(p), name(m)),
                ),
            );
        }
    }
}

/// The main-path steps among `edges` reached by a main edge.
fn main_neighbours(
    edges: Vec<(usize, crate::graph::EdgeKind)>,
    on_main: &impl Fn(usize) -> bool,
) -> Vec<usize> {
    edges
        .into_iter()
        .filter(|(i, kind)| kind.is_main() && on_main(*i))
        .map(|(i, _)| i)
        .collect()
}
