//! `tthc test --junit` validated against the Jenkins xUnit plugin's
//! `junit-10.xsd` by `xmllint --schema`, and read back: `errors` and `time`
//! on every suite, `<error>` for cases that could not run and for invalid
//! test files (every error of the file), a class name per test file.
//!
//! The XSD is the copy that pytest ships in its source distribution
//! (`testing/example_scripts/junit-10.xsd`, the Jenkins xUnit plugin's
//! `junit-10.xsd` with a stricter `time` pattern), which `.ci/test` gets with
//! `pip download --no-binary :all: pytest==9.2.0` into `$TTHC_TOOLS`
//! (default `~/.cache/tthc-tools`); `xmllint` is Debian's libxml2-utils.
//! When either is missing the test FAILS, saying how to install it.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::Command;

const HOW: &str =
    "run ./.ci/test (it installs libxml2-utils and puts junit-10.xsd in ~/.cache/tthc-tools)";

fn xsd() -> PathBuf {
    let tools = std::env::var_os("TTHC_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/tthc-tools")
        });
    let xsd = tools.join("junit-10.xsd");
    assert!(xsd.is_file(), "{xsd:?} is missing: {HOW}");
    xsd
}

fn junit(paths: &[&str]) -> (String, PathBuf) {
    let out = std::env::temp_dir().join(format!(
        "tthc-junit-{}-{}.xml",
        paths.len(),
        std::process::id()
    ));
    let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .arg("test")
        .args(paths)
        .arg("--junit")
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TTHC_LANG", "en")
        .output()
        .expect("run tthc");
    assert!(
        o.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let xml = std::fs::read_to_string(&out).expect("the JUnit file is written");
    (xml, out)
}

fn xmllint(file: &PathBuf) {
    let o = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(xsd())
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("xmllint is needed ({e}): {HOW}"));
    assert!(
        o.status.success(),
        "not valid under junit-10.xsd:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn junit_validates_under_the_xunit_schema() {
    let (xml, file) = junit(&[
        "tests/review",
        "tests/fixtures/review/failing.yaml",
        "tests/fixtures/review/bad.yaml",
        "tests/fixtures/review/suppressed.yaml",
    ]);
    xmllint(&file);
    // A suppressed finding is listed, with its reason, in the output of
    // each case of its procedure.
    assert!(
        xml.contains("suppressed[TT304 certified-copy-required]"),
        "{xml}"
    );
    // Counts: bad.yaml is one test in error, failing.yaml has two failures
    // and one case that could not run.
    let suite = |name: &str| {
        xml.lines()
            .find(|l| l.contains("<testsuite ") && l.contains(&format!("name=\"{name}\"")))
            .unwrap_or_else(|| panic!("no suite {name}:\n{xml}"))
            .to_string()
    };
    let failing = suite("tests/fixtures/review/failing.yaml");
    assert!(
        failing.contains("tests=\"3\" failures=\"2\" errors=\"1\""),
        "{failing}"
    );
    let bad = suite("tests/fixtures/review/bad.yaml");
    assert!(
        bad.contains("tests=\"1\" failures=\"0\" errors=\"1\""),
        "{bad}"
    );
    assert!(xml.contains("time=\""), "{xml}");
    // No file/line attributes on test cases; a class name per file.
    for case in xml.lines().filter(|l| l.contains("<testcase ")) {
        assert!(
            !case.contains(" file=") && !case.contains(" line="),
            "{case}"
        );
        assert!(case.contains(" time=\""), "{case}");
    }
    assert!(
        xml.contains("classname=\"tests.fixtures.review.failing\""),
        "{xml}"
    );
    assert!(
        xml.contains("classname=\"tests.fixtures.review.bad\""),
        "{xml}"
    );
    assert!(!xml.contains("classname=\"yaml\""), "{xml}");
    // <error> for the case that could not run and for the invalid file,
    // with every error of the file.
    assert!(xml.contains("<error type=\"could-not-run\""), "{xml}");
    let error = xml
        .split("<error type=\"load/")
        .nth(1)
        .expect("an <error> for bad.yaml");
    let body = error.split("</error>").next().unwrap_or_default();
    assert!(body.contains("compliance_cost.per_cse"), "{body}");
    assert!(
        body.contains("did you mean `compliance_cost.per_case`?"),
        "{body}"
    );
    assert!(body.contains("did you mean `expect`?"), "{body}");
    assert!(body.lines().count() >= 3, "{body}");
    std::fs::remove_file(file).ok();
}

#[test]
fn names_with_markup_stay_valid_xml() {
    let dir = std::env::temp_dir().join(format!("tthc-junit-odd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let proc_file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let test = dir.join("a <b> & \"c\".yaml");
    std::fs::write(
        &test,
        format!(
            "- name: \"<script>&amp; 'x' \\u0001 ]]>\"\n  procedure: {}\n  expect:\n    structure.documents: \"== 0\"\n",
            proc_file.display()
        ),
    )
    .unwrap();
    let (xml, file) = junit(&[test.to_str().unwrap()]);
    xmllint(&file);
    assert!(xml.contains("&lt;script&gt;&amp;amp; &#39;x&#39;"), "{xml}");
    std::fs::remove_file(file).ok();
    std::fs::remove_dir_all(&dir).ok();
}
