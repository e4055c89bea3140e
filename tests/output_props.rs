//! Property tests, one per output format: names and ids from a file,
//! however hostile, never change an output's structure (issue 20).
//!
//! Each case writes a procedure whose names and ids are random texts built
//! from markup, quotes, escapes and control characters, and checks:
//! - terminal text (check, metrics): no control character but the line end;
//! - JSON (check, metrics, SARIF): parses, and a name comes back unchanged;
//! - HTML report and SVG: no injected element or attribute (the marker tag
//!   `zz` and attribute `zz`), every `&` an entity; SVG and JUnit XML hold
//!   only characters XML 1.0 allows;
//! - DOT and Mermaid: outside quoted strings, the text is the same as for
//!   plain names (`x0`, `x1`, …): nodes, edges and clusters unchanged;
//! - CSV (audit): every record has the header's number of fields.
//!
//! The Markdown report's escaping is checked with a CommonMark parser in
//! tests/markdown_escape.rs.

use proptest::prelude::*;
use tthc::catalog::audit::{AuditOptions, audit_bytes};
use tthc::catalog::table::{CsvWriter, RowWriter};
use tthc::catalog::totals::Totals;
use tthc::report::check::{CheckReport, CheckedFile, FileCheck};
use tthc::report::diagnostics::TextStyle;
use tthc::report::marks::Marks;
use tthc::report::page::Report;
use tthc::{Analysis, CheckedProcedure, Lang, Settings};

/// Pieces hostile names are made of: markup with the marker tag and
/// attribute, quotes, entity starts, DOT and Mermaid syntax, escapes,
/// control characters, Vietnamese letters.
const PIECES: &[&str] = &[
    "<zz>",
    "</zz>",
    "<zz/>",
    "\" zz=\"1",
    "' zz='1",
    "<!--",
    "-->",
    "]]>",
    "&",
    "&amp",
    "&#",
    ";",
    "\"",
    "'",
    "\\",
    "\\n",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "|",
    "->",
    "-->",
    "==>",
    "#",
    "%%",
    "`",
    "*",
    "_",
    "\u{1b}[31m",
    "\u{7}",
    "\u{8}",
    "\r",
    "\n",
    "\t",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{0}",
    "đ",
    "Ệ",
    "ở",
    " ",
    "a",
    "1",
];

/// Characters an id may take (the format forbids whitespace, control
/// characters, `.`, `[`, `]`).
const ID_PIECES: &[&str] = &[
    "<", ">", "&", "\"", "'", "{", "}", "|", "\\", "#", "*", "`", "-", "_", ";", "=", "đ", "a",
    "z", "%%", "-->", "\u{fffe}",
];

fn text_from(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(pieces), 1..max).prop_map(|v| v.concat())
}

/// A YAML double-quoted scalar holding exactly `s`.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A procedure of three steps (a chain, a supplement loop, one agency
/// lane per agency), two documents and a fee, with the given names and ids
/// (each made unique by its position, so no rule sees two equal names).
fn procedure(names: &[String], ids: &[String]) -> String {
    let n = |i: usize| quoted(&format!("{}{i}", names[i % names.len()]));
    let id = |i: usize| quoted(&format!("{}{i}", ids[i % ids.len()]));
    format!(
        "format: tthc/1\nname: {}\nsector: {}\nauthority: {}\nlegal_basis: [{}]\nchannels: [in_person]\n\
         deadline: 5 ngày làm việc\nresult: {}\nfees:\n  - name: {}\n    amount: 10.000 đồng\n\
         documents:\n  {}: {{ name: {}, form: certified_copy }}\n  {}: {{ name: {}, issued_by: {} }}\n\
         steps:\n  {}:\n    name: {}\n    actor: applicant\n    submits: [{}]\n    effort: {{ hours: 1, trips: 1 }}\n    next: [{}]\n\
         \x20 {}:\n    name: {}\n    actor: {}\n    duration: 3 ngày làm việc\n    uses: [{}]\n    rework: {{ to: {}, probability: 0.1 }}\n    next: [{}]\n\
         \x20 {}:\n    name: {}\n    actor: {}\n    duration: 1 ngày làm việc\n    produces: [{}]\n",
        n(0),
        n(1),
        n(2),
        n(3),
        id(11),
        n(4),
        id(10),
        n(5),
        id(11),
        n(6),
        n(2),
        id(20),
        n(7),
        id(10),
        id(21),
        id(21),
        n(8),
        n(9),
        id(10),
        id(20),
        id(22),
        id(22),
        n(10),
        n(11),
        id(11),
    )
}

fn analyse(src: &str) -> Result<Analysis, TestCaseError> {
    let p = CheckedProcedure::from_yaml_str(src, "hostile.yaml")
        .map_err(|e| TestCaseError::fail(format!("does not load: {e}\n{src}")))?;
    Ok(Analysis::new(p, &Settings::default()))
}

/// A character that must not reach a terminal: C0 but the line end and
/// tab, DEL, C1.
fn is_terminal_control(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t') || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c)
}

/// A character XML 1.0 does not allow.
fn is_xml_invalid(c: char) -> bool {
    let u = c as u32;
    !(u == 0x9
        || u == 0xA
        || u == 0xD
        || (0x20..=0xD7FF).contains(&u)
        || (0xE000..=0xFFFD).contains(&u)
        || (0x1_0000..=0x10_FFFF).contains(&u))
}

/// Checks markup (HTML, SVG, XML): every `<` opens a tag (or a comment,
/// doctype or CDATA) that is not the marker `zz` and has no `zz`
/// attribute; every `&` starts an entity.
fn check_markup(what: &str, text: &str) -> Result<(), TestCaseError> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let rest = &text[i..];
                if let Some(body) = rest.strip_prefix("<!--") {
                    let end = body
                        .find("-->")
                        .ok_or_else(|| TestCaseError::fail(format!("{what}: unclosed comment")))?;
                    i += 4 + end + 3;
                    continue;
                }
                if rest.starts_with("<![CDATA[") || rest.starts_with("<!") || rest.starts_with("<?")
                {
                    let end = rest.find('>').unwrap_or(rest.len());
                    i += end + 1;
                    continue;
                }
                // A tag: its name, then attributes with quoted values.
                let mut j = i + 1;
                if b.get(j) == Some(&b'/') {
                    j += 1;
                }
                let start = j;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':')
                {
                    j += 1;
                }
                let name = &text[start..j];
                prop_assert!(
                    !name.is_empty(),
                    "{}: `<` outside a tag at {}: {:?}",
                    what,
                    i,
                    &text[i..(i + 40).min(text.len())]
                );
                prop_assert!(name != "zz", "{}: injected element at {}", what, i);
                // Attributes.
                loop {
                    while j < b.len() && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    match b.get(j) {
                        None => {
                            return Err(TestCaseError::fail(format!(
                                "{what}: unclosed tag <{name}"
                            )));
                        }
                        Some(b'>') => {
                            j += 1;
                            break;
                        }
                        Some(b'/') => j += 1,
                        Some(_) => {
                            let a = j;
                            while j < b.len()
                                && !b[j].is_ascii_whitespace()
                                && !matches!(b[j], b'=' | b'>' | b'/')
                            {
                                j += 1;
                            }
                            let attr = &text[a..j];
                            prop_assert!(
                                attr != "zz",
                                "{}: injected attribute in <{}>",
                                what,
                                name
                            );
                            if b.get(j) == Some(&b'=') {
                                j += 1;
                                let q = b.get(j).copied();
                                if q == Some(b'"') || q == Some(b'\'') {
                                    let close = text[j + 1..]
                                        .find(q.map(char::from).unwrap_or('"'))
                                        .ok_or_else(|| {
                                            TestCaseError::fail(format!(
                                                "{what}: unclosed attribute"
                                            ))
                                        })?;
                                    j += close + 2;
                                } else {
                                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>'
                                    {
                                        j += 1;
                                    }
                                }
                            }
                        }
                    }
                }
                // Raw text elements: skip to their end tag.
                if name == "script" || name == "style" {
                    let close = format!("</{name}");
                    let end = text[j..].find(&close).unwrap_or(text.len() - j);
                    j += end;
                }
                i = j;
            }
            b'&' => {
                let rest = &text[i + 1..];
                let end = rest.find(';').filter(|e| *e <= 10);
                let ok = end.is_some_and(|e| {
                    let ent = &rest[..e];
                    ent.chars().all(|c| c.is_ascii_alphanumeric())
                        || ent.strip_prefix('#').is_some_and(|n| {
                            n.chars().all(|c| c.is_ascii_digit())
                                || n.strip_prefix('x')
                                    .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
                        })
                });
                prop_assert!(
                    ok,
                    "{}: bare `&` at {}: {:?}",
                    what,
                    i,
                    &text[i..(i + 20).min(text.len())]
                );
                i += 1;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// The text with each double-quoted string (backslash escapes inside)
/// replaced by `""`: what is left is the structure of DOT or Mermaid.
fn outside_strings(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            out.push_str("\"\"");
            while let Some(d) = chars.next() {
                match d {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => {}
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The records of an RFC 4180 text, each as its number of fields.
fn csv_field_counts(text: &str) -> Result<Vec<usize>, TestCaseError> {
    let mut counts = Vec::new();
    let (mut fields, mut quoted, mut at_start) = (1usize, false, true);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if at_start => quoted = true,
            ',' if !quoted => {
                fields += 1;
                at_start = true;
                continue;
            }
            '\r' if !quoted => continue,
            '\n' if !quoted => {
                counts.push(fields);
                fields = 1;
                at_start = true;
                continue;
            }
            _ => {}
        }
        at_start = false;
    }
    prop_assert!(!quoted, "unclosed quoted CSV field");
    Ok(counts)
}

fn json_holds(value: &serde_json::Value, s: &str) -> bool {
    match value {
        serde_json::Value::String(v) => v == s,
        serde_json::Value::Array(a) => a.iter().any(|v| json_holds(v, s)),
        serde_json::Value::Object(o) => o.values().any(|v| json_holds(v, s)),
        _ => false,
    }
}

fn parse_json(what: &str, text: &str) -> Result<serde_json::Value, TestCaseError> {
    serde_json::from_str(text).map_err(|e| TestCaseError::fail(format!("{what}: not JSON: {e}")))
}

fn plain(n: usize, prefix: &str) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}_")).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn hostile_names_and_ids_never_change_an_outputs_structure(
        names in proptest::collection::vec(text_from(PIECES, 8), 12),
        ids in proptest::collection::vec(text_from(ID_PIECES, 6), 3),
    ) {
        let hostile = analyse(&procedure(&names, &ids))?;
        let benign = analyse(&procedure(&plain(12, "x"), &plain(3, "i")))?;
        let name = format!("{}0", names[0]);
        let marks = Marks::default();

        for lang in [Lang::Vi, Lang::En] {
            // Terminal text.
            let report = CheckReport {
                files: vec![CheckedFile { path: "hostile.yaml".into(), check: FileCheck::of(&hostile) }],
            };
            let text = report.render_text(TextStyle { lang, color: false })
                + &tthc::report::metrics::text(&hostile, lang);
            prop_assert!(!text.chars().any(is_terminal_control), "a control character reached the terminal");

            // JSON.
            let sarif = parse_json("SARIF", &tthc::report::sarif::render(&report, lang))?;
            prop_assert!(sarif["runs"][0]["results"].is_array());
            if lang == Lang::En {
                let check = parse_json("check JSON", &report.render_json())?;
                prop_assert!(check["files"].is_array());
                let metrics = parse_json("metrics JSON", &tthc::report::metrics::json(&hostile, "hostile.yaml"))?;
                prop_assert!(json_holds(&metrics, &name), "the name does not come back from metrics JSON");
            }

            // HTML and SVG.
            let html = tthc::report::html::render(&Report::new(&hostile), lang);
            check_markup("HTML", &html)?;
            let svg = tthc::report::svg::render(hostile.procedure(), &marks, lang);
            check_markup("SVG", &svg)?;
            prop_assert!(!svg.chars().any(is_xml_invalid), "SVG holds a character XML forbids");

            // DOT and Mermaid: the same structure as with plain names.
            for (what, h, b) in [
                ("DOT", tthc::report::dot::render(hostile.procedure(), &marks, lang), tthc::report::dot::render(benign.procedure(), &marks, lang)),
                ("Mermaid", tthc::report::mermaid::render(hostile.procedure(), &marks, lang), tthc::report::mermaid::render(benign.procedure(), &marks, lang)),
            ] {
                prop_assert_eq!(outside_strings(&h), outside_strings(&b), "{} structure changed:\n{}", what, h);
            }
        }

        // CSV.
        let src = procedure(&names, &ids);
        let row = audit_bytes(src.as_bytes(), "hostile.yaml".into(), "hostile.yaml", &AuditOptions::default());
        let mut out = Vec::new();
        {
            let mut w = CsvWriter::new(&mut out, false);
            w.row(&row).map_err(|e| TestCaseError::fail(e.to_string()))?;
            w.finish(&Totals::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let counts = csv_field_counts(&String::from_utf8_lossy(&out))?;
        prop_assert_eq!(counts.len(), 2, "header and one row");
        prop_assert_eq!(counts[0], counts[1], "the row has the header's fields");
    }

    #[test]
    fn hostile_case_names_keep_junit_well_formed(
        case_name in text_from(PIECES, 10),
        names in proptest::collection::vec(text_from(PIECES, 6), 12),
    ) {
        let dir = tempdir()?;
        std::fs::write(dir.join("p.yaml"), procedure(&names, &plain(3, "i")))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let test = format!(
            "- name: {}\n  procedure: p.yaml\n  expect:\n    structure.steps: 3\n- name: {}\n  procedure: p.yaml\n  expect:\n    structure.steps: 4\n",
            quoted(&case_name),
            quoted(&format!("{case_name}2")),
        );
        let path = dir.join("t.yaml");
        std::fs::write(&path, test).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let outcome = tthc::review_test::run_file(&path, None);
        let xml = tthc::report::review_tests::render_junit(std::slice::from_ref(&outcome), Lang::Vi);
        check_markup("JUnit", &xml)?;
        prop_assert!(!xml.chars().any(is_xml_invalid), "JUnit holds a character XML forbids");
        prop_assert_eq!(xml.matches("<testcase").count(), 2);
        prop_assert_eq!(xml.matches("<failure").count(), 1, "{}", xml);
        let text = tthc::report::review_tests::render_text(std::slice::from_ref(&outcome), Lang::Vi);
        prop_assert!(!text.chars().any(is_terminal_control), "a control character reached the terminal");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// A fresh folder under the target directory for one case.
fn tempdir() -> Result<std::path::PathBuf, TestCaseError> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "output-props-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(dir)
}
