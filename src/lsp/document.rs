//! One open document: its text, its analysis and everything the requests
//! read, computed once per version.

use super::diagnostics::{self, Outcome};
use super::nav::Index;
use super::position::LineIndex;
use crate::analysis::Settings;
use crate::i18n::Lang;
use crate::{Analysis, LoadErrors};
use lsp_types::Uri;
use std::path::PathBuf;
use std::sync::Arc;

/// An open document, analysed.
#[derive(Debug)]
pub struct Document {
    /// Its URI.
    pub uri: Uri,
    /// Its local path (or its name, for an unsaved buffer).
    pub path: PathBuf,
    /// The client's version number.
    pub version: i32,
    /// The full text.
    pub text: String,
    /// What kind of file it is.
    pub kind: super::FileKind,
    /// The language of its messages (from its settings).
    pub lang: Lang,
    /// The analysis, when it is a procedure that loads.
    pub analysis: Option<Box<Analysis>>,
    /// What the server publishes for it.
    pub diagnostics: Vec<lsp_types::Diagnostic>,
    /// The fix of each diagnostic (same order), where one is mechanical.
    pub fixes: Vec<Option<crate::Fix>>,
    /// Its step and document ids.
    pub index: Index,
    /// Where the lines of `text` start (once per version: every request
    /// converts positions through them).
    line_starts: Vec<usize>,
}

impl Document {
    /// Reads `text` under `settings` (or the default settings, with a
    /// warning, when its `tthc.yaml` did not load).
    pub fn new(
        uri: Uri,
        path: PathBuf,
        version: i32,
        text: String,
        settings: Result<Arc<Settings>, (LoadErrors, Lang)>,
    ) -> Document {
        let (settings, settings_error) = match settings {
            Ok(s) => (s, None),
            Err((e, lang)) => (Arc::new(Settings::default().with_lang(lang)), Some(e)),
        };
        let lang = settings.lang;
        let kind = super::FileKind::of(&path, &text);
        let outcome = diagnostics::analyse_as(kind, &text, &path, &settings);
        let (mut diagnostics, mut fixes) = match &outcome {
            Outcome::Loaded(a) => (
                diagnostics::findings(a, &text, &uri, lang),
                a.findings().iter().map(|f| f.fix.clone()).collect(),
            ),
            Outcome::Failed(e) => (
                diagnostics::load_errors(e, &text, lang),
                e.errors.iter().map(|e| e.fix(&text)).collect(),
            ),
            Outcome::Other => (Vec::new(), Vec::new()),
        };
        // The count of omitted errors has no fix.
        fixes.resize(diagnostics.len(), None);
        if let Some(e) = settings_error {
            diagnostics.insert(0, diagnostics::settings_failed(&e, &text, lang));
            fixes.insert(0, None);
        }
        let analysis = match outcome {
            Outcome::Loaded(a) => Some(a),
            _ => None,
        };
        // Step and document ids mean something in procedures only.
        let index = if kind == super::FileKind::Procedure {
            Index::new(&text, analysis.as_deref())
        } else {
            Index::default()
        };
        let line_starts = LineIndex::new(&text).into_starts();
        Document {
            uri,
            path,
            version,
            text,
            kind,
            lang,
            analysis,
            diagnostics,
            fixes,
            index,
            line_starts,
        }
    }

    /// The line index of its text (its line starts are computed once per
    /// version).
    pub fn lines(&self) -> LineIndex<'_> {
        LineIndex::with_starts(&self.text, &self.line_starts)
    }
}
