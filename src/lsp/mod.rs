//! The language server (`tthc lsp`): review while the procedure is drafted.
//!
//! Over stdio with [`lsp_server`], for procedure files, review-test files,
//! `tthc.yaml` and cost-basis files (full-text sync):
//!
//! - diagnostics on open, change and save: every load error, or every
//!   finding of the review, with exact UTF-16 ranges, severity, the rule
//!   code linking to its documentation and related locations, in the
//!   language of the file's settings ([`diagnostics()`], a pure function);
//! - go to definition and find references of step and document ids, the
//!   outline (steps, documents) and completion of ids where a value holds
//!   them (`next`, `choice`, `rework.to`, `submits`, `uses`, `produces`);
//! - hover: the rule behind a finding (explanation, legal basis), the
//!   figures of a step or document (its cost lines, duration, critical path),
//!   the meaning of a key in Vietnamese and English ([`crate::format`]);
//!   completion of keys and of the words of a fixed set (`form: copy`);
//! - code actions: each finding's or load error's mechanical [`crate::Fix`]
//!   as a quick fix with UTF-16 ranges;
//! - findings silenced by a `# tthc: allow` comment, as hints with their reason.
//!
//! ```
//! use tthc::lsp::{diagnostics, uri};
//! use tthc::{Lang, Settings};
//! let text = "format: tthc/1\nname: Khai sinh\nsteps:\n  nộp: { name: Nộp, actor: applicant, next: [xet] }\n";
//! let file = uri::parse("file:///tmp/khai-sinh.yaml").unwrap();
//! let path = uri::to_path(&file);
//! let found = diagnostics(text, &file, &path, &Settings::default().with_lang(Lang::Vi));
//! assert_eq!(found[0].code, Some(lsp_types::NumberOrString::String("unknown-step".into())));
//! assert_eq!(found[0].range.start, lsp_types::Position::new(3, 45)); // 0-based, UTF-16 (tthc check says 4:46)
//! ```

mod diagnostics;
mod document;
pub mod features;
pub mod keys;
pub mod nav;
pub mod position;
mod server;
pub mod uri;

pub use diagnostics::{
    FileKind, Outcome, SOURCE, analyse, diagnostics, finding, findings, load_error, load_errors,
    settings_failed, severity,
};
pub use document::Document;
pub use server::{Server, ServerError, capabilities, publish, run, serve_stdio};
