//! A procedure together with its step graph, checked once.

use crate::graph::{GraphError, StepGraph};
use crate::model::Procedure;
use std::ops::Deref;

/// A procedure whose `next`/`choice` edges name existing steps and form a
/// DAG, owning the [`StepGraph`] built from it.
///
/// The loader returns one; a procedure built in code becomes one with
/// [`CheckedProcedure::new`]. Everything that needs the graph (metrics,
/// rules, reports) takes a `CheckedProcedure`, so a procedure can never be
/// paired with another procedure's graph. It dereferences to the plain
/// [`Procedure`] for reading; to change it, take it apart with
/// [`CheckedProcedure::into_procedure`] and check it again.
///
/// ```
/// use tthc::CheckedProcedure;
/// let p = CheckedProcedure::from_yaml_str(
///     "format: tthc/1\nname: X\nsteps:\n  a: { name: Nộp, actor: applicant, next: [b] }\n  b: { name: Xét, actor: UBND }\n",
///     "x.yaml",
/// )?;
/// assert_eq!(p.graph().starts(), vec![0]);
/// assert_eq!(p.steps[1].id, "b"); // reads the procedure through `Deref`
///
/// let mut plain = p.into_procedure();
/// plain.steps[1].next = vec!["a".into()]; // a cycle
/// assert!(CheckedProcedure::new(plain).is_err());
/// # Ok::<(), tthc::LoadErrors>(())
/// ```
#[derive(Clone, Debug)]
pub struct CheckedProcedure {
    procedure: Procedure,
    graph: StepGraph,
}

impl CheckedProcedure {
    /// Checks a procedure built in code: builds its graph, or says which
    /// step id is unknown or which steps form a cycle.
    pub fn new(procedure: Procedure) -> Result<CheckedProcedure, GraphError> {
        let graph = StepGraph::build(&procedure)?;
        Ok(CheckedProcedure { procedure, graph })
    }

    /// The loader's constructor: the graph was built from this procedure.
    pub(crate) fn from_parts(procedure: Procedure, graph: StepGraph) -> CheckedProcedure {
        CheckedProcedure { procedure, graph }
    }

    /// Records where its elements were written (the loader's last step).
    pub(crate) fn set_source_map(&mut self, map: crate::source_map::SourceMap) {
        self.procedure.source_map = map;
    }

    /// The procedure.
    pub fn procedure(&self) -> &Procedure {
        &self.procedure
    }

    /// Its step graph.
    pub fn graph(&self) -> &StepGraph {
        &self.graph
    }

    /// The plain procedure, to change it (check it again afterwards).
    pub fn into_procedure(self) -> Procedure {
        self.procedure
    }
}

impl Deref for CheckedProcedure {
    type Target = Procedure;
    fn deref(&self) -> &Procedure {
        &self.procedure
    }
}

impl AsRef<Procedure> for CheckedProcedure {
    fn as_ref(&self) -> &Procedure {
        &self.procedure
    }
}
