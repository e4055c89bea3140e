//! Rule explanations and the generated rule table.

use super::{RuleInfo, registry};
use crate::i18n::Lang;
use std::fmt::Write;

/// One line for `tthc rules`: code, name, severity, summary.
pub fn summary_line(info: &RuleInfo, lang: Lang) -> String {
    // "error"/"warn"/"info" in English, the longer labels in Vietnamese.
    let (severity, width) = match lang {
        Lang::En => (info.severity.as_str(), 6),
        Lang::Vi => (info.severity.label(lang), 9),
    };
    let (code, name, summary) = (info.code, info.name, info.summary.get(lang));
    format!("{code:<6} {name:<28} {severity:<width$} {summary}")
}

/// The full explanation of a rule (what, why, example, legal basis), as
/// `tthc explain` prints it.
pub fn explanation(info: &RuleInfo, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", info.code, info.name);
    let _ = writeln!(
        out,
        "{}: {} · {}: {}{}",
        lang.pick("Mức mặc định", "Default severity"),
        info.severity.label(lang),
        lang.pick("Nhóm", "Family"),
        info.family.label(lang),
        if info.recommended {
            ""
        } else {
            lang.pick(
                " · chỉ chạy với preset `all`",
                " · runs only with preset `all`",
            )
        }
    );
    let sections = [
        (
            lang.pick("Kiểm tra gì", "What"),
            Some(info.summary.get(lang)),
        ),
        (lang.pick("Vì sao", "Why"), Some(info.why.get(lang))),
        (lang.pick("Ví dụ", "Example"), Some(info.example.get(lang))),
        (
            lang.pick("Căn cứ pháp lý", "Legal basis"),
            info.legal_basis.map(|b| b.get(lang)),
        ),
    ];
    for (title, body) in sections {
        let body = body.unwrap_or_else(|| {
            lang.pick(
                "không có (quy tắc về chất lượng mô hình)",
                "none (a modelling-quality rule)",
            )
        });
        let _ = write!(out, "\n{title}:\n  {body}\n");
    }
    out
}

/// The Markdown table of every rule (code, name, severity, what it catches,
/// legal basis), for `docs/rules.md` and the README.
pub fn markdown_table(lang: Lang) -> String {
    let mut out = String::new();
    let head = match lang {
        Lang::Vi => "| mã | tên | mức | phát hiện | căn cứ |",
        Lang::En => "| code | name | severity | what it catches | legal basis |",
    };
    let _ = writeln!(out, "{head}\n|---|---|---|---|---|");
    for rule in registry() {
        let i = rule.info();
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            i.code,
            i.name,
            i.severity.as_str(),
            cell(i.summary.get(lang)),
            i.legal_basis.map_or("—".to_string(), |b| cell(b.get(lang)))
        );
    }
    out
}
