//! Metrics and comparisons as plain text, in Vietnamese or English.
//! Renderers return strings; they never print.

use crate::analysis::{Analysis, Comparison, ElementDiff, Metric};
use crate::cost_basis::CostBasis;
use crate::i18n::Lang;
use crate::metrics::Quantity;
use crate::metrics::{Length, Metrics, Scenario};
use crate::model::{Money, Procedure};

use std::collections::BTreeMap;
use std::fmt::Write;

fn money(m: Money, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} đ", m.grouped()),
        Lang::En => format!("{} đ", m.grouped_en()),
    }
}

fn path_text(path: &[String]) -> String {
    path.join(" → ")
}

/// The metrics of an analysis as a text report.
pub fn text(a: &Analysis, lang: Lang) -> String {
    metrics_text(a.procedure(), a.metrics(), a.cost_basis(), lang)
}

fn metrics_text(p: &Procedure, m: &Metrics, basis: &CostBasis, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut o = String::new();
    let code = p
        .code
        .as_deref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    let _ = writeln!(o, "{}{code}", p.name);

    let s = &m.structure;
    let _ = writeln!(o, "\n{}", t("Cấu trúc", "Structure"));
    let rows: [(&str, String); 5] = [
        (
            t("bước", "steps"),
            format!(
                "{} ({} {}, {} {}; {} {})",
                s.steps,
                t("người nộp", "applicant"),
                s.applicant_steps,
                t("cơ quan", "agency"),
                s.agency_steps,
                t("luồng chính", "main path"),
                s.main_path_steps
            ),
        ),
        (
            t("cơ quan", "agencies"),
            format!(
                "{} ({} {})",
                s.agencies,
                t("chuyển giao", "handoffs"),
                s.handoffs
            ),
        ),
        (
            t("giấy tờ", "documents"),
            format!(
                "{} ({} {}, {} {}, {} {}, {} {})",
                s.documents,
                t("bản", "copies"),
                s.copies,
                t("bản sao chứng thực", "certified copies"),
                s.certified_copies,
                t("xuất trình", "presented"),
                s.presented_documents,
                t("đã có trong CSDL", "state-held"),
                s.state_held_documents
            ),
        ),
        (t("lượt đi lại", "in-person trips"), s.trips.to_string()),
        ("", String::new()),
    ];
    for (k, v) in rows.iter().filter(|(k, _)| !k.is_empty()) {
        let _ = writeln!(o, "  {k:<22} {v}");
    }

    let pt = &m.processing_time;
    let _ = writeln!(o, "\n{}", t("Thời gian giải quyết", "Processing time"));
    let _ = writeln!(
        o,
        "  {:<22} {}: {}",
        t("đường găng", "critical path"),
        crate::report::text::path_length(pt, lang),
        path_text(&pt.critical_path)
    );
    if let Some(c) = &m.on_calendar {
        let _ = writeln!(
            o,
            "  {:<22} {} {} ({} → {}, {} {}): {}",
            t("trên lịch làm việc", "on the calendar"),
            crate::report::text::milli(c.working_milli_days.into(), lang),
            t("ngày làm việc", "working days"),
            c.submitted,
            c.due,
            c.calendar_days,
            t("ngày", "days"),
            path_text(&c.critical_path)
        );
    }
    let declared = match pt.declared {
        None => t("không công bố", "not declared").to_string(),
        Some(d) => {
            let verdict = crate::report::text::deadline_verdict(pt, d, lang);
            if d.whole_months().is_some() {
                format!("{} ({verdict})", crate::report::text::duration(d, lang))
            } else {
                format!("{} ({verdict})", Length::of(d).text(lang))
            }
        }
    };
    for b in pt
        .month_bounds
        .iter()
        .filter(|b| pt.declared.and_then(|d| d.whole_months()) != Some(b.months))
    {
        let _ = writeln!(
            o,
            "  {:<22} {}",
            t("bước tính bằng tháng", "steps in months"),
            b.text().get(lang)
        );
    }
    let _ = writeln!(
        o,
        "  {:<22} {declared}",
        t("thời hạn công bố", "declared deadline")
    );
    let _ = writeln!(
        o,
        "  {:<22} {}: {}",
        t("mọi nhánh", "worst case"),
        crate::report::text::bounded_length(pt.worst_case.length, pt.worst_case.lower_bound, lang),
        path_text(&pt.worst_case.path)
    );
    if let Some(r) = &pt.with_rework {
        let _ = writeln!(
            o,
            "  {:<22} {}: {} ({} {}%)",
            t("có một lần bổ sung", "with one rework"),
            crate::report::text::bounded_length(r.length, r.lower_bound, lang),
            path_text(&r.path),
            t("xác suất", "probability"),
            crate::report::text::milli(u128::from(r.probability_ppm) / 10, lang)
        );
    }
    if !pt.missing_durations.is_empty() {
        let _ = writeln!(
            o,
            "  {:<22} {}",
            t("thiếu thời hạn bước", "missing durations"),
            pt.missing_durations.join(", ")
        );
    }

    let c = &m.compliance_cost;
    let scenario = match c.scenario {
        Scenario::Online => t("trực tuyến", "online"),
        _ => t("trực tiếp", "in person"),
    };
    let _ = writeln!(
        o,
        "\n{} ({scenario}; {}/{})",
        t("Chi phí tuân thủ", "Compliance cost"),
        money(basis.hourly_income.value, lang),
        t("giờ", "hour")
    );
    let _ = writeln!(
        o,
        "  {:<32} {:>8} {:>14} {:>14} {:>14} {:>14}",
        t("hoạt động", "activity"),
        t("giờ", "hours"),
        t("chi phí t.gian", "time cost"),
        t("chi phí khác", "out-of-pocket"),
        t("phí, lệ phí", "fees"),
        t("cộng", "total")
    );
    for r in &c.breakdown {
        let _ = writeln!(
            o,
            "  {:<32} {:>8} {:>14} {:>14} {:>14} {:>14}",
            r.activity.label(lang),
            crate::report::text::milli(r.milli_hours, lang),
            money(r.time_cost, lang),
            money(r.out_of_pocket, lang),
            money(r.fees, lang),
            money(r.total, lang)
        );
    }
    let _ = writeln!(
        o,
        "  {:<32} {:>8} {:>59}",
        t("mỗi hồ sơ", "per case"),
        crate::report::text::milli(c.milli_hours, lang),
        money(c.per_case, lang)
    );
    match (c.annual, c.cases_per_year) {
        (Some(a), Some(n)) => {
            let label = format!(
                "{} ({} {})",
                t("mỗi năm", "per year"),
                n,
                t("hồ sơ", "cases")
            );
            let _ = writeln!(o, "  {label:<32} {:>68}", money(a, lang));
        }
        _ => {
            let _ = writeln!(
                o,
                "  {:<32} {}",
                t("mỗi năm", "per year"),
                t("chưa khai báo số hồ sơ (volume)", "volume not declared")
            );
        }
    }
    if c.overflow {
        let _ = writeln!(
            o,
            "  {}",
            t(
                "quá lớn để tính chính xác: xem lỗi TT008",
                "too large to compute exactly: see error TT008"
            )
        );
    }
    if m.by_channel.len() > 1 {
        let _ = writeln!(
            o,
            "\n{}",
            t(
                "Theo cách thức thực hiện (* = số liệu tiêu đề; chi phí khác nhau theo phí, lệ phí của mỗi cách thức, công sức và lượt đi lại như tệp khai)",
                "By channel (* = the headline figures; costs differ by each channel's fees, effort and trips as the file declares them)"
            )
        );
        for f in &m.by_channel {
            let deadline = f
                .deadline
                .map(|d| crate::report::text::duration(d, lang))
                .unwrap_or_else(|| t("chưa khai báo thời hạn", "no deadline declared").into());
            // How the critical path (the same on every channel: steps have
            // no channel) compares with this channel's deadline.
            let verdict = f
                .deadline
                .map(|d| format!("; {}", crate::report::text::deadline_verdict(pt, d, lang)))
                .unwrap_or_default();
            let share = f
                .share_ppm
                .map(|s| {
                    format!(
                        ", {} {}%",
                        t("tỷ lệ", "share"),
                        crate::report::text::milli(u128::from(s) / 10, lang)
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {}{:<30} {:<24} {} {} ({} {}){share}{verdict}",
                if f.headline { "*" } else { " " },
                crate::report::labels::channel(f.channel, lang),
                deadline,
                money(f.per_case, lang),
                t("mỗi hồ sơ", "per case"),
                t("phí", "fees"),
                money(f.fees, lang),
            );
        }
    }
    let case_rows = crate::report::sections::case_rows(m, lang);
    if !case_rows.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            t(
                "Theo trường hợp (số liệu tiêu đề là của trường hợp cơ bản; mỗi trường hợp cộng thêm những gì áp dụng trong trường hợp đó)",
                "By case (the headline figures are the base case's; each case adds what applies in it)"
            )
        );
        for row in &case_rows {
            let _ = writeln!(
                o,
                "  {:<40} {:<24} {:<24} {:>14} {:>14}",
                crate::report::diagnostics::terminal_safe(&row[0]),
                row[1],
                row[2],
                row[3],
                row[4]
            );
        }
        for line in crate::report::sections::case_summary(m, lang) {
            let _ = writeln!(o, "  {}", crate::report::diagnostics::terminal_safe(&line));
        }
    }
    if !m.left_out.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            t(
                "Không tính vào số liệu cơ bản (chỉ áp dụng trong một trường hợp `case:` hoặc khi có điều kiện `when:`; trường hợp tốn nhất chỉ gồm những gì nêu `case:`)",
                "Left out of the base figures (they apply only in a case, `case:`, or under a condition, `when:`; the costliest case counts only what names a `case:`)"
            )
        );
        for c in &m.left_out {
            let kind = match c.kind {
                crate::metrics::ConditionalKind::Fee => t("phí", "fee"),
                crate::metrics::ConditionalKind::Document => t("giấy tờ", "document"),
                crate::metrics::ConditionalKind::Step => t("bước", "step"),
            };
            let condition = match (&c.case, &c.when) {
                (Some(case), _) => format!("{} `{case}`", t("trường hợp", "case")),
                (None, Some(when)) => format!("{}: {when}", t("khi", "when")),
                (None, None) => String::new(),
            };
            let amount = c
                .amount
                .map(|a| format!(" {}", money(a, lang)))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {kind:<8} {}{amount} — {} ({})",
                crate::report::diagnostics::terminal_safe(&c.name),
                crate::report::diagnostics::terminal_safe(&condition),
                c.element
            );
        }
    }
    if let Some(adm) = &m.administration_cost {
        let _ = writeln!(
            o,
            "\n{} ({}/{}; {})",
            t("Chi phí của cơ quan", "Administration cost"),
            money(basis.public_hourly_wage.value, lang),
            t("giờ", "hour"),
            t(
                "không cộng vào chi phí tuân thủ",
                "not part of the compliance cost"
            )
        );
        for s in &adm.steps {
            let _ = writeln!(
                o,
                "  {:<32} {:>8} {:>14}",
                crate::report::diagnostics::terminal_safe(&s.step),
                crate::report::text::milli(s.milli_hours, lang),
                money(s.cost, lang)
            );
        }
        let _ = writeln!(
            o,
            "  {:<32} {:>8} {:>14}",
            t("mỗi hồ sơ", "per case"),
            crate::report::text::milli(adm.milli_hours, lang),
            money(adm.per_case, lang)
        );
        if let Some(a) = adm.annual {
            let _ = writeln!(
                o,
                "  {:<32} {:>23}",
                t("mỗi năm", "per year"),
                money(a, lang)
            );
        }
    }
    crate::report::diagnostics::terminal_text(&o).into_owned()
}

/// Rows as columns wide enough for their longest cell (in display columns:
/// decomposed Vietnamese and wide characters line up), the first
/// left-aligned, the others right-aligned, indented by two.
fn aligned(rows: &[[String; 5]]) -> String {
    let mut widths = [0usize; 5];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(crate::report::text::columns(cell));
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(" ");
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(crate::report::text::columns(cell)));
            if i == 0 {
                line.push(' ');
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn diff_text(o: &mut String, title: &str, d: &ElementDiff, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let _ = writeln!(o, "\n{title}");
    for id in &d.removed {
        let _ = writeln!(o, "  - {id} ({})", t("bỏ", "removed"));
    }
    for id in &d.added {
        let _ = writeln!(o, "  + {id} ({})", t("thêm", "added"));
    }
    for c in &d.changed {
        let ids = if c.baseline == c.draft {
            c.baseline.clone()
        } else {
            format!("{} → {}", c.baseline, c.draft)
        };
        let _ = writeln!(
            o,
            "  ~ {ids} ({}: {})",
            t("đổi", "changed"),
            c.fields.join(", ")
        );
    }
    let _ = writeln!(o, "  = {} {}", d.unchanged, t("không đổi", "unchanged"));
}

/// A comparison as a text report.
pub fn comparison_text(
    baseline: &Procedure,
    draft: &Procedure,
    c: &Comparison,
    lang: Lang,
) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut o = String::new();
    let _ = writeln!(o, "{}: {}", t("Bản hiện hành", "Baseline"), baseline.name);
    let _ = writeln!(o, "{}: {}", t("Dự thảo", "Draft"), draft.name);
    let pct = |p: Option<crate::metrics::Percent>| {
        p.map(|p| crate::report::text::percent(p, lang))
            .unwrap_or_else(|| "—".into())
    };
    let _ = writeln!(
        o,
        "\n{}: {} → {} ({} {})",
        t("Chi phí tuân thủ mỗi hồ sơ", "Compliance cost per case"),
        money(c.baseline.compliance_cost.per_case, lang),
        money(c.draft.compliance_cost.per_case, lang),
        t("cắt giảm", "reduction"),
        pct(c.compliance_cost.reduction_percent)
    );
    let _ = writeln!(
        o,
        "{}: {} → {} ({} {})",
        t("Thời gian giải quyết", "Processing time"),
        crate::report::text::path_length(&c.baseline.processing_time, lang),
        crate::report::text::path_length(&c.draft.processing_time, lang),
        t("cắt giảm", "reduction"),
        pct(c.processing_time.reduction_percent)
    );
    // A metric neither file has a figure for (per-case figures of files
    // without `cases:`) is left out, not shown as a row of dashes; JSON
    // keeps every metric.
    let (known, unknown): (Vec<_>, Vec<_>) = c
        .metrics
        .iter()
        .partition(|m| m.baseline.is_some() || m.draft.is_some());
    let header = [
        t("chỉ số", "metric"),
        t("hiện hành", "baseline"),
        t("dự thảo", "draft"),
        t("thay đổi", "change"),
        "%",
    ]
    .map(String::from);
    let rows: Vec<[String; 5]> = std::iter::once(header)
        .chain(
            known
                .into_iter()
                .map(|m| crate::report::sections::metric_row(m, lang)),
        )
        .collect();
    let _ = write!(o, "\n{}", aligned(&rows));
    if !unknown.is_empty() {
        let _ = writeln!(
            o,
            "  {} {}",
            unknown.len(),
            t(
                "chỉ số khác chưa khai báo ở cả hai bản (xem --format json)",
                "other metrics not declared in either file (see --format json)"
            )
        );
    }
    diff_text(&mut o, t("Bước", "Steps"), &c.steps, lang);
    diff_text(&mut o, t("Giấy tờ", "Documents"), &c.documents, lang);
    if !c.targets.is_empty() {
        let _ = writeln!(o, "\n{}", t("Mục tiêu", "Targets"));
        for target in &c.targets {
            let verdict = if target.met {
                t("đạt", "met")
            } else {
                t("không đạt", "NOT met")
            };
            let _ = writeln!(o, "  {}: {verdict}", target.target);
            for comp in &target.components {
                let name = match comp.component {
                    "compliance_cost" => t("chi phí tuân thủ", "compliance cost"),
                    _ => t("thời gian giải quyết", "processing time"),
                };
                let _ = writeln!(
                    o,
                    "    {name}: {} {}, {} {} ({})",
                    t("cần giảm", "required cut"),
                    crate::report::text::percent(comp.required_percent, lang),
                    t("đạt", "achieved"),
                    pct(comp.achieved_percent),
                    if comp.met {
                        t("đạt", "met")
                    } else {
                        t("không đạt", "not met")
                    }
                );
            }
        }
    }
    crate::report::diagnostics::terminal_text(&o).into_owned()
}

/// Every metric of one procedure by its key (`"compliance_cost.per_case"`),
/// with the same names as review tests and comparisons use; a metric whose
/// inputs are not declared is absent.
pub fn values(a: &Analysis) -> BTreeMap<&'static str, Quantity> {
    Metric::ALL
        .iter()
        .filter_map(|m| Some((m.key(), a.value(*m)?)))
        .collect()
}

#[cfg(feature = "json")]
#[derive(serde::Serialize)]
struct MetricsDoc<'a> {
    file: &'a str,
    code: Option<&'a str>,
    name: &'a str,
    values: BTreeMap<&'static str, Quantity>,
    #[serde(flatten)]
    metrics: &'a Metrics,
    cost_basis: &'a CostBasis,
}

/// The metrics of an analysis as one JSON document: `values` (every metric
/// by key), the detailed structure, processing time and cost, and the cost
/// basis they were valued on (fields in docs/metrics.md).
#[cfg(feature = "json")]
pub fn json(a: &Analysis, file: &str) -> String {
    let p = a.procedure();
    crate::report::json::pretty(&MetricsDoc {
        file,
        code: p.code.as_deref(),
        name: &p.name,
        values: values(a),
        metrics: a.metrics(),
        cost_basis: a.cost_basis(),
    })
}

#[cfg(feature = "json")]
#[derive(serde::Serialize)]
struct Files<'a> {
    baseline: &'a str,
    draft: &'a str,
}

#[cfg(feature = "json")]
#[derive(serde::Serialize)]
struct ComparisonDoc<'a> {
    files: Files<'a>,
    #[serde(flatten)]
    comparison: &'a Comparison,
}

/// A comparison as one JSON document.
#[cfg(feature = "json")]
pub fn comparison_json(c: &Comparison, baseline: &str, draft: &str) -> String {
    crate::report::json::pretty(&ComparisonDoc {
        files: Files { baseline, draft },
        comparison: c,
    })
}
