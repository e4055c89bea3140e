//! Finding procedure files below a directory.

use std::path::{Path, PathBuf};

/// File names that live among procedures but are not procedures (the
/// configuration is found and read by its own resolver).
const NOT_PROCEDURES: &[&str] = &["tthc.yaml", "tthc.yml", ".tthc.yaml", "cost-basis.yaml"];

/// Whether `path` looks like a procedure file: `*.yaml` / `*.yml`, not a
/// configuration file.
pub fn is_procedure_file(path: &Path) -> bool {
    let yaml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    yaml && !NOT_PROCEDURES.contains(&name)
}

/// Every procedure file below `dir` (or `dir` itself if it is a file), in a
/// stable order (sorted by path), skipping hidden entries. Unreadable
/// directories are returned as errors rather than skipped silently.
pub fn discover(dir: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // A path named on the command line that is not a folder is read as a
    // file, so that a pipe or device gets the reader's own error.
    if dir.metadata().is_ok_and(|m| !m.is_dir()) {
        files.push(dir.to_path_buf());
        return (files, errors);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push((current, e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push((current.clone(), e));
                    continue;
                }
            };
            let path = entry.path();
            let hidden = entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() && is_procedure_file(&path) => files.push(path),
                Ok(_) => {}
                Err(e) => errors.push((path, e)),
            }
        }
    }
    files.sort();
    (files, errors)
}

/// Whether a YAML file holds review tests rather than a procedure: its
/// first line that is neither blank nor a comment starts a list item
/// (`- name: …`), while a procedure is a mapping. Reads at most 64 KiB.
pub fn is_review_test_file(path: &Path) -> bool {
    use std::io::Read;
    // Only a regular file is peeked at: a pipe would block the open, and
    // reading the head of `/dev/stdin` would take it from the loader.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(REVIEW_TEST_HEAD).read_to_end(&mut head).is_err() {
        return false;
    }
    is_review_test_bytes(&head)
}

/// How much of a file's head [`is_review_test_bytes`] looks at.
const REVIEW_TEST_HEAD: u64 = 64 * 1024;

/// Whether the bytes of a YAML file hold review tests rather than a
/// procedure (see [`is_review_test_file`]), from the same head of at most
/// 64 KiB: for bytes already read, so that a file is read once (the audit
/// reads each file once and tells the two apart from those bytes).
pub fn is_review_test_bytes(bytes: &[u8]) -> bool {
    let head = bytes
        .get(..usize::try_from(REVIEW_TEST_HEAD).unwrap_or(usize::MAX))
        .unwrap_or(bytes);
    is_review_test_text(&String::from_utf8_lossy(head))
}

/// Whether YAML `text` holds review tests rather than a procedure (see
/// [`is_review_test_file`]): an editor's buffer, not yet saved.
pub fn is_review_test_text(text: &str) -> bool {
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .is_some_and(|l| l == "-" || l.starts_with("- "))
}

/// Procedure files apart from review-test files (which may live in the same
/// folder): `(procedures, review tests)`, order kept.
pub fn split_review_tests(files: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    files.into_iter().partition(|f| !is_review_test_file(f))
}

/// The files named on a command line: files as given, directories expanded
/// with [`discover`] (their unreadable subdirectories are skipped here; use
/// [`discover`] to see them).
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(discover(p).0);
        } else {
            out.push(p.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_procedure_files() {
        assert!(is_procedure_file(Path::new("a/b.yaml")));
        assert!(is_procedure_file(Path::new("a/b.YML")));
        assert!(!is_procedure_file(Path::new("a/tthc.yaml")));
        assert!(!is_procedure_file(Path::new("a/README.md")));
    }

    #[test]
    fn review_tests_are_told_from_bytes_by_their_head() {
        assert!(is_review_test_bytes(
            b"\xef\xbb\xbf# tests\n---\n- name: a\n"
        ));
        assert!(!is_review_test_bytes(b"# p\nformat: tthc/1\n- x\n"));
        assert!(!is_review_test_bytes(b""));
        // Only the head counts: a list item past 64 KiB of comments is not
        // looked at, as in `is_review_test_file`.
        let mut far = "#\n".repeat(40 * 1024).into_bytes();
        far.extend_from_slice(b"- name: a\n");
        assert!(!is_review_test_bytes(&far));
        let mut near = "#\n".repeat(1024).into_bytes();
        near.extend_from_slice(b"- name: a\n");
        assert!(is_review_test_bytes(&near));
    }
}
