//! What a step-graph picture highlights: the critical path and the steps
//! findings are about. Shared by the SVG, DOT and Mermaid renderers.

use crate::checked::CheckedProcedure;
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::Procedure;
use std::collections::{HashMap, HashSet};

/// Findings attached to one step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepFindings {
    /// How many.
    pub count: usize,
    /// The most severe, when any.
    pub worst: Option<Severity>,
}

/// Highlights for a step graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Per step index: on the critical path.
    pub critical: Vec<bool>,
    /// Forward edges (from, to) between consecutive critical-path steps.
    pub critical_edges: HashSet<(usize, usize)>,
    /// Per step index: findings about the step, or about a document it submits.
    pub findings: Vec<StepFindings>,
}

impl Marks {
    /// Marks for `p`: `critical_path` is a list of step ids (from
    /// [`crate::metrics::processing_time`]), `findings` its review findings.
    /// O(V + E + findings + submitted documents).
    pub fn new(
        checked: &CheckedProcedure,
        critical_path: &[String],
        findings: &[Finding],
    ) -> Marks {
        let (p, g) = (checked.procedure(), checked.graph());
        let n = p.steps.len();
        let mut critical = vec![false; n];
        let mut critical_edges = HashSet::new();
        let mut prev: Option<usize> = None;
        for id in critical_path {
            let Some(i) = g.index_of(id) else {
                prev = None;
                continue;
            };
            if let Some(slot) = critical.get_mut(i) {
                *slot = true;
            }
            if let Some(u) = prev {
                critical_edges.insert((u, i));
            }
            prev = Some(i);
        }
        let mut submitters: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in p.steps.iter().enumerate() {
            for d in &s.submits {
                submitters.entry(d.as_str()).or_default().push(i);
            }
        }
        let mut marks = vec![StepFindings::default(); n];
        let mut add = |i: usize, sev: Severity| {
            if let Some(m) = marks.get_mut(i) {
                m.count += 1;
                m.worst = Some(m.worst.map_or(sev, |w| w.max(sev)));
            }
        };
        for f in findings {
            let Some(element) = f.element.as_ref().map(|e| e.as_str()) else {
                continue;
            };
            if let Some(id) = element_id(element, "steps.") {
                if let Some(i) = g.index_of(id) {
                    add(i, f.severity);
                }
            } else if let Some(id) = element_id(element, "documents.") {
                for &i in submitters.get(id).map(Vec::as_slice).unwrap_or(&[]) {
                    add(i, f.severity);
                }
            }
        }
        Marks {
            critical,
            critical_edges,
            findings: marks,
        }
    }

    /// Whether step `i` is on the critical path.
    pub fn is_critical(&self, i: usize) -> bool {
        self.critical.get(i).copied().unwrap_or(false)
    }

    /// Findings about step `i`.
    pub fn findings_of(&self, i: usize) -> StepFindings {
        self.findings.get(i).copied().unwrap_or_default()
    }
}

/// The steps grouped by actor, in order of first appearance: (actor name,
/// step indices); the applicant is named in `lang`.
pub fn actor_groups(p: &Procedure, lang: crate::i18n::Lang) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    // A joint step has its own group, named after all its agencies.
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    for (i, s) in p.steps.iter().enumerate() {
        let key = s.actor_name();
        let k = *index.entry(key.clone()).or_insert_with(|| {
            let name = key.unwrap_or_else(|| {
                crate::report::labels::Label::Applicant
                    .get(lang)
                    .to_string()
            });
            groups.push((name, Vec::new()));
            groups.len() - 1
        });
        if let Some(g) = groups.get_mut(k) {
            g.1.push(i);
        }
    }
    groups
}

/// `steps.xem-xet.next[0]` → `xem-xet` for prefix `steps.`.
fn element_id<'e>(element: &'e str, prefix: &str) -> Option<&'e str> {
    let rest = element.strip_prefix(prefix)?;
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_ids() {
        assert_eq!(
            element_id("steps.xem-xet.next[0]", "steps."),
            Some("xem-xet")
        );
        assert_eq!(element_id("steps.a", "steps."), Some("a"));
        assert_eq!(element_id("documents.d[1]", "documents."), Some("d"));
        assert_eq!(element_id("fees", "steps."), None);
    }
}
