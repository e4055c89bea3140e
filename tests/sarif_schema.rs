//! `tthc check --format sarif` validated against the SARIF 2.1.0 JSON schema
//! by a real validator (Python's `jsonschema`, with its `uri`/`uri-reference`
//! format checks on), for file names with spaces, `#`, `%` and Vietnamese
//! letters; and the URIs, rule entries, hints and fingerprints checked.
//!
//! The schema comes from the npm package `@microsoft/jest-sarif` (its
//! `lib/schemas/sarif-2.1.0-rtm.5.json`, the OASIS 2.1.0 schema as published
//! by SchemaStore), which `.ci/test` installs with
//! `npm install --prefix "$TTHC_TOOLS"` (default `~/.cache/tthc-tools`);
//! `jsonschema` and `rfc3986-validator` come from pip. When any is missing
//! the test FAILS, saying how to install it. `TTHC_SARIF_SCHEMA` may name
//! further schema files (`:`-separated) to validate against as well.
#![cfg(feature = "cli")]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const HOW: &str = "run ./.ci/test, or: npm install --prefix ~/.cache/tthc-tools \
    @microsoft/jest-sarif@1.0.0-beta.0 && python3 -m pip install jsonschema rfc3986-validator";

fn tools() -> PathBuf {
    std::env::var_os("TTHC_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/tthc-tools")
        })
}

fn schemas() -> Vec<PathBuf> {
    let npm = tools().join("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    assert!(npm.is_file(), "the SARIF schema {npm:?} is missing: {HOW}");
    let mut out = vec![npm];
    if let Some(extra) = std::env::var_os("TTHC_SARIF_SCHEMA") {
        out.extend(std::env::split_paths(&extra).filter(|p| !p.as_os_str().is_empty()));
    }
    out
}

/// Validates `log` against `schema`; prints every error and exits 1 when
/// invalid, exits 3 when the format checks are not active.
const VALIDATE: &str = r#"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
log = json.load(open(sys.argv[2], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
# Every known format (a draft-04 checker would leave `uri-reference` out).
checker = jsonschema.FormatChecker()
if checker.conforms("a b", "uri-reference") or checker.conforms("x", "uri"):
    print("uri formats are not checked: install rfc3986-validator")
    sys.exit(3)
errors = list(cls(schema, format_checker=checker).iter_errors(log))
for e in errors:
    print("/".join(map(str, e.absolute_path)), ":", e.message)
sys.exit(1 if errors else 0)
"#;

fn validate(log: &Value, dir: &Path) {
    let file = dir.join("log.sarif");
    std::fs::write(&file, serde_json::to_string(log).unwrap()).unwrap();
    for schema in schemas() {
        let o = Command::new("python3")
            .args(["-c", VALIDATE])
            .arg(&schema)
            .arg(&file)
            .output()
            .unwrap_or_else(|e| panic!("python3 is needed ({e}): {HOW}"));
        let out = String::from_utf8_lossy(&o.stdout);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !err.contains("No module named"),
            "a Python module is missing: {err}\n{HOW}"
        );
        assert_ne!(o.status.code(), Some(3), "{out}\n{HOW}");
        assert!(o.status.success(), "invalid under {schema:?}:\n{out}{err}");
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tthc-sarif-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("viet")).unwrap();
    dir
}

const VIET: &str = "viet/khai-sinh-đăng-ký.yaml";
const ODD: &str = "a b#c%.yaml";
const BAD: &str = "format: tthc/1\nname: X\nstpes: {}\nlegal_bases: x\n";

fn setup(name: &str) -> PathBuf {
    let dir = scratch(name);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules/realistic/dang-ky-khai-sinh.yaml");
    std::fs::copy(src, dir.join(VIET)).unwrap();
    std::fs::write(dir.join(ODD), BAD).unwrap();
    dir
}

fn sarif(cwd: &Path, args: &[&str]) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(["check", "--format", "sarif", "--lang", "en"])
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run tthc");
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("SARIF is JSON")
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

fn fingerprints(log: &Value) -> Vec<(String, String)> {
    results(log)
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or_default().to_string(),
                r["partialFingerprints"]["tthcFinding/v1"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn sarif_validates_for_any_file_name_with_uris_relative_to_srcroot() {
    let dir = setup("valid");
    let root = std::fs::canonicalize(&dir).unwrap();
    let viet = root.join(VIET);
    let odd = root.join(ODD);
    let log = sarif(
        Path::new("/"),
        &[
            "--sarif-root",
            root.to_str().unwrap(),
            viet.to_str().unwrap(),
            odd.to_str().unwrap(),
        ],
    );
    validate(&log, &dir);
    let run = &log["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    assert!(!base.contains(' '), "{base}");
    // A link only to what the build names (Cargo.toml sets no homepage: the
    // crate is not published), never a guessed address.
    let info = &run["tool"]["driver"]["informationUri"];
    match tthc::report::sarif::INFORMATION_URI {
        Some(uri) => assert_eq!(info.as_str(), Some(uri)),
        None => assert!(info.is_null(), "{info}"),
    }
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        assert!(
            rule["helpUri"].is_null() || tthc::report::sarif::RULES_URL.is_some(),
            "{rule}"
        );
        assert!(
            rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty())
                || rule["id"].as_str().is_some_and(|i| i.starts_with("load/")),
            "{rule}"
        );
    }
    let mut uris: Vec<&str> = results(&log)
        .iter()
        .map(|r| {
            let a = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(a["uriBaseId"], "%SRCROOT%", "{r}");
            a["uri"].as_str().unwrap()
        })
        .collect();
    uris.dedup();
    assert_eq!(
        uris,
        [
            "viet/khai-sinh-%C4%91%C4%83ng-k%C3%BD.yaml",
            "a%20b%23c%25.yaml"
        ]
    );
    // Every rule id used has its entry, load errors included.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results(&log) {
        let n = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[n]["id"], r["ruleId"], "{r}");
    }
    let load: Vec<&Value> = results(&log)
        .iter()
        .filter(|r| r["ruleId"].as_str().unwrap().starts_with("load/"))
        .collect();
    assert!(!load.is_empty());
    // The hint is kept.
    assert!(
        load.iter().any(|r| r["message"]["text"]
            .as_str()
            .unwrap()
            .contains("did you mean `legal_basis`?")),
        "{load:?}"
    );
    for code in tthc::LoadError::CODES {
        let id = format!("load/{}", code.0);
        assert!(rules.iter().any(|r| r["id"] == id.as_str()), "{id}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn default_root_is_the_current_directory_or_the_git_root() {
    let dir = setup("default");
    // No repository above a temporary directory: the root is the cwd.
    let log = sarif(&dir, &[VIET, ODD]);
    validate(&log, &dir);
    let a = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(a["uri"], "viet/khai-sinh-%C4%91%C4%83ng-k%C3%BD.yaml");
    // Inside a repository, from a subdirectory: relative to the repository.
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    let sub = sarif(
        &dir.join("viet"),
        &["khai-sinh-đăng-ký.yaml", "../a b#c%.yaml"],
    );
    assert_eq!(fingerprints(&sub), fingerprints(&log));
    let a = &results(&sub)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(a["uri"], "viet/khai-sinh-%C4%91%C4%83ng-k%C3%BD.yaml");
    // A file outside the root gets an absolute file URI (still valid).
    let outside = sarif(&dir, &["--sarif-root", "viet", ODD]);
    validate(&outside, &dir);
    let a = &results(&outside)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert!(a["uri"].as_str().unwrap().starts_with("file:///"), "{a}");
    assert!(
        a["uri"].as_str().unwrap().ends_with("/a%20b%23c%25.yaml"),
        "{a}"
    );
    assert!(a.get("uriBaseId").is_none(), "{a}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fingerprints_survive_edits_above() {
    let dir = setup("edit");
    let before = sarif(&dir, &[VIET, ODD]);
    let path = dir.join(VIET);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("# a comment\n# and another\n{text}")).unwrap();
    let after = sarif(&dir, &[VIET, ODD]);
    assert_eq!(fingerprints(&before), fingerprints(&after));
    let line = |log: &Value| {
        results(log)[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(line(&after), line(&before) + 2);
    let mut fps: Vec<(String, String)> = fingerprints(&before);
    assert!(fps.iter().all(|(_, f)| f.len() == 16));
    fps.sort();
    fps.dedup();
    assert!(fps.len() > 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_suppressed_finding_validates_with_its_in_source_suppression() {
    let dir = scratch("suppressed");
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suppressed/suppressed.yaml");
    std::fs::copy(src, dir.join("suppressed.yaml")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args([
            "check",
            "--format",
            "sarif",
            "--lang",
            "en",
            "suppressed.yaml",
        ])
        .current_dir(&dir)
        .output()
        .expect("run tthc");
    let log: Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    let suppressed: Vec<&Value> = results(&log)
        .iter()
        .filter(|r| r["suppressions"][0]["kind"] == "inSource")
        .collect();
    assert_eq!(suppressed.len(), 1, "{log}");
    // Findings with a mechanical fix carry it as byte-range replacements.
    let fixed: Vec<&Value> = results(&log)
        .iter()
        .filter(|r| r.get("fixes").is_some())
        .collect();
    assert!(!fixed.is_empty(), "{log}");
    let replacement = &fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert!(replacement["deletedRegion"]["byteOffset"].is_u64(), "{log}");
    validate(&log, &dir);
}
