//! `tthc report` and `tthc graph` as a user runs them.
#![cfg(feature = "cli")]

use std::process::Command;

const A6: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.yaml";
const A6_DRAFT: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.draft.yaml";

fn tthc(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1742947200") // 26/03/2025 00:00 UTC
        .output()
        .expect("run tthc");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn report_writes_html_and_markdown() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("a6.html");
    let out_s = out.to_str().unwrap();
    let (code, _, err) = tthc(&["report", A6_DRAFT, "--baseline", A6, "-o", out_s]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Ngày lập: 26/03/2025"),
        "Vietnamese by default, dated"
    );
    assert_eq!(html.matches(r#"<g class="step""#).count(), 3);

    let (code, md, err) = tthc(&["report", A6_DRAFT, "--format", "md", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(md.starts_with("# Cấp giấy phép"));
    assert!(md.contains("## Review findings"));
    assert!(!md.contains("## Comparison"), "no baseline given");
}

#[test]
fn report_uses_the_cost_basis_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let basis = dir.join("basis.yaml");
    std::fs::write(
        &basis,
        "hourly_income: { value: 50000, source: Khảo sát thử, year: 2025 }\n",
    )
    .unwrap();
    let (code, md, err) = tthc(&[
        "report",
        A6,
        "--format",
        "md",
        "--cost-basis",
        basis.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("50.000 đ/giờ — Khảo sát thử (năm 2025)"),
        "{md}"
    );
}

#[test]
fn graph_exports_svg_dot_and_mermaid() {
    let (code, svg, _) = tthc(&["graph", A6]);
    assert_eq!(code, 0);
    assert!(svg.starts_with("<?xml"));
    assert_eq!(svg.matches(r#"<g class="step""#).count(), 4);
    let (code, dot, _) = tthc(&["graph", A6, "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph ") && dot.contains("\"nop-ho-so\" -> \"tiep-nhan-chuyen\""));
    let (code, mermaid, _) = tthc(&["graph", A6, "--format", "mermaid", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        mermaid.starts_with("flowchart LR") && mermaid.contains("subgraph lane0[\"Applicant\"]")
    );
}

#[test]
fn bad_input_exits_2_with_a_located_error() {
    let (code, out, err) = tthc(&["report", "tests/fixtures/bad/cycle-next.yaml"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("cycle-next.yaml:"), "{err}");
    let (code, _, _) = tthc(&["graph", "does-not-exist.yaml"]);
    assert_eq!(code, 2);
}

#[test]
fn report_writes_the_cost_sheet_as_xlsx_but_not_to_a_terminal() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-cli-xlsx");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("a6.xlsx");
    let out_s = out.to_str().unwrap();
    let (code, stdout, err) = tthc(&[
        "report",
        A6_DRAFT,
        "--baseline",
        A6,
        "--format",
        "xlsx",
        "-o",
        out_s,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK\x03\x04"));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left");
    let cmd = format!(
        "{} report {A6_DRAFT} --format xlsx --lang en",
        env!("CARGO_BIN_EXE_tthc")
    );
    let tty = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script(1) from util-linux runs the command on a terminal");
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(shown.contains("XLSX is binary"), "{shown}");
}
