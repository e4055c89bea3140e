//! Markdown escaping (`tthc::report::text::markdown_escape`, used by the
//! Markdown audit and report) checked with a real CommonMark parser: an
//! escaped text in a table cell renders as that text and as nothing else —
//! no HTML, emphasis, link, image, code span, strikethrough or extra cell.

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use tthc::report::text::markdown_escape;

/// The events of a one-column table whose only body cell is `cell`.
fn table_events(cell: &str) -> Vec<Event<'static>> {
    let doc = format!("| h |\n|---|\n| {cell} |\n");
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(&doc, options)
        .map(Event::into_static)
        .collect()
}

/// Markup that a text from a file must never produce.
fn is_markup(e: &Event<'_>) -> bool {
    match e {
        Event::Html(_)
        | Event::InlineHtml(_)
        | Event::Code(_)
        | Event::FootnoteReference(_)
        | Event::TaskListMarker(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Heading { .. }
                | Tag::HtmlBlock
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::BlockQuote(_)
        ),
        _ => false,
    }
}

/// Checks that `raw`, escaped, is one cell holding exactly `raw`'s text.
fn check(raw: &str) -> Result<(), TestCaseError> {
    let cell = markdown_escape(raw);
    let events = table_events(&cell);
    for e in &events {
        prop_assert!(!is_markup(e), "{raw:?} → {cell:?} gives {e:?}");
    }
    let cells = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
        .count();
    prop_assert_eq!(cells, 2, "one header cell and one body cell: {:?}", cell);
    // The body cell's text is the input (line breaks as spaces, other
    // control characters dropped, ends trimmed as GFM trims cells).
    let mut text = String::new();
    let mut in_body = false;
    for e in &events {
        match e {
            Event::Start(Tag::TableRow) => in_body = true,
            Event::End(TagEnd::TableRow) => in_body = false,
            Event::Text(t) if in_body => text.push_str(t),
            Event::SoftBreak | Event::HardBreak if in_body => text.push(' '),
            _ => {}
        }
    }
    let expected: String = raw
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    prop_assert_eq!(text.trim(), expected.trim(), "{:?} → {:?}", raw, cell);
    Ok(())
}

#[test]
fn the_markup_of_the_issue_is_text() {
    for raw in [
        "<script>alert(1)</script>",
        "*x*",
        "**x**",
        "_x_",
        "[a](b)",
        "![i](x.png)",
        "a | b",
        "`code`",
        "``a`b``",
        "# Heading",
        "## Hộ tịch",
        "~~cut~~",
        "<http://x.invalid>",
        "&amp; &lt;",
        "[^1]",
        "\\*x\\*",
        "Cấp giấy phép *tạm thời* [xem](http://x)",
        "line\nbreak",
        "=HYPERLINK(\"x\")",
    ] {
        check(raw).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_escaped_text_renders_as_itself(
        raw in "[a-zA-Z0-9 ĐđăếộữẠ<>*_\\[\\]()|`#!~&;:/\\\\=+@.\n\t\"'^-]{0,40}"
    ) {
        check(&raw)?;
    }
}
