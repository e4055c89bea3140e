//! Snapshots of the rendered load errors, as a drafter sees them.

use std::path::Path;
use tthc::report::diagnostics::{TextStyle, render};
use tthc::{Diagnostic, Lang, LoadOptions, load_file};

fn rendered(names: &[&str], lang: Lang) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut out = String::new();
    for name in names {
        let errors = load_file(&dir.join(name), &LoadOptions::default())
            .expect_err("bad fixture must not load");
        for e in &errors.errors {
            let mut d = Diagnostic::from(e);
            d.origin = name.to_string();
            out.push_str(&render(
                &d,
                errors.text.as_deref(),
                TextStyle { lang, color: false },
            ));
            out.push('\n');
        }
    }
    out
}

#[test]
fn rendered_errors_english() {
    let names = [
        "malformed-indent.yaml",
        "duplicate-step-id.yaml",
        "unknown-step-key.yaml",
        "unknown-document-key.yaml",
        "missing-name.yaml",
        "bad-level.yaml",
        "unknown-next-step.yaml",
        "cycle-next.yaml",
        "negative-fee.yaml",
        "probability-too-high.yaml",
        "bad-duration-unit.yaml",
        "not-utf8.yaml",
        "empty.yaml",
    ];
    insta::assert_snapshot!(rendered(&names, Lang::En));
}

#[test]
fn rendered_errors_vietnamese() {
    let names = [
        "unknown-top-key.yaml",
        "step-missing-actor.yaml",
        "cycle-choice.yaml",
        "decimal-money.yaml",
        "steps-is-list.yaml",
    ];
    insta::assert_snapshot!(rendered(&names, Lang::Vi));
}
