//! Driving an audit: which files, in what order, and streaming their rows
//! through a bounded window so that memory does not grow with the catalog.
//!
//! [`for_each_row`] audits files on a few threads of its own (each takes
//! the next file when it is done with one) and hands the rows on in path
//! order, so the output is the same whatever the number of threads.

use crate::catalog::audit::is_draft;
use crate::catalog::baseline::path_key;
use crate::catalog::discover;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

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
    /// Files to audit, sorted. Files of review tests among them are told
    /// apart when they are read, once, by the audit
    /// ([`audit_catalog_file`](crate::catalog::audit::audit_catalog_file)).
    pub files: Vec<PathBuf>,
    /// Drafts left out ([`Drafts::Skip`]) or baselines replaced by their
    /// drafts ([`Drafts::Prefer`]).
    pub skipped: u64,
    /// Directories or entries that could not be read.
    pub errors: Vec<(PathBuf, std::io::Error)>,
}

/// Finds the procedure files below `dir` (see [`discover`]) and applies the
/// draft policy, by file names alone: no file is opened here, so that each
/// is read once, by the thread that audits it (a file named `*.draft.yaml`
/// is a draft whatever it holds).
pub fn select(dir: &Path, drafts: Drafts) -> Selection {
    let (found, errors) = discover(dir);
    let (files, skipped) = apply_drafts(found, drafts);
    Selection {
        files,
        skipped,
        errors,
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

/// How many rows may be audited ahead of the writer, per auditing thread:
/// while `each` has row `i`, [`for_each_row`] has audited (or is auditing)
/// at most rows `i + 1 ..= i + threads × WINDOW_PER_THREAD`, whatever the
/// size of the catalog.
pub const WINDOW_PER_THREAD: usize = 32;

/// Audits `files` on `threads` threads (0: one per core) and hands every
/// result to `each`, on the calling thread, in the order of `files`. Stops
/// at the first error `each` returns.
///
/// Each thread takes the next file as soon as it is done with one, so no
/// thread waits for the others (there are no rounds); results that arrive
/// before an earlier file's are held until it is done, at most
/// `threads × `[`WINDOW_PER_THREAD`] of them: a thread that is that far
/// ahead of the writer sleeps until the writer catches up. The output is
/// therefore the same for any number of threads, and memory does not grow
/// with the catalog. Threads that wait sleep (no spinning). When `each`
/// fails, the threads stop after the file they are on; a panic in `audit`
/// stops the others and is resumed on the calling thread.
///
/// ```
/// use tthc::catalog::audit::{AuditOptions, audit_file};
/// use tthc::catalog::run::for_each_row;
/// let files: Vec<_> = (0..100)
///     .map(|i| std::path::PathBuf::from(format!("missing-{i:03}.yaml")))
///     .collect();
/// let options = AuditOptions::default();
/// let mut paths = Vec::new();
/// for_each_row(&files, 2, |f| audit_file(f, &options), |row| {
///     paths.push(row.path);
///     Ok::<(), std::io::Error>(())
/// })
/// .unwrap();
/// assert_eq!(paths.len(), 100);
/// assert!(paths.is_sorted()); // the order of `files`
/// ```
pub fn for_each_row<T, R, A, F, E>(files: &[T], threads: usize, audit: A, each: F) -> Result<(), E>
where
    T: Sync,
    R: Send,
    A: Fn(&T) -> R + Sync,
    F: FnMut(R) -> Result<(), E>,
{
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    ordered(
        files,
        threads,
        threads.saturating_mul(WINDOW_PER_THREAD),
        audit,
        each,
    )
}

/// What the auditing threads and the writer share (under one lock).
struct State<R> {
    /// The next index the writer hands on; indices below it are done.
    base: usize,
    /// Results waiting for the writer: index `i` in slot `i % window`.
    slots: Vec<Option<R>>,
    /// Threads asleep because they are a window ahead of the writer.
    waiting: usize,
    /// The writer failed, or a thread panicked: everyone stops.
    stop: bool,
}

struct Shared<R> {
    state: std::sync::Mutex<State<R>>,
    /// The writer waits here for the result at `base`.
    ready: std::sync::Condvar,
    /// Threads wait here for room in the window.
    room: std::sync::Condvar,
}

impl<R> Shared<R> {
    fn lock(&self) -> std::sync::MutexGuard<'_, State<R>> {
        // No code panics while holding the lock; a poisoned lock only
        // means a thread panicked elsewhere, which `stop` handles.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn stop(&self) {
        self.lock().stop = true;
        self.ready.notify_all();
        self.room.notify_all();
    }
}

/// Stops everyone when the thread that holds it unwinds (a panic in
/// `audit` or `each`), so that nobody waits forever for it.
struct StopOnPanic<'a, R>(&'a Shared<R>);

impl<R> Drop for StopOnPanic<'_, R> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// [`for_each_row`] with an explicit window (at least one result).
fn ordered<T, R, A, F, E>(
    files: &[T],
    threads: usize,
    window: usize,
    audit: A,
    mut each: F,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
    A: Fn(&T) -> R + Sync,
    F: FnMut(R) -> Result<(), E>,
{
    // One file needs no second thread.
    if files.len() <= 1 {
        return files.iter().try_for_each(|f| each(audit(f)));
    }
    let threads = threads.clamp(1, files.len());
    let window = window.clamp(1, files.len());
    let shared = Shared {
        state: std::sync::Mutex::new(State {
            base: 0,
            slots: (0..window).map(|_| None).collect(),
            waiting: 0,
            stop: false,
        }),
        ready: std::sync::Condvar::new(),
        room: std::sync::Condvar::new(),
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let worker = || {
        let _guard = StopOnPanic(&shared);
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(file) = files.get(i) else { return };
            {
                let mut state = shared.lock();
                while !state.stop && i >= state.base.saturating_add(window) {
                    state.waiting += 1;
                    state = shared
                        .room
                        .wait(state)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    state.waiting -= 1;
                }
                if state.stop {
                    return;
                }
            }
            let result = audit(file);
            let mut state = shared.lock();
            if state.stop {
                return;
            }
            state.slots[i % window] = Some(result);
            if i == state.base {
                drop(state);
                shared.ready.notify_one();
            }
        }
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map_while(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok())
            .collect();
        let result = if workers.is_empty() {
            // No thread could be started: audit here, in order.
            files.iter().try_for_each(|f| each(audit(f)))
        } else {
            let _guard = StopOnPanic(&shared);
            write(&shared, files.len(), window, &mut each)
        };
        // Wakes any thread still waiting (after an error, or a panic).
        shared.stop();
        // Every thread joined; the first panic is the caller's, as if
        // `audit` had run on its thread.
        let panic = workers
            .into_iter()
            .filter_map(|w| w.join().err())
            .reduce(|first, _| first);
        if let Some(panic) = panic {
            std::panic::resume_unwind(panic);
        }
        result
    })
}

/// The writer's side of [`ordered`]: results `0..n` in order to `each`.
/// Returns early (`Ok`) when a thread panicked; the caller resumes it.
fn write<R, F, E>(shared: &Shared<R>, n: usize, window: usize, each: &mut F) -> Result<(), E>
where
    F: FnMut(R) -> Result<(), E>,
{
    for i in 0..n {
        let result = {
            let mut state = shared.lock();
            loop {
                if let Some(r) = state.slots[i % window].take() {
                    // Room for one more: wake the threads a window ahead.
                    state.base = i + 1;
                    if state.waiting > 0 {
                        shared.room.notify_all();
                    }
                    break r;
                }
                if state.stop {
                    return Ok(());
                }
                state = shared
                    .ready
                    .wait(state)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        };
        if let Err(e) = each(result) {
            shared.stop();
            return Err(e);
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

    /// A pseudo-random delay of up to ~200 µs for item `i`.
    fn jitter(i: usize) {
        let micros = (i as u64).wrapping_mul(2_654_435_761) % 200;
        std::thread::sleep(std::time::Duration::from_micros(micros));
    }

    #[test]
    fn results_come_in_order_whatever_the_threads_and_delays() {
        let items: Vec<usize> = (0..600).collect();
        for threads in [1, 2, 3, 8] {
            for window in [1, 2, 7, 64] {
                let mut seen = Vec::new();
                ordered(
                    &items,
                    threads,
                    window,
                    |&i| {
                        jitter(i);
                        i
                    },
                    |i| {
                        seen.push(i);
                        Ok::<(), ()>(())
                    },
                )
                .unwrap();
                assert_eq!(seen, items, "{threads} threads, window {window}");
            }
        }
    }

    #[test]
    fn rows_come_in_path_order() {
        let files: Vec<PathBuf> = (0..300)
            .map(|i| PathBuf::from(format!("f{i:03}")))
            .collect();
        let options = crate::catalog::audit::AuditOptions::default();
        let mut seen = Vec::new();
        for_each_row(
            &files,
            2,
            |f| crate::catalog::audit::audit_file(f, &options),
            |row| {
                seen.push(row.path);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let expected: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn the_threads_stay_within_the_window_and_fill_it() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..400).collect();
        for (threads, window) in [(1, 1), (2, 3), (4, 16)] {
            let started = AtomicUsize::new(0);
            let mut furthest = 0;
            ordered(
                &items,
                threads,
                window,
                |&i| {
                    started.fetch_add(1, Ordering::SeqCst);
                    i
                },
                |i| {
                    // A slow writer: the threads run ahead as far as they may.
                    std::thread::sleep(std::time::Duration::from_micros(300));
                    let ahead = started.load(Ordering::SeqCst) - (i + 1);
                    assert!(
                        ahead <= window,
                        "{ahead} rows ahead of row {i}, window {window}"
                    );
                    furthest = furthest.max(ahead);
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(started.load(Ordering::SeqCst), items.len());
            // No round to wait for: the window fills while the writer is busy.
            assert_eq!(furthest, window, "{threads} threads");
        }
    }

    #[test]
    fn one_slow_file_does_not_hold_the_other_threads() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..100).collect();
        let done_during_slow = AtomicUsize::new(0);
        let slow_done = std::sync::atomic::AtomicBool::new(false);
        ordered(
            &items,
            2,
            10,
            |&i| {
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    slow_done.store(true, Ordering::SeqCst);
                } else if !slow_done.load(Ordering::SeqCst) {
                    done_during_slow.fetch_add(1, Ordering::SeqCst);
                }
                i
            },
            |_| Ok::<(), ()>(()),
        )
        .unwrap();
        // The other thread audits the rest of the window (files 1..=9)
        // meanwhile, and no further.
        assert_eq!(done_during_slow.load(Ordering::SeqCst), 9);
    }

    #[test]
    fn an_error_stops_the_rows_and_the_auditing() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..10_000).collect();
        for threads in [1, 2, 4] {
            let audited = AtomicUsize::new(0);
            let mut seen = Vec::new();
            let result = ordered(
                &items,
                threads,
                8,
                |&i| {
                    audited.fetch_add(1, Ordering::SeqCst);
                    jitter(i);
                    i
                },
                |i| {
                    if i == 5 {
                        return Err(i);
                    }
                    seen.push(i);
                    Ok(())
                },
            );
            assert_eq!(result, Err(5));
            assert_eq!(seen, [0, 1, 2, 3, 4]);
            // Rows 0..=5 and at most the window after row 5: a thread
            // starts a file only within the window, and none after the stop.
            let audited = audited.load(Ordering::SeqCst);
            assert!(audited <= 6 + 8, "{audited} files audited");
        }
    }

    #[test]
    fn a_panic_in_the_auditing_reaches_the_caller() {
        let items: Vec<usize> = (0..1_000).collect();
        for threads in [1, 2, 4] {
            let mut seen = 0;
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                for_each_row(
                    &items,
                    threads,
                    |&i| {
                        jitter(i);
                        if i == 300 {
                            std::panic::panic_any(format!("file {i}"));
                        }
                        i
                    },
                    |_| {
                        seen += 1;
                        Ok::<(), ()>(())
                    },
                )
            }));
            let payload = caught.expect_err("the panic reaches the caller");
            assert_eq!(
                payload.downcast_ref::<String>().map(String::as_str),
                Some("file 300"),
                "{threads} threads"
            );
            assert!(seen <= 300, "{seen} rows written past the panic");
        }
    }

    #[test]
    fn a_panic_in_the_writer_stops_the_threads() {
        let items: Vec<usize> = (0..1_000).collect();
        let caught = std::panic::catch_unwind(|| {
            ordered(
                &items,
                2,
                4,
                |&i| i,
                |i| {
                    if i == 10 {
                        panic!("writer");
                    }
                    Ok::<(), ()>(())
                },
            )
        });
        // Returns (the threads did not wait forever for room) with the panic.
        assert!(caught.is_err());
    }

    #[test]
    fn zero_threads_means_one_per_core_and_empty_input_is_fine() {
        let items: Vec<usize> = (0..50).collect();
        let mut seen = Vec::new();
        for_each_row(
            &items,
            0,
            |&i| i * 2,
            |i| {
                seen.push(i);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..50).map(|i| i * 2).collect::<Vec<_>>());
        let none: [usize; 0] = [];
        for_each_row(&none, 2, |&i| i, |_| Err(())).unwrap();
    }
}
