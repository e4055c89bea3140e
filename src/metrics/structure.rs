//! Structure counts: steps, agencies, handoffs, documents, trips.

use crate::graph::StepGraph;
use crate::model::{DocumentForm, Procedure};
use serde::Serialize;
use std::collections::HashSet;

/// Which documents make up the dossier (thành phần hồ sơ), and which of them
/// the applicant hands in on the main path.
///
/// The dossier is every document some step `submits`, plus every declared
/// document no step submits or produces (drafts often list the dossier
/// without attaching it to a step: such documents are taken as submitted at
/// the start). Documents only produced by agencies (the result, receipts)
/// are not in the dossier.
pub(crate) struct Dossier {
    /// Index into `Procedure::documents`, for each dossier document.
    pub in_dossier: Vec<bool>,
    /// Dossier documents submitted by a main-path step or unattached.
    pub on_main: Vec<bool>,
    /// For each document, the main-path steps that submit it (all steps'
    /// lists together are as long as their `submits`): a paper submitted
    /// only at a step of a case is needed only in that case.
    pub submitted_at: Vec<Vec<usize>>,
}

impl Dossier {
    /// Whether document `i` is handed in on the main path in `case` (the
    /// base case when `None`): unattached, or submitted at a main-path step
    /// that happens in it.
    pub fn needed_in(&self, p: &Procedure, i: usize, case: Option<&str>) -> bool {
        if !self.on_main.get(i).copied().unwrap_or(false) {
            return false;
        }
        match self.submitted_at.get(i) {
            Some(steps) if !steps.is_empty() => steps.iter().any(|&s| {
                p.steps
                    .get(s)
                    .is_some_and(|step| step.condition.applies_in(case))
            }),
            _ => true,
        }
    }
}

impl Dossier {
    pub fn of(p: &Procedure, main: &[bool]) -> Dossier {
        let index = p.document_index();
        let n = p.documents.len();
        let (mut submitted, mut produced, mut on_main) =
            (vec![false; n], vec![false; n], vec![false; n]);
        let mut submitted_at: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (si, step) in p.steps.iter().enumerate() {
            let step_on_main = main.get(si).copied().unwrap_or(false);
            for id in &step.submits {
                if let Some(&i) = index.get(id.as_str()) {
                    submitted[i] = true;
                    on_main[i] |= step_on_main;
                    if step_on_main && let Some(at) = submitted_at.get_mut(i) {
                        at.push(si);
                    }
                }
            }
            for id in &step.produces {
                if let Some(&i) = index.get(id.as_str()) {
                    produced[i] = true;
                }
            }
        }
        let in_dossier: Vec<bool> = (0..n).map(|i| submitted[i] || !produced[i]).collect();
        for i in 0..n {
            on_main[i] |= in_dossier[i] && !submitted[i];
        }
        Dossier {
            in_dossier,
            on_main,
            submitted_at,
        }
    }
}

/// Counts describing the shape of a procedure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Structure {
    /// Steps.
    pub steps: u64,
    /// Steps the applicant performs.
    pub applicant_steps: u64,
    /// Steps an agency performs.
    pub agency_steps: u64,
    /// Steps on the main path.
    pub main_path_steps: u64,
    /// Distinct agencies (by name) acting in some step.
    pub agencies: u64,
    /// Main-path edges between steps of two different agencies.
    pub handoffs: u64,
    /// Dossier documents (see the module docs for what counts).
    pub documents: u64,
    /// Copies of dossier documents, summed (`copies` of each).
    pub copies: u64,
    /// Copies of dossier documents required as certified copies.
    pub certified_copies: u64,
    /// Dossier documents only shown (`form: presented`).
    pub presented_documents: u64,
    /// Dossier documents a state database already holds (`held_in`).
    pub state_held_documents: u64,
    /// In-person trips on the main path: step effort trips plus the effort
    /// trips of the dossier documents handed in on the main path.
    pub trips: u64,
}

pub(crate) fn structure_with(
    p: &Procedure,
    g: &StepGraph,
    main: &[bool],
    dossier: &Dossier,
) -> Structure {
    let mut s = Structure {
        steps: p.steps.len() as u64,
        ..Structure::default()
    };
    let mut agencies = HashSet::new();
    for (i, step) in p.steps.iter().enumerate() {
        if step.actor.is_applicant() {
            s.applicant_steps += 1;
        } else {
            s.agency_steps += 1;
            agencies.extend(step.agencies());
        }
        if main.get(i).copied().unwrap_or(false) {
            s.main_path_steps += 1;
            // Trips of one person, in the base case.
            if step.condition.is_base() {
                s.trips = s.trips.saturating_add(u64::from(step.effort.trips));
            }
        }
    }
    s.agencies = agencies.len() as u64;
    // Between two agency steps that share no agency (a joint step is no
    // hand-off to or from one of its own agencies).
    // Steps of a case are not in the base case's flow.
    let step = |i: usize| {
        p.steps
            .get(i)
            .filter(|s| !s.actor.is_applicant() && s.condition.is_base())
    };
    s.handoffs = g
        .edges()
        .filter(|&(a, b, kind)| {
            kind.is_main()
                && main.get(a).copied().unwrap_or(false)
                && matches!((step(a), step(b)), (Some(x), Some(y)) if !x.shares_agency(y))
        })
        .count() as u64;
    for (i, d) in p.documents.iter().enumerate() {
        if !dossier.in_dossier.get(i).copied().unwrap_or(false) {
            continue;
        }
        s.documents += 1;
        s.copies = s.copies.saturating_add(u64::from(d.copies));
        if d.form == DocumentForm::CertifiedCopy {
            s.certified_copies = s.certified_copies.saturating_add(u64::from(d.copies));
        }
        if d.form == DocumentForm::Presented {
            s.presented_documents += 1;
        }
        if d.held_in.is_some() {
            s.state_held_documents += 1;
        }
        if dossier.on_main.get(i).copied().unwrap_or(false) {
            s.trips = s.trips.saturating_add(u64::from(d.effort.trips));
        }
    }
    s
}
