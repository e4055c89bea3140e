//! Diagnostics as rustc-like text with a source snippet.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use std::fmt::Write;

/// Options for text rendering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// Language of messages.
    pub lang: Lang,
    /// Use ANSI colours.
    pub color: bool,
}

fn paint(style: TextStyle, code: &str, text: &str) -> String {
    if style.color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warn => "1;33",
        Severity::Info => "1;36",
    }
}

/// Renders one diagnostic:
///
/// ```text
/// error[unknown-key]: unknown key `nxt`
///   --> khai-sinh.yaml:4:5 (steps.a.nxt)
///    |
///  4 |     nxt: [b]
///    |     ^^^ did you mean `next`?
/// ```
///
/// `source` is the text of the file, when available, for the snippet.
pub fn render(diagnostic: &Diagnostic, source: Option<&str>, style: TextStyle) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let head = format!(
        "{}[{}]",
        diagnostic.severity.label(lang),
        if diagnostic.code == diagnostic.name {
            diagnostic.code.clone()
        } else {
            format!("{} {}", diagnostic.code, diagnostic.name)
        }
    );
    let _ = writeln!(
        out,
        "{}: {}",
        paint(style, severity_color(diagnostic.severity), &head),
        paint(style, "1", diagnostic.message.get(lang))
    );
    let mut place = diagnostic.origin.clone();
    if let Some(loc) = diagnostic.location {
        let _ = write!(place, ":{}:{}", loc.line, loc.column);
    }
    if let Some(el) = &diagnostic.element {
        let _ = write!(place, " ({el})");
    }
    let _ = writeln!(out, "  {} {place}", paint(style, "1;34", "-->"));
    let snippet = diagnostic
        .location
        .zip(source)
        .and_then(|(loc, src)| snippet_line(src, loc.line).map(|line| (loc, line)));
    let help = diagnostic.help.as_ref().map(|h| h.get(lang).to_string());
    if let Some((loc, line)) = snippet {
        let number = loc.line.to_string();
        let pad = " ".repeat(number.len());
        let bar = paint(style, "1;34", "|");
        let shown: String = line.chars().take(160).collect();
        let col = (loc.column as usize).saturating_sub(1);
        let width = marker_width(&shown, col, loc.byte_len);
        let _ = writeln!(out, " {pad} {bar}");
        let _ = writeln!(out, " {} {bar} {shown}", paint(style, "1;34", &number));
        let marker = format!(
            "{}{}",
            " ".repeat(col.min(shown.chars().count())),
            "^".repeat(width)
        );
        let label = help.clone().unwrap_or_default();
        let _ = writeln!(
            out,
            " {pad} {bar} {} {}",
            paint(style, severity_color(diagnostic.severity), &marker),
            label
        );
    } else if let Some(help) = &help {
        let _ = writeln!(out, "   = {}: {help}", lang.pick("gợi ý", "help"));
    }
    if let Some(basis) = &diagnostic.legal_basis {
        let _ = writeln!(out, "   = {}: {basis}", lang.pick("căn cứ", "legal basis"));
    }
    for note in &diagnostic.notes {
        let _ = writeln!(
            out,
            "   = {}: {}",
            lang.pick("ghi chú", "note"),
            note.get(lang)
        );
    }
    out
}

/// Line `line` (1-based) as YAML counts lines: `\r\n`, `\n` and a lone
/// `\r` all end a line.
fn snippet_line(src: &str, line: u32) -> Option<&str> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    yaml_lines(src).nth(index)
}

/// The lines of `src`, split the way YAML splits them.
pub fn yaml_lines(src: &str) -> impl Iterator<Item = &str> {
    src.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// How many characters to underline: the scalar's length when known and it
/// fits on the line, else one word.
fn marker_width(line: &str, col: usize, byte_len: Option<usize>) -> usize {
    let rest: String = line.chars().skip(col).collect();
    let word = rest
        .split(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == '}' || c == ']')
        .next()
        .map_or(1, |w| w.chars().count().max(1));
    match byte_len {
        Some(len) if len > 0 && len <= rest.len() => rest
            .char_indices()
            .take_while(|(i, _)| *i < len)
            .count()
            .clamp(1, 80),
        _ => word.min(80),
    }
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
