//! Diagnostics as rustc-like text with source snippets, rendered by
//! annotate-snippets (width-aware: carets stay under decomposed Vietnamese,
//! CJK and other wide text) with a primary location and secondary ones.
//!
//! The source is indexed once per file ([`SourceIndex`]) and each snippet
//! shows only the lines it points at, so rendering N diagnostics of one
//! file costs O(file + N), never O(file × N). Every text that comes from a
//! file is made safe for a terminal first: control characters are shown as
//! their visible Unicode pictures (␛, ␇, ␈, ␍ …), never emitted.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::source_map::Location;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::borrow::Cow;
use std::ops::Range;

/// Options for text rendering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// Language of messages.
    pub lang: Lang,
    /// Use ANSI colours.
    pub color: bool,
}

/// Where each line of a text starts, counted the way YAML counts lines
/// (`\r\n`, `\n` and a lone `\r` each end a line). Built once per file.
#[derive(Clone, Debug)]
pub struct SourceIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> SourceIndex<'s> {
    /// Indexes `text` (one linear pass).
    pub fn new(text: &'s str) -> SourceIndex<'s> {
        SourceIndex {
            text,
            starts: line_starts(text),
        }
    }

    /// The byte range of line `line` (1-based), without its line break.
    pub fn line(&self, line: u32) -> Option<Range<usize>> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let mut end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Some(start..end)
    }

    /// The byte offset of a location: its own when recorded and on its
    /// line, else its character column on its line.
    fn offset(&self, loc: Location, line: &Range<usize>) -> usize {
        if let Some(off) = loc.byte_offset
            && line.contains(&off)
        {
            return off;
        }
        let text = &self.text[line.clone()];
        let col = (loc.column as usize).saturating_sub(1);
        line.start + text.char_indices().nth(col).map_or(text.len(), |(i, _)| i)
    }
}

/// The byte offset where each line of `text` starts, in one pass: `\n`,
/// `\r\n` and a lone `\r` end a line, as in YAML (so a location the loader
/// gives and the line it is shown on agree). An empty text has one line.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
            _ => {}
        }
    }
    starts
}

/// The visible picture of a control character (U+2400 block), so that a
/// file's text can never move the cursor, ring a bell or recolour a terminal.
fn picture(c: char) -> Option<char> {
    match c {
        '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' => Some('\u{fffd}'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every control character shown as its picture.
///
/// ```
/// use tthc::report::diagnostics::terminal_safe;
/// assert_eq!(terminal_safe("a\u{1b}[31mb\u{7}"), "a␛[31mb␇");
/// assert_eq!(terminal_safe("Đăng ký"), "Đăng ký");
/// ```
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| picture(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| picture(c).unwrap_or(c)).collect())
}

/// A whole text report made terminal-safe: like [`terminal_safe`], but
/// line ends stay line ends. For reports whose own text has no control
/// character (no colour), so that only what came from a file is changed.
///
/// ```
/// use tthc::report::diagnostics::terminal_text;
/// assert_eq!(terminal_text("Tên: a\u{1b}[2J\nb\r\n"), "Tên: a␛[2J\nb␍\n");
/// ```
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    let shown = |c: char| if c == '\n' { None } else { picture(c) };
    if !text.chars().any(|c| shown(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| shown(c).unwrap_or(c)).collect())
}

/// One line of the file made terminal-safe, with a map from the file's
/// byte offsets to the shown text's.
struct Window {
    text: String,
    line: u32,
    start: usize,
    /// (file offset, shown offset) at each replaced character, in order.
    shifts: Vec<(usize, usize)>,
}

impl Window {
    fn of(index: &SourceIndex<'_>, line: u32, range: Range<usize>) -> Window {
        // Very long lines are cut around nothing: annotate-snippets trims
        // long lines itself; we cap what we copy so work per snippet is bounded.
        const MAX: usize = 4096;
        let raw = &index.text[range.clone()];
        let raw = match raw.char_indices().nth(MAX) {
            Some((cut, _)) => &raw[..cut],
            None => raw,
        };
        let mut text = String::with_capacity(raw.len());
        let mut shifts = Vec::new();
        for (i, c) in raw.char_indices() {
            match picture(c) {
                Some(p) => {
                    shifts.push((range.start + i + c.len_utf8(), text.len() + p.len_utf8()));
                    text.push(p);
                }
                None => text.push(c),
            }
        }
        Window {
            text,
            line,
            start: range.start,
            shifts,
        }
    }

    /// A file offset as an offset into the shown text.
    fn map(&self, off: usize) -> usize {
        let (base_file, base_shown) = self
            .shifts
            .iter()
            .rev()
            .find(|(f, _)| *f <= off)
            .copied()
            .unwrap_or((self.start, 0));
        (base_shown + off.saturating_sub(base_file)).min(self.text.len())
    }

    /// The span to underline: the node's length when known and on the line,
    /// else one word.
    fn span(&self, index: &SourceIndex<'_>, loc: Location, range: &Range<usize>) -> Range<usize> {
        let start = index.offset(loc, range);
        let rest = &index.text[start..range.end];
        let len = match loc.byte_len {
            Some(len) if len > 0 && len <= rest.len() && rest.is_char_boundary(len) => len,
            _ => rest
                .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '}' | ']'))
                .filter(|&n| n > 0)
                .or_else(|| rest.chars().next().map(char::len_utf8))
                .unwrap_or(0),
        };
        self.map(start)..self.map(start + len)
    }
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    let base = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warn => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    base.with_name(severity.label(lang))
}

/// Renders diagnostics of one file, indexing its text once.
///
/// ```
/// use tthc::{Analysis, Lang, Settings};
/// use tthc::report::diagnostics::{DiagnosticRenderer, TextStyle};
/// let src = "format: tthc/1\nname: X\nsteps:\n  a: { name: Nộp, actor: applicant, nxt: [b] }\n";
/// let errors = Analysis::from_yaml_str(src, "x.yaml", &Settings::default()).unwrap_err();
/// let style = TextStyle { lang: Lang::En, color: false };
/// let out = DiagnosticRenderer::new(Some(src), style).render(&(&errors.errors[0]).into());
/// assert!(out.contains("x.yaml:4:"), "{out}");
/// assert!(out.contains("did you mean `next`?"), "{out}");
/// ```
pub struct DiagnosticRenderer<'s> {
    index: Option<SourceIndex<'s>>,
    style: TextStyle,
}

impl<'s> DiagnosticRenderer<'s> {
    /// A renderer for diagnostics about `source` (the file's text, when
    /// known, for snippets).
    pub fn new(source: Option<&'s str>, style: TextStyle) -> DiagnosticRenderer<'s> {
        DiagnosticRenderer {
            index: source.map(SourceIndex::new),
            style,
        }
    }

    /// Renders one diagnostic, with a snippet of each location.
    pub fn render(&self, d: &Diagnostic) -> String {
        let lang = self.style.lang;
        let message = terminal_safe(d.message.get(lang));
        let origin = terminal_safe(&d.origin);
        let id = if d.code == d.name {
            d.code.clone()
        } else {
            format!("{} {}", d.code, d.name)
        };
        let help = d
            .help
            .as_ref()
            .map(|h| terminal_safe(h.get(lang)).into_owned());
        let element = d
            .element
            .as_ref()
            .map(|e| terminal_safe(e.as_str()).into_owned());

        // Snippets: the primary location, then each related one.
        let mut places: Vec<(Location, bool, String)> = Vec::new();
        if let Some(loc) = d.location {
            places.push((loc, true, help.clone().unwrap_or_default()));
        }
        for r in &d.related {
            if let Some(loc) = r.location {
                places.push((loc, false, terminal_safe(r.message.get(lang)).into_owned()));
            }
        }
        let windows: Vec<(Window, Range<usize>, bool, String)> = match &self.index {
            Some(index) => places
                .into_iter()
                .filter_map(|(loc, primary, label)| {
                    let range = index.line(loc.line)?;
                    let w = Window::of(index, loc.line, range.clone());
                    let span = w.span(index, loc, &range);
                    Some((w, span, primary, label))
                })
                .collect(),
            None => Vec::new(),
        };
        let shown_primary = windows.iter().any(|(_, _, p, _)| *p);

        let mut group = Group::with_title(level(d.severity, lang).primary_title(message).id(id));
        let path = origin.into_owned();
        if windows.is_empty() {
            let mut o = annotate_snippets::Origin::path(path.clone());
            if let Some(loc) = d.location {
                o = o.line(loc.line as usize).char_column(loc.column as usize);
            }
            group = group.element(o);
        }
        for (w, span, primary, label) in &windows {
            let kind = if *primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let snippet = Snippet::source(w.text.as_str())
                .line_start(w.line as usize)
                .path(path.clone())
                .annotation(kind.span(span.clone()).label(label.as_str()));
            group = group.element(snippet);
        }
        if let Some(el) = &element {
            group = group.element(
                Level::NOTE
                    .with_name(lang.pick("phần tử", "element"))
                    .message(el.clone()),
            );
        }
        if let Some(h) = &help
            && !shown_primary
        {
            group = group.element(
                Level::HELP
                    .with_name(lang.pick("gợi ý", "help"))
                    .message(h.clone()),
            );
        }
        if let Some(basis) = &d.legal_basis {
            group = group.element(
                Level::NOTE
                    .with_name(lang.pick("căn cứ", "legal basis"))
                    .message(terminal_safe(basis).into_owned()),
            );
        }
        for note in &d.notes {
            group = group.element(
                Level::NOTE
                    .with_name(lang.pick("ghi chú", "note"))
                    .message(terminal_safe(note.get(lang)).into_owned()),
            );
        }
        let renderer = if self.style.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }
}

/// Renders one diagnostic (indexes `source` each time: for many
/// diagnostics of one file use [`DiagnosticRenderer`]).
pub fn render(diagnostic: &Diagnostic, source: Option<&str>, style: TextStyle) -> String {
    DiagnosticRenderer::new(source, style).render(diagnostic)
}

/// The lines of `src`, split the way YAML splits them.
pub fn yaml_lines(src: &str) -> impl Iterator<Item = &str> {
    src.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// The summary line: `✖ 7 problems (2 errors, 4 warnings, 1 info)`.
pub fn summary(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warn),
        count(Severity::Info),
    );
    match lang {
        Lang::En => format!(
            "✖ {} {} ({e} {}, {w} {}, {i} info)",
            diagnostics.len(),
            if diagnostics.len() == 1 {
                "problem"
            } else {
                "problems"
            },
            if e == 1 { "error" } else { "errors" },
            if w == 1 { "warning" } else { "warnings" },
        ),
        Lang::Vi => format!(
            "✖ {} vấn đề ({e} lỗi, {w} cảnh báo, {i} thông tin)",
            diagnostics.len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Related;
    use crate::element::ElementPath;
    use crate::i18n::Text;

    fn diagnostic(line: u32, column: u32, byte_len: usize) -> Diagnostic {
        Diagnostic {
            code: "TT301".into(),
            name: "duplicate-document".into(),
            severity: Severity::Warn,
            origin: "a.yaml".into(),
            element: Some(ElementPath::from_text("documents.x")),
            location: Some(Location {
                line,
                column,
                byte_offset: None,
                byte_len: Some(byte_len),
            }),
            related: Vec::new(),
            message: Text::new("trùng", "duplicate"),
            help: Some(Text::new("bỏ một", "drop one")),
            legal_basis: None,
            notes: Vec::new(),
        }
    }

    fn caret_column(out: &str) -> usize {
        let line = out.lines().find(|l| l.contains('^')).unwrap_or("");
        let before = &line[..line.find('^').unwrap_or(0)];
        unicode_width::UnicodeWidthStr::width(before)
    }

    fn text_column(out: &str, needle: &str) -> usize {
        let line = out.lines().find(|l| l.contains(needle)).unwrap_or("");
        let before = &line[..line.find(needle).unwrap_or(0)];
        unicode_width::UnicodeWidthStr::width(before)
    }

    #[test]
    fn caret_sits_under_the_value_after_decomposed_and_wide_text() {
        let style = TextStyle::default();
        // NFD: "Đăng ký" with combining marks; CJK: wide characters.
        let nfd = "  name: \"Đa\u{306}ng ky\u{301} ke\u{302}\u{301}t hôn\": TARGET\n";
        let cjk = "  name: 登记结婚 TARGET\n";
        for src in [nfd, cjk] {
            let col = src[..src.find("TARGET").unwrap()].chars().count() as u32 + 1;
            let out = render(&diagnostic(1, col, 6), Some(src), style);
            assert_eq!(caret_column(&out), text_column(&out, "TARGET"), "{out}");
        }
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let src = "name: \"a\u{1b}[2Jb\u{7}\"\nx: 1\n";
        let mut d = diagnostic(1, 7, 3);
        d.message = Text::new("\u{1b}]0;x\u{7}", "\u{1b}]0;x\u{7}");
        let out = render(&d, Some(src), TextStyle::default());
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains('␛'), "{out}");
    }

    #[test]
    fn secondary_locations_are_shown() {
        let src = "documents:\n  a: { name: Bản sao }\n  b: { name: Bản sao }\n";
        let mut d = diagnostic(3, 3, 1);
        d.related.push(Related {
            element: ElementPath::from_text("documents.a"),
            location: Some(Location {
                line: 2,
                column: 3,
                byte_offset: None,
                byte_len: Some(1),
            }),
            message: Text::new("lần đầu ở đây", "first here"),
        });
        let out = render(&d, Some(src), TextStyle::default());
        assert!(out.contains("first here"), "{out}");
        assert!(out.contains("2 |") || out.contains("2 │"), "{out}");
    }

    #[test]
    fn lines_are_split_like_yaml() {
        let index = SourceIndex::new("a\r\nb\rc\nd");
        let text = |l| index.line(l).map(|r| &index.text[r]);
        assert_eq!(
            (text(1), text(2), text(3), text(4), text(5)),
            (Some("a"), Some("b"), Some("c"), Some("d"), None)
        );
    }
}
