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
td.num,th.num{text-align:right}
td.num{white-space:nowrap}
td.loc code{overflow-wrap:break-word;word-break:normal}
tr.total td{font-weight:bold;background:#f6f8fb}
.basis{font-size:13px;color:#425066;margin:10px 0 0;padding-left:18px}
.sev{display:inline-block;border-radius:10px;padding:1px 8px;color:#fff;font-size:12px;font-weight:bold;white-space:nowrap}
.sev-error{background:#d32f2f}.sev-warn{background:#b45000}.sev-info{background:#1565c0}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12.5px;background:#f1f3f6;padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.small{font-size:12.5px;color:#5b6675}
.met{color:#2e7d32;font-weight:bold}.notmet{color:#c62828;font-weight:bold}
.graph{overflow:auto;border:1px solid #e2e8f0;border-radius:8px;padding:4px;background:#fff}
.graph:focus{outline:3px solid #1559a8;outline-offset:2px}
.graph svg{display:block;width:100%;height:auto}
.zoom{font-size:13px;color:#425066;margin:0 0 6px}
.zoom input{margin:0 6px 0 0;vertical-align:middle}
#graph-zoom:checked~.graph svg{width:var(--graph-width);max-width:none}
@media (max-width:900px){
main{padding:12px}
section{padding:12px 12px}
header{padding:16px}
table{font-size:13px}
th,td{padding:4px 5px}
td.num{white-space:normal}
}
@media print{
@page{margin:12mm}
body{background:#fff;font-size:10pt}
main{max-width:none;padding:0}
header{background:#fff;color:#000;border:1px solid #17324f;padding:8pt 10pt}
header .kicker,header .vs{color:#25364d}
section{box-shadow:none;border:1px solid #d8e0ea;padding:8pt 10pt;margin-bottom:10pt}
table{font-size:8.5pt}
th,td{padding:3px 4px}
td.num{white-space:normal}
thead{display:table-header-group}
tr,.card{break-inside:avoid}
.zoom{display:none}
.graph{overflow:visible;border:0;padding:0;break-inside:avoid}
.graph svg,#graph-zoom:checked~.graph svg{width:100%;max-width:100%;height:auto}
a{color:#1559a8}
}
td.id code{white-space:nowrap;word-break:normal}
footer{color:#5b6675;font-size:13px;text-align:center}
"#;

/// Whether `s` has Latin letters beyond ASCII (ă, â, đ, ê, ô, ơ, ư and the
/// tone marks): text of a Vietnamese procedure file.
fn vietnamese(s: &str) -> bool {
    s.chars().any(
        |c| matches!(c, '\u{c0}'..='\u{24f}' | '\u{300}'..='\u{36f}' | '\u{1e00}'..='\u{1eff}'),
    )
}

/// Text from the procedure file, escaped; in an English report, Vietnamese
/// text is marked `lang="vi"` (screen readers switch voice, hyphenation and
/// spelling follow).
fn from_file(s: &str, lang: Lang) -> String {
    if lang == Lang::En && vietnamese(s) {
        format!(r#"<span lang="vi">{}</span>"#, esc(s))
    } else {
        esc(s)
    }
}

/// English text (rule names) escaped; in a Vietnamese report marked
/// `lang="en"`.
fn english(s: &str, lang: Lang) -> String {
    if lang == Lang::Vi {
        format!(r#"<span lang="en">{}</span>"#, esc(s))
    } else {
        esc(s)
    }
}

/// A file path escaped, with a line-break opportunity after each `/` (so a
/// narrow column breaks it between folders, not every few characters).
fn path_breaks(s: &str) -> String {
    esc(s).replace('/', "/<wbr>")
}

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
    by_channel(&mut o, r, lang);
    by_case(&mut o, r, lang);
    findings(&mut o, r, lang);
    suppressed(&mut o, r, lang);
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
        from_file(&r.procedure.name, lang)
    );
    if let Some(b) = &r.baseline {
        let _ = write!(
            o,
            r#"<p class="vs">{}: {}</p>"#,
            esc(Label::ComparisonTitle.get(lang)),
            from_file(&b.procedure.name, lang)
        );
    }
    o.push_str(r#"</header><section id="identity"><dl class="identity">"#);
    for (label, items) in sections::identity(r, lang) {
        let _ = write!(o, "<dt>{}</dt><dd>", esc(label));
        let render_item = |i: &Item| match i {
            Item::Text(t) => from_file(t, lang),
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
        path_breaks(&r.procedure.source_map.origin)
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
    o.push_str("</ul>");
    how_it_was_computed(o, r, lang);
    o.push_str("</section>");
}

/// Every input of the cost back to its line in the file (`tthc why`).
fn how_it_was_computed(o: &mut String, r: &Report, lang: Lang) {
    let lines = crate::report::why::cost_lines(r.analysis, lang);
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        o,
        r#"<h3>{}</h3><table class="how"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class="num">{}</th></tr></thead><tbody>"#,
        esc(lang.pick("Cách tính", "How it was computed")),
        esc(lang.pick("hoạt động", "activity")),
        esc(lang.pick("phần tử", "element")),
        esc(lang.pick("giá trị", "what")),
        esc(lang.pick("vị trí", "location")),
        esc(lang.pick("thành tiền", "amount")),
    );
    for l in lines {
        let _ = write!(
            o,
            r#"<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td class="loc"><code>{}</code></td><td class="num">{}</td></tr>"#,
            esc(&l.activity),
            esc(&l.element),
            esc(&l.what),
            path_breaks(&l.at),
            esc(&l.amount)
        );
    }
    o.push_str("</tbody></table>");
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
        let element = element_line(f.element.as_deref(), lang);
        let _ = write!(
            o,
            r#"<tr class="finding" data-code="{}"><td><span class="sev sev-{}">{}</span></td><td><b>{}</b><br><span class="small">{}</span></td><td>{}</td><td class="loc"><code>{}</code>{element}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&f.code),
            f.severity.as_str(),
            esc(f.severity_label),
            esc(&f.code),
            english(&f.name, lang),
            rich(&f.message, lang),
            path_breaks(&f.location),
            esc(&f.legal_basis),
            rich(&f.suggestion, lang),
            esc(&f.saving)
        );
    }
    o.push_str("</tbody></table></section>");
}

/// A section with a title, an intro and a table whose columns from
/// `num_from` on are numbers; `after` is appended inside the section.
#[allow(clippy::too_many_arguments)]
fn table_section<const N: usize>(
    o: &mut String,
    id: &str,
    title: Label,
    intro: Label,
    columns: &[Label; N],
    rows: Vec<[String; N]>,
    num_from: usize,
    lang: Lang,
) {
    let _ = write!(
        o,
        r#"<section id="{id}"><h2>{}</h2><p class="small">{}</p><table><thead><tr>"#,
        esc(title.get(lang)),
        esc(intro.get(lang))
    );
    let class = |i: usize| if i >= num_from { r#" class="num""# } else { "" };
    for (i, h) in columns.iter().enumerate() {
        let _ = write!(o, "<th{}>{}</th>", class(i), esc(h.get(lang)));
    }
    o.push_str("</tr></thead><tbody>");
    for row in rows {
        o.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(o, "<td{}>{}</td>", class(i), esc(cell));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
}

/// Each channel's deadline and cost, when there are several.
fn by_channel(o: &mut String, r: &Report, lang: Lang) {
    let rows = sections::channel_rows(r, lang);
    if rows.is_empty() {
        return;
    }
    table_section(
        o,
        "by-channel",
        Label::ByChannelTitle,
        Label::ByChannelIntro,
        &sections::CHANNEL_COLUMNS,
        rows,
        2,
        lang,
    );
    o.push_str("</section>");
}

/// Each declared case's deadline, time and cost, the expected and the
/// worst case; nothing when the procedure declares no cases.
fn by_case(o: &mut String, r: &Report, lang: Lang) {
    let m = r.analysis.metrics();
    let rows = sections::case_rows(m, lang);
    if rows.is_empty() {
        return;
    }
    table_section(
        o,
        "by-case",
        Label::ByCaseTitle,
        Label::ByCaseIntro,
        &sections::CASE_COLUMNS,
        rows,
        3,
        lang,
    );
    o.push_str("<ul>");
    for line in sections::case_summary(m, lang) {
        let _ = write!(o, "<li>{}</li>", esc(&line));
    }
    o.push_str("</ul></section>");
}

/// The findings silenced by a suppression comment, with the reason given;
/// nothing when there are none.
fn suppressed(o: &mut String, r: &Report, lang: Lang) {
    let rows = sections::suppressed(r, lang);
    if rows.is_empty() {
        return;
    }
    let _ = write!(
        o,
        r#"<section id="suppressed"><h2>{} ({})</h2><table><thead><tr>"#,
        esc(Label::SuppressedTitle.get(lang)),
        rows.len()
    );
    for h in crate::report::sections::SUPPRESSED_COLUMNS {
        let _ = write!(o, "<th>{}</th>", esc(h.get(lang)));
    }
    o.push_str("</tr></thead><tbody>");
    for f in rows {
        let element = element_line(f.element.as_deref(), lang);
        let _ = write!(
            o,
            r#"<tr class="suppressed" data-code="{}"><td><b>{}</b><br><span class="small">{}</span></td><td>{}</td><td class="loc"><code>{}</code>{element}</td><td>{}<br><span class="small"><code>{}</code></span></td></tr>"#,
            esc(&f.code),
            esc(&f.code),
            english(&f.name, lang),
            rich(&f.message, lang),
            path_breaks(&f.location),
            from_file(&f.reason, lang),
            path_breaks(&f.comment),
        );
    }
    o.push_str("</tbody></table></section>");
}

/// The element path under a location (`<br><code>steps.a</code>`), or nothing.
fn element_line(element: Option<&str>, lang: Lang) -> String {
    element
        .map(|e| format!("<br><code>{}</code>", from_file(e, lang)))
        .unwrap_or_default()
}

/// Escapes `s` and shows `code` spans (backtick pairs) as `<code>`; in an
/// English report a span of Vietnamese text is marked `lang="vi"`.
fn rich(s: &str, lang: Lang) -> String {
    let escaped = esc(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            let mark = if lang == Lang::En && vietnamese(part) {
                r#" lang="vi""#
            } else {
                ""
            };
            let _ = write!(out, "<code{mark}>{part}</code>");
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
                from_file(&name, lang),
                from_file(&detail, lang)
            );
        }
        o.push_str("</tbody></table>");
    }
    o.push_str("</section>");
}

fn graph(o: &mut String, r: &Report, lang: Lang) {
    let marks = r.marks();
    let picture = svg::render_scalable(r.analysis.procedure(), &marks, lang, "tthc-graph");
    // The picture's own width, for the "full size" view.
    let width = picture
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|v| v.split(' ').next())
        .and_then(|w| w.parse::<u32>().ok())
        .unwrap_or(1100);
    let _ = write!(
        o,
        r#"<section id="graph"><h2>{}</h2><p class="small">{}</p><input type="checkbox" id="graph-zoom" class="zoom"><label for="graph-zoom" class="zoom">{}</label><div class="graph" tabindex="0" role="region" aria-label="{}" style="--graph-width:{width}px">{picture}</div><p>{}</p></section>"#,
        esc(Label::GraphTitle.get(lang)),
        esc(Label::GraphIntro.get(lang)),
        esc(Label::GraphActualSize.get(lang)),
        esc(Label::GraphScrollArea.get(lang)),
        esc(&sections::critical_path(r, lang))
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    /// WCAG 2 relative luminance of `#rrggbb` (or `#rgb`).
    fn luminance(hex: &str) -> f64 {
        let h = hex.trim_start_matches('#');
        let h: String = if h.len() == 3 {
            h.chars().flat_map(|c| [c, c]).collect()
        } else {
            h.to_string()
        };
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// The value of `property` in the CSS rule for `selector`.
    fn css_value(selector: &str, property: &str) -> String {
        let start = CSS
            .find(&format!("{selector}{{"))
            .unwrap_or_else(|| panic!("no rule {selector}"));
        let body = &CSS[start + selector.len() + 1..];
        let body = &body[..body.find('}').unwrap_or(body.len())];
        body.split(';')
            .find_map(|d| d.strip_prefix(&format!("{property}:")))
            .unwrap_or_else(|| panic!("{selector} has no {property}"))
            .trim()
            .to_string()
    }

    #[test]
    fn every_badge_has_contrast_of_at_least_4_5() {
        assert!((contrast("#ffffff", "#000000") - 21.0).abs() < 1e-9);
        // The old warning badge was 3.08:1.
        assert!((contrast("#ffffff", "#ef6c00") - 3.08).abs() < 0.01);
        let text = css_value(".sev", "color");
        for s in ["error", "warn", "info"] {
            let bg = css_value(&format!(".sev-{s}"), "background");
            let c = contrast(&text, &bg);
            assert!(c >= 4.5, ".sev-{s}: {text} on {bg} is {c:.2}:1");
        }
        // The graph's badges: white numbers on the severity colour.
        for s in [Severity::Error, Severity::Warn, Severity::Info] {
            let bg = svg::severity_colour(Some(s));
            let c = contrast("#ffffff", bg);
            assert!(c >= 4.5, "graph badge {s:?}: {c:.2}:1");
        }
        // Small text on the page's backgrounds.
        for (fg, bg) in [
            (css_value(".small", "color"), "#ffffff".to_string()),
            (css_value(".met", "color"), "#ffffff".to_string()),
            (css_value(".notmet", "color"), "#ffffff".to_string()),
            (
                css_value("footer", "color"),
                css_value("body", "background"),
            ),
        ] {
            let c = contrast(&fg, &bg);
            assert!(c >= 4.5, "{fg} on {bg}: {c:.2}:1");
        }
    }

    #[test]
    fn lang_marks_text_in_the_other_language() {
        assert_eq!(
            from_file("Cấp phép", Lang::En),
            r#"<span lang="vi">Cấp phép</span>"#
        );
        assert_eq!(from_file("Cấp phép", Lang::Vi), "Cấp phép");
        assert_eq!(from_file("not declared", Lang::En), "not declared");
        assert_eq!(
            english("state-held-document", Lang::Vi),
            r#"<span lang="en">state-held-document</span>"#
        );
        assert_eq!(
            rich("the `Tờ khai` is", Lang::En),
            r#"the <code lang="vi">Tờ khai</code> is"#
        );
        assert_eq!(path_breaks("a/b.yaml:1:2"), "a/<wbr>b.yaml:1:2");
    }
}
