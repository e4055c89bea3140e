//! Driving an audit: which files, in what order, and streaming their rows
//! chunk by chunk so that memory does not grow with the catalog.
//!
//! The library has no thread pool: the caller passes the function that
//! audits one chunk (the CLI uses rayon's `par_iter`). The next chunk is
//! audited while the rows of one are handed on, in path order, so the
//! output is the same whatever the number of threads.

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
    select_with(dir, drafts, |files| {
        files
            .iter()
            .map(|f| crate::catalog::is_review_test_file(f))
            .collect()
    })
}

/// [`select`], where `is_review_test` tells, for every file found (in
/// order), whether it holds review tests rather than a procedure
/// ([`is_review_test_file`](crate::catalog::is_review_test_file), which
/// opens and reads the head of each file): the CLI runs it in its thread
/// pool, so that a catalog's files are not all read once on one thread
/// before the audit starts.
pub fn select_with(
    dir: &Path,
    drafts: Drafts,
    is_review_test: impl FnOnce(&[PathBuf]) -> Vec<bool>,
) -> Selection {
    let (found, errors) = discover(dir);
    let flags = is_review_test(&found);
    let mut files = Vec::with_capacity(found.len());
    let mut review_tests = Vec::new();
    for (i, file) in found.into_iter().enumerate() {
        if flags.get(i).copied().unwrap_or(false) {
            review_tests.push(file);
        } else {
            files.push(file);
        }
    }
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

/// Audits `files` chunk by chunk: `audit_chunk` turns a chunk of files (paths,
/// or texts in memory) into their rows (in the same order; it may work in parallel), and `each` gets
/// every row in path order. Stops at the first error `each` returns.
///
/// The two overlap: `audit_chunk` runs on a thread of its own, one chunk
/// ahead, while the calling thread hands the rows of the chunk before to
/// `each` (writing them, adding them up). So the threads that audit never
/// wait for the writing, and at most three chunks' rows (one audited, one
/// waiting, one written) are held at once. Rows still reach `each` in path
/// order, whatever the number of threads.
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
pub fn for_each_row<T, A, F, E>(
    files: &[T],
    chunk: usize,
    mut audit_chunk: A,
    mut each: F,
) -> Result<(), E>
where
    T: Sync,
    A: FnMut(&[T]) -> Vec<AuditRow> + Send,
    F: FnMut(AuditRow) -> Result<(), E>,
{
    let mut chunks = files.chunks(chunk.max(1));
    // One chunk needs no second thread.
    if files.len() <= chunk.max(1) {
        for paths in chunks {
            for row in audit_chunk(paths) {
                each(row)?;
            }
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        // One audited chunk may wait while the one before is written.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<AuditRow>>(1);
        let auditor = scope.spawn(move || {
            for paths in chunks.by_ref() {
                // The writer stopped (an error): nothing more to audit.
                if send.send(audit_chunk(paths)).is_err() {
                    return;
                }
            }
        });
        let mut result = Ok(());
        'chunks: for rows in receive.iter() {
            for row in rows {
                if let Err(e) = each(row) {
                    result = Err(e);
                    break 'chunks;
                }
            }
        }
        // Ends the auditor's next send, if any; a panic in `audit_chunk`
        // is the caller's, as it was when the chunks ran on its thread.
        drop(receive);
        if let Err(panic) = auditor.join() {
            std::panic::resume_unwind(panic);
        }
        result
    })
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

    #[test]
    fn an_error_stops_the_rows_and_the_auditing() {
        let files: Vec<PathBuf> = (0..100)
            .map(|i| PathBuf::from(format!("f{i:03}")))
            .collect();
        let options = crate::catalog::audit::AuditOptions::default();
        let mut audited = 0;
        let mut seen = Vec::new();
        let result = for_each_row(
            &files,
            2,
            |c| {
                audited += c.len();
                c.iter()
                    .map(|f| crate::catalog::audit::audit_file(f, &options))
                    .collect()
            },
            |row| {
                if row.path == "f005" {
                    return Err(row.path);
                }
                seen.push(row.path);
                Ok(())
            },
        );
        assert_eq!(result, Err("f005".to_string()));
        assert_eq!(seen, ["f000", "f001", "f002", "f003", "f004"]);
        // The chunk with the error, at most two ahead of it, no more.
        assert!((6..=10).contains(&audited), "{audited} files audited");
    }
}
