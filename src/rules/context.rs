//! What rules read: the procedure, its graph and facts computed once.

use super::RuleInfo;
use crate::checked::CheckedProcedure;
use crate::cost_basis::CostBasis;
use crate::element::ElementPath;
use crate::finding::Finding;
use crate::graph::{EdgeKind, StepGraph};
use crate::i18n::Text;
use crate::metrics::Metrics;
use crate::model::Procedure;
use std::collections::HashMap;

/// Facts about the step graph shared by several rules, each computed in one
/// linear pass when the context is built.
#[derive(Clone, Debug)]
pub struct Facts {
    /// Where the procedure begins: the first step in file order and every
    /// applicant step without a predecessor.
    pub entries: Vec<usize>,
    /// Steps reachable from the entries over any forward edge.
    pub reachable: Vec<bool>,
    /// Steps on the main path (every `next`, first `choice` alternatives).
    pub main_path: Vec<bool>,
    /// Steps that produce the result (see [`Procedure::result_steps`]).
    pub result_steps: Vec<usize>,
    /// Steps from which a result step can be reached (result steps included).
    pub reaches_result: Vec<bool>,
    /// Steps strictly after some result step.
    pub after_result: Vec<bool>,
    /// Position of each step in the topological order.
    pub topo_index: Vec<usize>,
}

/// Which steps submit, use and produce each document.
#[derive(Clone, Debug, Default)]
pub struct DocumentFacts<'a> {
    /// Document id → index in `procedure.documents`.
    pub index: HashMap<&'a str, usize>,
    /// Whether some step submits the document.
    pub submitted: Vec<bool>,
    /// How many people must bring it: the most `people` of the steps that
    /// submit it and of its own effort (at least one).
    pub people: Vec<u32>,
    /// Whether some step uses the document.
    pub used: Vec<bool>,
    /// The first step (file order) that produces the document.
    pub produced_by: Vec<Option<usize>>,
}

/// Everything a rule reads about one procedure: the procedure and its
/// graph, facts computed once, its metrics (so no rule measures again) and
/// the cost basis in force (so savings are valued like the metrics).
#[derive(Clone, Debug)]
pub struct RuleContext<'a> {
    /// The procedure under review.
    pub procedure: &'a Procedure,
    /// Its step graph.
    pub graph: &'a StepGraph,
    /// Graph facts.
    pub facts: Facts,
    /// Document facts.
    pub documents: DocumentFacts<'a>,
    /// The procedure's metrics, measured on `basis`.
    pub metrics: &'a Metrics,
    /// The cost basis the metrics were measured on.
    pub basis: &'a CostBasis,
}

impl<'a> RuleContext<'a> {
    /// Computes the shared facts (linear time).
    pub fn new(
        procedure: &'a CheckedProcedure,
        metrics: &'a Metrics,
        basis: &'a CostBasis,
    ) -> RuleContext<'a> {
        let (p, graph) = (procedure.procedure(), procedure.graph());
        RuleContext {
            procedure: p,
            graph,
            facts: Facts::compute(p, graph),
            documents: DocumentFacts::compute(p),
            metrics,
            basis,
        }
    }

    /// The graph with its facts.
    pub fn graph_facts(&self) -> (&'a StepGraph, &Facts) {
        (self.graph, &self.facts)
    }

    /// A finding of `rule` about `element` (the root for the whole
    /// procedure), located through the source map, at the rule's default
    /// severity.
    pub fn finding(
        &self,
        rule: &RuleInfo,
        element: ElementPath,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Finding {
        let map = &self.procedure.source_map;
        Finding {
            code: rule.code.to_string(),
            name: rule.name.to_string(),
            severity: rule.severity,
            message: Text::new(vi, en),
            origin: map.origin.clone(),
            // An absent top-level key points at the start of the document.
            location: map.locate(&element).or_else(|| map.get("")),
            element: (!element.is_root()).then_some(element),
            related: Vec::new(),
            legal_basis: rule.legal_basis.map(|b| b.to_text()),
            suggestion: None,
            saving: None,
            fix: None,
        }
    }

    /// A secondary location for a finding: `element`, located, with what it is.
    pub fn related(
        &self,
        element: ElementPath,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> crate::diagnostic::Related {
        crate::diagnostic::Related {
            location: self.procedure.source_map.locate(&element),
            element,
            message: Text::new(vi, en),
        }
    }

    /// The id of step `i` (empty if out of range).
    pub fn step_id(&self, i: usize) -> &'a str {
        self.procedure.steps.get(i).map_or("", |s| s.id.as_str())
    }
}

impl Facts {
    fn compute(p: &Procedure, g: &StepGraph) -> Facts {
        let n = g.len();
        let mut entries: Vec<usize> = g
            .starts()
            .into_iter()
            .filter(|&i| i == 0 || p.steps.get(i).is_some_and(|s| s.actor.is_applicant()))
            .collect();
        if n > 0 && !entries.contains(&0) {
            // The first step has a predecessor: the file begins mid-way, so
            // every start counts as an entry.
            entries = g.starts();
        }
        let reachable = g.reachable(&entries, |_| true);
        let result_steps = p.result_steps();
        let reaches_result = g.reaches(&result_steps);
        let mut after_result = vec![false; n];
        let successors_of_results: Vec<usize> = result_steps
            .iter()
            .flat_map(|&r| g.successors(r).into_iter().map(|(t, _)| t))
            .collect();
        let after = g.reachable(&successors_of_results, |_: EdgeKind| true);
        for (slot, v) in after_result.iter_mut().zip(after) {
            *slot = v;
        }
        let mut topo_index = vec![0; n];
        for (pos, &i) in g.topological_order().iter().enumerate() {
            if let Some(slot) = topo_index.get_mut(i) {
                *slot = pos;
            }
        }
        Facts {
            entries,
            reachable,
            main_path: g.main_path(),
            result_steps,
            reaches_result,
            after_result,
            topo_index,
        }
    }
}

impl<'a> DocumentFacts<'a> {
    fn compute(p: &'a Procedure) -> DocumentFacts<'a> {
        let n = p.documents.len();
        let index = p.document_index();
        let mut facts = DocumentFacts {
            index,
            submitted: vec![false; n],
            people: p.documents.iter().map(|d| d.effort.people.max(1)).collect(),
            used: vec![false; n],
            produced_by: vec![None; n],
        };
        for (s, step) in p.steps.iter().enumerate() {
            for id in &step.submits {
                if let Some(&d) = facts.index.get(id.as_str()) {
                    facts.submitted[d] = true;
                    if let Some(n) = facts.people.get_mut(d) {
                        *n = (*n).max(step.effort.people);
                    }
                }
            }
            for id in &step.uses {
                if let Some(&d) = facts.index.get(id.as_str()) {
                    facts.used[d] = true;
                }
            }
            for id in &step.produces {
                if let Some(&d) = facts.index.get(id.as_str()) {
                    facts.produced_by[d].get_or_insert(s);
                }
            }
        }
        facts
    }
}
