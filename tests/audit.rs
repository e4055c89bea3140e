//! `tthc audit`: rows, totals, baseline matching, formats, exit codes and
//! determinism, on generated catalogs and on the real one.

mod common;

use common::{assert_ok, tthc};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tthc::catalog::synthetic::procedure_yaml;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// A fresh temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("tthc-audit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
    fn s(&self) -> &str {
        self.0.to_str().unwrap()
    }
    fn write(&self, rel: &str, text: &str) {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn generated(name: &str, count: u64, seed: u64) -> TempDir {
    let dir = TempDir::new(name);
    for i in 0..count {
        dir.write(
            &format!("s{}/p{i:04}.yaml", i % 3),
            &procedure_yaml(seed, i),
        );
    }
    dir
}

/// JSON Lines output: the rows, then the totals.
fn jsonl(o: &Output) -> (Vec<Value>, Value) {
    let mut lines: Vec<Value> = stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let last = lines.pop().expect("a totals line");
    (lines, last["totals"].clone())
}

const BAD: &[&str] = &[
    "tab-indent.yaml",
    "unknown-top-key.yaml",
    "cycle-next.yaml",
    "not-utf8.yaml",
    "empty.yaml",
];

#[test]
fn bad_files_become_error_rows_and_exit_2() {
    let dir = generated("mixed", 12, 3);
    std::fs::create_dir_all(dir.path().join("bad")).unwrap();
    for bad in BAD {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bad")
            .join(bad);
        std::fs::copy(src, dir.path().join("bad").join(bad)).unwrap();
    }
    let o = tthc(&["audit", dir.s(), "--format", "jsonl"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (rows, totals) = jsonl(&o);
    assert_eq!(rows.len(), 12 + BAD.len());
    let errors: Vec<&Value> = rows.iter().filter(|r| r["status"] == "error").collect();
    assert_eq!(errors.len(), BAD.len());
    for r in &errors {
        let path = r["path"].as_str().unwrap();
        assert!(path.starts_with("bad/"), "{path}");
        let message = r["error"].as_str().unwrap();
        assert!(message.contains(path), "error names the file: {message}");
        assert!(r["cost_per_case"].is_null() && r["steps"] == 0);
    }
    // The tab is on a known line: the message is located file:line:col.
    let tab = errors
        .iter()
        .find(|r| r["path"] == "bad/tab-indent.yaml")
        .unwrap();
    let msg = tab["error"].as_str().unwrap();
    let after = msg.split("tab-indent.yaml:").nth(1).unwrap();
    let mut lc = after.split(':');
    assert!(
        lc.next().unwrap().parse::<u32>().is_ok() && lc.next().unwrap().parse::<u32>().is_ok(),
        "{msg}"
    );
    assert_eq!(totals["catalog"]["load_errors"], BAD.len());
    assert_eq!(totals["catalog"]["procedures"], 12);
    // Every bad file is reported on stderr too.
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        BAD.len()
    );
}

#[test]
fn one_and_two_threads_give_identical_bytes() {
    // More than two chunks of 256, so chunk boundaries are crossed.
    let dir = generated("jobs", 600, 11);
    dir.write("zz/bad.yaml", "format: tthc/1\nname: [\n");
    for format in ["csv", "json", "table"] {
        let one = tthc(&["audit", dir.s(), "--format", format, "--jobs", "1"]);
        let two = tthc(&["audit", dir.s(), "--format", format, "--jobs", "2"]);
        assert_eq!(one.status.code(), Some(2));
        assert!(
            one.stdout == two.stdout,
            "{format} output differs between 1 and 2 threads"
        );
        assert!(stdout(&one).len() > 600 * 50);
    }
}

#[test]
fn totals_add_up_over_rows() {
    let dir = generated("totals", 40, 5);
    let o = tthc(&["audit", dir.s(), "--format", "json"]);
    assert!(matches!(o.status.code(), Some(0 | 1)));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    let totals = &doc["totals"];
    assert_eq!(rows.len(), 40);
    let sum = |key: &str| {
        rows.iter()
            .map(|r| r[key].as_u64().unwrap_or(0) as u128)
            .sum::<u128>()
    };
    assert_eq!(
        totals["catalog"]["cost_per_year"].as_u64().unwrap() as u128,
        sum("cost_per_year")
    );
    assert_eq!(
        totals["catalog"]["cost_per_case"].as_u64().unwrap() as u128,
        sum("cost_per_case")
    );
    assert_eq!(
        totals["catalog"]["warnings"].as_u64().unwrap() as u128,
        sum("warnings")
    );
    let by_sector: u64 = totals["by_sector"]
        .as_object()
        .unwrap()
        .values()
        .map(|g| g["procedures"].as_u64().unwrap())
        .sum();
    assert_eq!(by_sector, 40);
    let by_code: u64 = totals["findings_by_code"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        by_code as u128,
        sum("errors") + sum("warnings") + sum("infos")
    );
    for r in rows {
        assert!(r["top_findings"].as_array().unwrap().len() <= 3);
    }
}

/// The UTF-8 byte order mark CSV starts with by default.
const BOM: char = '\u{feff}';

#[test]
fn csv_schema_is_stable() {
    let dir = generated("csv", 6, 42);
    let o = tthc(&["audit", dir.s(), "--format", "csv"]);
    let text = stdout(&o);
    let rest = text.strip_prefix(BOM).expect("CSV starts with a BOM");
    insta::assert_snapshot!("audit_csv", rest);
    let o = tthc(&["audit", dir.s(), "--format", "csv", "--no-bom"]);
    assert_eq!(stdout(&o), rest, "--no-bom drops the BOM and nothing else");
}

/// Procedure number 1 of seed 1 with texts hostile to spreadsheets and
/// Markdown in its name, sector and authority.
fn hostile_yaml() -> String {
    procedure_yaml(1, 1)
        .lines()
        .map(|l| {
            if l.starts_with("name:") {
                r#"name: '=HYPERLINK("http://x.invalid","Cấp giấy phép")'"#.to_string()
            } else if l.starts_with("sector:") {
                "sector: \"+1-2 <script>alert(1)</script>\"".to_string()
            } else if l.starts_with("authority:") {
                "authority: \"@SUM(A1) *x* [a](b) | `c` \\t\"".to_string()
            } else {
                l.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect()
}

/// Splits one CSV line into fields (RFC 4180 quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn csv_neutralises_formulas_in_texts_but_not_in_numbers() {
    let base = TempDir::new("inj-base");
    let now = TempDir::new("inj-now");
    base.write("a/x.yaml", &procedure_yaml(1, 1));
    // Dearer than its baseline: the reduction is negative, a number.
    now.write(
        "a/x.yaml",
        &hostile_yaml().replace("trips: 0 }", "trips: 1 }"),
    );
    let totals = now.path().join("totals.csv");
    let o = tthc(&[
        "audit",
        now.s(),
        "--baseline",
        base.s(),
        "--format",
        "csv",
        "--totals",
        totals.to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert_ok(&o);
    let text = stdout(&o);
    let mut lines = text.trim_start_matches(BOM).lines();
    let header = csv_fields(lines.next().unwrap());
    let row = csv_fields(lines.next().unwrap());
    let get = |name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        row[i].clone()
    };
    assert_eq!(
        get("name"),
        r#"'=HYPERLINK("http://x.invalid","Cấp giấy phép")"#
    );
    assert_eq!(get("sector"), "'+1-2 <script>alert(1)</script>");
    assert!(
        get("authority").starts_with("'@SUM(A1)"),
        "{}",
        get("authority")
    );
    let cut = get("cost_per_year_reduction");
    assert!(
        cut.starts_with('-') && cut[1..].parse::<u64>().is_ok(),
        "a rise is a negative number, not neutralised: {cut}"
    );
    let pct = get("cost_per_case_reduction_percent");
    assert!(pct.starts_with('-') && !pct.starts_with("'-"), "{pct}");
    // No cell of the file starts with a formula character, numbers aside.
    for (h, cell) in header.iter().zip(&row) {
        if cell.starts_with(['=', '+', '@', '\t', '\r']) {
            panic!("{h} = {cell:?} would be a formula");
        }
    }
    let t = std::fs::read_to_string(&totals).unwrap();
    let t = t.strip_prefix(BOM).expect("totals CSV starts with a BOM");
    assert!(
        t.lines().any(|l| l.starts_with("sector,'+1-2 <script>")),
        "{t}"
    );
    assert!(
        t.lines().any(|l| l.starts_with("authority,'@SUM(A1)")),
        "{t}"
    );
}

#[test]
fn json_schema_is_stable() {
    let dir = generated("json", 3, 42);
    let o = tthc(&["audit", dir.s(), "--format", "json"]);
    let text = stdout(&o);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["rows"].as_array().map(Vec::len), Some(3));
    // The raw text, so that the order of the fields is pinned too.
    insta::assert_snapshot!("audit_json", text);
}

#[test]
fn json_rows_carry_the_provenance_of_their_figures_and_csv_rows_do_not() {
    let dir = TempDir::new("provenance");
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures/cu-tru/dang-ky-thuong-tru.yaml"),
    )
    .unwrap();
    dir.write("b4.yaml", &src);
    let (rows, _) = jsonl(&tthc(&[
        "audit",
        dir.s(),
        "--format",
        "jsonl",
        "--fail-on",
        "never",
    ]));
    let p = &rows[0]["provenance"];
    let lines = p["cost_lines"].as_array().expect("cost lines");
    // The lines add up to the row's cost (each rounded once: within ½ đ each).
    let sum: i64 = lines.iter().map(|l| l["total"].as_i64().unwrap()).sum();
    let cost = rows[0]["cost_per_case"].as_i64().unwrap();
    assert!((sum - cost).abs() <= lines.len() as i64, "{sum} vs {cost}");
    let text: Vec<&str> = src.lines().collect();
    for l in lines {
        // Each line points at the text of its element in the file.
        let line = l["location"]["line"].as_u64().expect("located") as usize;
        let last = l["element"]
            .as_str()
            .unwrap()
            .rsplit(['.', '['])
            .next()
            .unwrap();
        let last = last.trim_end_matches(']');
        let here = text[line - 1];
        assert!(
            here.contains(last) || last.chars().all(|c| c.is_ascii_digit()),
            "{l}: line {line} is `{here}`"
        );
        // Each basis item it names is given, with its source.
        for key in l["basis"].as_array().unwrap() {
            let item = &p["cost_basis"][key.as_str().unwrap()];
            assert!(
                item["source"].as_str().is_some_and(|s| !s.is_empty()),
                "{key}"
            );
        }
    }
    // A trip is valued with the trip items; a fee with none.
    assert!(
        lines
            .iter()
            .any(|l| l["input"] == "fee" && l["basis"] == serde_json::json!([]))
    );
    assert!(lines.iter().any(|l| {
        l["basis"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "trip_cost")
    }));
    let path = p["critical_path"].as_array().expect("critical path");
    assert!(
        path.iter()
            .all(|s| s["location"]["line"].as_u64().is_some())
    );
    // CSV keeps its columns.
    let csv = stdout(&tthc(&[
        "audit",
        dir.s(),
        "--format",
        "csv",
        "--fail-on",
        "never",
    ]));
    assert!(
        !csv.contains("provenance") && !csv.contains("hourly_income"),
        "{csv}"
    );
}

#[test]
fn markdown_and_table_show_rows_then_totals() {
    let dir = generated("md", 5, 42);
    let md = stdout(&tthc(&["audit", dir.s(), "--format", "md", "--lang", "vi"]));
    insta::assert_snapshot!("audit_md_vi", md);
    let table = stdout(&tthc(&["audit", dir.s()]));
    insta::assert_snapshot!("audit_table_en", table);
}

#[test]
fn baseline_matches_by_code_then_by_path() {
    let base = TempDir::new("base");
    let now = TempDir::new("now");
    base.write("a/x.yaml", &procedure_yaml(1, 1));
    base.write("a/y.yaml", &procedure_yaml(1, 2));
    base.write("a/z.yaml", &procedure_yaml(1, 3));
    // Same code as a/x.yaml, another path.
    now.write("b/renamed.yaml", &procedure_yaml(1, 1));
    // No code, same path as a/y.yaml once `.draft` is ignored; cheaper.
    let y = procedure_yaml(1, 2);
    let without_code: String = y
        .lines()
        .filter(|l| !l.starts_with("code:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let cheaper = without_code.replace("trips: 1 }", "trips: 0 }");
    now.write("a/y.draft.yaml", &cheaper);
    // Neither.
    now.write("c/new.yaml", &procedure_yaml(9, 77));
    let o = tthc(&[
        "audit",
        now.s(),
        "--include-drafts",
        "--baseline",
        base.s(),
        "--format",
        "jsonl",
    ]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (rows, totals) = jsonl(&o);
    let row = |p: &str| rows.iter().find(|r| r["path"] == p).unwrap().clone();
    let renamed = row("b/renamed.yaml");
    assert_eq!(renamed["matched_by"], "code");
    assert_eq!(renamed["baseline_path"], "a/x.yaml");
    assert_eq!(renamed["cost_per_year_reduction_percent"], "0.00");
    assert_eq!(renamed["cost_per_year_reduction"], 0);
    let draft = row("a/y.draft.yaml");
    assert_eq!(draft["matched_by"], "path");
    assert_eq!(draft["baseline_path"], "a/y.yaml");
    let cut = draft["cost_per_case_reduction_percent"].as_str().unwrap();
    assert!(
        !cut.starts_with('-') && cut != "0.00",
        "a trip fewer is a cut: {cut}"
    );
    let new = row("c/new.yaml");
    assert!(new["matched_by"].is_null() && new["baseline_path"].is_null());
    let b = &totals["baseline"];
    assert_eq!(b["matched_by_code"], 1);
    assert_eq!(b["matched_by_path"], 1);
    assert_eq!(b["added"], 1);
    assert_eq!(b["removed"], serde_json::json!(["a/z.yaml"]));
}

#[test]
fn csv_out_file_is_written_atomically_with_totals() {
    let dir = generated("out", 8, 2);
    let out = TempDir::new("outfile");
    let rows = out.path().join("rows.csv");
    let totals = out.path().join("totals.csv");
    let o = tthc(&[
        "audit",
        dir.s(),
        "--format",
        "csv",
        "--out",
        rows.to_str().unwrap(),
        "--totals",
        totals.to_str().unwrap(),
    ]);
    assert!(matches!(o.status.code(), Some(0 | 1)));
    assert!(o.stdout.is_empty(), "nothing on stdout with --out");
    let written = std::fs::read_to_string(&rows).unwrap();
    let direct = stdout(&tthc(&["audit", dir.s(), "--format", "csv"]));
    assert_eq!(written, direct);
    let t = std::fs::read_to_string(&totals).unwrap();
    assert!(t.starts_with("\u{feff}kind,name,procedures,"));
    assert!(t.lines().any(|l| l.starts_with("catalog,,8,0,")));
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn fail_on_sets_the_exit_status() {
    let dir = generated("failon", 10, 8);
    let o = tthc(&["audit", dir.s(), "--format", "jsonl", "--fail-on", "info"]);
    let (_, totals) = jsonl(&o);
    let c = &totals["catalog"];
    let any = c["errors"].as_u64().unwrap()
        + c["warnings"].as_u64().unwrap()
        + c["infos"].as_u64().unwrap();
    assert_eq!(o.status.code(), Some(if any > 0 { 1 } else { 0 }));
    let o = tthc(&["audit", dir.s(), "--format", "csv", "--fail-on", "error"]);
    let errors = c["errors"].as_u64().unwrap();
    assert_eq!(o.status.code(), Some(if errors > 0 { 1 } else { 0 }));
}

#[test]
fn real_catalog_audits_without_input_errors() {
    let o = tthc(&["audit", "procedures", "--format", "csv"]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // 17 hand-made procedures and the 113 imported into procedures/national.
    assert_eq!(stdout(&o).lines().count(), 1 + 17 + 113);
    assert!(String::from_utf8_lossy(&o.stderr).contains("skipped 6 drafts"));
    let o = tthc(&["audit", "procedures", "--include-drafts", "--format", "csv"]);
    assert_eq!(stdout(&o).lines().count(), 1 + 17 + 113 + 6);
}

#[test]
fn real_catalog_against_itself_changes_nothing() {
    let o = tthc(&[
        "audit",
        "procedures",
        "--baseline",
        "procedures",
        "--format",
        "jsonl",
    ]);
    assert!(matches!(o.status.code(), Some(0 | 1)));
    let (rows, totals) = jsonl(&o);
    assert_eq!(rows.len(), 17 + 113);
    for r in &rows {
        // Shared codes (one national procedure, several provinces) still
        // find their own file.
        assert_eq!(r["baseline_path"], r["path"]);
        // No percentage of a zero cost (an imported record declares no effort).
        let cost = &r["cost_per_case_reduction_percent"];
        assert!(
            cost == "0.00" || (cost.is_null() && r["cost_per_case"] == 0),
            "{r}"
        );
        // No percentage of a zero time (same-day procedures) or across units.
        let time = &r["processing_time_reduction_percent"];
        assert!(
            time == "0.00"
                || (time.is_null()
                    && (r["processing_time"] == "0" || r["processing_unit"] == "needs_calendar")),
            "{r}"
        );
    }
    let b = &totals["baseline"];
    assert_eq!(b["cost_per_case_reduction_percent"], "0.00");
    assert_eq!(b["added"], 0);
    assert_eq!(b["removed"].as_array().unwrap().len(), 0);
    // Zero reduction misses every target: exit 1.
    let o = tthc(&[
        "audit",
        "procedures",
        "--baseline",
        "procedures",
        "--target",
        "nq68-2020",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("target nq68-2020 not met"));
}

#[test]
fn proposed_catalog_of_drafts_against_the_baseline() {
    let o = tthc(&[
        "audit",
        "procedures",
        "--prefer-drafts",
        "--baseline",
        "procedures",
        "--format",
        "jsonl",
    ]);
    let (rows, totals) = jsonl(&o);
    assert_eq!(rows.len(), 17 + 113, "each draft replaces its baseline");
    let drafts: Vec<&Value> = rows
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with(".draft.yaml"))
        .collect();
    assert_eq!(drafts.len(), 6);
    for d in &drafts {
        let path = d["path"].as_str().unwrap();
        assert_eq!(d["baseline_path"], path.replace(".draft.yaml", ".yaml"));
        // Every draft shortens its baseline's processing time or cost.
        let time = d["processing_time_reduction_percent"]
            .as_str()
            .unwrap_or("0.00");
        let cost = d["cost_per_case_reduction_percent"].as_str().unwrap();
        assert!(
            !(time.starts_with('-') || time == "0.00")
                || !(cost.starts_with('-') || cost == "0.00"),
            "{path}: time {time}, cost {cost}"
        );
    }
    let b = &totals["baseline"];
    assert_eq!(
        (b["added"].as_u64(), b["removed"].as_array().map(Vec::len)),
        (Some(0), Some(0))
    );
    let cut = b["cost_per_case_reduction_percent"].as_str().unwrap();
    assert!(!cut.starts_with('-') && cut != "0.00", "{cut}");

    // Drafts alongside their baselines: each baseline with a draft is matched twice.
    let o = tthc(&[
        "audit",
        "procedures",
        "--include-drafts",
        "--baseline",
        "procedures",
        "--format",
        "jsonl",
    ]);
    let (rows, totals) = jsonl(&o);
    assert_eq!(rows.len(), 23 + 113);
    assert_eq!(totals["baseline"]["matched_more_than_once"], 6);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--prefer-drafts"));
}

#[test]
fn markdown_and_table_escape_file_texts_and_show_the_per_case_cut() {
    let base = TempDir::new("md-base");
    let now = TempDir::new("md-now");
    base.write("a/x.yaml", &procedure_yaml(1, 1));
    // No volume, as in every real record: only the per-case cut exists.
    let no_volume = |y: String| -> String {
        y.lines()
            .filter(|l| !l.starts_with("volume:") && !l.starts_with("  cases_per_year:"))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    base.write("a/y.yaml", &no_volume(procedure_yaml(1, 2)));
    now.write("a/x.yaml", &hostile_yaml());
    now.write(
        "a/y.yaml",
        &no_volume(procedure_yaml(1, 2)).replace("trips: 1 }", "trips: 0 }"),
    );
    let args = |format: &'static str| {
        vec![
            "audit".to_string(),
            now.s().to_string(),
            "--baseline".into(),
            base.s().into(),
            "--format".into(),
            format.into(),
            "--fail-on".into(),
            "never".into(),
        ]
    };
    let run = |a: Vec<String>| {
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        stdout(&tthc(&refs))
    };
    let md = run(args("md"));
    let options =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for e in pulldown_cmark::Parser::new_ext(&md, options) {
        use pulldown_cmark::{Event, Tag};
        match e {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in the audit: {h}"),
            Event::Code(c) => panic!("code span in the audit: {c}"),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. }) => {
                panic!("markup in the audit: {e:?}")
            }
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    assert!(text.contains("<script>alert(1)</script>"), "{md}");
    assert!(text.contains("@SUM(A1) *x* [a](b) | `c`"), "{md}");
    // The per-case cut, in Markdown and on the terminal.
    assert!(md.contains("Cost per case cut"), "{md}");
    let y = md.lines().find(|l| l.starts_with("| a/y.yaml")).unwrap();
    let cut = y.split(" | ").find(|c| c.ends_with('%') && c != &"0.00%");
    assert!(cut.is_some(), "a trip fewer is a per-case cut: {y}");
    let table = run(args("table"));
    assert!(table.contains("Cut/case"), "{table}");
    let y = table.lines().find(|l| l.starts_with("a/y.yaml")).unwrap();
    assert!(y.contains('%'), "{y}");
}

#[test]
fn xlsx_goes_to_a_file_atomically_and_never_to_a_terminal() {
    let dir = generated("xlsx", 5, 4);
    let out = TempDir::new("xlsx-out");
    let file = out.path().join("audit.xlsx");
    let o = tthc(&[
        "audit",
        dir.s(),
        "--format",
        "xlsx",
        "--out",
        file.to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert_ok(&o);
    assert!(o.stdout.is_empty());
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "an XLSX is a zip archive");
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["audit.xlsx"], "no temporary file left");
    // Piped stdout is fine (`> audit.xlsx`); a terminal is refused.
    let piped = tthc(&["audit", dir.s(), "--format", "xlsx", "--fail-on", "never"]);
    assert!(piped.stdout.starts_with(b"PK\x03\x04"));
    let cmd = format!(
        "TTHC_LANG=en {} audit {} --format xlsx",
        env!("CARGO_BIN_EXE_tthc"),
        dir.s()
    );
    let tty = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script(1) from util-linux runs the command on a terminal");
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(shown.contains("XLSX is binary"), "{shown}");
    assert!(!shown.contains("PK"), "{shown}");
}

#[test]
fn metric_columns_are_the_metrics_of_each_procedure() {
    let dir = generated("metric-columns", 4, 11);
    dir.write("bad.yaml", "format: tthc/1\nname: [x]\n");
    let o = tthc(&[
        "audit",
        dir.s(),
        "--format",
        "jsonl",
        "--metric",
        "structure.trips",
        "--metric",
        "compliance_cost.hours",
        "--fail-on",
        "never",
    ]);
    let (rows, _) = jsonl(&o);
    assert_eq!(rows.len(), 5);
    for row in &rows {
        let path = row["path"].as_str().unwrap();
        if row["status"] == "error" {
            // An error row has the columns, empty.
            assert!(row["structure.trips"].is_null(), "{row}");
            assert!(row["compliance_cost.hours"].is_null(), "{row}");
            continue;
        }
        // The same values `tthc metrics` gives for that file.
        let m = tthc(&[
            "metrics",
            dir.path().join(path).to_str().unwrap(),
            "--format",
            "json",
        ]);
        let m: Value = serde_json::from_str(&stdout(&m)).unwrap();
        assert_eq!(
            row["structure.trips"], m["values"]["structure.trips"],
            "{path}"
        );
        assert_eq!(
            row["compliance_cost.hours"].as_str().map(str::to_string),
            Some(m["values"]["compliance_cost.hours"].to_string()),
            "{path}"
        );
    }
    // CSV: the keys as column names, after the stable columns.
    let o = tthc(&[
        "audit",
        dir.s(),
        "--format",
        "csv",
        "--no-bom",
        "--metric",
        "structure.trips",
        "--fail-on",
        "never",
    ]);
    let header = stdout(&o).lines().next().unwrap().to_string();
    assert!(
        header.ends_with(",top_findings,structure.trips"),
        "{header}"
    );
    // A metric that needs a baseline, or an unknown key, is refused.
    for bad in ["compliance_cost.reduction_percent", "structure.trip"] {
        let o = tthc(&["audit", dir.s(), "--metric", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}
