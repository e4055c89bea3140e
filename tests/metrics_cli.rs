//! `tthc metrics` and `tthc compare` end to end: snapshots of the text and
//! JSON output on the fixture pair, exit statuses, field names.

use std::process::{Command, Output};

const BASELINE: &str = "tests/fixtures/metrics/baseline.yaml";
const DRAFT: &str = "tests/fixtures/metrics/draft.yaml";

fn tthc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // These tests read English output; `--lang vi` in a test overrides it.
        .env("TTHC_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn metrics_text_en() {
    let o = tthc(&["metrics", BASELINE]);
    assert!(o.status.success());
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn metrics_text_vi() {
    let o = tthc(&["metrics", DRAFT, "--lang", "vi"]);
    assert!(o.status.success());
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn metrics_json() {
    let o = tthc(&["metrics", BASELINE, "--format", "json"]);
    assert!(o.status.success());
    let v = json(&o);
    // The documented field names.
    assert_eq!(v["structure"]["steps"], 6);
    assert_eq!(v["processing_time"]["working_days"], 10);
    // One name per quantity: the metric keys of review tests and comparisons.
    assert_eq!(v["values"]["processing_time.working_days"], 10);
    assert_eq!(v["values"]["compliance_cost.per_case"], 1_912_766);
    assert_eq!(v["processing_time"]["critical_path"][0], "nop-ho-so");
    assert_eq!(v["compliance_cost"]["per_case"], 1_912_766);
    // Rounded once: 1,912,765.5 đ × 40 cases, not the rounded 1,912,766 × 40.
    assert_eq!(v["compliance_cost"]["annual"], 76_510_620);
    assert_eq!(v["compliance_cost"]["breakdown"][0]["activity"], "learning");
    insta::assert_json_snapshot!(v);
}

#[test]
fn compare_text() {
    let o = tthc(&["compare", BASELINE, DRAFT, "--target", "nq66-2025"]);
    assert_eq!(o.status.code(), Some(0), "nq66-2025 is met");
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn compare_json() {
    let o = tthc(&[
        "compare",
        BASELINE,
        DRAFT,
        "--format",
        "json",
        "--target",
        "nq66-2025",
        "--target",
        "nq66-2026",
    ]);
    assert_eq!(o.status.code(), Some(1), "nq66-2026 is missed");
    let v = json(&o);
    assert_eq!(v["compliance_cost"]["reduction_percent"], "39.03");
    assert_eq!(v["processing_time"]["reduction_percent"], "40.00");
    assert_eq!(v["targets"][0]["met"], true);
    assert_eq!(v["targets"][1]["met"], false);
    assert_eq!(v["documents"]["removed"][0], "gcn-dkdn");
    assert_eq!(v["documents"]["changed"][1]["matched_by"], "name");
    insta::assert_json_snapshot!(v);
}

#[test]
fn custom_target_and_scenario() {
    // Both in person: the draft pays the full fee, 250,000 đ more.
    let o = tthc(&[
        "compare",
        BASELINE,
        DRAFT,
        "--format",
        "json",
        "--scenario",
        "in-person",
        "--target",
        "cost=25",
    ]);
    let v = json(&o);
    assert_eq!(
        v["draft"]["compliance_cost"]["per_case"],
        1_166_245 + 250_000
    );
    assert_eq!(v["targets"][0]["target"], "cost=25.00");
    assert_eq!(o.status.code(), Some(0));
    let o = tthc(&["compare", BASELINE, DRAFT, "--target", "cost=40"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn cost_basis_override() {
    let dir = std::env::temp_dir().join(format!("tthc-basis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("basis.yaml");
    std::fs::write(
        &file,
        "hourly_income: { value: 50000, source: test, year: 2025 }\n",
    )
    .unwrap();
    let o = tthc(&[
        "metrics",
        BASELINE,
        "--format",
        "json",
        "--cost-basis",
        file.to_str().unwrap(),
    ]);
    let v = json(&o);
    // 26.5 h × 50,000 = 1,325,000 + out-of-pocket 148,000 + fees 500,000
    assert_eq!(v["compliance_cost"]["per_case"], 1_973_000);
    assert_eq!(v["cost_basis"]["hourly_income"]["source"], "test");

    std::fs::write(&file, "hourly_incom: 5\n").unwrap();
    let o = tthc(&["metrics", BASELINE, "--cost-basis", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("hourly_incom"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn load_errors_exit_2_with_location() {
    let dir = std::env::temp_dir().join(format!("tthc-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.yaml");
    std::fs::write(
        &file,
        "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, nxt: [b] }\n",
    )
    .unwrap();
    for args in [
        vec!["metrics", file.to_str().unwrap()],
        vec!["compare", BASELINE, file.to_str().unwrap()],
    ] {
        let o = tthc(&args);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(err.contains("bad.yaml:4:"), "{err}");
        assert!(err.contains("next"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// 1.004222 (đăng ký thường trú): in person 7 working days and 20,000 đ,
/// online 7 working days and 10,000 đ — through metrics, compare, a review
/// test and the report.
#[test]
fn per_channel_deadlines_and_fees_round_trip() {
    const B4: &str = "procedures/cu-tru/dang-ky-thuong-tru.yaml";
    let m = json(&tthc(&["metrics", B4, "--format", "json"]));
    let v = &m["values"];
    let in_person = v["compliance_cost.per_case.in_person"].as_i64().unwrap();
    let online = v["compliance_cost.per_case.online"].as_i64().unwrap();
    assert_eq!(in_person - online, 10_000, "{v}");
    assert_eq!(
        v["compliance_cost.per_case"].as_i64(),
        Some(in_person),
        "headline: in person"
    );
    assert_eq!(v["processing_time.declared_working_days.online"], 7);
    assert!(
        v["compliance_cost.per_case.post"].is_null(),
        "post is not a channel of it"
    );
    let channels = m["by_channel"].as_array().unwrap();
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0]["channel"], "in_person");
    assert_eq!(channels[0]["headline"], true);
    assert_eq!(channels[1]["fees"], 10_000);
    assert_eq!(channels[1]["deadline"], "7 working days");

    // A draft that makes online filing free: compare shows the online cut.
    let dir = std::env::temp_dir().join(format!("tthc-channels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(B4)).unwrap();
    let draft_text = text.replace("online: 10.000 đồng", "online: 0");
    assert_ne!(draft_text, text);
    let draft = dir.join("b4.draft.yaml");
    std::fs::write(&draft, &draft_text).unwrap();
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(B4);
    let c = json(&tthc(&[
        "compare",
        base.to_str().unwrap(),
        draft.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let row = c["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["metric"] == "compliance_cost.per_case.online")
        .unwrap()
        .clone();
    assert_eq!(row["change"], -10_000, "{row}");
    let headline = c["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["metric"] == "compliance_cost.per_case.in_person")
        .unwrap()
        .clone();
    assert_eq!(headline["change"], 0, "{headline}");

    // A review test on the online figure.
    let review = dir.join("kenh.yaml");
    std::fs::write(
        &review,
        format!(
            "- name: Nộp trực tuyến miễn lệ phí\n  procedure: {}\n  expect:\n    compliance_cost.per_case.online: \"<= {}\"\n    processing_time.declared_working_days.online: \"<= 7\"\n",
            draft.display(),
            online - 10_000
        ),
    )
    .unwrap();
    let t = tthc(&["test", review.to_str().unwrap()]);
    assert_eq!(t.status.code(), Some(0), "{}", stdout(&t));

    // The report lists both channels.
    let md = stdout(&tthc(&["report", B4, "--format", "md", "--lang", "vi"]));
    assert!(
        md.contains("| Trực tiếp \\* | 7 ngày làm việc (bằng thời hạn) |"),
        "{md}"
    );
    assert!(
        md.contains("| Trực tuyến | 7 ngày làm việc (bằng thời hạn) |"),
        "{md}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
