//! Successor lists built once per measurement (compressed rows), so the
//! passes over the graph do not allocate per step.

use crate::graph::{EdgeKind, StepGraph};

/// Outgoing forward edges of every step, in declaration order.
pub(crate) struct Adjacency {
    offsets: Vec<usize>,
    edges: Vec<(usize, EdgeKind)>,
    /// Whether a step has an incoming main-path edge.
    pub has_main_pred: Vec<bool>,
}

impl Adjacency {
    pub fn of(g: &StepGraph) -> Adjacency {
        let n = g.len();
        let mut offsets = vec![0usize; n + 1];
        let mut has_main_pred = vec![false; n];
        for (from, to, kind) in g.edges() {
            if let Some(o) = offsets.get_mut(from + 1) {
                *o += 1;
            }
            if kind.is_main()
                && let Some(h) = has_main_pred.get_mut(to)
            {
                *h = true;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut edges = vec![(0, EdgeKind::Next); offsets[n]];
        // Edge ids follow insertion order, which is declaration order.
        for (from, to, kind) in g.edges() {
            if let Some(slot) = fill.get_mut(from)
                && let Some(e) = edges.get_mut(*slot)
            {
                *e = (to, kind);
                *slot += 1;
            }
        }
        Adjacency {
            offsets,
            edges,
            has_main_pred,
        }
    }

    /// Successors of `v` with the edge kind.
    pub fn out(&self, v: usize) -> &[(usize, EdgeKind)] {
        match (self.offsets.get(v), self.offsets.get(v + 1)) {
            (Some(&a), Some(&b)) => self.edges.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_graph_successors() {
        let p = crate::CheckedProcedure::from_yaml_str(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [c, b], choice: [d] }\n  b: { name: B, actor: S, next: [d] }\n  c: { name: C, actor: S }\n  d: { name: D, actor: S }\n",
            "t.yaml",
        )
        .unwrap();
        let g = p.graph();
        let adj = Adjacency::of(g);
        for v in 0..g.len() {
            assert_eq!(adj.out(v), g.successors(v).as_slice());
        }
        assert_eq!(adj.has_main_pred, [false, true, true, true]);
        assert!(adj.out(99).is_empty());
    }
}
