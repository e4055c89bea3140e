//! Suppressions: a YAML comment that silences findings of named rules on
//! one element, with the reason it is acceptable there.
//!
//! ```yaml
//! documents:
//!   ban-sao: # tthc: bỏ qua TT304 — luật chuyên ngành buộc chứng thực
//!     form: certified_copy
//!   # tthc: allow TT303, TT305: the register is not yet interconnected
//!   so-ho-khau: { name: Sổ hộ khẩu, held_in: CSDL dân cư, copies: 3 }
//! ```
//!
//! A comment after an element applies to the element that starts on its
//! line; a comment on a line of its own applies to the element on the next
//! line with content; an own-line comment before the first key of the file
//! applies to the whole file. It silences findings of its rules about that
//! element or anything inside it (its `form`, its `submits[0]`, …), or that
//! name it among their related elements. A reason is required; a comment
//! without one, naming no known rule or unreadable is itself reported
//! ([TT006](crate::rules) `invalid-suppression`) and silences nothing; a
//! suppression that silences nothing is reported as TT007
//! `unused-suppression`.
//!
//! Comments are found by one linear scan of the text (the YAML reader does
//! not keep them), which skips `#` inside quoted scalars and block scalars.

use crate::finding::Finding;
use crate::load::node::{Node, NodeKind};
use crate::source_map::{Location, SourceMap};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A finding silenced by a suppression comment, with the comment's reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    /// The finding as the rule reported it.
    pub finding: Finding,
    /// Why it is acceptable, as written after the codes.
    pub reason: String,
    /// Where the suppression comment is.
    pub comment: Location,
}

/// One `# tthc: allow …` comment, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Suppression {
    /// Rule codes it names (`TT304`), upper case.
    pub codes: Vec<String>,
    /// The reason, or why the comment is not a valid suppression.
    pub reason: Result<String, Problem>,
    /// Where the comment is (its `#`, to the end of its line).
    pub location: Location,
    /// The element it applies to (`""`: the whole file), when an element
    /// starts on its line.
    pub element: Option<String>,
    /// Byte range to delete to remove the comment (its line when the
    /// comment is alone on it); `None` for an `allow:` key.
    pub removal: Option<(usize, usize)>,
}

/// One entry of an `allow:` key (`allow: { TT304: lý do }`) on a step, a
/// document or the procedure, as the loader read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AllowEntry {
    /// The element it is written on (`steps.a`; `""` for the procedure).
    pub element: String,
    /// The rule code or name as written.
    pub rule: String,
    /// The reason, empty when none is given.
    pub reason: String,
    /// Where the rule code is written.
    pub location: Location,
}

/// Reads the `allow:` key of `element` (a mapping from rule codes or names
/// to reasons) into the source map; the entries are checked where the
/// comments are (an unknown rule or a missing reason is a TT006 finding,
/// not a load error, like a comment).
pub(crate) fn read_allow(r: &mut crate::load::reader::Reader<'_>, node: &Node, element: &str) {
    let path = crate::load::reader::join(element, "allow");
    r.map.insert(&path, node.loc);
    let entries = match &node.kind {
        NodeKind::Null => return,
        NodeKind::Map(entries) => entries,
        other => {
            let found = other.describe();
            r.error(
                &path,
                node.loc,
                crate::load::LoadErrorKind::WrongType {
                    expected: "a mapping from rule codes to reasons, e.g. { TT304: the reason }",
                    expected_vi: "một ánh xạ từ mã quy tắc tới lý do, ví dụ { TT304: lý do }",
                    found,
                },
            );
            return;
        }
    };
    for (key, value) in entries {
        let Some(rule) = r.text(key, &path) else {
            continue;
        };
        let entry = crate::load::reader::join(&path, &rule);
        let reason = match value.kind {
            NodeKind::Null => {
                r.map.insert(&entry, value.loc);
                String::new()
            }
            _ => r.text(value, &entry).unwrap_or_default(),
        };
        r.map.allows.push(AllowEntry {
            element: element.to_string(),
            rule: rule.trim().to_string(),
            reason: reason.trim().to_string(),
            location: key.loc,
        });
    }
}

/// Why a `# tthc:` comment silences nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// No reason after the codes.
    NoReason,
    /// No rule code.
    NoCode,
    /// A code or name that no rule has.
    UnknownRule(String),
    /// Neither `allow` nor `bỏ qua` after `tthc:`.
    NotAllow,
    /// TT006 or TT007, which report on suppressions themselves.
    Unsuppressible(String),
}

/// A comment found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Comment<'t> {
    /// 1-based line.
    line: u32,
    /// 1-based column of `#`, in characters.
    column: u32,
    /// Byte offset of `#`.
    start: usize,
    /// The comment's text after `#`, to the end of the line.
    text: &'t str,
    /// Whether nothing but spaces precedes it on its line.
    own_line: bool,
    /// Byte offset where the line starts, and where it ends (before `\n`).
    line_start: usize,
    line_end: usize,
}

/// Every comment of `text` and the lines that hold content (anything but
/// spaces and comments), in one pass.
fn scan(text: &str) -> (Vec<Comment<'_>>, Vec<u32>) {
    let mut comments = Vec::new();
    let mut content_lines = Vec::new();
    // Inside a quoted scalar that continues on the next line.
    let mut quote: Option<char> = None;
    // Indentation of the line that opened a block scalar (`key: |`).
    let mut block: Option<usize> = None;
    let mut offset = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(open) = block {
            if line.trim().is_empty() || indent > open {
                if !line.trim().is_empty() {
                    content_lines.push(line_no);
                }
                continue;
            }
            block = None;
        }
        let mut has_content = quote.is_some();
        let mut prev: Option<char> = None; // last non-space char outside quotes
        let mut last_space = true;
        let mut chars = line.char_indices().peekable();
        let mut comment_at = None;
        while let Some((i, c)) = chars.next() {
            if let Some(q) = quote {
                has_content = true;
                if q == '"' && c == '\\' {
                    chars.next();
                } else if c == q {
                    if q == '\'' && chars.peek().is_some_and(|&(_, d)| d == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                        prev = Some(c);
                    }
                }
                last_space = false;
                continue;
            }
            match c {
                '#' if last_space => {
                    comment_at = Some(i);
                    break;
                }
                '"' | '\'' if opens_quote(prev, last_space) => {
                    quote = Some(c);
                    has_content = true;
                }
                ' ' | '\t' => {}
                _ => {
                    has_content = true;
                    prev = Some(c);
                }
            }
            last_space = c == ' ' || c == '\t';
        }
        let code_part = &line[..comment_at.unwrap_or(line.len())];
        if quote.is_none() && opens_block_scalar(code_part) {
            block = Some(indent);
        }
        if has_content {
            content_lines.push(line_no);
        }
        if let Some(at) = comment_at {
            let column = line[..at].chars().count() + 1;
            comments.push(Comment {
                line: line_no,
                column: u32::try_from(column).unwrap_or(u32::MAX),
                start: line_start + at,
                text: &line[at + 1..],
                own_line: line[..at].trim().is_empty(),
                line_start,
                line_end: line_start + line.len(),
            });
        }
    }
    (comments, content_lines)
}

/// Whether a quote opens a scalar: first on its line, right after `[`,
/// `{` or `,`, or after a space that follows `:`, `-` or `?`.
fn opens_quote(prev: Option<char>, last_space: bool) -> bool {
    match prev {
        None | Some('[' | '{' | ',') => true,
        Some(':' | '-' | '?') => last_space,
        Some(_) => false,
    }
}

/// Whether `code` (a line without its comment) ends with a block scalar
/// header: `key: |`, `- >-`, `|2`.
fn opens_block_scalar(code: &str) -> bool {
    let t = code.trim_end();
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
    let Some(before) = head.strip_suffix(['|', '>']) else {
        return false;
    };
    let before = before.trim_end();
    // `key: |`, `- |`, `|` alone — not a plain scalar ending in `-|`.
    // (`before` may be list markers only: `  - |`, `- - |`).
    before.ends_with(':') || before.trim_start_matches([' ', '-']).is_empty()
}

/// Reads the comment text after `#` as a suppression, if it is one
/// (`tthc:` first): the codes and the reason or the problem.
fn parse(text: &str) -> Option<(Vec<String>, Result<String, Problem>)> {
    let t = text.trim();
    let rest = strip_prefix_ci(t, "tthc:")?.trim_start();
    let rest = match strip_prefix_ci(rest, "allow").or_else(|| strip_prefix_ci(rest, "bỏ qua")) {
        Some(r) if r.is_empty() || r.starts_with([' ', '\t', ':']) => r,
        _ => return Some((Vec::new(), Err(Problem::NotAllow))),
    };
    // `allow: TT304 — …`: the colon after `allow` is not the separator.
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    // The codes end at the first `—`, `–`, `:` or ` - `.
    let cut = [" - ", "—", "–", ":"]
        .iter()
        .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
        .min();
    let (codes_text, reason) = match cut {
        Some((i, len)) => (&rest[..i], rest[i + len..].trim()),
        None => (rest, ""),
    };
    let mut codes = Vec::new();
    for word in codes_text.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
        match crate::rules::find(word) {
            Some(info) if UNSUPPRESSIBLE.contains(&info.code) => {
                return Some((codes, Err(Problem::Unsuppressible(info.code.to_string()))));
            }
            Some(info) => codes.push(info.code.to_string()),
            None => return Some((codes, Err(Problem::UnknownRule(word.to_string())))),
        }
    }
    let outcome = if codes.is_empty() {
        Err(Problem::NoCode)
    } else if reason.is_empty() {
        Err(Problem::NoReason)
    } else {
        Ok(reason.to_string())
    };
    Some((codes, outcome))
}

/// The rules about suppressions themselves, which no comment silences.
const UNSUPPRESSIBLE: [&str; 2] = ["TT006", "TT007"];

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    (head.to_lowercase() == prefix).then(|| &text[prefix.len()..])
}

/// Every suppression comment of the text `map` was loaded from, each with
/// the element it applies to.
pub(crate) fn suppressions(map: &SourceMap) -> Vec<Suppression> {
    let mut out: Vec<Suppression> = map.allows.iter().map(key_suppression).collect();
    let Some(text) = map.text() else {
        return out;
    };
    let (comments, content_lines) = scan(text);
    let mut lines: Option<HashMap<u32, &str>> = None;
    for c in comments {
        let Some((codes, reason)) = parse(c.text) else {
            continue;
        };
        let lines = lines.get_or_insert_with(|| outermost_by_line(map));
        let first_content = content_lines.first().copied();
        let target = if c.own_line {
            let i = content_lines.partition_point(|&l| l <= c.line);
            content_lines.get(i).copied()
        } else {
            Some(c.line)
        };
        let element = if c.own_line && first_content.is_none_or(|f| c.line < f) {
            Some(String::new()) // the file's header: the whole file
        } else {
            target.and_then(|l| lines.get(&l)).map(|e| e.to_string())
        };
        let removal = if c.own_line {
            let end = (c.line_end + 1).min(text.len());
            Some((c.line_start, end))
        } else {
            let before = text[c.line_start..c.start].trim_end_matches([' ', '\t']);
            Some((c.line_start + before.len(), c.line_end))
        };
        out.push(Suppression {
            codes,
            reason,
            location: Location {
                line: c.line,
                column: c.column,
                byte_offset: Some(c.start),
                byte_len: Some(c.line_end - c.start),
            },
            element,
            removal,
        });
    }
    out
}

/// An `allow:` entry as a suppression of its element.
fn key_suppression(entry: &AllowEntry) -> Suppression {
    let (codes, reason) = match crate::rules::find(&entry.rule) {
        None => (Vec::new(), Err(Problem::UnknownRule(entry.rule.clone()))),
        Some(info) if UNSUPPRESSIBLE.contains(&info.code) => (
            Vec::new(),
            Err(Problem::Unsuppressible(info.code.to_string())),
        ),
        Some(info) if entry.reason.is_empty() => {
            (vec![info.code.to_string()], Err(Problem::NoReason))
        }
        Some(info) => (vec![info.code.to_string()], Ok(entry.reason.clone())),
    };
    Suppression {
        codes,
        reason,
        location: entry.location,
        element: Some(entry.element.clone()),
        removal: None,
    }
}

/// Line → the outermost element starting on it (the shortest path).
fn outermost_by_line(map: &SourceMap) -> HashMap<u32, &str> {
    let mut lines: HashMap<u32, &str> = HashMap::new();
    for (path, loc) in map.elements() {
        if path.is_empty() {
            continue;
        }
        lines
            .entry(loc.line)
            .and_modify(|e| {
                if (path.len(), path) < (e.len(), *e) {
                    *e = path;
                }
            })
            .or_insert(path);
    }
    lines
}

/// `element` and every element enclosing it, out to the whole file (`""`):
/// `steps.a.submits[0]` → `steps.a.submits` → `steps.a` → `steps` → `""`.
fn ancestors(element: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(element), |e| crate::element::parent_str(e))
}

/// Splits `findings` into the active ones and those silenced by one of
/// `suppressions` (valid ones only; the innermost scope wins, then the
/// first in file order); puts in
/// `used` each (suppression, code) that silenced something. The
/// suppressions are indexed by (element, code), so each finding costs one
/// lookup per enclosing element of its element and related elements.
fn apply(
    findings: Vec<Finding>,
    suppressions: &[Suppression],
    used: &mut HashSet<(usize, String)>,
) -> (Vec<Finding>, Vec<Suppressed>) {
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, s) in suppressions.iter().enumerate() {
        let (Ok(_), Some(element)) = (&s.reason, &s.element) else {
            continue;
        };
        for code in &s.codes {
            index.entry((element.as_str(), code.as_str())).or_insert(i);
        }
    }
    let mut active = Vec::with_capacity(findings.len());
    let mut silenced = Vec::new();
    for f in findings {
        let element = f.element.as_ref().map_or("", |e| e.as_str());
        // The innermost scope wins: the finding's element, then its
        // enclosing elements, then its related elements', the whole file
        // last; a comment on the element beats a file-wide one.
        let matched = std::iter::once(element)
            .chain(f.related.iter().map(|r| r.element.as_str()))
            .flat_map(ancestors)
            .filter(|scope| !scope.is_empty())
            .chain(std::iter::once(""))
            .find_map(|scope| index.get(&(scope, f.code.as_str())).copied());
        match matched.and_then(|i| suppressions.get(i).map(|s| (i, s))) {
            Some((i, s)) => {
                used.insert((i, f.code.clone()));
                silenced.push(Suppressed {
                    finding: f,
                    reason: s.reason.clone().unwrap_or_default(),
                    comment: s.location,
                });
            }
            None => active.push(f),
        }
    }
    (active, silenced)
}

/// Applies the suppression comments of the text `map` was loaded from to
/// `findings` (sorted), and adds the findings of TT006 (invalid
/// suppressions) and TT007 (unused ones) where `options` enable them: the
/// active findings, sorted, and the silenced ones.
pub(crate) fn review(
    map: &SourceMap,
    findings: Vec<Finding>,
    options: &crate::rules::ReviewOptions,
) -> (Vec<Finding>, Vec<Suppressed>) {
    let suppressions = suppressions(map);
    if suppressions.is_empty() {
        return (findings, Vec::new());
    }
    let mut used = HashSet::new();
    let (mut active, silenced) = apply(findings, &suppressions, &mut used);
    let rule = |code| {
        crate::rules::find(code)
            .and_then(|info| options.severity_of(info).map(|severity| (info, severity)))
    };
    let (invalid, unused) = (rule("TT006"), rule("TT007"));
    for (i, s) in suppressions.iter().enumerate() {
        let finding = match &s.reason {
            Err(problem) => invalid.map(|rule| invalid_finding(rule, map, s, problem)),
            Ok(_) => {
                // A rule that is off did not run: its suppressions are
                // kept for when it runs, never reported (nor removed by
                // `check --fix`) as unused.
                let running: Vec<&String> = s
                    .codes
                    .iter()
                    .filter(|c| rule(c.as_str()).is_some())
                    .collect();
                let idle: Vec<&str> = running
                    .iter()
                    .filter(|c| !used.contains(&(i, (**c).clone())))
                    .map(|c| c.as_str())
                    .collect();
                let all_idle = idle.len() == s.codes.len();
                (!idle.is_empty())
                    .then_some(unused)
                    .flatten()
                    .map(|rule| unused_finding(rule, map, s, &idle, all_idle))
            }
        };
        active.extend(finding);
    }
    crate::rules::sort_findings(&mut active);
    (active, silenced)
}

fn finding(
    (info, severity): (&crate::rules::RuleInfo, crate::diagnostic::Severity),
    map: &SourceMap,
    s: &Suppression,
    vi: String,
    en: String,
) -> Finding {
    Finding {
        code: info.code.to_string(),
        name: info.name.to_string(),
        severity,
        message: crate::i18n::Text::new(vi, en),
        origin: map.origin.clone(),
        element: None,
        location: Some(s.location),
        related: Vec::new(),
        legal_basis: None,
        suggestion: None,
        saving: None,
        fix: None,
    }
}

fn invalid_finding(
    rule: (&crate::rules::RuleInfo, crate::diagnostic::Severity),
    map: &SourceMap,
    s: &Suppression,
    problem: &Problem,
) -> Finding {
    let codes = s.codes.join(", ");
    let (vi, en) = match problem {
        Problem::NoReason => (
            format!("bỏ qua {codes} mà không ghi lý do: chú thích không có tác dụng"),
            format!("the suppression of {codes} gives no reason, so it silences nothing"),
        ),
        Problem::NoCode => (
            "chú thích `tthc:` không nêu mã quy tắc nào: không có tác dụng".to_string(),
            "the `tthc:` comment names no rule, so it silences nothing".to_string(),
        ),
        Problem::UnknownRule(word) => (
            format!("không có quy tắc `{word}`: chú thích không có tác dụng"),
            format!("there is no rule `{word}`, so the comment silences nothing"),
        ),
        Problem::Unsuppressible(code) => (
            format!("không thể bỏ qua {code} bằng chú thích (tắt nó trong tthc.yaml nếu cần)"),
            format!(
                "{code} cannot be suppressed by a comment (turn it off in tthc.yaml if you must)"
            ),
        ),
        Problem::NotAllow => (
            "chú thích `tthc:` không đọc được: sau `tthc:` cần `bỏ qua` hoặc `allow`".to_string(),
            "unreadable `tthc:` comment: `allow` or `bỏ qua` must follow `tthc:`".to_string(),
        ),
    };
    finding(rule, map, s, vi, en).suggest(
        "viết `# tthc: bỏ qua TT304 — <lý do>` (mã quy tắc xem bằng `tthc rules`; lý do sau `—`, `-` hoặc `:`)",
        "write `# tthc: allow TT304 — <reason>` (rule codes: `tthc rules`; the reason after `—`, `-` or `:`)",
    )
}

fn unused_finding(
    rule: (&crate::rules::RuleInfo, crate::diagnostic::Severity),
    map: &SourceMap,
    s: &Suppression,
    idle: &[&str],
    all_idle: bool,
) -> Finding {
    let codes = idle.join(", ");
    let (vi, en) = match &s.element {
        None => (
            format!("chú thích bỏ qua {codes} không đứng cạnh phần tử nào nên không có tác dụng"),
            format!("the suppression of {codes} is on no element, so it silences nothing"),
        ),
        Some(_) => (
            format!("chú thích bỏ qua {codes} không áp dụng cho phát hiện nào"),
            format!("the suppression of {codes} silences no finding"),
        ),
    };
    let fix = map.text().filter(|_| all_idle).and_then(|text| {
        let (start, end) = s.removal?;
        text.get(start..end)?;
        Some(crate::fix::Fix::one(
            "xóa chú thích bỏ qua không dùng đến",
            "remove the unused suppression",
            crate::fix::Edit::new(start, end, ""),
        ))
    });
    finding(rule, map, s, vi, en)
        .suggest(
            "xóa chú thích, hoặc đặt nó ở cuối dòng của phần tử có phát hiện (hay trên dòng riêng ngay trước phần tử đó)",
            "remove it, or put it at the end of the line of the element the finding is about (or on its own line just above it)",
        )
        .with_fix(fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(text: &str) -> Vec<(u32, u32, &str, bool)> {
        scan(text)
            .0
            .into_iter()
            .map(|c| (c.line, c.column, c.text, c.own_line))
            .collect()
    }

    #[test]
    fn finds_comments_but_not_hashes_in_scalars() {
        let text = "a: \"x # no\" # yes\nb: 'it''s # no' # two\nc: C#sharp\n  # own\nd: |\n  # in a block\ne: [\"q #\", 1] # three\n";
        assert_eq!(
            comments(text),
            vec![
                (1, 13, " yes", false),
                (2, 17, " two", false),
                (4, 3, " own", true),
                (7, 15, " three", false),
            ]
        );
        // A quote inside a plain scalar opens nothing.
        assert_eq!(comments("a: Bộ's x # c\n"), vec![(1, 11, " c", false)]);
        // A quoted scalar over two lines.
        assert_eq!(
            comments("a: \"one #\n  two\" # c\n"),
            vec![(2, 8, " c", false)]
        );
    }

    #[test]
    fn a_colon_after_allow_and_a_plain_scalar_ending_in_dash_bar() {
        let ok = |t: &str| parse(t).map(|(c, r)| (c, r.ok()));
        assert_eq!(
            ok(" tthc: allow: TT304 — the law requires it"),
            Some((vec!["TT304".into()], Some("the law requires it".into())))
        );
        assert!(
            opens_block_scalar("key: |") && opens_block_scalar("- >-") && opens_block_scalar("|")
        );
        assert!(!opens_block_scalar("name: A -|"));
        assert_eq!(
            comments(
                "a: A -|
  # real
"
            ),
            vec![(2, 3, " real", true)]
        );
    }

    #[test]
    fn reads_codes_and_reasons_in_both_languages() {
        let ok = |t: &str| parse(t).map(|(c, r)| (c, r.ok()));
        assert_eq!(
            ok(" tthc: allow TT304 — the law requires it"),
            Some((vec!["TT304".into()], Some("the law requires it".into())))
        );
        assert_eq!(
            ok(" tthc: bỏ qua TT304, tt305: luật chuyên ngành"),
            Some((
                vec!["TT304".into(), "TT305".into()],
                Some("luật chuyên ngành".into())
            ))
        );
        assert_eq!(
            ok("tthc: allow certified-copy-required - reason – with dash"),
            Some((vec!["TT304".into()], Some("reason – with dash".into())))
        );
        assert_eq!(ok(" plain comment"), None);
        let problem = |t: &str| parse(t).and_then(|(_, r)| r.err());
        assert_eq!(problem("tthc: allow TT304"), Some(Problem::NoReason));
        assert_eq!(problem("tthc: allow TT304 —  "), Some(Problem::NoReason));
        assert_eq!(problem("tthc: allow — why"), Some(Problem::NoCode));
        assert_eq!(
            problem("tthc: allow TT999 — why"),
            Some(Problem::UnknownRule("TT999".into()))
        );
        assert_eq!(problem("tthc: ignore TT304 — why"), Some(Problem::NotAllow));
        assert_eq!(
            problem("tthc: allow TT007 — why"),
            Some(Problem::Unsuppressible("TT007".into()))
        );
    }

    #[test]
    fn scopes_are_the_enclosing_elements() {
        let all: Vec<&str> = ancestors("steps.a.submits[0]").collect();
        assert_eq!(
            all,
            vec![
                "steps.a.submits[0]",
                "steps.a.submits",
                "steps.a",
                "steps",
                ""
            ]
        );
        assert_eq!(ancestors("").collect::<Vec<_>>(), vec![""]);
        assert!(!ancestors("documents.ab").any(|e| e == "documents.a"));
    }
}
