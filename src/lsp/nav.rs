//! Step and document ids: where each is defined (its key under `steps:` or
//! `documents:`) and referred to (`next`, `choice`, `rework.to`, `submits`,
//! `uses`, `produces`, `result`) — from the loaded procedure's
//! [`SourceMap`](crate::SourceMap) when the file loads, else from a
//! line scanner that tolerates a file being typed.

use super::position::LineIndex;
use crate::Analysis;
use std::collections::HashMap;

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// A step (`steps:`).
    Step,
    /// A document (`documents:`).
    Document,
}

impl IdKind {
    /// The section the ids are defined in.
    pub fn section(self) -> &'static str {
        match self {
            IdKind::Step => "steps",
            IdKind::Document => "documents",
        }
    }

    /// The kind of id the values of `key` name (`next` → steps).
    pub fn of_key(key: &str) -> Option<IdKind> {
        match key {
            "next" | "choice" | "to" => Some(IdKind::Step),
            "submits" | "uses" | "produces" | "result" => Some(IdKind::Document),
            _ => None,
        }
    }
}

/// Where one id is defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// Step or document.
    pub kind: IdKind,
    /// The id.
    pub id: String,
    /// Its `name:`, when the procedure loaded.
    pub name: Option<String>,
    /// Byte span of the key.
    pub key: (usize, usize),
    /// Byte span of the whole entry (key to the last line indented below it).
    pub block: (usize, usize),
}

/// One use of an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Step or document.
    pub kind: IdKind,
    /// The id as written.
    pub id: String,
    /// Byte span of the id.
    pub span: (usize, usize),
}

/// The ids of one document version.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Definitions, in file order.
    pub definitions: Vec<Definition>,
    /// References, in file order.
    pub references: Vec<Reference>,
    by_id: HashMap<(IdKind, String), usize>,
}

impl Index {
    /// The index of `text`: from `analysis` (its source map) when the file
    /// loaded, else scanned from the text.
    pub fn new(text: &str, analysis: Option<&Analysis>) -> Index {
        let mut index = match analysis {
            Some(a) => from_analysis(text, a),
            None => scan(text),
        };
        index.definitions.sort_by_key(|d| d.key.0);
        index.references.sort_by_key(|r| r.span.0);
        index.by_id = index
            .definitions
            .iter()
            .enumerate()
            .map(|(i, d)| ((d.kind, d.id.clone()), i))
            .collect();
        index
    }

    /// The definition of `id`.
    pub fn definition(&self, kind: IdKind, id: &str) -> Option<&Definition> {
        self.by_id
            .get(&(kind, id.to_string()))
            .and_then(|&i| self.definitions.get(i))
    }

    /// The id at byte `offset`: a definition's key or a reference.
    pub fn at(&self, offset: usize) -> Option<(IdKind, &str)> {
        let inside = |(s, e): (usize, usize)| s <= offset && offset <= e;
        // Both lists are sorted by start: the candidate is the last starting at or before.
        let def = self.definitions.partition_point(|d| d.key.0 <= offset);
        if let Some(d) = def.checked_sub(1).and_then(|i| self.definitions.get(i))
            && inside(d.key)
        {
            return Some((d.kind, &d.id));
        }
        let r = self.references.partition_point(|r| r.span.0 <= offset);
        if let Some(r) = r.checked_sub(1).and_then(|i| self.references.get(i))
            && inside(r.span)
        {
            return Some((r.kind, &r.id));
        }
        None
    }

    /// Every reference to `id`.
    pub fn references_to<'a>(
        &'a self,
        kind: IdKind,
        id: &'a str,
    ) -> impl Iterator<Item = &'a Reference> + 'a {
        self.references
            .iter()
            .filter(move |r| r.kind == kind && r.id == id)
    }

    /// The ids of `kind`, in file order.
    pub fn ids(&self, kind: IdKind) -> impl Iterator<Item = &Definition> {
        self.definitions.iter().filter(move |d| d.kind == kind)
    }
}

/// The byte span of a located element, when the loader recorded one.
fn span_of(a: &Analysis, element: &str) -> Option<(usize, usize)> {
    let loc = a.procedure().source_map.get(element)?;
    let start = loc.byte_offset?;
    Some((start, start + loc.byte_len.unwrap_or(0)))
}

fn from_analysis(text: &str, a: &Analysis) -> Index {
    let lines = LineIndex::new(text);
    let p = a.procedure();
    let mut index = Index::default();
    let define = |index: &mut Index, kind: IdKind, id: &str, name: &str| {
        let path = format!("{}.{id}", kind.section());
        if let Some(key) = span_of(a, &path) {
            index.definitions.push(Definition {
                kind,
                id: id.to_string(),
                name: Some(name.to_string()),
                key,
                block: (key.0, block_end(&lines, key.0)),
            });
        }
    };
    for d in &p.documents {
        define(&mut index, IdKind::Document, &d.id, &d.name);
    }
    for s in &p.steps {
        define(&mut index, IdKind::Step, &s.id, &s.name);
    }
    let refer = |index: &mut Index, kind: IdKind, id: &str, path: &str| {
        if let Some(span) = span_of(a, path) {
            index.references.push(Reference {
                kind,
                id: id.to_string(),
                span,
            });
        }
    };
    for s in &p.steps {
        let base = format!("steps.{}", s.id);
        let lists = [
            ("next", IdKind::Step, &s.next),
            ("choice", IdKind::Step, &s.choice),
            ("submits", IdKind::Document, &s.submits),
            ("uses", IdKind::Document, &s.uses),
            ("produces", IdKind::Document, &s.produces),
        ];
        for (key, kind, list) in lists {
            for (i, id) in list.iter().enumerate() {
                refer(&mut index, kind, id, &format!("{base}.{key}[{i}]"));
            }
        }
        if let Some(rw) = &s.rework {
            refer(
                &mut index,
                IdKind::Step,
                &rw.to,
                &format!("{base}.rework.to"),
            );
        }
    }
    if let Some(result) = &p.result
        && p.documents.iter().any(|d| &d.id == result)
    {
        refer(&mut index, IdKind::Document, result, "result");
    }
    index
}

/// The end of the entry whose key starts at `start`: the end of the last
/// line after it that is blank, a comment, or indented deeper than the key.
fn block_end(lines: &LineIndex<'_>, start: usize) -> usize {
    let first = lines.position(start).line as usize;
    let indent = indentation(lines.line(first));
    let mut last = first;
    for n in first + 1..lines.line_count() {
        let line = lines.line(n);
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if indentation(line) <= indent {
            break;
        }
        last = n;
    }
    lines.line_start(last) + lines.line(last).len()
}

/// Leading spaces of a line.
pub(crate) fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The line without a trailing comment (`#` after a blank, outside quotes).
pub(crate) fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') if prev.is_whitespace() => return line.get(..i).unwrap_or(line),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        prev = c;
    }
    line
}

/// An id-like word: what the scanner takes as an id.
fn word_span(line: &str, from: usize) -> Option<(usize, usize, &str)> {
    let rest = line.get(from..)?;
    let lead = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let (quote, body) = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => (Some(q), rest.get(1..)?),
        _ => (None, rest),
    };
    let len = body
        .char_indices()
        .find(|&(_, c)| match quote {
            Some(q) => c == q,
            None => c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}' | ':' | '#'),
        })
        .map_or(body.len(), |(i, _)| i);
    let start = from + lead + usize::from(quote.is_some());
    let word = body.get(..len)?;
    (!word.is_empty()).then_some((start, start + len, word))
}

/// Scans a text that may not load: ids under `steps:`/`documents:` (the
/// keys at the first indentation below the section), references after the
/// keys that hold ids, in flow (`next: [a, b]`, `{ to: a }`) and block
/// (`next:` then `- a` lines) style. Linear in the text.
fn scan(text: &str) -> Index {
    let lines = LineIndex::new(text);
    let mut index = Index::default();
    let mut section: Option<IdKind> = None;
    let mut id_indent: Option<usize> = None;
    // A key whose value is a block list below it: (kind, its indentation).
    let mut block_list: Option<(IdKind, usize)> = None;
    for n in 0..lines.line_count() {
        let raw = lines.line(n);
        let line = strip_comment(raw);
        let start = lines.line_start(n);
        let body = line.trim_start();
        if body.is_empty() {
            continue;
        }
        let indent = indentation(line);
        if indent == 0 {
            block_list = None;
            id_indent = None;
            section = match body.split(':').next().map(str::trim) {
                Some("steps") => Some(IdKind::Step),
                Some("documents") => Some(IdKind::Document),
                _ => None,
            };
            if section.is_none() {
                scan_refs(line, start, &mut index);
            }
            continue;
        }
        if let Some((kind, list_indent)) = block_list {
            if indent > list_indent && body.starts_with('-') {
                if let Some((s, e, w)) = word_span(line, indent + 1) {
                    index.references.push(Reference {
                        kind,
                        id: w.to_string(),
                        span: (start + s, start + e),
                    });
                }
                continue;
            }
            block_list = None;
        }
        if let Some(kind) = section {
            let at_ids = *id_indent.get_or_insert(indent) == indent;
            if at_ids
                && let Some((s, e, w)) = word_span(line, indent)
                && line.get(e..).is_some_and(|r| {
                    r.starts_with(':') || r.starts_with("\":") || r.starts_with("':")
                })
            {
                index.definitions.push(Definition {
                    kind,
                    id: w.to_string(),
                    name: None,
                    key: (start + s, start + e),
                    block: (start + s, block_end(&lines, start + s)),
                });
                scan_refs(line.get(e..).unwrap_or(""), start + e, &mut index);
                continue;
            }
        }
        // `next:` alone: a block list follows.
        if let Some(key) = body.strip_suffix(':').map(str::trim)
            && let Some(kind) = IdKind::of_key(key.trim_start_matches("- "))
        {
            block_list = Some((kind, indent));
            continue;
        }
        scan_refs(line, start, &mut index);
    }
    for d in &mut index.definitions {
        d.name = text.get(d.key.1..d.block.1).and_then(scan_name);
    }
    index
}

/// The first `name:` value of an entry's text (flow or block style).
fn scan_name(entry: &str) -> Option<String> {
    let at = entry.find("name:")? + "name:".len();
    let rest = entry.get(at..)?.trim_start_matches(' ');
    let (quote, body) = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => (Some(q), rest.get(1..)?),
        _ => (None, rest),
    };
    let end = body
        .find(|c: char| match quote {
            Some(q) => c == q,
            None => matches!(c, ',' | '}' | '\n' | '\r' | '#'),
        })
        .unwrap_or(body.len());
    let name = body.get(..end)?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The references on one line: every `key: value` or `key: [a, b]` whose
/// key holds ids, wherever it is on the line (flow mappings included).
fn scan_refs(line: &str, base: usize, index: &mut Index) {
    let mut from = 0;
    while let Some(colon) = line.get(from..).and_then(|r| r.find(':')).map(|i| i + from) {
        from = colon + 1;
        let before = line.get(..colon).unwrap_or("");
        let key_start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '{' | ',' | '['))
            .map_or(0, |i| i + 1);
        let Some(kind) = before.get(key_start..).and_then(IdKind::of_key) else {
            continue;
        };
        let rest = line.get(from..).unwrap_or("");
        let value_at = from + (rest.len() - rest.trim_start().len());
        if line.get(value_at..).is_some_and(|r| r.starts_with('[')) {
            let close = line
                .get(value_at..)
                .and_then(|r| r.find(']'))
                .map_or(line.len(), |i| value_at + i);
            let mut at = value_at + 1;
            while at < close {
                match word_span(line.get(..close).unwrap_or(line), at) {
                    Some((s, e, w)) => {
                        index.references.push(Reference {
                            kind,
                            id: w.to_string(),
                            span: (base + s, base + e),
                        });
                        at = line
                            .get(e..close)
                            .and_then(|r| r.find(','))
                            .map_or(close, |i| e + i + 1);
                    }
                    None => break,
                }
            }
            from = close;
        } else if let Some((s, e, w)) = word_span(line, value_at) {
            index.references.push(Reference {
                kind,
                id: w.to_string(),
                span: (base + s, base + e),
            });
            from = e;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Settings;

    const TEXT: &str = "format: tthc/1
name: Đăng ký khai sinh
result: giấy
documents:
  tờ-khai: { name: Tờ khai, form: original }
  giấy:
    name: Giấy khai sinh
steps:
  nộp: # nộp hồ sơ
    name: Nộp
    actor: applicant
    submits: [tờ-khai]
    next:
      - xét
  xét: { name: Xét, actor: UBND xã, produces: [giấy], rework: { to: nộp, probability: 0.1 } }
";

    fn spans(index: &Index) -> Vec<(IdKind, String, String)> {
        index
            .references
            .iter()
            .map(|r| {
                (
                    r.kind,
                    r.id.clone(),
                    TEXT.get(r.span.0..r.span.1).unwrap_or("?").to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn scanner_and_source_map_agree() {
        let a = Analysis::from_yaml_str(TEXT, "k.yaml", &Settings::default())
            .unwrap_or_else(|e| panic!("{e:?}"));
        let loaded = Index::new(TEXT, Some(&a));
        let scanned = Index::new(TEXT, None);
        assert_eq!(spans(&loaded), spans(&scanned));
        assert_eq!(loaded.references.len(), 5, "{:?}", spans(&loaded));
        let ids = |i: &Index| {
            i.definitions
                .iter()
                .map(|d| (d.kind, d.id.clone(), d.key, d.block))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&loaded), ids(&scanned));
        let nop = loaded
            .definition(IdKind::Step, "nộp")
            .unwrap_or_else(|| unreachable!());
        assert_eq!(
            TEXT.get(nop.block.0..nop.block.1)
                .map(|b| b.lines().count()),
            Some(6)
        );
        assert_eq!(nop.name.as_deref(), Some("Nộp"));
    }

    #[test]
    fn ids_are_found_at_offsets() {
        let index = Index::new(TEXT, None);
        let at = TEXT.find("to: nộp").unwrap_or(0) + 5;
        assert_eq!(index.at(at), Some((IdKind::Step, "nộp")));
        assert_eq!(index.references_to(IdKind::Step, "nộp").count(), 1);
        assert_eq!(index.at(0), None);
        assert_eq!(index.ids(IdKind::Document).count(), 2);
    }

    proptest::proptest! {
        /// Any text, any cursor: the scanner, the path at the cursor and
        /// the id context never panic, and every span is inside the text.
        #[test]
        fn scanning_any_text_is_safe(
            text in "[a-zđệ0-9 :\\-\\[\\]{},'\"#\n]{0,120}",
            at in 0usize..130,
        ) {
            let index = Index::new(&text, None);
            for r in &index.references {
                proptest::prop_assert!(r.span.0 <= r.span.1 && r.span.1 <= text.len());
            }
            for d in &index.definitions {
                proptest::prop_assert!(d.key.1 <= d.block.1 && d.block.1 <= text.len());
            }
            let lines = LineIndex::new(&text);
            let mut offset = at.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let _ = crate::lsp::keys::place(&lines, offset);
            let _ = crate::lsp::features::id_context(&lines, lines.position(offset));
        }
    }

    #[test]
    fn broken_text_is_still_scanned() {
        let text = "steps:\n  a: { next: [b, \n  b:\n    next: [zz\n";
        let index = Index::new(text, None);
        assert_eq!(index.definitions.len(), 2);
        assert!(index.references.iter().any(|r| r.id == "zz"));
        assert_eq!(strip_comment("a: 'x # y' # z"), "a: 'x # y' ");
    }
}
