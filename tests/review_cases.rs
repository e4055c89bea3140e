//! Every case of every review test under `tests/review/` as its own test
//! of `cargo test` (named `<file>::<case>`), so a failing case is named in
//! the test summary and can be run alone with `cargo test --test
//! review_cases -- <name>`.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use tthc::analysis::{Overrides, SettingsResolver};
use tthc::review_test::{discover_tests, parse_review_tests, run_case};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Run from the repository so that paths in messages are relative.
    let _ = std::env::set_current_dir(root);
    let mut trials = Vec::new();
    for file in discover_tests(&[PathBuf::from("tests/review")]) {
        let name = file.display().to_string();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                trials.push(Trial::test(name, move || Err(Failed::from(e.to_string()))));
                continue;
            }
        };
        match parse_review_tests(&text, &file) {
            Err(errors) => {
                let message = errors.to_string();
                trials.push(Trial::test(name, move || Err(Failed::from(message))));
            }
            Ok(parsed) => {
                for case in parsed.cases {
                    let file = file.clone();
                    let trial_name = format!("{}::{}", name, case.name);
                    trials.push(Trial::test(trial_name, move || {
                        let mut resolver = SettingsResolver::new(Overrides::default());
                        let outcome = run_case(&file, &case, &mut resolver);
                        if outcome.passed() {
                            return Ok(());
                        }
                        let mut why = outcome
                            .error
                            .as_ref()
                            .map(|e| e.en.clone())
                            .unwrap_or_default();
                        for f in &outcome.failures {
                            why.push_str(&format!(
                                "\n{}:{}:{} {}: expected {}, measured {}",
                                file.display(),
                                f.location.line,
                                f.location.column,
                                f.key,
                                f.expected,
                                f.measured
                            ));
                        }
                        Err(Failed::from(why))
                    }));
                }
            }
        }
    }
    assert!(
        !trials.is_empty(),
        "no review tests found under tests/review"
    );
    libtest_mimic::run(&args, trials).exit();
}
