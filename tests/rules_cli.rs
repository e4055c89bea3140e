//! The CLI around the review rules: `check` (text, JSON, SARIF, exit
//! status, configuration), `rules` and `explain`.

use std::path::Path;
use std::process::Command;

const REALISTIC: &str = "tests/fixtures/rules/realistic";

fn tthc(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // These tests read English output; `--lang vi` in a test overrides it.
        .env("TTHC_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("the tthc binary runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn check_text_snapshot_of_realistic_procedures() {
    let (out, err, code) = tthc(&["check", REALISTIC]);
    assert_eq!(code, 1, "errors present → exit 1; stderr: {err}");
    assert!(
        out.ends_with("✖ 18 findings (1 error, 13 warnings, 4 info)\n"),
        "{out}"
    );
    insta::assert_snapshot!("check_text_en", out);
}

#[test]
fn check_text_snapshot_in_vietnamese() {
    let (out, _, _) = tthc(&[
        "check",
        "--lang",
        "vi",
        "tests/fixtures/rules/realistic/dang-ky-khai-sinh.yaml",
    ]);
    assert!(
        out.contains("căn cứ: Nghị định 23/2015/NĐ-CP, sửa đổi, bổ sung bởi Nghị định 07/2025/NĐ-CP và 280/2025/NĐ-CP, Điều 6"),
        "{out}"
    );
    insta::assert_snapshot!("check_text_vi", out);
}

#[test]
fn check_json_snapshot() {
    let (out, _, code) = tthc(&["check", "--format", "json", REALISTIC]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["summary"]["errors"], 1);
    assert_eq!(value["files"].as_array().map(Vec::len), Some(2));
    insta::assert_json_snapshot!("check_json", value);
}

#[test]
fn check_sarif_is_minimal_sarif_2_1_0() {
    let (out, _, _) = tthc(&["check", "--format", "sarif", REALISTIC]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["version"], "2.1.0");
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    // The review rules, then one `load/…` rule per load-error code.
    assert_eq!(
        rules.len(),
        tthc::rules::registry().len() + tthc::LoadError::CODES.len()
    );
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 18);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() > 0, "{r}");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
}

#[test]
fn fail_on_sets_the_exit_status() {
    let info_only = "tests/fixtures/rules/TT202/fail.yaml";
    assert_eq!(tthc(&["check", info_only]).2, 0);
    assert_eq!(tthc(&["check", "--fail-on", "warn", info_only]).2, 0);
    assert_eq!(tthc(&["check", "--fail-on", "info", info_only]).2, 1);
    let clean = "tests/fixtures/rules/TT001/pass.yaml";
    let (out, _, code) = tthc(&["check", "--fail-on", "info", clean]);
    assert_eq!(code, 0);
    assert!(
        out.contains(": ok (4 steps, 3 documents; no findings)"),
        "{out}"
    );
}

#[test]
fn load_errors_come_first_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("tthc-rules-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "format: tthc/1\nname: X\nstep: {}\n").unwrap();
    let (out, _, code) = tthc(&[
        "check",
        bad.to_str().unwrap(),
        "tests/fixtures/rules/TT304/fail.yaml",
    ]);
    assert_eq!(code, 2);
    let load = out.find("unknown-key").expect("load error shown");
    let finding = out.find("TT304").expect("finding of the good file shown");
    assert!(load < finding, "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn config_file_is_discovered_or_given() {
    let proc_file = "tests/fixtures/rules/configured/procedure.yaml";
    // Discovered next to the file: TT304 off, TT305 raised to error.
    let (out, _, code) = tthc(&["check", "--format", "json", proc_file]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<(&str, &str)> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, vec![("TT005", "info"), ("TT305", "error")]);
    assert_eq!(code, 1);
    // An explicit --config replaces discovery.
    let dir = std::env::temp_dir().join(format!("tthc-rules-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("strict.yaml");
    std::fs::write(&cfg, "rules:\n  certified-copy-required: error\n").unwrap();
    let (out, _, code) = tthc(&["check", "--config", cfg.to_str().unwrap(), proc_file]);
    assert!(out.contains("error[TT304"), "{out}");
    assert_eq!(code, 1);
    // A bad config is a located error and exit 2.
    std::fs::write(&cfg, "rules:\n  TT999: off\n").unwrap();
    let (out, _, code) = tthc(&["check", "--config", cfg.to_str().unwrap(), proc_file]);
    assert_eq!(code, 2);
    // The configuration's own error, with its own line, in the report.
    assert!(out.contains("strict.yaml:2:3"), "{out}");
    assert!(
        out.contains("  TT999: off"),
        "snippet of the config, not the procedure: {out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rules_and_explain() {
    let (out, _, code) = tthc(&["rules"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), tthc::rules::registry().len());
    assert!(
        out.lines()
            .any(|l| l.starts_with("TT304  certified-copy-required"))
    );
    let (vi, _, _) = tthc(&["rules", "--lang", "vi"]);
    assert_ne!(out, vi);
    let (by_code, _, _) = tthc(&["explain", "tt304"]);
    let (by_name, _, _) = tthc(&["explain", "certified-copy-required"]);
    assert_eq!(by_code, by_name);
    assert!(
        by_code.contains("Legal basis:\n  Decree 23/2015/NĐ-CP as amended by Decrees 07/2025/NĐ-CP and 280/2025/NĐ-CP, Art. 6"),
        "{by_code}"
    );
    let (_, err, code) = tthc(&["explain", "TT999"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown rule"));
}

#[test]
fn fixtures_exist() {
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(REALISTIC)
            .is_dir()
    );
}
