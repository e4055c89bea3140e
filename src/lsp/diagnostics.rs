//! Load errors and findings as LSP diagnostics: a pure function of the text,
//! its path and the settings.

use super::position::LineIndex;
use super::uri;
use crate::analysis::{CONFIG_FILE_NAME, Settings};
use crate::i18n::Lang;
use crate::report::sarif::{RULES_URL, rule_help_uri};
use crate::{Analysis, Finding, LoadError, LoadErrors, Related, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
    Uri,
};
use std::path::Path;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "tthc";

/// What a YAML file of a procedure folder holds, which decides how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A procedure in the `tthc/1` format: load errors and findings.
    Procedure,
    /// Review tests (a list of cases): their load errors.
    ReviewTest,
    /// A `tthc.yaml` configuration: its load errors.
    Config,
    /// A cost-basis file: its load errors.
    CostBasis,
}

impl FileKind {
    /// The kind of the file at `path` holding `text` (the text decides
    /// between a procedure and review tests, as `tthc check` does).
    pub fn of(path: &Path, text: &str) -> FileKind {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == CONFIG_FILE_NAME || name == "tthc.yml" || name == ".tthc.yaml" {
            FileKind::Config
        } else if name == "cost-basis.yaml" {
            FileKind::CostBasis
        } else if crate::catalog::is_review_test_text(text) {
            FileKind::ReviewTest
        } else {
            FileKind::Procedure
        }
    }
}

/// The diagnostics of one file: every load error of `text`, or, when it is
/// a procedure that loads, every finding of its review under `settings` —
/// with UTF-16 ranges, severity, the rule code linking to its
/// documentation, related locations, in `settings.lang`.
///
/// `path` names the file (its file name decides the [`FileKind`]; it is
/// also the origin findings carry); `uri` is where related locations point.
///
/// The same as the server publishes: it reads the text as a
/// [`crate::lsp::Document`] does.
pub fn diagnostics(text: &str, uri: &Uri, path: &Path, settings: &Settings) -> Vec<Diagnostic> {
    crate::lsp::Document::new(
        uri.clone(),
        path.to_path_buf(),
        0,
        text.to_string(),
        Ok(std::sync::Arc::new(settings.clone())),
    )
    .diagnostics
}

/// The result of reading one file of any kind.
#[derive(Debug)]
pub enum Outcome {
    /// A procedure that loaded, analysed.
    Loaded(Box<Analysis>),
    /// The file did not load.
    Failed(LoadErrors),
    /// A file of another kind that loaded (nothing more to say about it).
    Other,
}

/// Reads `text` as the [`FileKind`] of `path` says.
pub fn analyse(text: &str, path: &Path, settings: &Settings) -> Outcome {
    analyse_as(FileKind::of(path, text), text, path, settings)
}

/// [`analyse`] of a file whose kind is known.
pub(crate) fn analyse_as(kind: FileKind, text: &str, path: &Path, settings: &Settings) -> Outcome {
    let origin = path.display().to_string();
    let dir = path.parent().unwrap_or(Path::new("."));
    let other = |r: Result<(), LoadErrors>| match r {
        Ok(()) => Outcome::Other,
        Err(e) => Outcome::Failed(e),
    };
    match kind {
        FileKind::Procedure => match Analysis::from_yaml_str(text, &origin, settings) {
            Ok(a) => Outcome::Loaded(Box::new(a)),
            Err(e) => Outcome::Failed(e),
        },
        FileKind::ReviewTest => {
            other(crate::review_test::parse_review_tests(text, path).map(|_| ()))
        }
        FileKind::Config => other(Settings::from_yaml_str_in(text, &origin, dir).map(|_| ())),
        FileKind::CostBasis => {
            other(crate::cost_basis::CostBasis::from_yaml_str(text, &origin).map(|_| ()))
        }
    }
}

/// The LSP severity of a finding's severity.
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warn => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Every finding of `analysis` as a diagnostic on `text`, then every
/// finding a `# tthc: allow` comment silenced, as a hint that says so with
/// its reason (related: the comment).
pub fn findings(analysis: &Analysis, text: &str, uri: &Uri, lang: Lang) -> Vec<Diagnostic> {
    let index = LineIndex::new(text);
    let mut out: Vec<Diagnostic> = analysis
        .findings()
        .iter()
        .map(|f| finding(f, &index, uri, lang))
        .collect();
    for s in analysis.suppressed() {
        let mut d = finding(&s.finding, &index, uri, lang);
        d.severity = Some(DiagnosticSeverity::HINT);
        d.message = match lang {
            Lang::Vi => format!("bỏ qua: {} — lý do: {}", d.message, s.reason),
            Lang::En => format!("suppressed: {} — reason: {}", d.message, s.reason),
        };
        let comment = DiagnosticRelatedInformation {
            location: lsp_types::Location {
                uri: uri.clone(),
                range: index.location_range(Some(&s.comment)),
            },
            message: lang
                .pick("chú thích bỏ qua", "the suppression comment")
                .to_string(),
        };
        d.related_information
            .get_or_insert_with(Vec::new)
            .push(comment);
        if let Some(data) = d.data.as_mut().and_then(|v| v.as_object_mut()) {
            data.insert("suppressed".into(), serde_json::Value::Bool(true));
        }
        out.push(d);
    }
    out
}

/// One finding as a diagnostic.
pub fn finding(f: &Finding, index: &LineIndex<'_>, uri: &Uri, lang: Lang) -> Diagnostic {
    let mut message = f.message.get(lang).to_string();
    if let Some(s) = &f.suggestion {
        message = format!("{message} — {}", s.get(lang));
    }
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .filter_map(|r| related(r, index, uri, lang))
        .collect();
    Diagnostic {
        range: index.location_range(f.location.as_ref()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.clone())),
        code_description: rule_help_uri(RULES_URL, &f.code)
            .and_then(|u| uri::parse(&u))
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({
            "name": f.name,
            "element": f.element.as_ref().map(|e| e.as_str()),
        })),
    }
}

fn related(
    r: &Related,
    index: &LineIndex<'_>,
    uri: &Uri,
    lang: Lang,
) -> Option<DiagnosticRelatedInformation> {
    let location = r.location.as_ref()?;
    Some(DiagnosticRelatedInformation {
        location: lsp_types::Location {
            uri: uri.clone(),
            range: index.location_range(Some(location)),
        },
        message: r.message.get(lang).to_string(),
    })
}

/// Every load error as an error diagnostic on `text`, its hint ("did you
/// mean …") after the message; the count of omitted errors on the first
/// line when the loader stopped keeping them.
pub fn load_errors(errors: &LoadErrors, text: &str, lang: Lang) -> Vec<Diagnostic> {
    let index = LineIndex::new(text);
    let mut out: Vec<Diagnostic> = errors
        .errors
        .iter()
        .map(|e| load_error(e, &index, lang))
        .collect();
    if errors.omitted > 0 {
        out.push(Diagnostic {
            range: index.location_range(None),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("omitted".into())),
            source: Some(SOURCE.to_string()),
            message: match lang {
                Lang::Vi => format!("và {} lỗi khác không hiển thị", errors.omitted),
                Lang::En => format!("and {} more errors not shown", errors.omitted),
            },
            ..Diagnostic::default()
        });
    }
    out
}

/// One load error as a diagnostic.
pub fn load_error(e: &LoadError, index: &LineIndex<'_>, lang: Lang) -> Diagnostic {
    let mut message = e.message(lang);
    if let Some(help) = e.help(lang) {
        message = format!("{message} — {help}");
    }
    Diagnostic {
        range: index.location_range(e.location.as_ref()),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(e.code().to_string())),
        source: Some(SOURCE.to_string()),
        message,
        data: e
            .element
            .as_ref()
            .map(|el| serde_json::json!({ "element": el })),
        ..Diagnostic::default()
    }
}

/// A warning on the first line of a file whose `tthc.yaml` does not load
/// (the file is then checked with the default settings).
pub fn settings_failed(errors: &LoadErrors, text: &str, lang: Lang) -> Diagnostic {
    let index = LineIndex::new(text);
    let origin = errors
        .errors
        .first()
        .map_or(CONFIG_FILE_NAME, |e| e.origin.as_str());
    let first = errors
        .errors
        .first()
        .map(|e| e.message(lang))
        .unwrap_or_default();
    Diagnostic {
        range: index.location_range(None),
        severity: Some(DiagnosticSeverity::WARNING),
        code: Some(NumberOrString::String("settings".into())),
        source: Some(SOURCE.to_string()),
        message: match lang {
            Lang::Vi => format!(
                "không đọc được tệp cấu hình {origin} ({first}); tệp này được kiểm tra với cấu hình mặc định"
            ),
            Lang::En => format!(
                "the settings file {origin} could not be read ({first}); this file is checked with the default settings"
            ),
        },
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    const PROCEDURE: &str = "format: tthc/1
name: Đăng ký khai sinh
steps:
  nộp:
    name: Nộp hồ sơ
    actor: applicant
    next: [xét]
  xét: { name: Xét, actor: UBND xã, duration: 3 ngày làm việc }
";

    fn uri() -> Uri {
        uri::parse("file:///tmp/p/khai-sinh.yaml").unwrap_or_else(|| unreachable!())
    }

    fn run(text: &str, lang: Lang) -> Vec<Diagnostic> {
        let settings = Settings::default().with_lang(lang);
        diagnostics(text, &uri(), Path::new("/tmp/p/khai-sinh.yaml"), &settings)
    }

    #[test]
    fn findings_carry_code_link_severity_and_language() {
        let vi = run(PROCEDURE, Lang::Vi);
        let tt002 = vi
            .iter()
            .find(|d| d.code == Some(NumberOrString::String("TT002".into())))
            .unwrap_or_else(|| panic!("TT002 in {vi:#?}"));
        assert_eq!(tt002.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(tt002.source.as_deref(), Some("tthc"));
        // A link only to a page the build names (none by default: the
        // crate is not published, and docs.rs/tthc does not exist).
        let href = tt002.code_description.as_ref().map(|c| c.href.as_str());
        match RULES_URL {
            Some(_) => assert!(href.is_some_and(|h| h.ends_with("#tt002")), "{href:?}"),
            None => assert_eq!(href, None),
        }
        let en = run(PROCEDURE, Lang::En);
        assert_eq!(vi.len(), en.len());
        assert_ne!(vi[0].message, en[0].message);
    }

    #[test]
    fn load_errors_have_utf16_ranges_after_vietnamese_text() {
        // `xét` is misspelt `xet` in `next`: an unknown step, located after
        // multi-byte characters on the line before.
        let text = PROCEDURE.replace("next: [xét]", "next: [xet]");
        let d = run(&text, Lang::Vi);
        let unknown = d
            .iter()
            .find(|d| d.code == Some(NumberOrString::String("unknown-step".into())))
            .unwrap_or_else(|| panic!("unknown-step in {d:#?}"));
        assert_eq!(unknown.range.start, Position::new(6, 11));
        assert_eq!(unknown.range.end, Position::new(6, 14));
        assert!(unknown.message.contains("xét"), "{}", unknown.message);
    }

    #[test]
    fn review_tests_and_settings_report_their_load_errors() {
        let settings = Settings::default().with_lang(Lang::En);
        let test = "- name: a\n  procedure: x.yaml\n  bogus: 1\n";
        let d = diagnostics(test, &uri(), Path::new("/tmp/p/tests.yaml"), &settings);
        assert!(!d.is_empty());
        assert!(
            d.iter()
                .all(|d| d.severity == Some(DiagnosticSeverity::ERROR))
        );
        let config = "lang: vi\nrules:\n  TT999: off\n";
        let d = diagnostics(config, &uri(), Path::new("/tmp/p/tthc.yaml"), &settings);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range.start.line, 2);
        let fine = diagnostics(
            "lang: vi\n",
            &uri(),
            Path::new("/tmp/p/tthc.yaml"),
            &settings,
        );
        assert!(fine.is_empty());
    }

    #[test]
    fn suppressed_findings_are_hints_with_their_reason() {
        let text = PROCEDURE.replace(
            "format: tthc/1\n",
            "# tthc: bỏ qua TT002 — thủ tục nội bộ\nformat: tthc/1\n",
        );
        let d = run(&text, Lang::Vi);
        let hint = d
            .iter()
            .find(|d| d.severity == Some(DiagnosticSeverity::HINT))
            .unwrap_or_else(|| panic!("a hint in {d:#?}"));
        assert_eq!(hint.code, Some(NumberOrString::String("TT002".into())));
        assert!(hint.message.starts_with("bỏ qua: "), "{}", hint.message);
        assert!(
            hint.message.ends_with("lý do: thủ tục nội bộ"),
            "{}",
            hint.message
        );
        let related = hint.related_information.as_deref().unwrap_or_default();
        assert_eq!(related.last().map(|r| r.location.range.start.line), Some(0));
        assert!(
            !d.iter()
                .any(|d| d.code == hint.code && d.severity == Some(DiagnosticSeverity::ERROR))
        );
    }

    #[test]
    fn syntax_errors_never_panic() {
        for text in [
            "",
            "steps: [",
            "\u{feff}format: tthc/1\n\tname: x",
            "- - -",
            ":",
        ] {
            let _ = run(text, Lang::Vi);
        }
    }
}
