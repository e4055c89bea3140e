//! Keys of the formats in the editor: the element path at a position (read
//! from the text by indentation and flow brackets, so it works on a file
//! being typed), what the key there means ([`crate::format`]), and the keys
//! and words that may be written there.

use super::diagnostics::FileKind;
use super::nav::{indentation, strip_comment};
use super::position::LineIndex;
use crate::format::{self, Key, Object, Value};
use crate::i18n::Lang;
use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

/// The object at the root of a file of `kind` (a review-test file is a list
/// of [`format::REVIEW_CASE`]).
pub fn root(kind: FileKind) -> &'static Object {
    match kind {
        FileKind::Procedure => &format::PROCEDURE,
        FileKind::ReviewTest => &format::REVIEW_CASE,
        FileKind::Config => &format::CONFIG,
        FileKind::CostBasis => &format::COST_BASIS,
    }
}

/// Where the cursor is on its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The path of the mapping the cursor is in (`steps.nop.effort`), `[0]`
    /// for a list item.
    pub parent: String,
    /// The key the cursor is on or whose value it is in, when there is one.
    pub key: Option<String>,
    /// Whether the cursor is in the key's value (after its `:`), rather than
    /// on a key.
    pub in_value: bool,
}

/// Joins path segments (`[0]` is appended without a dot).
fn join(segments: &[String]) -> String {
    let mut out = String::new();
    for s in segments {
        if !s.starts_with('[') && !out.is_empty() {
            out.push('.');
        }
        out.push_str(s);
    }
    out
}

/// The leading key of a line and the column it starts at, `- ` markers
/// skipped; `dash` is the column of the first marker.
struct Lead<'l> {
    key: Option<&'l str>,
    column: usize,
    dash: Option<usize>,
}

fn lead(line: &str) -> Lead<'_> {
    let mut column = indentation(line);
    let mut dash = None;
    let mut rest = line.get(column..).unwrap_or("");
    while rest == "-" || rest.starts_with("- ") {
        dash.get_or_insert(column);
        let after = rest.get(1..).unwrap_or("");
        let spaces = after.len() - after.trim_start_matches(' ').len();
        column += 1 + spaces;
        rest = after.trim_start_matches(' ');
    }
    let key = rest
        .find(':')
        .and_then(|i| rest.get(..i))
        .map(|k| k.trim().trim_matches(['"', '\'']))
        .filter(|k| !k.is_empty() && !k.contains([' ', '{', '[', ',']) || is_quoted(rest));
    Lead { key, column, dash }
}

fn is_quoted(rest: &str) -> bool {
    rest.starts_with(['"', '\''])
}

/// The block mappings above `line_no` that hold a key written at `column`
/// (and the list items on the way), outermost first.
fn block_parents(
    lines: &LineIndex<'_>,
    line_no: usize,
    column: usize,
    dash: Option<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut indent = column;
    // The list item being counted: its segment in `out` and its index so far.
    let mut item: Option<(usize, usize)> = None;
    let open_item = |out: &mut Vec<String>| {
        out.push("[0]".to_string());
        Some((out.len() - 1, 0))
    };
    if let Some(d) = dash {
        item = open_item(&mut out);
        indent = d;
    }
    for n in (0..line_no).rev() {
        let line = strip_comment(lines.line(n));
        if line.trim().is_empty() {
            continue;
        }
        let l = lead(line);
        if let Some((at, count)) = item {
            if l.dash == Some(indent) {
                // An earlier item of the same list.
                item = Some((at, count + 1));
                if let Some(segment) = out.get_mut(at) {
                    *segment = format!("[{}]", count + 1);
                }
                continue;
            }
            if l.column > indent || l.dash.is_some_and(|d| d > indent) {
                continue;
            }
            // The key that holds the list (written flush with its items or less indented).
            item = None;
        } else if indent == 0 {
            break;
        } else if l.column == indent
            && let Some(d) = l.dash
            && d < indent
        {
            // A sibling key that opens the list item we are in.
            item = open_item(&mut out);
            indent = d;
            continue;
        } else if l.column >= indent {
            continue;
        }
        if let Some(k) = l.key {
            out.push(k.to_string());
        }
        indent = l.column;
        if let Some(d) = l.dash {
            item = open_item(&mut out);
            indent = d;
        }
    }
    out.reverse();
    out
}

/// The flow mappings and lists open on the line before the cursor
/// (`a: { b: [ { c: ` → `a`, `b`, `[0]`), and the key whose value the
/// cursor is in, if any.
fn flow_chain(before: &str) -> (Vec<String>, Option<String>, bool) {
    // Each open bracket with the segments it pushed.
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut segments: Vec<String> = Vec::new();
    let mut last_key: Option<String> = None;
    let mut in_value = false;
    let mut word_start = 0;
    let mut quote: Option<char> = None;
    for (i, c) in before.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            ':' => {
                let word = before
                    .get(word_start..i)
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches("- ")
                    .trim_matches(['"', '\'']);
                last_key = Some(word.to_string());
                in_value = true;
            }
            '{' | '[' => {
                let mut pushed = 0;
                match (in_value, last_key.take()) {
                    (true, Some(k)) => {
                        segments.push(k);
                        pushed += 1;
                    }
                    _ if stack.last().is_some_and(|(o, _)| *o == '[') => {
                        segments.push("[0]".into());
                        pushed += 1;
                    }
                    _ => {}
                }
                stack.push((c, pushed));
                in_value = false;
                word_start = i + 1;
            }
            '}' | ']' => {
                if let Some((_, pushed)) = stack.pop() {
                    segments.truncate(segments.len().saturating_sub(pushed));
                }
                in_value = false;
                last_key = None;
            }
            ',' => {
                in_value = stack.last().is_some_and(|(o, _)| *o == '[') && in_value;
                if stack.last().is_some_and(|(o, _)| *o == '{') {
                    last_key = None;
                    in_value = false;
                }
                word_start = i + 1;
            }
            _ => {}
        }
    }
    // Inside a `[` list of a key: the value of that key.
    if !in_value
        && let Some(('[', pushed)) = stack.last().copied()
        && pushed > 0
        && let Some(k) = segments.pop()
    {
        return (segments, Some(k), true);
    }
    (segments, if in_value { last_key } else { None }, in_value)
}

/// Where the cursor at byte `offset` is: the path of its mapping and the key.
pub fn place(lines: &LineIndex<'_>, offset: usize) -> Place {
    let position = lines.position(offset);
    let line_no = position.line as usize;
    let line = lines.line(line_no);
    let column = offset
        .saturating_sub(lines.line_start(line_no))
        .min(line.len());
    let code = strip_comment(line);
    let before = code.get(..column.min(code.len())).unwrap_or(code);
    let l = lead(code);
    let mut segments = block_parents(lines, line_no, l.column, l.dash);
    let (flow, key, in_value) = flow_chain(before.get(l.column.min(before.len())..).unwrap_or(""));
    segments.extend(flow);
    // On a key: the whole word under the cursor, if a `:` follows it.
    let key = if in_value {
        key
    } else {
        word_at(code, column)
            .filter(|(_, end)| {
                code.get(*end..)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map(|(w, _)| w.to_string())
    };
    Place {
        parent: join(&segments),
        key,
        in_value,
    }
}

/// The YAML word around byte `column` of `line`, and where it ends.
fn word_at(line: &str, column: usize) -> Option<(&str, usize)> {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    let start = line
        .get(..column)?
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(column, |(i, _)| i);
    let end = line
        .get(column..)?
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(line.len(), |(i, _)| column + i);
    line.get(start..end)
        .filter(|w| !w.is_empty())
        .map(|w| (w, end))
}

/// The key of the format at `path` from `root` (a review-test path starts
/// with its case's `[0]`).
pub fn key_at(root: &'static Object, path: &str) -> Option<&'static Key> {
    let path = path
        .strip_prefix("[0]")
        .map_or(path, |p| p.trim_start_matches('.'));
    format::key_at(root, path)
}

/// The objects a value may be.
fn objects(v: &'static Value, out: &mut Vec<&'static Object>) {
    match v {
        Value::Object(o) => out.push(o),
        Value::OneOf(forms) => forms.iter().for_each(|f| objects(f, out)),
        _ => {}
    }
}

/// The entry values of an id-keyed mapping, a channel mapping or a list.
fn entries(v: &'static Value, out: &mut Vec<&'static Value>) {
    match v {
        Value::Entries(e) | Value::ByChannel(e) | Value::List(e) => out.push(e),
        Value::OneOf(forms) => forms.iter().for_each(|f| entries(f, out)),
        _ => {}
    }
}

/// The objects whose keys may be written in the mapping at `path`.
pub fn objects_at(root: &'static Object, path: &str) -> Vec<&'static Object> {
    let trimmed = path
        .strip_prefix("[0]")
        .map_or(path, |p| p.trim_start_matches('.'));
    if trimmed.is_empty() {
        return vec![root];
    }
    let Some(key) = format::key_at(root, trimmed) else {
        return Vec::new();
    };
    let last = trimmed.rsplit(['.', '[']).next().unwrap_or("");
    let mut out = Vec::new();
    if last == key.name {
        objects(&key.value, &mut out);
    } else {
        // After an id, a channel or an index: the entry's objects.
        let mut values = Vec::new();
        entries(&key.value, &mut values);
        for v in values {
            objects(v, &mut out);
        }
    }
    out
}

/// The words a value may be (`form: copy`), when it is a fixed set.
pub fn words(v: &'static Value) -> Vec<&'static str> {
    match v {
        Value::Word(w) | Value::WordList(w) => w.words(),
        Value::Bool => vec!["true", "false"],
        Value::Const(c) => vec![c],
        Value::OneOf(forms) => forms.iter().flat_map(|f| words(f)).collect(),
        _ => Vec::new(),
    }
}

/// A key's meaning, in `lang` first and the other language after.
pub fn describe(key: &Key, lang: Lang) -> String {
    let (first, second) = match lang {
        Lang::Vi => (key.doc.vi, key.doc.en),
        Lang::En => (key.doc.en, key.doc.vi),
    };
    let required = if key.required {
        lang.pick(" (bắt buộc)", " (required)")
    } else {
        ""
    };
    format!("**`{}`**{required} — {first}\n\n_{second}_", key.name)
}

/// Completion of keys (on a key) or words (in a value) at `offset`.
pub fn completion(
    lines: &LineIndex<'_>,
    offset: usize,
    kind: FileKind,
    lang: Lang,
) -> Vec<CompletionItem> {
    let root = root(kind);
    let place = place(lines, offset);
    let doc = |key: &Key| {
        Some(Documentation::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value: describe(key, lang),
        }))
    };
    if place.in_value {
        let Some(name) = &place.key else {
            return Vec::new();
        };
        let path = join(&[place.parent.clone(), name.clone()]);
        let Some(key) = key_at(root, &path) else {
            return Vec::new();
        };
        return words(&key.value)
            .into_iter()
            .map(|w| CompletionItem {
                label: w.to_string(),
                kind: Some(CompletionItemKind::ENUM_MEMBER),
                detail: Some(key.name.to_string()),
                documentation: doc(key),
                ..CompletionItem::default()
            })
            .collect();
    }
    let mut out: Vec<CompletionItem> = Vec::new();
    for object in objects_at(root, &place.parent) {
        for key in object.keys {
            if out.iter().any(|i| i.label == key.name) {
                continue;
            }
            out.push(CompletionItem {
                label: key.name.to_string(),
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some(lang.pick(key.doc.vi, key.doc.en).to_string()),
                documentation: doc(key),
                insert_text: Some(format!("{}: ", key.name)),
                ..CompletionItem::default()
            });
        }
    }
    out
}

/// The element path of the key at `offset` (`steps.nop.effort`,
/// `fees[1].amount`), when the cursor is on a key.
pub fn element_at(lines: &LineIndex<'_>, offset: usize) -> Option<String> {
    let place = place(lines, offset);
    if place.in_value {
        return None;
    }
    Some(join(&[place.parent, place.key?]))
}

/// The meaning of the key at `offset`, when the cursor is on one.
pub fn hover(lines: &LineIndex<'_>, offset: usize, kind: FileKind, lang: Lang) -> Option<String> {
    let place = place(lines, offset);
    if place.in_value {
        return None;
    }
    let name = place.key?;
    let key = key_at(root(kind), &join(&[place.parent, name]))?;
    Some(describe(key, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "format: tthc/1
fees:
  - name: Lệ phí
    amount: 8.000 đồng
  - name: Phí
    amount: 2.000 đồng
documents:
  tờ-khai:
    form: copy
    effort: { hours: 0.5 }
steps:
  nộp: { name: Nộp, rework: { to: x, probability: 0.1 } }
";

    fn at(needle: &str, plus: usize) -> Place {
        let lines = LineIndex::new(TEXT);
        place(&lines, TEXT.find(needle).unwrap_or(0) + plus)
    }

    #[test]
    fn paths_from_blocks_lists_and_flows() {
        assert_eq!(
            at("format", 2),
            Place {
                parent: String::new(),
                key: Some("format".into()),
                in_value: false
            }
        );
        assert_eq!(at("amount", 1).parent, "fees[0]");
        assert_eq!(at("amount: 2", 1).parent, "fees[1]");
        assert_eq!(at("- name: Phí", 3).parent, "fees[1]");
        assert_eq!(at("name: Lệ", 1).parent, "fees[0]");
        assert_eq!(
            at("form: copy", 1),
            Place {
                parent: "documents.tờ-khai".into(),
                key: Some("form".into()),
                in_value: false
            }
        );
        let v = at("form: copy", 7);
        assert_eq!((v.key.as_deref(), v.in_value), (Some("form"), true));
        assert_eq!(at("hours", 1).parent, "documents.tờ-khai.effort");
        assert_eq!(at("probability", 2).parent, "steps.nộp.rework");
    }

    #[test]
    fn hover_and_completion_read_the_format() {
        let lines = LineIndex::new(TEXT);
        let off = |needle: &str, plus: usize| TEXT.find(needle).unwrap_or(0) + plus;
        let h = hover(&lines, off("hours", 1), FileKind::Procedure, Lang::Vi).unwrap_or_default();
        assert!(h.starts_with("**`hours`**"), "{h}");
        let h = hover(&lines, off("amount", 1), FileKind::Procedure, Lang::En).unwrap_or_default();
        assert!(h.contains("`amount`"), "{h}");
        let words = completion(&lines, off("form: copy", 7), FileKind::Procedure, Lang::En);
        let labels: Vec<_> = words.iter().map(|i| i.label.as_str()).collect();
        assert!(labels.contains(&"certified_copy"), "{labels:?}");
        let keys = completion(&lines, off("    form", 4), FileKind::Procedure, Lang::En);
        let labels: Vec<_> = keys.iter().map(|i| i.label.as_str()).collect();
        assert!(
            labels.contains(&"held_in") && !labels.contains(&"actor"),
            "{labels:?}"
        );
        let top = completion(&lines, 0, FileKind::Config, Lang::En);
        assert!(top.iter().any(|i| i.label == "lang"));
    }
}
