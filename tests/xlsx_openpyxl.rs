//! The XLSX outputs read back by a real consumer, openpyxl, and checked cell
//! by cell: sheet names, frozen panes, filters, every cell's type and
//! number format, the formulas' text and their stored results.
//!
//! This test needs `python3` with openpyxl (`.ci/run` installs it with
//! `python3 -m pip install openpyxl`). When either is missing it FAILS with
//! a message saying how to install it — in CI and locally: it never passes
//! without having read the files.
#![cfg(feature = "cli")]

mod common;

use common::{assert_ok, tthc};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use tthc::catalog::columns::{BASELINE_COLUMNS, COLUMNS};
use tthc::catalog::synthetic::procedure_yaml;

const A6: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.yaml";
const A6_DRAFT: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.draft.yaml";

/// Dumps every sheet of a workbook as JSON: name, frozen pane, filter, and
/// per cell its value, Python type, openpyxl data type and number format,
/// and the stored result (`data_only`) of formula cells.
const DUMP: &str = r#"
import json, sys
import openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)
out = []
for ws in wb.worksheets:
    cws = cached[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cells[c.coordinate] = {
                "value": c.value,
                "type": type(c.value).__name__,
                "data_type": c.data_type,
                "format": c.number_format,
                "cached": cws[c.coordinate].value,
            }
    out.append({
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "cells": cells,
    })
print(json.dumps(out))
"#;

/// A fresh directory under the target's temporary folder.
fn temp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("xlsx-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The workbook as openpyxl reads it; fails (never skips) without openpyxl.
fn read_back(path: &Path) -> Vec<Value> {
    let how = "install it with `python3 -m pip install openpyxl` (.ci/run does)";
    let o = Command::new("python3")
        .args(["-c", DUMP])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed to read the XLSX back ({e}); {how}"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !err.contains("No module named 'openpyxl'"),
        "openpyxl is missing: {how}"
    );
    assert!(
        o.status.success(),
        "openpyxl could not read {path:?}: {err}"
    );
    serde_json::from_slice::<Value>(&o.stdout)
        .expect("the dump is JSON")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn sheet<'a>(book: &'a [Value], name: &str) -> &'a Value {
    book.iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

fn cell<'a>(sheet: &'a Value, at: &str) -> &'a Value {
    let c = &sheet["cells"][at];
    assert!(!c.is_null(), "{} has no cell {at}", sheet["name"]);
    c
}

/// A cell's type and number format.
fn typed(sheet: &Value, at: &str) -> (String, String) {
    let c = cell(sheet, at);
    (
        c["type"].as_str().unwrap_or("").to_string(),
        c["format"].as_str().unwrap_or("").to_string(),
    )
}

fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    s
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// Procedure 1 of seed 1 with the code `1.010900` (a decimal look-alike)
/// and texts that a spreadsheet would run as formulas.
fn hostile_yaml() -> String {
    procedure_yaml(1, 1)
        .lines()
        .map(|l| {
            if l.starts_with("code:") {
                "code: \"1.010900\"".to_string()
            } else if l.starts_with("name:") {
                r#"name: '=HYPERLINK("http://x.invalid","Cấp giấy phép")'"#.to_string()
            } else if l.starts_with("sector:") {
                "sector: \"+1-2 Hộ tịch\"".to_string()
            } else {
                l.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect()
}

#[test]
fn audit_xlsx_cells_are_typed() {
    let dir = temp("audit");
    let (base, now) = (dir.join("base"), dir.join("now"));
    std::fs::create_dir_all(base.join("a")).unwrap();
    std::fs::create_dir_all(now.join("a")).unwrap();
    std::fs::write(
        base.join("a/x.yaml"),
        procedure_yaml(1, 1).replace("\"9.000001\"", "\"1.010900\""),
    )
    .unwrap();
    // Dearer than the baseline: negative reductions.
    std::fs::write(
        now.join("a/x.yaml"),
        hostile_yaml().replace("trips: 0 }", "trips: 1 }"),
    )
    .unwrap();
    std::fs::write(now.join("a/y.yaml"), procedure_yaml(1, 2)).unwrap();
    let file = dir.join("audit.xlsx");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let args = |format: &str, extra: &[String]| {
        let mut a: Vec<String> = [
            "audit",
            &s(&now),
            "--baseline",
            &s(&base),
            "--format",
            format,
            "--fail-on",
            "never",
        ]
        .iter()
        .map(|x| x.to_string())
        .collect();
        a.extend_from_slice(extra);
        a
    };
    let run = |a: Vec<String>| tthc(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_ok(&run(args("xlsx", &["--out".into(), s(&file)])));
    let jsonl = run(args("jsonl", &[]));
    let rows: Vec<Value> = String::from_utf8_lossy(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &Value| v.get("path").is_some())
        .collect();

    let book = read_back(&file);
    let names: Vec<&str> = book.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Audit",
            "Totals",
            "By sector",
            "By authority",
            "Findings by code",
            "Against the baseline"
        ]
    );
    for s in &book {
        assert_eq!(s["freeze"], "A2", "{}: header row frozen", s["name"]);
        let f = s["filter"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no filter", s["name"]));
        assert!(f.starts_with("A1:"), "{f}");
    }
    let audit = sheet(&book, "Audit");
    let columns: Vec<&str> = COLUMNS.iter().chain(BASELINE_COLUMNS).copied().collect();
    let last = column_letter(columns.len() - 1);
    assert_eq!(audit["filter"], format!("A1:{last}3"));
    for (i, name) in columns.iter().enumerate() {
        assert_eq!(
            cell(audit, &format!("{}1", column_letter(i)))["value"],
            *name
        );
    }
    let at = |col: &str, row: usize| {
        let i = columns.iter().position(|c| *c == col).unwrap();
        format!("{}{row}", column_letter(i))
    };
    // Row 2 is a/x.yaml (path order), the hostile one.
    assert_eq!(cell(audit, &at("path", 2))["value"], "a/x.yaml");
    for (i, row) in rows.iter().enumerate() {
        let r = i + 2;
        for col in &columns {
            let json = &row[*col];
            let here = &audit["cells"][at(col, r)];
            let empty_list = json.as_array().is_some_and(Vec::is_empty);
            if json.is_null() || empty_list {
                assert!(here.is_null(), "{col}{r}: empty in JSON, {here} in XLSX");
                continue;
            }
            let (ty, format) = typed(audit, &at(col, r));
            let data_type = here["data_type"].as_str().unwrap();
            match json {
                Value::Number(n) => {
                    assert_eq!(ty, "int", "{col}{r}: a count or đồng is a number");
                    assert_eq!(format, "#,##0", "{col}{r}");
                    assert_eq!(here["value"].as_i64(), n.as_i64(), "{col}{r}");
                }
                Value::String(t) if col.ends_with("_percent") => {
                    assert!(
                        ty == "int" || ty == "float",
                        "{col}{r}: a percentage is a number"
                    );
                    assert_eq!(format, "0.0%", "{col}{r}");
                    let exact: f64 = t.parse().unwrap();
                    assert!(
                        (number(&here["value"]) * 100.0 - exact).abs() < 1e-9,
                        "{col}{r}"
                    );
                }
                Value::String(_)
                    if col == &"processing_time" || col == &"baseline_processing_time" =>
                {
                    assert!(ty == "int" || ty == "float", "{col}{r}: {ty}");
                    assert_eq!(format, "#,##0.###");
                }
                Value::String(t) => {
                    assert_eq!(
                        (ty.as_str(), data_type, format.as_str()),
                        ("str", "s", "@"),
                        "{col}{r}"
                    );
                    assert_eq!(
                        here["value"].as_str(),
                        Some(t.as_str()),
                        "{col}{r}: the text as is"
                    );
                }
                Value::Array(a) => {
                    let joined: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                    assert_eq!(here["value"].as_str(), Some(joined.join(" ").as_str()));
                }
                other => panic!("{col}: unexpected {other}"),
            }
        }
    }
    // The cases of the issue, by name.
    assert_eq!(typed(audit, &at("code", 2)), ("str".into(), "@".into()));
    assert_eq!(
        cell(audit, &at("code", 2))["value"],
        "1.010900",
        "never 1.0109"
    );
    let name = cell(audit, &at("name", 2));
    assert_eq!(name["data_type"], "s", "a text, not a formula: {name}");
    assert!(name["value"].as_str().unwrap().starts_with("=HYPERLINK("));
    let cut = cell(audit, &at("cost_per_year_reduction", 2));
    assert!(cut["value"].as_i64().unwrap() < 0, "a rise: {cut}");

    let totals = sheet(&book, "Totals");
    assert_eq!(cell(totals, "A2")["value"], "Catalog");
    assert_eq!(typed(totals, "B2"), ("int".into(), "#,##0".into()));
    assert_eq!(cell(totals, "B2")["value"], 2);
    let sectors = sheet(&book, "By sector");
    let sector_names: Vec<&Value> = (2..=3)
        .map(|r| &cell(sectors, &format!("A{r}"))["value"])
        .collect();
    assert!(
        sector_names.contains(&&Value::from("+1-2 Hộ tịch")),
        "{sector_names:?}"
    );
    let codes = sheet(&book, "Findings by code");
    assert_eq!(typed(codes, "A2").0, "str");
    assert_eq!(typed(codes, "B2"), ("int".into(), "#,##0".into()));
    let against = sheet(&book, "Against the baseline");
    let figures: Vec<(&str, &Value)> = (2..=16)
        .filter_map(|r| {
            let label = against["cells"][format!("A{r}")]["value"].as_str()?;
            Some((label, &against["cells"][format!("B{r}")]))
        })
        .collect();
    let (_, pct) = figures
        .iter()
        .find(|(l, _)| *l == "Cost per case cut")
        .unwrap();
    assert_eq!(pct["format"], "0.0%");
    assert!(number(&pct["value"]) < 0.0, "{pct}");
}

#[test]
fn cost_sheet_shows_its_formulas_and_their_results() {
    let dir = temp("cost");
    let file = dir.join("a6.xlsx");
    let o = tthc(&[
        "report",
        A6_DRAFT,
        "--baseline",
        A6,
        "--format",
        "xlsx",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_ok(&o);
    let book = read_back(&file);
    let names: Vec<&str> = book.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Current", "Simplified", "Comparison"]);
    let mut per_case = Vec::new();
    for name in ["Current", "Simplified"] {
        let s = sheet(&book, name);
        assert_eq!(s["freeze"], "A8", "{name}: the table's header frozen");
        assert_eq!(cell(s, "A7")["value"], "No.");
        assert_eq!(cell(s, "H7")["value"], "Total (đ)");
        assert!(
            cell(s, "A5")["value"]
                .as_str()
                .unwrap()
                .contains("02/2017/TT-VPCP Art. 27")
        );
        assert!(
            cell(s, "A5")["value"]
                .as_str()
                .unwrap()
                .contains("official form was not found")
        );
        assert_eq!(typed(s, "C2").0, "str");
        let hourly = number(&cell(s, "C20")["value"]);
        assert_eq!(
            hourly,
            tthc::CostBasis::default().hourly_income.value.dong() as f64
        );
        assert_eq!(typed(s, "C20"), ("int".into(), "#,##0".into()));
        let (mut sum_h, mut sum_c) = (0.0, 0.0);
        for r in 8..=14 {
            let f = |col: &str| cell(s, &format!("{col}{r}"));
            assert_eq!(f("A")["value"], r - 7);
            assert_eq!(f("B")["type"], "str");
            assert_eq!(f("C")["format"], "#,##0.###");
            assert!(matches!(f("C")["type"].as_str(), Some("int" | "float")));
            assert_eq!(f("D")["value"], "=$C$20");
            assert_eq!(f("E")["value"], format!("=ROUND(C{r}*D{r},0)"));
            assert_eq!(f("H")["value"], format!("=E{r}+F{r}+G{r}"));
            for col in ["D", "E", "H"] {
                assert_eq!(f(col)["data_type"], "f", "{name}!{col}{r} is a formula");
                assert_eq!(f(col)["format"], "#,##0");
            }
            for col in ["F", "G"] {
                assert_eq!(
                    typed(s, &format!("{col}{r}")),
                    ("int".into(), "#,##0".into())
                );
            }
            // The stored results are what the formulas give.
            let hours = number(&f("C")["value"]);
            assert_eq!(number(&f("D")["cached"]), hourly);
            let time = number(&f("E")["cached"]);
            assert_eq!(time, (hours * hourly).round(), "{name}!E{r}");
            let total = number(&f("H")["cached"]);
            assert_eq!(
                total,
                time + number(&f("F")["value"]) + number(&f("G")["value"])
            );
            sum_h += total;
            sum_c += hours;
        }
        assert_eq!(cell(s, "H15")["value"], "=SUM(H8:H14)");
        assert_eq!(cell(s, "C15")["value"], "=SUM(C8:C14)");
        assert_eq!(number(&cell(s, "H15")["cached"]), sum_h);
        assert!((number(&cell(s, "C15")["cached"]) - sum_c).abs() < 1e-9);
        // No volume in the A6 files: no annual formula, and it says so.
        assert!(
            cell(s, "H16")["value"]
                .as_str()
                .unwrap()
                .contains("not declared")
        );
        assert!(s["cells"]["H17"].is_null());
        // The tool's own figure and the rounding difference.
        let tool = number(&cell(s, "H25")["value"]);
        assert_eq!(cell(s, "H26")["value"], "=H15-H25");
        assert_eq!(number(&cell(s, "H26")["cached"]), sum_h - tool);
        assert!(
            (sum_h - tool).abs() <= 7.0,
            "rounding only: {sum_h} vs {tool}"
        );
        per_case.push(sum_h);
    }
    let c = sheet(&book, "Comparison");
    assert_eq!(c["freeze"], "A2");
    assert_eq!(cell(c, "B2")["value"], "='Current'!H15");
    assert_eq!(cell(c, "C2")["value"], "='Simplified'!H15");
    assert_eq!(cell(c, "D2")["value"], "=B2-C2");
    assert_eq!(cell(c, "E2")["value"], "=IF(B2=0,\"\",D2/B2)");
    assert_eq!(cell(c, "E2")["format"], "0.0%");
    assert_eq!(number(&cell(c, "B2")["cached"]), per_case[0]);
    assert_eq!(number(&cell(c, "C2")["cached"]), per_case[1]);
    assert_eq!(number(&cell(c, "D2")["cached"]), per_case[0] - per_case[1]);
    let share = number(&cell(c, "E2")["cached"]);
    assert!((share - (per_case[0] - per_case[1]) / per_case[0]).abs() < 1e-12);
    assert!(share > 0.0, "the draft is cheaper");
}

#[test]
fn cost_sheet_with_a_volume_has_the_annual_formula() {
    let dir = temp("volume");
    let src = dir.join("p.yaml");
    std::fs::write(&src, procedure_yaml(1, 3)).unwrap();
    let file = dir.join("p.xlsx");
    assert_ok(&tthc(&[
        "report",
        src.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        file.to_str().unwrap(),
    ]));
    let book = read_back(&file);
    let s = sheet(&book, "Compliance cost");
    let cases = number(&cell(s, "H16")["value"]);
    assert_eq!(typed(s, "H16"), ("int".into(), "#,##0".into()));
    assert_eq!(cell(s, "H17")["value"], "=H15*H16");
    assert_eq!(
        number(&cell(s, "H17")["cached"]),
        number(&cell(s, "H15")["cached"]) * cases
    );
    assert_eq!(cell(s, "C3")["value"], "9.000003", "the code as text");
}
