//! The report as one self-contained HTML page: inline CSS, inline SVG, no
//! scripts, no fonts or styles from the network (a Content-Security-Policy
//! forbids loading anything).

use crate::i18n::Lang;
use crate::metrics::Length;
use crate::report::chart::{self, BarPair};
use crate::report::labels::Label;
use crate::report::page::{Baseline, Report};
use crate::report::sections::{self, Item};
use crate::report::svg;
use crate::report::text::{html_escape as esc, length, money, signed_percent};
use std::fmt::Write;

const CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0;background:#f3f5f8;color:#1b2635;font:15px/1.55 "DejaVu Sans","Noto Sans","Segoe UI",Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:24px 28px 40px}
header{background:#17324f;color:#fff;border-radius:10px;padding:22px 26px;margin-bottom:20px}
header .kicker{margin:0;text-transform:uppercase;letter-spacing:.06em;font-size:12px;color:#b8cce4}
header h1{margin:6px 0 4px;font-size:26px;line-height:1.3}
header .vs{margin:0;color:#d5e2f1;font-size:14px}
section{background:#fff;border-radius:10px;padding:18px 24px;margin-bottom:20px;box-shadow:0 1px 2px rgba(20,40,70,.08)}
h2{font-size:19px;margin:0 0 12px;color:#17324f}
h3{font-size:16px;margin:18px 0 8px;color:#17324f}
dl.identity{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
dl.identity dt{font-weight:bold;color:#425066}
dl.identity dd{margin:0}
dl.identity ul{margin:0;padding-left:18px}
a{color:#1559a8;word-break:break-all}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(165px,1fr));gap:12px}
.card{border:1px solid #d8e0ea;border-radius:8px;padding:12px 14px;background:#fbfcfe}
.card .label{font-size:13px;color:#425066}
.card .value{font-size:20px;font-weight:bold;margin:2px 0}
.card .note{font-size:12.5px;color:#5b6675;margin:0}
.card.alert{border-color:#d32f2f;background:#fff5f5}
.card.better .note.vs{color:#2e7d32}
.card.worse .note.vs{color:#c62828}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #d8e0ea;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#eef2f7;font-weight:bold}
td.num,th.num{text-align:right;white-space:nowrap}
tr.total td{font-weight:bold;background:#f6f8fb}
.basis{font-size:13px;color:#425066;margin:10px 0 0;padding-left:18px}
.sev{display:inline-block;border-radius:10px;padding:1px 8px;color:#fff;font-size:12px;font-weight:bold;white-space:nowrap}
.sev-error{background:#d32f2f}.sev-warn{background:#ef6c00}.sev-info{background:#1976d2}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12.5px;background:#f1f3f6;padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.small{font-size:12.5px;color:#5b6675}
.met{color:#2e7d32;font-weight:bold}.notmet{color:#c62828;font-weight:bold}
.graph{overflow-x:auto;border:1px solid #e2e8f0;border-radius:8px;padding:4px;background:#fff}
.graph svg{display:block}
td.id code{white-space:nowrap;word-break:normal}
footer{color:#5b6675;font-size:13px;text-align:center}
"#;

/// Renders the report as a complete HTML document.
pub fn render(r: &Report, lang: Lang) -> String {
    let p = r.procedure;
    let mut o = String::with_capacity(64 * 1024);
    let _ = write!(
        o,
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>{} — {}</title><style>{CSS}</style></head><body><main>"#,
        esc(&p.name),
        esc(Label::Title.get(lang))
    );
    header(&mut o, r, lang);
    headline(&mut o, r, lang);
    cost(&mut o, r, lang);
    findings(&mut o, r, lang);
    if let Some(b) = &r.baseline {
        comparison(&mut o, r, b, lang);
    }
    graph(&mut o, r, lang);
    let _ = write!(o, "<footer>{}", esc(Label::GeneratedBy.get(lang)));
    if let Some(d) = r.date {
        let _ = write!(o, " · {}: {d}", esc(Label::GeneratedOn.get(lang)));
    }
    o.push_str("</footer></main></body></html>\n");
    o
}

fn header(o: &mut String, r: &Report, lang: Lang) {
    let _ = write!(
        o,
        r#"<header><p class="kicker">{}</p><h1>{}</h1>"#,
        esc(Label::Title.get(lang)),
        esc(&r.procedure.name)
    );
    if let Some(b) = &r.baseline {
        let _ = write!(
            o,
            r#"<p class="vs">{}: {}</p>"#,
            esc(Label::ComparisonTitle.get(lang)),
            esc(&b.procedure.name)
        );
    }
    o.push_str(r#"</header><section id="identity"><dl class="identity">"#);
    for (label, items) in sections::identity(r, lang) {
        let _ = write!(o, "<dt>{}</dt><dd>", esc(label));
        let render_item = |i: &Item| match i {
            Item::Text(t) => esc(t),
            Item::Link(u) => format!(r#"<a href="{}">{}</a>"#, esc(u), esc(u)),
        };
        if items.len() == 1 {
            o.push_str(&items.iter().map(render_item).collect::<String>());
        } else {
            o.push_str("<ul>");
            for i in &items {
                let _ = write!(o, "<li>{}</li>", render_item(i));
            }
            o.push_str("</ul>");
        }
        o.push_str("</dd>");
    }
    let _ = write!(
        o,
        "<dt>{}</dt><dd><code>{}</code></dd></dl></section>",
        esc(Label::File.get(lang)),
        esc(&r.procedure.source_map.origin)
    );
}

fn headline(o: &mut String, r: &Report, lang: Lang) {
    let _ = write!(
        o,
        r#"<section id="headline"><h2>{}</h2><div class="cards">"#,
        esc(Label::Headline.get(lang))
    );
    for c in sections::headline(r, lang) {
        let mut class = String::from("card");
        if c.alert {
            class.push_str(" alert");
        }
        match c.better {
            Some(true) => class.push_str(" better"),
            Some(false) => class.push_str(" worse"),
            None => {}
        }
        let _ = write!(
            o,
            r#"<div class="{class}"><div class="label">{}</div><div class="value">{}</div>"#,
            esc(c.label),
            esc(&c.value)
        );
        let vs_at = if r.baseline.is_some() {
            c.notes.len().saturating_sub(1)
        } else {
            usize::MAX
        };
        for (i, n) in c.notes.iter().enumerate() {
            let extra = if i == vs_at { " vs" } else { "" };
            let _ = write!(o, r#"<p class="note{extra}">{}</p>"#, esc(n));
        }
        o.push_str("</div>");
    }
    o.push_str("</div></section>");
}

fn cost(o: &mut String, r: &Report, lang: Lang) {
    let t = sections::cost_table(r, lang);
    let _ = write!(
        o,
        r#"<section id="cost"><h2>{}</h2><p class="small">{} {}.</p><table><thead><tr>"#,
        esc(Label::CostTitle.get(lang)),
        esc(Label::CostIntro.get(lang)),
        esc(&t.scenario)
    );
    for (i, h) in t.header.iter().enumerate() {
        let class = if i >= 2 { r#" class="num""# } else { "" };
        let _ = write!(o, "<th{class}>{}</th>", esc(h));
    }
    o.push_str("</tr></thead><tbody>");
    let row = |o: &mut String, cells: &[String; 7], class: &str| {
        let _ = write!(o, "<tr{class}>");
        for (i, c) in cells.iter().enumerate() {
            let cl = if i >= 2 { r#" class="num""# } else { "" };
            let _ = write!(o, "<td{cl}>{}</td>", esc(c));
        }
        o.push_str("</tr>");
    };
    for cells in &t.rows {
        row(o, cells, "");
    }
    row(o, &t.total, r#" class="total""#);
    row(o, &t.annual, r#" class="total""#);
    let _ = write!(
        o,
        r#"</tbody></table><h3>{}</h3><ul class="basis">"#,
        esc(Label::CostBasis.get(lang))
    );
    for (what, value, source) in &t.basis {
        let _ = write!(
            o,
            "<li><b>{}</b>: {} — {}</li>",
            esc(what),
            esc(value),
            esc(source)
        );
    }
    o.push_str("</ul></section>");
}

fn findings(o: &mut String, r: &Report, lang: Lang) {
    let rows = sections::findings(r, lang);
    let _ = write!(
        o,
        r#"<section id="findings"><h2>{} ({})</h2>"#,
        esc(Label::FindingsTitle.get(lang)),
        rows.len()
    );
    if rows.is_empty() {
        let _ = write!(o, "<p>{}</p></section>", esc(Label::NoFindings.get(lang)));
        return;
    }
    o.push_str("<table><thead><tr>");
    for h in crate::report::sections::FINDING_COLUMNS {
        let _ = write!(o, "<th>{}</th>", esc(h.get(lang)));
    }
    o.push_str("</tr></thead><tbody>");
    for f in rows {
        let element = f
            .element
            .as_deref()
            .map(|e| format!("<br><code>{}</code>", esc(e)))
            .unwrap_or_default();
        let _ = write!(
            o,
            r#"<tr class="finding" data-code="{}"><td><span class="sev sev-{}">{}</span></td><td><b>{}</b><br><span class="small">{}</span></td><td>{}</td><td><code>{}</code>{element}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&f.code),
            f.severity.as_str(),
            esc(f.severity_label),
            esc(&f.code),
            esc(&f.name),
            rich(&f.message),
            esc(&f.location),
            esc(&f.legal_basis),
            rich(&f.suggestion),
            esc(&f.saving)
        );
    }
    o.push_str("</tbody></table></section>");
}

/// Escapes `s` and shows `code` spans (backtick pairs) as `<code>`.
fn rich(s: &str) -> String {
    let escaped = esc(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

fn time_value(l: Length) -> Option<u128> {
    match l {
        Length::WorkingDays(m) | Length::CalendarDays(m) => Some(m.into()),
        Length::NeedsCalendar => None,
    }
}

/// The bars of the before/after chart: cost per case, and processing time
/// when both are measured in the same unit.
pub fn bar_pairs(b: &Baseline, lang: Lang) -> Vec<BarPair> {
    let c = &b.comparison;
    let pct = |p: Option<crate::metrics::Percent>| {
        p.map(|p| {
            signed_percent(
                crate::metrics::Percent::from_basis_points(-p.basis_points()),
                lang,
            )
        })
        .unwrap_or_default()
    };
    let mut pairs = vec![BarPair {
        title: Label::CostPerCase.get(lang).to_string(),
        change: pct(c.compliance_cost.reduction_percent),
        before: c.baseline.compliance_cost.per_case.dong(),
        after: c.draft.compliance_cost.per_case.dong(),
        before_text: money(c.baseline.compliance_cost.per_case, lang),
        after_text: money(c.draft.compliance_cost.per_case, lang),
    }];
    let (bl, dl) = (
        c.baseline.processing_time.length,
        c.draft.processing_time.length,
    );
    if let (Some(x), Some(y)) = (time_value(bl), time_value(dl))
        && std::mem::discriminant(&bl) == std::mem::discriminant(&dl)
    {
        pairs.push(BarPair {
            title: Label::ProcessingTime.get(lang).to_string(),
            change: pct(c.processing_time.reduction_percent),
            before: x,
            after: y,
            before_text: length(bl, lang),
            after_text: length(dl, lang),
        });
    }
    pairs
}

fn comparison(o: &mut String, r: &Report, b: &Baseline, lang: Lang) {
    let _ = write!(
        o,
        r#"<section id="comparison"><h2>{}</h2><h3>{}</h3>{}<h3>{}</h3><table><thead><tr>"#,
        esc(Label::ComparisonTitle.get(lang)),
        esc(Label::ChartTitle.get(lang)),
        chart::render(&bar_pairs(b, lang), lang),
        esc(Label::TargetsTitle.get(lang))
    );
    for h in [
        Label::Target,
        Label::Metric,
        Label::Required,
        Label::Achieved,
        Label::Result,
    ] {
        let _ = write!(o, "<th>{}</th>", esc(h.get(lang)));
    }
    o.push_str("</tr></thead><tbody>");
    let targets = sections::target_rows(b, lang);
    for (i, (cells, met)) in targets.iter().enumerate() {
        let first = i == 0
            || targets
                .get(i - 1)
                .is_none_or(|(prev, _)| prev[0] != cells[0]);
        let target_cell = if first {
            let span = targets[i..]
                .iter()
                .take_while(|(c, _)| c[0] == cells[0])
                .count();
            format!(r#"<td rowspan="{span}">{}</td>"#, esc(&cells[0]))
        } else {
            String::new()
        };
        let _ = write!(
            o,
            r#"<tr class="target">{target_cell}<td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="{}">{}</td></tr>"#,
            esc(&cells[1]),
            esc(&cells[2]),
            esc(&cells[3]),
            if *met { "met" } else { "notmet" },
            if *met {
                format!("✓ {}", esc(Label::Met.get(lang)))
            } else {
                format!("✗ {}", esc(Label::NotMet.get(lang)))
            }
        );
    }
    let _ = write!(
        o,
        "</tbody></table><h3>{}</h3><table><thead><tr>",
        esc(Label::AllMetrics.get(lang))
    );
    for (i, h) in [Label::Metric, Label::Before, Label::After, Label::Change]
        .iter()
        .map(|l| l.get(lang))
        .chain(["%"])
        .enumerate()
    {
        let class = if i >= 1 { r#" class="num""# } else { "" };
        let _ = write!(o, "<th{class}>{}</th>", esc(h));
    }
    o.push_str("</tr></thead><tbody>");
    for cells in sections::metric_rows(b, lang) {
        o.push_str(r#"<tr class="metric">"#);
        for (i, c) in cells.iter().enumerate() {
            let class = if i >= 1 { r#" class="num""# } else { "" };
            let _ = write!(o, "<td{class}>{}</td>", esc(c));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
    for (title, diff, steps) in [
        (Label::StepsChanged, &b.comparison.steps, true),
        (Label::DocumentsChanged, &b.comparison.documents, false),
    ] {
        let rows = sections::diff_rows(diff, b.procedure, r.procedure, steps, lang);
        let _ = write!(o, "<h3>{}</h3>", esc(title.get(lang)));
        if rows.is_empty() {
            let _ = write!(o, "<p>{}</p>", esc(Label::None.get(lang)));
            continue;
        }
        o.push_str("<table><tbody>");
        for (kind, id, name, detail) in rows {
            let _ = write!(
                o,
                "<tr><td><b>{}</b></td><td class=\"id\"><code>{}</code></td><td>{}</td><td class=\"small\">{}</td></tr>",
                esc(kind),
                esc(&id),
                esc(&name),
                esc(&detail)
            );
        }
        o.push_str("</tbody></table>");
    }
    o.push_str("</section>");
}

fn graph(o: &mut String, r: &Report, lang: Lang) {
    let marks = r.marks();
    let _ = write!(
        o,
        r#"<section id="graph"><h2>{}</h2><p class="small">{}</p><div class="graph">{}</div><p>{}</p></section>"#,
        esc(Label::GraphTitle.get(lang)),
        esc(Label::GraphIntro.get(lang)),
        svg::render(r.analysis.procedure(), &marks, lang),
        esc(&sections::critical_path(r, lang))
    );
}
