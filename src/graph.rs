//! The step graph: steps as nodes, `next`/`choice` as forward edges, `rework`
//! kept apart as back-edges.
//!
//! Every query here is one or two linear passes (O(V + E)); nothing
//! enumerates paths, so adversarial graphs stay fast.

use crate::model::Procedure;
use petgraph::Direction;
use petgraph::algo::toposort;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, VecDeque};

/// How one step leads to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// From `next`: the successor always follows.
    Next,
    /// From `choice`: one alternative follows; rank 0 is the main path.
    Choice {
        /// Position in the `choice` list.
        rank: usize,
    },
}

impl EdgeKind {
    /// Whether the edge is on the main path (every `next`, the first `choice`).
    pub fn is_main(self) -> bool {
        matches!(self, EdgeKind::Next | EdgeKind::Choice { rank: 0 })
    }
}

/// A rework (supplement request) back-edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReworkEdge {
    /// Index of the step that sends the dossier back.
    pub from: usize,
    /// Index of the step it goes back to.
    pub to: usize,
    /// Probability in millionths.
    pub probability_ppm: u32,
}

/// Why a graph could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// An edge names a step that does not exist.
    #[error("step `{from}` refers to unknown step `{to}`")]
    UnknownStep {
        /// The step whose edge is wrong.
        from: String,
        /// The missing target.
        to: String,
    },
    /// `next`/`choice` edges form a cycle.
    #[error("the steps form a cycle: {}", steps.join(" → "))]
    Cycle {
        /// The steps on the cycle; the first is repeated at the end.
        steps: Vec<String>,
    },
}

/// The step graph of one procedure. Step `i` of the procedure is node `i`.
///
/// ```
/// use tthc::CheckedProcedure;
/// let p = CheckedProcedure::from_yaml_str(
///     "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: Sở X }\n",
///     "x.yaml",
/// ).unwrap();
/// let g = p.graph();
/// assert_eq!(g.starts(), vec![0]);
/// assert_eq!(g.topological_order(), &[0, 1]);
/// ```
#[derive(Clone, Debug)]
pub struct StepGraph {
    graph: DiGraph<(), EdgeKind, u32>,
    ids: HashMap<String, usize>,
    order: Vec<usize>,
    reworks: Vec<ReworkEdge>,
}

impl StepGraph {
    /// Builds the graph, checking that edges name existing steps and that
    /// `next`/`choice` form a DAG.
    pub fn build(procedure: &Procedure) -> Result<StepGraph, GraphError> {
        let n = procedure.steps.len();
        let mut graph = DiGraph::<(), EdgeKind, u32>::with_capacity(n, n);
        let mut ids = HashMap::with_capacity(n);
        for (i, step) in procedure.steps.iter().enumerate() {
            graph.add_node(());
            ids.insert(step.id.clone(), i);
        }
        let lookup = |from: &str, to: &str| {
            ids.get(to).copied().ok_or_else(|| GraphError::UnknownStep {
                from: from.to_string(),
                to: to.to_string(),
            })
        };
        let mut reworks = Vec::new();
        for (i, step) in procedure.steps.iter().enumerate() {
            for target in &step.next {
                let j = lookup(&step.id, target)?;
                graph.add_edge(NodeIndex::new(i), NodeIndex::new(j), EdgeKind::Next);
            }
            for (rank, target) in step.choice.iter().enumerate() {
                let j = lookup(&step.id, target)?;
                graph.add_edge(
                    NodeIndex::new(i),
                    NodeIndex::new(j),
                    EdgeKind::Choice { rank },
                );
            }
            if let Some(rw) = &step.rework {
                let j = lookup(&step.id, &rw.to)?;
                reworks.push(ReworkEdge {
                    from: i,
                    to: j,
                    probability_ppm: rw.probability_ppm,
                });
            }
        }
        let order = match toposort(&graph, None) {
            Ok(order) => order.into_iter().map(NodeIndex::index).collect(),
            Err(cycle) => {
                let on_cycle = cycle.node_id().index();
                let steps = find_cycle(&graph, on_cycle)
                    .into_iter()
                    .map(|i| procedure.steps[i].id.clone())
                    .collect();
                return Err(GraphError::Cycle { steps });
            }
        };
        Ok(StepGraph {
            graph,
            ids,
            order,
            reworks,
        })
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// Whether the procedure has no steps.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// Index of the step with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Steps in a topological order of `next`/`choice` (file order breaks ties
    /// only as petgraph's toposort does; do not rely on it).
    pub fn topological_order(&self) -> &[usize] {
        &self.order
    }

    /// Steps with no predecessor, in file order.
    pub fn starts(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| {
                self.graph
                    .neighbors_directed(NodeIndex::new(i), Direction::Incoming)
                    .next()
                    .is_none()
            })
            .collect()
    }

    /// Steps with no successor, in file order.
    pub fn ends(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| {
                self.graph
                    .neighbors_directed(NodeIndex::new(i), Direction::Outgoing)
                    .next()
                    .is_none()
            })
            .collect()
    }

    /// Outgoing edges of step `i`: (target, kind), in insertion order.
    pub fn successors(&self, i: usize) -> Vec<(usize, EdgeKind)> {
        let mut out: Vec<(usize, EdgeKind)> = self
            .graph
            .edges_directed(NodeIndex::new(i), Direction::Outgoing)
            .map(|e| (e.target().index(), *e.weight()))
            .collect();
        // petgraph yields edges newest first.
        out.reverse();
        out
    }

    /// Incoming edges of step `i`: (source, kind).
    pub fn predecessors(&self, i: usize) -> Vec<(usize, EdgeKind)> {
        let mut out: Vec<(usize, EdgeKind)> = self
            .graph
            .edges_directed(NodeIndex::new(i), Direction::Incoming)
            .map(|e| (e.source().index(), *e.weight()))
            .collect();
        out.reverse();
        out
    }

    /// Every forward edge as (from, to, kind).
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, EdgeKind)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), *e.weight()))
    }

    /// Rework back-edges.
    pub fn reworks(&self) -> &[ReworkEdge] {
        &self.reworks
    }

    /// Steps reachable from `from` over forward edges accepted by `follow`.
    pub fn reachable(&self, from: &[usize], follow: impl Fn(EdgeKind) -> bool) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut queue: VecDeque<usize> = VecDeque::new();
        for &s in from {
            if s < seen.len() && !seen[s] {
                seen[s] = true;
                queue.push_back(s);
            }
        }
        while let Some(i) = queue.pop_front() {
            for e in self
                .graph
                .edges_directed(NodeIndex::new(i), Direction::Outgoing)
            {
                let j = e.target().index();
                if follow(*e.weight()) && !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        seen
    }

    /// Steps from which some step in `to` can be reached over forward edges.
    pub fn reaches(&self, to: &[usize]) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut queue: VecDeque<usize> = VecDeque::new();
        for &t in to {
            if t < seen.len() && !seen[t] {
                seen[t] = true;
                queue.push_back(t);
            }
        }
        while let Some(i) = queue.pop_front() {
            for j in self
                .graph
                .neighbors_directed(NodeIndex::new(i), Direction::Incoming)
            {
                let j = j.index();
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        seen
    }

    /// Steps on the main path: reachable from the starts over `next` edges
    /// and first `choice` alternatives.
    pub fn main_path(&self) -> Vec<bool> {
        self.reachable(&self.starts(), EdgeKind::is_main)
    }
}

impl Procedure {
    /// Indices of the steps that produce the result: those producing the
    /// `result` document, or — when `result` is free text or absent — those
    /// producing any document issued by an agency.
    pub fn result_steps(&self) -> Vec<usize> {
        let result_doc = self
            .result
            .as_deref()
            .filter(|r| self.documents.iter().any(|d| d.id == *r));
        // One pass over the documents, then set lookups: linear overall.
        let agency_issued: std::collections::HashSet<&str> = self
            .documents
            .iter()
            .filter(|d| !d.issued_by.is_applicant())
            .map(|d| d.id.as_str())
            .collect();
        let produces_result = |doc_id: &str| match result_doc {
            Some(r) => doc_id == r,
            None => agency_issued.contains(doc_id),
        };
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.produces.iter().any(|d| produces_result(d)))
            .map(|(i, _)| i)
            .collect()
    }
}

/// The cycle through `start`, found by a breadth-first search for a path
/// back to it (linear in the graph).
fn find_cycle(graph: &DiGraph<(), EdgeKind, u32>, start: usize) -> Vec<usize> {
    let n = graph.node_count();
    let mut parent = vec![usize::MAX; n];
    let mut queue = VecDeque::from([start]);
    let mut seen = vec![false; n];
    seen[start] = true;
    while let Some(i) = queue.pop_front() {
        for j in graph.neighbors_directed(NodeIndex::new(i), Direction::Outgoing) {
            let j = j.index();
            if j == start {
                let mut path = vec![i];
                let mut k = i;
                while k != start {
                    k = parent[k];
                    path.push(k);
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if !seen[j] {
                seen[j] = true;
                parent[j] = i;
                queue.push_back(j);
            }
        }
    }
    vec![start, start]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(src: &str) -> Procedure {
        crate::CheckedProcedure::from_yaml_str(src, "t.yaml")
            .unwrap()
            .into_procedure()
    }

    #[test]
    fn main_path_follows_first_choice_only() {
        let p = load(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: S, choice: [c, d] }\n  c: { name: C, actor: S }\n  d: { name: D, actor: S }\n",
        );
        let g = StepGraph::build(&p).unwrap();
        assert_eq!(g.main_path(), vec![true, true, true, false]);
        assert_eq!(g.ends(), vec![2, 3]);
        assert_eq!(
            g.successors(1),
            vec![
                (2, EdgeKind::Choice { rank: 0 }),
                (3, EdgeKind::Choice { rank: 1 })
            ]
        );
    }

    #[test]
    fn reports_cycle_path() {
        let mut p = load(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: S, next: [c] }\n  c: { name: C, actor: S }\n",
        );
        p.steps[2].next.push("b".into());
        match StepGraph::build(&p) {
            Err(GraphError::Cycle { steps }) => {
                assert_eq!(steps.first(), steps.last());
                assert_eq!(steps.len(), 3, "{steps:?}");
                assert!(steps.contains(&"b".to_string()) && steps.contains(&"c".to_string()));
            }
            other => panic!("expected a cycle, got {other:?}"),
        }
    }

    #[test]
    fn unknown_step_is_an_error_not_a_panic() {
        let mut p = load("format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant }\n");
        p.steps[0].next.push("zzz".into());
        assert!(matches!(
            StepGraph::build(&p),
            Err(GraphError::UnknownStep { .. })
        ));
    }
}
