//! Driving an audit: which files, in what order, and streaming their rows
//! chunk by chunk so that memory does not grow with the catalog.
//!
//! The library has no thread pool: the caller passes the function that
//! audits one chunk (the CLI uses rayon's `par_iter`). Rows of a chunk are
//! handed on in path order before the next chunk starts, so the output is
//! the same whatever the number of threads.

use crate::catalog::audit::is_draft;
use crate::catalog::baseline::path_key;
use crate::catalog::discover;
use crate::catalog::row::AuditRow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Files audited per chunk: large enough to keep every thread busy, small
/// enough that a chunk's rows take little memory.
pub const CHUNK: usize = 256;

/// What to do with simplified drafts (`*.draft.yaml`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Drafts {
    /// Drafts are proposals, not the catalog: leave them out.
    #[default]
    Skip,
    /// Audit drafts alongside their baselines.
    Include,
    /// The proposed catalog: a draft replaces the baseline at the same path
    /// (`x.draft.yaml` instead of `x.yaml`).
    Prefer,
}

/// The files of a catalog, sorted by path.
#[derive(Debug, Default)]
pub struct Selection {
    /// Files to audit, sorted.
    pub files: Vec<PathBuf>,
    /// Drafts left out ([`Drafts::Skip`]) or baselines replaced by their
    /// drafts ([`Drafts::Prefer`]).
    pub skipped: u64,
    /// Directories or entries that could not be read.
    pub errors: Vec<(PathBuf, std::io::Error)>,
    /// Review-test files found among the procedures, left out.
    pub review_tests: Vec<PathBuf>,
}

/// Finds the procedure files below `dir` (see [`discover`]) and applies the
/// draft policy.
pub fn select(dir: &Path, drafts: Drafts) -> Selection {
    let (files, errors) = discover(dir);
    let (files, review_tests) = crate::catalog::split_review_tests(files);
    let (files, skipped) = apply_drafts(files, drafts);
    Selection {
        files,
        skipped,
        errors,
        review_tests,
    }
}

fn apply_drafts(files: Vec<PathBuf>, drafts: Drafts) -> (Vec<PathBuf>, u64) {
    let total = files.len() as u64;
    let kept: Vec<PathBuf> = match drafts {
        Drafts::Include => files,
        Drafts::Skip => files.into_iter().filter(|f| !is_draft(f)).collect(),
        Drafts::Prefer => {
            let key = |f: &Path| path_key(&f.to_string_lossy());
            let replaced: HashSet<String> = files
                .iter()
                .filter(|f| is_draft(f))
                .map(|f| key(f))
                .collect();
            files
                .into_iter()
                .filter(|f| is_draft(f) || !replaced.contains(&key(f)))
                .collect()
        }
    };
    let skipped = total - kept.len() as u64;
    (kept, skipped)
}

/// Audits `files` chunk by chunk: `audit_chunk` turns a chunk of paths into
/// their rows (in the same order; it may work in parallel), and `each` gets
/// every row in path order. Stops at the first error `each` returns.
///
/// ```
/// use tthc::catalog::audit::{AuditOptions, audit_file};
/// use tthc::catalog::run::for_each_row;
/// let files = vec![std::path::PathBuf::from("does-not-exist.yaml")];
/// let options = AuditOptions::default();
/// let mut rows = Vec::new();
/// for_each_row(&files, 256, |chunk| chunk.iter().map(|f| audit_file(f, &options)).collect(), |row| {
///     rows.push(row);
///     Ok::<(), std::io::Error>(())
/// }).unwrap();
/// assert_eq!(rows.len(), 1);
/// ```
pub fn for_each_row<A, F, E>(
    files: &[PathBuf],
    chunk: usize,
    mut audit_chunk: A,
    mut each: F,
) -> Result<(), E>
where
    A: FnMut(&[PathBuf]) -> Vec<AuditRow>,
    F: FnMut(AuditRow) -> Result<(), E>,
{
    for paths in files.chunks(chunk.max(1)) {
        for row in audit_chunk(paths) {
            each(row)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn draft_policies() {
        let all = paths(&["d/a.draft.yaml", "d/a.yaml", "d/b.yaml", "d/c.draft.yaml"]);
        let (f, n) = apply_drafts(all.clone(), Drafts::Skip);
        assert_eq!((f, n), (paths(&["d/a.yaml", "d/b.yaml"]), 2));
        let (f, n) = apply_drafts(all.clone(), Drafts::Include);
        assert_eq!((f.len(), n), (4, 0));
        let (f, n) = apply_drafts(all, Drafts::Prefer);
        assert_eq!(
            (f, n),
            (paths(&["d/a.draft.yaml", "d/b.yaml", "d/c.draft.yaml"]), 1)
        );
    }

    #[test]
    fn rows_come_in_path_order_across_chunks() {
        let files = paths(&["a", "b", "c", "d", "e"]);
        let options = crate::catalog::audit::AuditOptions::default();
        let mut seen = Vec::new();
        let mut chunks = 0;
        for_each_row(
            &files,
            2,
            |c| {
                chunks += 1;
                c.iter()
                    .rev()
                    .map(|f| crate::catalog::audit::audit_file(f, &options))
                    .rev()
                    .collect()
            },
            |row| {
                seen.push(row.path);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(chunks, 3);
        assert_eq!(seen, vec!["a", "b", "c", "d", "e"]);
    }
}
