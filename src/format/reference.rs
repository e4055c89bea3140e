//! The format reference in Markdown (`docs/format.md`), generated from the
//! key lists the loaders read.

use super::{Object, Value, Words};
use crate::report::markdown::rich;

/// The reference of every object of the three formats, in Vietnamese and
/// English: one section per object with a table of its keys.
///
/// ```
/// let md = tthc::format::reference();
/// assert!(md.contains("### `step`"));
/// assert!(md.contains("| `duration` |"));
/// ```
pub fn reference() -> String {
    let mut out = String::new();
    for (title, root) in [
        (
            "Tệp thủ tục / Procedure file",
            &super::PROCEDURE as &'static Object,
        ),
        ("Tệp kiểm thử / Review-test file", &super::REVIEW_CASE),
        ("`tthc.yaml`", &super::CONFIG),
    ] {
        out.push_str(&format!("## {title}\n\n"));
        let mut seen = Vec::new();
        section(root, &mut seen, &mut out);
    }
    out
}

fn section(o: &'static Object, seen: &mut Vec<&'static str>, out: &mut String) {
    if seen.contains(&o.name) {
        return;
    }
    seen.push(o.name);
    out.push_str(&format!(
        "### `{}`\n\n{}\n\n*{}*\n\n",
        o.name,
        rich(o.doc.vi),
        rich(o.doc.en)
    ));
    out.push_str("| Khóa / Key | Giá trị / Value | Bắt buộc / Required | Ý nghĩa | Meaning |\n");
    out.push_str("|---|---|---|---|---|\n");
    for k in o.keys {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            k.name,
            value(&k.value),
            if k.required { "có / yes" } else { "" },
            rich(k.doc.vi),
            rich(k.doc.en),
        ));
    }
    out.push('\n');
    for k in o.keys {
        for child in k.value.nested() {
            section(child, seen, out);
        }
    }
}

/// What a value takes, in both languages, for the table.
fn value(v: &Value) -> String {
    match v {
        Value::Text => "văn bản / text".into(),
        Value::Texts => "danh sách văn bản / list of texts".into(),
        Value::Const(c) => format!("`{c}`"),
        Value::Money => "số tiền, đồng / amount, đồng".into(),
        Value::Duration => "thời hạn / duration".into(),
        Value::Hours => "số giờ / hours".into(),
        Value::Count => "số nguyên ≥ 0 / whole number ≥ 0".into(),
        Value::Share => "số từ 0 đến 1 / number from 0 to 1".into(),
        Value::Bool => "`true` / `false`".into(),
        Value::Word(w) => words(*w),
        Value::WordList(w) => format!("danh sách / list: {}", words(*w)),
        Value::Object(o) => format!("[`{0}`](#{0})", o.name),
        Value::Entries(v) => format!("mã → / id → {}", value(v)),
        Value::ByChannel(v) => format!("kênh → / channel → {}", value(v)),
        Value::List(v) => format!("danh sách / list of {}", value(v)),
        Value::StepRef => "mã bước / step id".into(),
        Value::StepRefs => "danh sách mã bước / list of step ids".into(),
        Value::DocumentRefs => "danh sách mã giấy tờ / list of document ids".into(),
        Value::CaseRef => "mã trường hợp / case id".into(),
        Value::RuleLevels => "quy tắc → mức / rule → level".into(),
        Value::Expectations => "chỉ tiêu → so sánh / metric → comparison".into(),
        Value::OneOf(forms) => forms
            .iter()
            .map(value)
            .collect::<Vec<_>>()
            .join(", hoặc / or "),
    }
}

/// The words of a set: the English keys, then the other accepted words.
fn words(w: Words) -> String {
    w.words()
        .iter()
        .map(|w| format!("`{}`", w.replace('|', "\\|")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_object_has_a_section_and_every_key_a_row() {
        let md = super::reference();
        for o in super::super::tests::all_objects() {
            assert!(md.contains(&format!("### `{}`", o.name)), "{}", o.name);
            for k in o.keys {
                assert!(md.contains(&format!("| `{}` |", k.name)), "{}", k.name);
            }
        }
    }
}
