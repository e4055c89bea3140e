//! The report as GitHub-flavoured Markdown; the step graph is a Mermaid
//! block, which GitHub and GitLab draw.

use crate::i18n::Lang;
use crate::report::labels::Label;
use crate::report::mermaid;
use crate::report::page::{Baseline, Report};
use crate::report::sections::{self, Item};
use crate::report::text::markdown_escape as esc;
use std::fmt::Write;

/// A table of cells already escaped (or deliberately marked up).
fn table(o: &mut String, header: &[&str], right_from: usize, rows: &[Vec<String>]) {
    o.push('|');
    for h in header {
        let _ = write!(o, " {} |", esc(h));
    }
    o.push_str("\n|");
    for i in 0..header.len() {
        o.push_str(if i >= right_from { "---:|" } else { "---|" });
    }
    o.push('\n');
    for row in rows {
        o.push('|');
        for c in row {
            let _ = write!(o, " {c} |");
        }
        o.push('\n');
    }
    o.push('\n');
}

/// Escapes every cell of plain-text rows.
fn escaped(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|r| r.iter().map(|c| esc(c)).collect())
        .collect()
}

/// Escapes `s`, keeping paired backticks as code spans (whose content
/// Markdown does not interpret; only `|` is escaped for tables).
pub(crate) fn rich(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return esc(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push('`');
            out.push_str(&part.replace('|', "\\|").replace(['\n', '\r'], " "));
            out.push('`');
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// A web link as a Markdown autolink, when it is safe to write one.
fn link(url: &str) -> String {
    if url.contains(['<', '>', '|', '`']) {
        esc(url)
    } else {
        format!("<{url}>")
    }
}

/// Renders the report as Markdown.
pub fn render(r: &Report, lang: Lang) -> String {
    let p = r.procedure;
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", esc(&p.name));
    let _ = writeln!(o, "*{}*\n", esc(Label::Title.get(lang)));
    if let Some(b) = &r.baseline {
        let _ = writeln!(
            o,
            "{}: {}\n",
            esc(Label::ComparisonTitle.get(lang)),
            esc(&b.procedure.name)
        );
    }
    let mut rows: Vec<Vec<String>> = sections::identity(r, lang)
        .into_iter()
        .map(|(label, items)| {
            let values: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Item::Text(t) => esc(t),
                    Item::Link(u) => link(u),
                })
                .collect();
            vec![esc(label), values.join("; ")]
        })
        .collect();
    rows.push(vec![esc(Label::File.get(lang)), esc(&p.source_map.origin)]);
    table(&mut o, &["", ""], usize::MAX, &rows);

    let _ = writeln!(o, "## {}\n", esc(Label::Headline.get(lang)));
    let rows: Vec<Vec<String>> = sections::headline(r, lang)
        .into_iter()
        .map(|c| vec![c.label.to_string(), c.value, c.notes.join("; ")])
        .collect();
    table(
        &mut o,
        &[
            Label::Metric.get(lang),
            Label::Value.get(lang),
            Label::Notes.get(lang),
        ],
        usize::MAX,
        &escaped(rows),
    );

    let t = sections::cost_table(r, lang);
    let _ = writeln!(o, "## {}\n", esc(Label::CostTitle.get(lang)));
    let _ = writeln!(
        o,
        "{} {}.\n",
        esc(Label::CostIntro.get(lang)),
        esc(&t.scenario)
    );
    let mut rows: Vec<Vec<String>> = escaped(t.rows.iter().map(|r| r.to_vec()).collect());
    for total in [&t.total, &t.annual] {
        rows.push(
            total
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        String::new()
                    } else {
                        format!("**{}**", esc(c))
                    }
                })
                .collect(),
        );
    }
    table(&mut o, &t.header, 2, &rows);
    let _ = writeln!(o, "{}:\n", esc(Label::CostBasis.get(lang)));
    for (what, value, source) in &t.basis {
        let _ = writeln!(o, "- {}: {} — {}", esc(what), esc(value), esc(source));
    }
    o.push('\n');
    by_channel(&mut o, r, lang);
    by_case(&mut o, r, lang);
    how_it_was_computed(&mut o, r, lang);

    let findings = sections::findings(r, lang);
    let _ = writeln!(
        o,
        "## {} ({})\n",
        esc(Label::FindingsTitle.get(lang)),
        findings.len()
    );
    if findings.is_empty() {
        let _ = writeln!(o, "{}\n", esc(Label::NoFindings.get(lang)));
    } else {
        let rows: Vec<Vec<String>> = findings
            .into_iter()
            .map(|f| {
                let location = with_element(&f.location, f.element.as_deref());
                vec![
                    esc(f.severity_label),
                    esc(&format!("{} {}", f.code, f.name)),
                    rich(&f.message),
                    esc(&location),
                    esc(&f.legal_basis),
                    rich(&f.suggestion),
                    esc(&f.saving),
                ]
            })
            .collect();
        let header: Vec<&str> = crate::report::sections::FINDING_COLUMNS
            .iter()
            .map(|l| l.get(lang))
            .collect();
        table(&mut o, &header, usize::MAX, &rows);
    }
    suppressed(&mut o, r, lang);

    if let Some(b) = &r.baseline {
        comparison(&mut o, r, b, lang);
    }

    let _ = writeln!(o, "## {}\n", esc(Label::GraphTitle.get(lang)));
    let marks = r.marks();
    let _ = writeln!(
        o,
        "```mermaid\n{}```\n",
        mermaid::render(r.analysis.procedure(), &marks, lang)
    );
    let _ = writeln!(o, "{}\n", esc(&sections::critical_path(r, lang)));
    let _ = write!(o, "---\n\n{}", esc(Label::GeneratedBy.get(lang)));
    if let Some(d) = r.date {
        let _ = write!(o, " · {}: {d}", esc(Label::GeneratedOn.get(lang)));
    }
    o.push('\n');
    o
}

/// Every input of the cost back to its line in the file (`tthc why`).
fn how_it_was_computed(o: &mut String, r: &Report, lang: Lang) {
    let lines = crate::report::why::cost_lines(r.analysis, lang);
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(o, "### {}\n", lang.pick("Cách tính", "How it was computed"));
    let header = [
        lang.pick("hoạt động", "activity"),
        lang.pick("phần tử", "element"),
        lang.pick("giá trị", "what"),
        lang.pick("vị trí", "location"),
        lang.pick("thành tiền", "amount"),
    ];
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|l| vec![l.activity, l.element, l.what, l.at, l.amount])
        .collect();
    table(o, &header, 4, &escaped(rows));
}

fn comparison(o: &mut String, r: &Report, b: &Baseline, lang: Lang) {
    let _ = writeln!(o, "## {}\n", esc(Label::ComparisonTitle.get(lang)));
    let _ = writeln!(o, "### {}\n", esc(Label::TargetsTitle.get(lang)));
    let rows: Vec<Vec<String>> = sections::target_rows(b, lang)
        .into_iter()
        .map(|(cells, met)| {
            let mut row = cells.to_vec();
            row.push(if met {
                format!("✓ {}", Label::Met.get(lang))
            } else {
                format!("✗ {}", Label::NotMet.get(lang))
            });
            row
        })
        .collect();
    let header: Vec<&str> = [
        Label::Target,
        Label::Metric,
        Label::Required,
        Label::Achieved,
        Label::Result,
    ]
    .iter()
    .map(|l| l.get(lang))
    .collect();
    table(o, &header, 2, &escaped(rows));

    let _ = writeln!(o, "### {}\n", esc(Label::AllMetrics.get(lang)));
    let rows: Vec<Vec<String>> = sections::metric_rows(b, lang)
        .into_iter()
        .map(|c| c.to_vec())
        .collect();
    let header = [
        Label::Metric.get(lang),
        Label::Before.get(lang),
        Label::After.get(lang),
        Label::Change.get(lang),
        "%",
    ];
    table(o, &header, 1, &escaped(rows));

    for (title, diff, steps) in [
        (Label::StepsChanged, &b.comparison.steps, true),
        (Label::DocumentsChanged, &b.comparison.documents, false),
    ] {
        let _ = writeln!(o, "### {}\n", esc(title.get(lang)));
        let rows: Vec<Vec<String>> =
            sections::diff_rows(diff, b.procedure, r.procedure, steps, lang)
                .into_iter()
                .map(|(kind, id, name, detail)| vec![kind.to_string(), id, name, detail])
                .collect();
        if rows.is_empty() {
            let _ = writeln!(o, "{}\n", esc(Label::None.get(lang)));
        } else {
            let header = [
                Label::Change.get(lang),
                "id",
                lang.pick("Tên", "Name"),
                lang.pick("Nội dung sửa", "What changed"),
            ];
            table(o, &header, usize::MAX, &escaped(rows));
        }
    }
}

/// Each channel's deadline and cost, when there are several.
fn by_channel(o: &mut String, r: &Report, lang: Lang) {
    let rows = sections::channel_rows(r, lang);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "### {}\n\n{}\n",
        esc(Label::ByChannelTitle.get(lang)),
        esc(Label::ByChannelIntro.get(lang))
    );
    let header: Vec<&str> = sections::CHANNEL_COLUMNS
        .iter()
        .map(|l| l.get(lang))
        .collect();
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r.to_vec()).collect();
    table(o, &header, 2, &escaped(rows));
}

/// Each declared case's deadline, time and cost, the expected and the
/// worst case; nothing when the procedure declares no cases.
fn by_case(o: &mut String, r: &Report, lang: Lang) {
    let m = r.analysis.metrics();
    let rows = sections::case_rows(m, lang);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "### {}\n\n{}\n",
        esc(Label::ByCaseTitle.get(lang)),
        esc(Label::ByCaseIntro.get(lang))
    );
    let header: Vec<&str> = sections::CASE_COLUMNS.iter().map(|l| l.get(lang)).collect();
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r.to_vec()).collect();
    table(o, &header, 3, &escaped(rows));
    for line in sections::case_summary(m, lang) {
        let _ = writeln!(o, "- {}", esc(&line));
    }
    o.push('\n');
}

/// The findings silenced by a suppression comment, with the reason given;
/// nothing when there are none.
fn suppressed(o: &mut String, r: &Report, lang: Lang) {
    let rows = sections::suppressed(r, lang);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "## {} ({})\n",
        esc(Label::SuppressedTitle.get(lang)),
        rows.len()
    );
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|f| {
            let location = with_element(&f.location, f.element.as_deref());
            vec![
                esc(&format!("{} {}", f.code, f.name)),
                rich(&f.message),
                esc(&location),
                format!("{} ({})", esc(&f.reason), esc(&f.comment)),
            ]
        })
        .collect();
    let header: Vec<&str> = crate::report::sections::SUPPRESSED_COLUMNS
        .iter()
        .map(|l| l.get(lang))
        .collect();
    table(o, &header, usize::MAX, &rows);
}

/// `file:line:col (element)`, or the location alone.
fn with_element(location: &str, element: Option<&str>) -> String {
    match element {
        Some(e) => format!("{location} ({e})"),
        None => location.to_string(),
    }
}
