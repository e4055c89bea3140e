//! README.md and docs/rules.md carry the rule table generated from the
//! registry; this test fails when either disagrees with it.

use tthc::Lang;
use tthc::rules::markdown_table;

const START: &str = "<!-- rules:start -->";
const END: &str = "<!-- rules:end -->";

fn table_in(file: &str) -> String {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = text.find(START).expect("start marker") + START.len();
    let end = text.find(END).expect("end marker");
    text[start..end].trim().to_string()
}

#[test]
fn docs_rule_table_matches_the_registry() {
    let expected = markdown_table(Lang::En);
    assert_eq!(expected.lines().count(), 2 + tthc::rules::registry().len());
    for file in ["docs/rules.md", "README.md"] {
        assert_eq!(
            table_in(file),
            expected.trim(),
            "{file} is out of date: replace the table between the markers with `tthc rules --format markdown`"
        );
    }
}
