//! docs/rules.md carries the rule table generated from the registry.

use tthc::Lang;
use tthc::rules::markdown_table;

const START: &str = "<!-- rules:start -->";
const END: &str = "<!-- rules:end -->";

#[test]
fn docs_rule_table_matches_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let text = std::fs::read_to_string(path).expect("docs/rules.md exists");
    let start = text.find(START).expect("start marker") + START.len();
    let end = text.find(END).expect("end marker");
    let table = text[start..end].trim();
    let expected = markdown_table(Lang::En);
    assert_eq!(
        table,
        expected.trim(),
        "docs/rules.md is out of date: replace the table between the markers with `tthc rules --format markdown`"
    );
    assert_eq!(expected.lines().count(), 2 + 24);
}
