//! TT104 redundant-edge: a `next` edge already implied by other `next` edges.
//!
//! Method: an edge u→v is redundant iff v is reachable from another
//! `next`-successor of u. For each step u with two or more `next` successors,
//! one breadth-first search starts from the successors of u's successors and
//! marks what it reaches; the successors of u it marks are redundant. The
//! search never enters a step whose topological index is above the largest
//! index among u's successors (nothing there can lead back to them).
//!
//! Bound: without a cap this is O(V · E) on adversarial graphs (exact
//! transitive reduction is as hard as boolean matrix multiplication). The
//! total number of edge visits is therefore capped at
//! `WORK_PER_ELEMENT × (V + E) + WORK_BASE`, which keeps the rule O(V + E);
//! when the cap is hit an info finding says the analysis was truncated. Real
//! procedures (a handful of parallel branches) stay far below the cap.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::graph::EdgeKind;
use std::collections::VecDeque;

/// Edge visits allowed per step and edge of the procedure.
pub(crate) const WORK_PER_ELEMENT: usize = 32;
/// Edge visits always allowed, so small procedures are always fully analysed.
pub(crate) const WORK_BASE: usize = 100_000;

/// The rule.
pub struct RedundantEdge;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT104",
    name: "redundant-edge",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Structure,
    summary: StaticText {
        vi: "một cạnh `next` thừa vì các cạnh khác đã bao hàm nó",
        en: "a `next` edge already implied by other `next` edges",
    },
    why: StaticText {
        vi: "Nếu B đến sau C và C đến sau A thì cạnh A→B không thêm thông tin mà làm sơ đồ rối và dễ hiểu nhầm là B chạy song song với C.",
        en: "If B follows C and C follows A, an edge A→B adds nothing; it clutters the diagram and suggests B runs in parallel with C.",
    },
    example: StaticText {
        vi: "`a: { next: [b, c] }`, `b: { next: [c] }`: cạnh a→c là thừa.",
        en: "`a: { next: [b, c] }`, `b: { next: [c] }`: the edge a→c is redundant.",
    },
    legal_basis: None,
};

impl Rule for RedundantEdge {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let (graph, facts) = ctx.graph_facts();
        let n = graph.len();
        let edge_count = graph.edges().count();
        let mut budget = WORK_PER_ELEMENT
            .saturating_mul(n.saturating_add(edge_count))
            .saturating_add(WORK_BASE);
        let topo = |i: usize| facts.topo_index.get(i).copied().unwrap_or(usize::MAX);
        let next_of = |i: usize| -> Vec<usize> {
            graph
                .successors(i)
                .into_iter()
                .filter(|(_, k)| *k == EdgeKind::Next)
                .map(|(t, _)| t)
                .collect()
        };
        let mut stamp = vec![usize::MAX; n];
        let mut origin = vec![0usize; n];
        let mut queue = VecDeque::new();
        let mut truncated = false;
        'steps: for (u, step) in ctx.procedure.steps.iter().enumerate() {
            // (position in `next`, target index), first occurrence of each target.
            let mut targets: Vec<(usize, usize)> = Vec::with_capacity(step.next.len());
            for (pos, id) in step.next.iter().enumerate() {
                let Some(v) = graph.index_of(id) else {
                    continue;
                };
                if targets.iter().any(|&(_, t)| t == v) {
                    out.push(redundant(ctx, &step.id, pos, id, None));
                } else {
                    targets.push((pos, v));
                }
            }
            if targets.len() < 2 {
                continue;
            }
            let limit = targets.iter().map(|&(_, v)| topo(v)).max().unwrap_or(0);
            // Search from the successors of each successor w, remembering w
            // as the origin so a redundant edge can name the step implying it.
            queue.clear();
            for &(_, w) in &targets {
                queue.push_back((w, w));
            }
            while let Some((x, from)) = queue.pop_front() {
                for y in next_of(x) {
                    if budget == 0 {
                        truncated = true;
                        break 'steps;
                    }
                    budget -= 1;
                    if topo(y) > limit || stamp.get(y) == Some(&u) {
                        continue;
                    }
                    if let (Some(s), Some(o)) = (stamp.get_mut(y), origin.get_mut(y)) {
                        *s = u;
                        *o = from;
                    }
                    queue.push_back((y, from));
                }
            }
            for &(pos, v) in &targets {
                if stamp.get(v) == Some(&u) {
                    let via = origin.get(v).map(|&w| ctx.step_id(w));
                    out.push(redundant(ctx, &step.id, pos, ctx.step_id(v), via));
                }
            }
        }
        if truncated {
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::key(Key::Steps),
                    "phân tích cạnh thừa dừng sớm vì đồ thị quá lớn; có thể còn cạnh thừa chưa được báo",
                    "redundant-edge analysis truncated on this large graph; some redundant edges may not be reported",
                )
                .with_severity(Severity::Info),
            );
        }
    }
}

fn redundant(
    ctx: &RuleContext<'_>,
    from: &str,
    pos: usize,
    to: &str,
    via: Option<&str>,
) -> Finding {
    let (vi, en) = match via {
        Some(w) => (
            format!(
                "cạnh `{from}` → `{to}` thừa: `{to}` đã đến sau `{w}`, một bước kế tiếp khác của `{from}`"
            ),
            format!(
                "edge `{from}` → `{to}` is redundant: `{to}` already follows `{w}`, another successor of `{from}`"
            ),
        ),
        None => (
            format!("`{to}` được ghi hai lần trong `next` của `{from}`"),
            format!("`{to}` is listed twice in the `next` of `{from}`"),
        ),
    };
    ctx.finding(&INFO, ElementPath::step(from).field(Key::Next).item(pos), vi, en)
        .suggest(
            format!("bỏ `{to}` khỏi `next` của `{from}`"),
            format!("remove `{to}` from the `next` of `{from}`"),
        )
}

#[cfg(test)]
mod tests {

    fn codes(src: &str) -> Vec<(String, Option<String>, crate::Severity)> {
        let a = crate::Analysis::from_yaml_str(src, "t.yaml", &crate::Settings::default()).unwrap();
        a.findings()
            .iter().filter(|&f| f.code == "TT104").cloned()
            .map(|f| (f.message.en, f.element.map(|e| e.to_string()), f.severity))
            .collect()
    }

    #[test]
    fn finds_implied_edge_and_names_the_path() {
        let found = codes(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b, d] }\n  b: { name: B, actor: S, next: [c] }\n  c: { name: C, actor: S, next: [d] }\n  d: { name: D, actor: S }\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("steps.a.next[1]"));
        assert!(found[0].0.contains("follows `b`"), "{}", found[0].0);
    }

    #[test]
    fn parallel_branches_are_not_redundant() {
        let found = codes(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b, c] }\n  b: { name: B, actor: S, next: [d] }\n  c: { name: C, actor: T, next: [d] }\n  d: { name: D, actor: S }\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn large_dense_graph_is_truncated_not_slow() {
        // Every step points to the next 20: Θ(V·E) work without the cap.
        let n = 6000;
        let mut src = String::from("format: tthc/1\nname: X\nsteps:\n");
        for i in 0..n {
            let next: Vec<String> = (i + 1..(i + 21).min(n)).map(|j| format!("s{j}")).collect();
            src.push_str(&format!(
                "  s{i}: {{ name: S, actor: {}, next: [{}] }}\n",
                if i == 0 { "applicant" } else { "A" },
                next.join(", ")
            ));
        }
        let found = codes(&src);
        let last = found.last().unwrap();
        assert!(found.len() > 1000, "{}", found.len());
        assert!(
            found
                .iter()
                .any(|f| f.0.contains("truncated") && f.2 == crate::Severity::Info),
            "{last:?}"
        );
    }
}
