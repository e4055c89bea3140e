//! YAML → model, with a source map.
//!
//! All YAML parsing lives in this module (see `yaml.rs`), so the parser can be
//! swapped in one place. The library never touches the file system except in
//! [`load_file`].

pub(crate) mod convert;
mod error;
pub(crate) mod node;
pub(crate) mod reader;
pub(crate) mod suggest;
pub(crate) mod syntax;
pub(crate) mod tree;
#[cfg(test)]
mod tree_oracle;
pub(crate) mod yaml;

pub use error::{LoadError, LoadErrorKind, LoadErrors};
pub use node::Location;
pub(crate) use reader::MAX_ERRORS;
pub use syntax::SyntaxCause;
pub use yaml::{
    parse_events, parse_only, parse_tree, parse_tree_saphyr, parse_typed, saphyr_options,
};

use crate::checked::CheckedProcedure;
use std::path::Path;

/// Limits applied while loading untrusted input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest accepted input, in bytes (default 16 MiB).
    pub max_file_size: u64,
    /// Deepest accepted nesting (default 64; a procedure needs about 6).
    pub max_depth: usize,
    /// Most YAML nodes accepted (default 4,000,000).
    pub max_nodes: usize,
    /// Most aliases and anchors accepted (default 1,000; alias bombs are
    /// rejected well before that by the parser's ratio check).
    pub max_aliases: usize,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            max_file_size: 16 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 4_000_000,
            max_aliases: 1_000,
        }
    }
}

impl CheckedProcedure {
    /// Loads a procedure in the `tthc/1` format from YAML text. `origin` names
    /// the input in errors and in the source map (usually the file path).
    ///
    /// ```
    /// use tthc::CheckedProcedure;
    /// let src = "format: tthc/1\nname: Đăng ký khai sinh\nsteps:\n  nop: { name: Nộp hồ sơ, actor: applicant }\n";
    /// let p = CheckedProcedure::from_yaml_str(src, "khai-sinh.yaml").unwrap();
    /// assert_eq!(p.steps[0].id, "nop");
    /// assert_eq!(p.source_map.locate("steps.nop").unwrap().line, 4);
    ///
    /// let err = CheckedProcedure::from_yaml_str("format: tthc/1\nname: X\nstep: {}\n", "x.yaml").unwrap_err();
    /// let unknown = err.errors.iter().find(|e| e.code() == "unknown-key").unwrap();
    /// assert_eq!(unknown.location.unwrap().line, 3);
    /// assert_eq!(unknown.help(tthc::Lang::En).unwrap(), "did you mean `steps`?");
    /// ```
    pub fn from_yaml_str(src: &str, origin: &str) -> Result<CheckedProcedure, LoadErrors> {
        CheckedProcedure::from_yaml_str_with(src, origin, &LoadOptions::default())
    }

    /// [`CheckedProcedure::from_yaml_str`] with explicit limits.
    pub fn from_yaml_str_with(
        src: &str,
        origin: &str,
        options: &LoadOptions,
    ) -> Result<CheckedProcedure, LoadErrors> {
        let root = match yaml::parse_node(src, origin, options) {
            Ok(Some(root)) => root,
            Ok(None) => return Err(LoadError::new(origin, LoadErrorKind::Empty).into()),
            Err(e) => return Err(LoadErrors::from(e).with_source(src)),
        };
        let mut reader = reader::Reader::new(origin, src);
        let procedure = convert::procedure(&mut reader, &root);
        match procedure {
            Some(mut p) if reader.errors.is_empty() => {
                reader.map.set_text(src);
                p.set_source_map(reader.map);
                Ok(p)
            }
            _ => {
                if reader.errors.is_empty() {
                    reader.errors.push(LoadError::new(
                        origin,
                        LoadErrorKind::Invalid {
                            en: "the procedure could not be read".into(),
                            vi: "không đọc được thủ tục".into(),
                        },
                    ));
                }
                Err(reader.into_errors(src))
            }
        }
    }

    /// Loads from raw bytes, checking size and UTF-8 first.
    pub fn from_yaml_bytes(
        bytes: &[u8],
        origin: &str,
        options: &LoadOptions,
    ) -> Result<CheckedProcedure, LoadErrors> {
        let src = yaml::check_input(bytes, origin, options)?;
        CheckedProcedure::from_yaml_str_with(src, origin, options)
    }
}

/// Reads and loads one procedure file (within the size limit). Errors
/// carry the file's text when it could be read.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<CheckedProcedure, LoadErrors> {
    let origin = path.display().to_string();
    let text = read_text(path, options)?;
    CheckedProcedure::from_yaml_str_with(&text, &origin, options)
}

/// Reads a UTF-8 text file without ever holding more than the size limit:
/// procedure, configuration, cost-basis, holiday and review-test files all
/// come in through here.
pub fn read_text(path: &Path, options: &LoadOptions) -> Result<String, LoadErrors> {
    let origin = path.display().to_string();
    let bytes = read_limited(path, options.max_file_size)
        .map_err(|e| LoadErrors::from(e.into_load_error(&origin)))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Err(yaml::check_input(e.as_bytes(), &origin, options)
            .err()
            .unwrap_or_else(|| LoadError::new(&origin, LoadErrorKind::NotUtf8))
            .into()),
    }
}

pub(crate) enum ReadError {
    Io(std::io::Error),
    TooLarge(u64, u64),
}

impl ReadError {
    pub(crate) fn into_load_error(self, origin: &str) -> LoadError {
        match self {
            ReadError::Io(e) => LoadError::new(origin, LoadErrorKind::io(&e)),
            ReadError::TooLarge(size, limit) => {
                LoadError::new(origin, LoadErrorKind::TooLarge { size, limit })
            }
        }
    }
}

/// Reads a file without ever holding more than `limit + 1` bytes.
/// `/dev/stdin` or `/dev/fd/N`: a stream the user asked to be read.
fn is_named_stream(path: &Path) -> bool {
    path == Path::new("/dev/stdin")
        || path
            .strip_prefix("/dev/fd")
            .is_ok_and(|n| n.to_str().is_some_and(|n| n.parse::<u32>().is_ok()))
}

pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    // Opening a named pipe waits for a writer, forever if none comes; a
    // device can be endless. Only regular files are read, and the streams
    // a user names on purpose (`/dev/stdin`, `<(…)` as `/dev/fd/N`).
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() && !is_named_stream(path) {
        return Err(ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            if meta.is_dir() {
                crate::Text::new(
                    "đây là một thư mục, không phải một tệp",
                    "a folder, not a file",
                )
            } else {
                crate::Text::new(
                    "không phải một tệp thường (là ống dẫn, socket hoặc thiết bị)",
                    "not a regular file (a pipe, socket or device)",
                )
            },
        )));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = meta.len();
    if size > limit {
        return Err(ReadError::TooLarge(size, limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}
