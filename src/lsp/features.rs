//! The answers to requests about one document: definition, references,
//! outline, completion and hover — pure functions of a [`Document`].

use super::document::Document;
use super::nav::{Definition, IdKind, indentation, strip_comment};
use super::position::LineIndex;
use crate::i18n::Lang;
use crate::report::why::cost_lines;
use lsp_types::{
    CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, DocumentSymbol, Hover,
    HoverContents, Location, MarkupContent, MarkupKind, Position, Range, SymbolKind, TextEdit,
    WorkspaceEdit,
};
use std::collections::HashMap;

/// Where the id at `position` is defined.
pub fn definition(doc: &Document, position: Position) -> Option<Location> {
    let lines = doc.lines();
    let (kind, id) = doc.index.at(lines.offset(position))?;
    let def = doc.index.definition(kind, id)?;
    Some(Location::new(
        doc.uri.clone(),
        lines.range(def.key.0, def.key.1),
    ))
}

/// Every use of the id at `position` (and its definition, when asked).
pub fn references(doc: &Document, position: Position, declaration: bool) -> Vec<Location> {
    let lines = doc.lines();
    let Some((kind, id)) = doc.index.at(lines.offset(position)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if declaration && let Some(def) = doc.index.definition(kind, id) {
        out.push(Location::new(
            doc.uri.clone(),
            lines.range(def.key.0, def.key.1),
        ));
    }
    out.extend(
        doc.index
            .references_to(kind, id)
            .map(|r| Location::new(doc.uri.clone(), lines.range(r.span.0, r.span.1))),
    );
    out
}

/// The outline: a `steps` and a `documents` symbol, each with its ids.
pub fn symbols(doc: &Document) -> Vec<DocumentSymbol> {
    let lines = doc.lines();
    let mut out = Vec::new();
    for (kind, symbol_kind) in [
        (IdKind::Document, SymbolKind::FILE),
        (IdKind::Step, SymbolKind::FUNCTION),
    ] {
        let children: Vec<DocumentSymbol> = doc
            .index
            .ids(kind)
            .map(|d| symbol(&lines, d, symbol_kind))
            .collect();
        let (Some(first), Some(last)) = (children.first(), children.last()) else {
            continue;
        };
        let section = section_line(&lines, kind.section()).unwrap_or(first.range.start.line);
        let start = Position::new(section, 0);
        #[allow(deprecated)]
        out.push(DocumentSymbol {
            name: kind.section().to_string(),
            detail: Some(children.len().to_string()),
            kind: SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            range: Range::new(start, last.range.end),
            selection_range: Range::new(
                start,
                Position::new(section, u32::try_from(kind.section().len()).unwrap_or(0)),
            ),
            children: Some(children),
        });
    }
    out
}

fn symbol(lines: &LineIndex<'_>, d: &Definition, kind: SymbolKind) -> DocumentSymbol {
    #[allow(deprecated)]
    DocumentSymbol {
        name: d.id.clone(),
        detail: d.name.clone(),
        kind,
        tags: None,
        deprecated: None,
        range: lines.range(d.block.0, d.block.1),
        selection_range: lines.range(d.key.0, d.key.1),
        children: None,
    }
}

/// The zero-based line of a top-level `section:` key.
fn section_line(lines: &LineIndex<'_>, section: &str) -> Option<u32> {
    (0..lines.line_count())
        .find(|&n| {
            let line = lines.line(n);
            line.strip_prefix(section)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .and_then(|n| u32::try_from(n).ok())
}

/// The key whose value the cursor is in, when that value holds ids:
/// `next: [a, |`, `  - |` below `submits:`, `{ to: |`.
pub fn id_context(lines: &LineIndex<'_>, position: Position) -> Option<IdKind> {
    let line_no = position.line as usize;
    let line = lines.line(line_no);
    let offset = lines.offset(position) - lines.line_start(line_no);
    let before = strip_comment(line.get(..offset).unwrap_or(line));
    // In a flow list or mapping on this line: the key before the last `:`
    // that is not inside a closed `[...]`.
    if let Some(key) = key_before(before) {
        return IdKind::of_key(key);
    }
    // `- ` item of a block list (or a blank deeper than the key): the key
    // above it, less indented (or as indented, for a list written flush
    // with its key), sibling items skipped.
    let body = before.trim_start();
    let item = body.starts_with('-');
    if item || body.is_empty() {
        let indent = indentation(before);
        for n in (0..line_no).rev() {
            let above = strip_comment(lines.line(n));
            let text = above.trim();
            if text.is_empty() {
                continue;
            }
            let at = indentation(above);
            if at < indent || (item && at == indent && !text.starts_with('-')) {
                let key = text.trim_start_matches("- ").strip_suffix(':')?;
                return IdKind::of_key(key.trim());
            }
            if at == indent && !text.starts_with('-') {
                return None;
            }
        }
    }
    None
}

/// The key of the value being typed at the end of `before` (`next: [a, b`
/// → `next`), when there is one on this line.
fn key_before(before: &str) -> Option<&str> {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            ']' => depth += 1,
            '[' => depth -= 1,
            ':' if depth <= 0 => {
                let head = before.get(..i)?;
                let start = head
                    .rfind(|c: char| c.is_whitespace() || matches!(c, '{' | ',' | '['))
                    .map_or(0, |j| j + 1);
                return head.get(start..).filter(|k| !k.is_empty());
            }
            _ => {}
        }
    }
    None
}

/// Completion at `position`: the step or document ids where a value holds
/// ids, else the keys of the format on a key, or its words in a value of a
/// fixed set (`form: copy`).
pub fn completion(doc: &Document, position: Position) -> Vec<CompletionItem> {
    let lines = doc.lines();
    let Some(kind) = id_context(&lines, position) else {
        return super::keys::completion(&lines, lines.offset(position), doc.kind, doc.lang);
    };
    let what = match (kind, doc.lang) {
        (IdKind::Step, Lang::Vi) => "bước",
        (IdKind::Step, Lang::En) => "step",
        (IdKind::Document, Lang::Vi) => "giấy tờ",
        (IdKind::Document, Lang::En) => "document",
    };
    doc.index
        .ids(kind)
        .map(|d| CompletionItem {
            label: d.id.clone(),
            kind: Some(match kind {
                IdKind::Step => CompletionItemKind::FUNCTION,
                IdKind::Document => CompletionItemKind::FILE,
            }),
            detail: Some(match &d.name {
                Some(name) => format!("{what}: {name}"),
                None => what.to_string(),
            }),
            ..CompletionItem::default()
        })
        .collect()
}

/// The quick fixes of the diagnostics that touch `range`: each fix as a
/// workspace edit of this document, with UTF-16 ranges.
// `WorkspaceEdit::changes` is keyed by `Uri`, which hashes by its text (its
// cells are a parse cache): the widest-supported form of an edit.
#[allow(clippy::mutable_key_type)]
pub fn code_actions(doc: &Document, range: Range) -> Vec<CodeAction> {
    let lines = doc.lines();
    let touches = |r: Range| r.start <= range.end && range.start <= r.end;
    doc.diagnostics
        .iter()
        .zip(&doc.fixes)
        .filter(|(d, _)| touches(d.range))
        .filter_map(|(d, fix)| {
            let fix = fix.as_ref()?;
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(lines.range(e.start, e.end), e.replacement.clone()))
                .collect();
            let mut changes = HashMap::new();
            changes.insert(doc.uri.clone(), edits);
            Some(CodeAction {
                title: fix.title.get(doc.lang).to_string(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit::new(changes)),
                // Only a fix that keeps the meaning is the one to take
                // without thinking.
                is_preferred: Some(fix.is_safe()),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// Escapes text from the file for Markdown.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '.'
                | '!'
                | '|'
                | '<'
                | '>'
                | '~'
                | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Hover at `position`: the rule behind a finding there (its explanation and
/// legal basis), and the figures of the step or document whose id is there,
/// or else the meaning of the key there (vi and en).
pub fn hover(doc: &Document, position: Position) -> Option<Hover> {
    let lang = doc.lang;
    let mut parts = Vec::new();
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| contains(d.range, position))
    {
        let code = match &d.code {
            Some(lsp_types::NumberOrString::String(c)) => c.as_str(),
            _ => continue,
        };
        if let Some(info) = crate::rules::find(code) {
            let text = crate::rules::explanation(info, lang);
            parts.push(format!(
                "```text\n{}\n```",
                text.trim_end().replace("```", "'''")
            ));
        }
    }
    let lines = doc.lines();
    let offset = lines.offset(position);
    if let Some((kind, id)) = doc.index.at(offset)
        && let Some(text) = figures(doc, kind, id)
    {
        parts.push(text);
    } else if let Some(text) = super::keys::hover(&lines, offset, doc.kind, lang) {
        parts.push(text);
        // A figure-bearing element (an effort, a fee): what it costs.
        if let (Some(a), Some(element)) = (
            doc.analysis.as_deref(),
            super::keys::element_at(&lines, offset),
        ) && let Some(cost) = cost_of(a, &element, lang)
        {
            parts.push(cost);
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

fn contains(range: Range, p: Position) -> bool {
    range.start <= p && p <= range.end
}

/// The cost lines of `element`, of the elements inside it and of the one
/// it is inside (`fees[1]` for `fees[1].amount`), as `tthc why` derives
/// them (`None` when none adds to the compliance cost).
fn cost_of(a: &crate::Analysis, element: &str, lang: Lang) -> Option<String> {
    let within = |inner: &str, outer: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    let lines: Vec<String> = cost_lines(a, lang)
        .into_iter()
        .filter(|l| within(&l.element, element) || within(element, &l.element))
        .map(|l| format!("- {}: {} → {}", md(&l.activity), md(&l.what), md(&l.amount)))
        .collect();
    (!lines.is_empty()).then(|| {
        format!(
            "{}:\n{}",
            lang.pick("Chi phí tuân thủ mỗi hồ sơ", "Compliance cost per case"),
            lines.join("\n")
        )
    })
}

/// `**Step `id`** — name`, the name escaped.
fn title(what: &str, id: &str, name: &str) -> String {
    format!("**{what} `{}`** — {}", id.replace('`', "'"), md(name))
}

/// What a step or document costs and takes: its cost lines (as `tthc why`
/// derives them) and, for a step, its duration and whether it is on the
/// critical path.
pub fn figures(doc: &Document, kind: IdKind, id: &str) -> Option<String> {
    let a = doc.analysis.as_deref()?;
    let lang = doc.lang;
    let mut out = Vec::new();
    match kind {
        IdKind::Step => {
            let p = a.procedure();
            let step = p.steps.get(p.graph().index_of(id)?)?;
            out.push(title(lang.pick("Bước", "Step"), id, &step.name));
            let duration = step.duration.map_or_else(
                || lang.pick("không khai", "not declared").to_string(),
                |d| crate::report::text::duration(d, lang),
            );
            out.push(format!(
                "{}: {}",
                lang.pick("Thời gian", "Duration"),
                md(&duration)
            ));
            let critical = a
                .metrics()
                .processing_time
                .critical_path
                .iter()
                .any(|s| s == id);
            if critical {
                out.push(
                    lang.pick(
                        "Nằm trên đường găng (đường chính dài nhất).",
                        "On the critical path (the longest main path).",
                    )
                    .to_string(),
                );
            }
        }
        IdKind::Document => {
            let d = a.procedure().documents.iter().find(|d| d.id == id)?;
            out.push(title(lang.pick("Giấy tờ", "Document"), id, &d.name));
        }
    }
    out.push(
        cost_of(a, &format!("{}.{id}", kind.section()), lang).unwrap_or_else(|| {
            lang.pick(
                "Không cộng gì vào chi phí tuân thủ.",
                "Adds nothing to the compliance cost.",
            )
            .to_string()
        }),
    );
    Some(out.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Settings;
    use std::path::PathBuf;
    use std::sync::Arc;

    const TEXT: &str = "format: tthc/1
name: Đăng ký khai sinh
legal_basis: [Luật Hộ tịch]
documents:
  tờ-khai: { name: Tờ khai, form: certified_copy, effort: { hours: 0.25 } }
steps:
  nộp:
    name: Nộp hồ sơ
    actor: applicant
    effort: { hours: 1, trips: 1 }
    submits: [tờ-khai]
    next:
      - xét
  xét: { name: Xét, actor: UBND xã, duration: 3 ngày làm việc, uses: [tờ-khai] }
";

    fn doc(text: &str, lang: Lang) -> Document {
        let uri = super::super::uri::parse("file:///tmp/k.yaml").unwrap_or_else(|| unreachable!());
        Document::new(
            uri,
            PathBuf::from("/tmp/k.yaml"),
            1,
            text.to_string(),
            Ok(Arc::new(Settings::default().with_lang(lang))),
        )
    }

    fn pos(text: &str, needle: &str, plus: usize) -> Position {
        let lines = LineIndex::new(text);
        lines.position(text.find(needle).unwrap_or(0) + plus)
    }

    #[test]
    fn definition_and_references_of_a_document() {
        let d = doc(TEXT, Lang::Vi);
        assert!(d.analysis.is_some(), "{:?}", d.diagnostics);
        let at = pos(TEXT, "[tờ-khai]", 2);
        let def = definition(&d, at).unwrap_or_else(|| panic!("no definition"));
        assert_eq!(def.range.start, Position::new(4, 2));
        let refs = references(&d, Position::new(4, 3), true);
        assert_eq!(refs.len(), 3);
    }

    #[test]
    fn outline_has_sections_and_ids() {
        let d = doc(TEXT, Lang::Vi);
        let s = symbols(&d);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].name, "steps");
        let steps = s[1].children.as_deref().unwrap_or_default();
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].range.start, Position::new(6, 2));
        assert_eq!(steps[0].range.end.line, 12);
        assert_eq!(steps[0].detail.as_deref(), Some("Nộp hồ sơ"));
    }

    #[test]
    fn completion_offers_ids_where_values_hold_ids() {
        let text = TEXT.replace("      - xét\n", "      - \n");
        let d = doc(&text, Lang::En);
        let items = completion(&d, pos(&text, "      - \n", 8));
        let labels: Vec<_> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["nộp", "xét"]);
        let flow = TEXT.replace("uses: [tờ-khai]", "uses: [tờ-khai, ");
        let d = doc(&flow, Lang::En);
        let items = completion(&d, pos(&flow, "uses: [tờ-khai, ", 16));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].detail.as_deref(), Some("document: Tờ khai"));
        assert!(completion(&d, pos(&flow, "name: Xét", 6)).is_empty());
    }

    #[test]
    fn hover_explains_a_finding_and_shows_figures() {
        let d = doc(TEXT, Lang::Vi);
        let at = pos(TEXT, "certified_copy", 2);
        let h = hover(&d, at).unwrap_or_else(|| panic!("no hover"));
        let HoverContents::Markup(m) = h.contents else {
            panic!("markup")
        };
        assert!(m.value.contains("TT304"), "{}", m.value);
        assert!(m.value.contains("Căn cứ pháp lý"), "{}", m.value);
        let h = hover(&d, Position::new(6, 3)).unwrap_or_else(|| panic!("no hover"));
        let HoverContents::Markup(m) = h.contents else {
            panic!("markup")
        };
        assert!(m.value.contains("Nộp hồ sơ"), "{}", m.value);
        assert!(m.value.contains("đ"), "{}", m.value);
        // On a step's `effort`: the key's meaning and what it costs.
        let h = hover(&d, pos(TEXT, "effort: { hours: 1", 2)).unwrap_or_else(|| panic!("no hover"));
        let HoverContents::Markup(m) = h.contents else {
            panic!("markup")
        };
        assert!(m.value.starts_with("**`effort`**"), "{}", m.value);
        assert!(
            m.value.contains("Chi phí tuân thủ mỗi hồ sơ:\n- "),
            "{}",
            m.value
        );
        let h = hover(&d, pos(TEXT, "hours: 1,", 1)).unwrap_or_else(|| panic!("no hover"));
        let HoverContents::Markup(m) = h.contents else {
            panic!("markup")
        };
        assert!(m.value.starts_with("**`hours`**"), "{}", m.value);
        assert!(m.value.contains("1 lượt"), "{}", m.value);
        assert!(hover(&d, pos(TEXT, "name: Nộp hồ sơ", 1)).is_some_and(|h| {
            matches!(h.contents, HoverContents::Markup(m) if !m.value.contains("Chi phí"))
        }));
        assert_eq!(md("a*b_[c]"), "a\\*b\\_\\[c\\]");
    }
}
