//! The sections of a report as plain, formatted, unescaped text: what the
//! HTML and Markdown renderers lay out and escape. Keeping the wording here
//! makes both formats say the same thing.

use crate::analysis::{ElementDiff, Metric, MetricChange, Quantity};
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::metrics::Scenario;
use crate::model::{Money, Procedure};
use crate::report::labels::{self, Label};
use crate::report::page::{Baseline, Report};
use crate::report::text::{duration, hours, length, milli, money, percent, signed_percent};
use std::cmp::Ordering;

/// One value of the identity block: plain text or a web link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// Text.
    Text(String),
    /// An absolute http(s) URL.
    Link(String),
}

/// Identity of the procedure: (label, values).
pub fn identity(r: &Report, lang: Lang) -> Vec<(&'static str, Vec<Item>)> {
    let p = r.procedure;
    let t = |s: &str| vec![Item::Text(s.to_string())];
    let missing = || t(Label::NotDeclared.get(lang));
    let or_missing = |v: Option<&str>| v.map_or_else(missing, t);
    let list = |v: Vec<String>| {
        if v.is_empty() {
            t(Label::None.get(lang))
        } else {
            v.into_iter().map(Item::Text).collect()
        }
    };
    let result = p.result.as_deref().map(|res| {
        p.document(res)
            .map_or_else(|| res.to_string(), |d| d.name.clone())
    });
    vec![
        (Label::Code.get(lang), or_missing(p.code.as_deref())),
        (Label::Sector.get(lang), or_missing(p.sector.as_deref())),
        (
            Label::Authority.get(lang),
            or_missing(p.authority.as_deref()),
        ),
        (
            Label::Level.get(lang),
            or_missing(p.level.map(|l| labels::level(l, lang))),
        ),
        (
            Label::Applicants.get(lang),
            p.applicants.as_ref().map_or_else(missing, |a| {
                list(
                    a.iter()
                        .map(|k| labels::applicant(*k, lang).to_string())
                        .collect(),
                )
            }),
        ),
        (
            Label::Channels.get(lang),
            p.channels.as_ref().map_or_else(missing, |c| {
                list(
                    c.iter()
                        .map(|k| labels::channel(*k, lang).to_string())
                        .collect(),
                )
            }),
        ),
        (
            Label::Deadline.get(lang),
            p.deadline.map_or_else(missing, |d| t(&duration(d, lang))),
        ),
        (Label::Result.get(lang), or_missing(result.as_deref())),
        (
            Label::LegalBasis.get(lang),
            p.legal_basis
                .as_ref()
                .map_or_else(missing, |b| list(b.clone())),
        ),
        (
            Label::Sources.get(lang),
            if p.sources.is_empty() {
                missing()
            } else {
                p.sources
                    .iter()
                    .map(|s| {
                        if crate::report::text::is_web_link(s) {
                            Item::Link(s.clone())
                        } else {
                            Item::Text(s.clone())
                        }
                    })
                    .collect()
            },
        ),
    ]
}

/// A headline figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// What it is.
    pub label: &'static str,
    /// The figure.
    pub value: String,
    /// Smaller lines under it (context, the baseline and the change).
    pub notes: Vec<String>,
    /// Whether it needs attention (deadline exceeded).
    pub alert: bool,
    /// Whether the draft improves on the baseline (`None` without a baseline or no change).
    pub better: Option<bool>,
}

fn metric<'a>(b: Option<&'a Baseline>, name: Metric) -> Option<&'a MetricChange> {
    b?.comparison.metrics.iter().find(|m| m.metric == name)
}

/// `Hiện hành: 10 → −30,00%` for a compared metric.
fn versus(c: Option<&MetricChange>, lang: Lang) -> (Option<String>, Option<bool>) {
    let Some(c) = c else {
        return (None, None);
    };
    let before = value(c.baseline, lang);
    let change = c
        .change_percent
        .map_or_else(|| change(c.change, lang), |p| signed_percent(p, lang));
    let better = c.change.and_then(|d| match d.scaled().cmp(&0) {
        Ordering::Less => Some(true),
        Ordering::Greater => Some(false),
        Ordering::Equal => None,
    });
    (
        Some(format!(
            "{}: {before} ({change})",
            Label::Baseline.get(lang)
        )),
        better,
    )
}

/// The headline figures.
pub fn headline(r: &Report, lang: Lang) -> Vec<Card> {
    let m = &r.metrics;
    let b = r.baseline.as_ref();
    let c = &m.compliance_cost;
    let pt = &m.processing_time;
    let s = &m.structure;
    let card = |label: Label, value: String, mut notes: Vec<String>, alert, name: Metric| {
        let (vs, better) = versus(metric(b, name), lang);
        notes.extend(vs);
        Card {
            label: label.get(lang),
            value,
            notes,
            alert,
            better,
        }
    };
    let scenario = match c.scenario {
        Scenario::Online => Label::ScenarioOnline,
        _ => Label::ScenarioInPerson,
    };
    let per_year = match (c.annual, c.cases_per_year) {
        (Some(a), Some(n)) => (
            money(a, lang),
            vec![format!(
                "{} {}",
                milli(n.saturating_mul(1000), lang),
                Label::Cases.get(lang)
            )],
        ),
        _ => (
            Label::NotDeclared.get(lang).to_string(),
            vec![Label::VolumeMissing.get(lang).to_string()],
        ),
    };
    let verdict = pt.versus_deadline();
    let deadline_note = match pt.declared {
        None => format!(
            "{}: {}",
            Label::DeclaredDeadline.get(lang),
            Label::NotDeclared.get(lang)
        ),
        Some(d) => {
            let v = match verdict {
                Some(Ordering::Greater) => Label::Exceeded,
                Some(Ordering::Equal) => Label::EqualDeadline,
                Some(Ordering::Less) => Label::Within,
                None => Label::OtherUnit,
            };
            format!(
                "{}: {} — {}",
                Label::DeclaredDeadline.get(lang),
                duration(d, lang),
                v.get(lang)
            )
        }
    };
    let time_metric = match pt.length {
        crate::metrics::Length::CalendarDays(_) => Metric::CalendarDays,
        _ => Metric::WorkingDays,
    };
    // An unknown per-year figure on either side: each side's figure (or
    // "not declared"), and the per-case cut when that one is known.
    let per_year_card = match metric(b, Metric::CostAnnual) {
        Some(annual) if annual.change_percent.is_none() => {
            let mut notes = per_year.1;
            let mut vs = format!(
                "{}: {}",
                Label::Baseline.get(lang),
                annual.baseline.map_or_else(
                    || Label::NotDeclared.get(lang).to_string(),
                    |q| q.text(lang)
                )
            );
            if let Some(p) = metric(b, Metric::CostPerCase).and_then(|m| m.change_percent) {
                vs.push_str(&format!(
                    "; {}: {}",
                    Label::CutPerCase.get(lang),
                    signed_percent(p, lang)
                ));
            }
            notes.push(vs);
            Card {
                label: Label::CostPerYear.get(lang),
                value: per_year.0,
                notes,
                alert: false,
                better: None,
            }
        }
        _ => card(
            Label::CostPerYear,
            per_year.0,
            per_year.1,
            false,
            Metric::CostAnnual,
        ),
    };
    vec![
        card(
            Label::CostPerCase,
            money(c.per_case, lang),
            vec![format!(
                "{}: {}",
                Label::Scenario.get(lang),
                scenario.get(lang)
            )],
            false,
            Metric::CostPerCase,
        ),
        per_year_card,
        card(
            Label::ProcessingTime,
            crate::report::text::path_length(pt, lang),
            vec![deadline_note],
            verdict == Some(Ordering::Greater),
            time_metric,
        ),
        card(
            Label::Steps,
            s.steps.to_string(),
            vec![format!(
                "{} {} · {} {}",
                s.applicant_steps,
                lang.pick("của người nộp", "applicant"),
                s.agency_steps,
                lang.pick("của cơ quan", "agency")
            )],
            false,
            Metric::Steps,
        ),
        card(
            Label::Documents,
            s.documents.to_string(),
            vec![format!(
                "{} {} · {} {}",
                s.copies,
                lang.pick("bản", if s.copies == 1 { "copy" } else { "copies" }),
                s.certified_copies,
                lang.pick("bản sao chứng thực", "certified")
            )],
            false,
            Metric::Documents,
        ),
        card(
            Label::Trips,
            s.trips.to_string(),
            Vec::new(),
            false,
            Metric::Trips,
        ),
    ]
}

/// The compliance-cost table in the layout of the Circular 07 form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostTable {
    /// Column headings.
    pub header: [&'static str; 7],
    /// One row per SCM activity.
    pub rows: Vec<[String; 7]>,
    /// The per-case total.
    pub total: [String; 7],
    /// The annual total, or why there is none.
    pub annual: [String; 7],
    /// `Kịch bản: nộp trực tiếp`.
    pub scenario: String,
    /// The cost basis: (what, value, source).
    pub basis: Vec<(&'static str, String, String)>,
}

/// A cost-basis value's source, year and whether it is an assumption.
fn source_text<T>(value: &crate::cost_basis::Sourced<T>, lang: Lang) -> String {
    let mut s = value.source_unlabelled(lang).to_string();
    if let Some(y) = value.year {
        s.push_str(&format!(" ({} {y})", Label::Year.get(lang)));
    }
    if value.assumption {
        s.push_str(&format!(" — {}", Label::Assumption.get(lang)));
    }
    s
}

/// The compliance-cost table.
pub fn cost_table(r: &Report, lang: Lang) -> CostTable {
    let c = &r.metrics.compliance_cost;
    let rows: Vec<[String; 7]> = c
        .breakdown
        .iter()
        .enumerate()
        .map(|(i, row)| {
            [
                (i + 1).to_string(),
                row.activity.label(lang).to_string(),
                milli(row.milli_hours, lang),
                money(row.time_cost, lang),
                money(row.out_of_pocket, lang),
                money(row.fees, lang),
                money(row.total, lang),
            ]
        })
        .collect();
    let sum = |f: fn(&crate::metrics::CostBreakdownRow) -> Money| {
        c.breakdown
            .iter()
            .fold(Money::ZERO, |acc, r| acc.saturating_add(f(r)))
    };
    let total = [
        String::new(),
        Label::PerCase.get(lang).to_string(),
        milli(c.milli_hours, lang),
        // The per-case time cost is rounded once, like the total, so this row
        // adds up exactly; the rows above are rounded one by one and may
        // differ from it by a đồng or two.
        money(
            c.per_case
                .checked_sub(sum(|r| r.out_of_pocket))
                .and_then(|m| m.checked_sub(sum(|r| r.fees)))
                .unwrap_or_else(|| sum(|r| r.time_cost)),
            lang,
        ),
        money(sum(|r| r.out_of_pocket), lang),
        money(sum(|r| r.fees), lang),
        money(c.per_case, lang),
    ];
    let empty = String::new;
    let annual = match (c.annual, c.cases_per_year) {
        (Some(a), Some(n)) => [
            empty(),
            format!(
                "{} ({} {})",
                Label::PerYear.get(lang),
                milli(n.saturating_mul(1000), lang),
                Label::Cases.get(lang)
            ),
            empty(),
            empty(),
            empty(),
            empty(),
            money(a, lang),
        ],
        _ => [
            empty(),
            Label::PerYear.get(lang).to_string(),
            empty(),
            empty(),
            empty(),
            empty(),
            Label::VolumeMissing.get(lang).to_string(),
        ],
    };
    let scenario = match c.scenario {
        Scenario::Online => Label::ScenarioOnline,
        _ => Label::ScenarioInPerson,
    };
    let b = r.basis;
    let per_hour = format!(
        "{}/{}",
        money(b.hourly_income.value, lang),
        lang.pick("giờ", "hour")
    );
    CostTable {
        header: [
            Label::No.get(lang),
            Label::Activity.get(lang),
            Label::Hours.get(lang),
            Label::TimeCost.get(lang),
            Label::OutOfPocket.get(lang),
            Label::Fees.get(lang),
            Label::Total.get(lang),
        ],
        rows,
        total,
        annual,
        scenario: format!("{}: {}", Label::Scenario.get(lang), scenario.get(lang)),
        basis: vec![
            (
                Label::HourlyIncome.get(lang),
                per_hour,
                source_text(&b.hourly_income, lang),
            ),
            (
                Label::TripTime.get(lang),
                hours(b.trip_milli_hours.value.into(), lang),
                source_text(&b.trip_milli_hours, lang),
            ),
            (
                Label::TripCost.get(lang),
                money(b.trip_cost.value, lang),
                source_text(&b.trip_cost, lang),
            ),
            (
                Label::CertificationFee.get(lang),
                money(b.certification_fee.value, lang),
                source_text(&b.certification_fee, lang),
            ),
        ],
    }
}

/// The columns of the findings table, in order (HTML and Markdown).
pub const FINDING_COLUMNS: [Label; 7] = [
    Label::Severity,
    Label::Rule,
    Label::Message,
    Label::Location,
    Label::LegalBasis,
    Label::Suggestion,
    Label::Saving,
];

/// One finding, formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingRow {
    /// Severity.
    pub severity: Severity,
    /// Severity in `lang`.
    pub severity_label: &'static str,
    /// Rule code.
    pub code: String,
    /// Rule name.
    pub name: String,
    /// What is wrong.
    pub message: String,
    /// `file:line:col`, or the file.
    pub location: String,
    /// The element path.
    pub element: Option<String>,
    /// Legal basis, or empty.
    pub legal_basis: String,
    /// What to change, or empty.
    pub suggestion: String,
    /// What it would save, or empty.
    pub saving: String,
}

/// The findings, in review order.
pub fn findings(r: &Report, lang: Lang) -> Vec<FindingRow> {
    r.findings
        .iter()
        .map(|f| {
            let location = match f.location {
                Some(l) => format!("{}:{}:{}", f.origin, l.line, l.column),
                None => f.origin.clone(),
            };
            let saving = f.saving.map_or_else(String::new, |s| {
                let text = s.describe();
                let text = text.get(lang);
                text.split_once(": ")
                    .map_or(text, |(_, rest)| rest)
                    .to_string()
            });
            FindingRow {
                severity: f.severity,
                severity_label: f.severity.label(lang),
                code: f.code.clone(),
                name: f.name.clone(),
                message: f.message.get(lang).to_string(),
                location,
                element: f.element.as_ref().map(ToString::to_string),
                legal_basis: f
                    .legal_basis
                    .as_ref()
                    .map_or_else(String::new, |b| b.get(lang).to_string()),
                suggestion: f
                    .suggestion
                    .as_ref()
                    .map_or_else(String::new, |s| s.get(lang).to_string()),
                saving,
            }
        })
        .collect()
}

/// The columns of the suppressed-findings table, in order (HTML and Markdown).
pub const SUPPRESSED_COLUMNS: [Label; 4] =
    [Label::Rule, Label::Message, Label::Location, Label::Reason];

/// One finding silenced by a suppression comment, formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuppressedRow {
    /// Rule code.
    pub code: String,
    /// Rule name.
    pub name: String,
    /// What the finding says.
    pub message: String,
    /// `file:line:col` of the finding, or the file.
    pub location: String,
    /// The element path.
    pub element: Option<String>,
    /// The reason given in the comment.
    pub reason: String,
    /// `file:line:col` of the comment.
    pub comment: String,
}

/// The suppressed findings, in file order.
pub fn suppressed(r: &Report, lang: Lang) -> Vec<SuppressedRow> {
    r.analysis
        .suppressed()
        .iter()
        .map(|s| {
            let f = &s.finding;
            SuppressedRow {
                code: f.code.clone(),
                name: f.name.clone(),
                message: f.message.get(lang).to_string(),
                location: match f.location {
                    Some(l) => format!("{}:{}:{}", f.origin, l.line, l.column),
                    None => f.origin.clone(),
                },
                element: f.element.as_ref().map(ToString::to_string),
                reason: s.reason.clone(),
                comment: format!("{}:{}:{}", f.origin, s.comment.line, s.comment.column),
            }
        })
        .collect()
}

/// The columns of the by-channel table.
pub const CHANNEL_COLUMNS: [Label; 4] =
    [Label::Channel, Label::Deadline, Label::PerCase, Label::Fees];

/// One row per declared channel (`*` marks the headline one), when the
/// procedure declares more than one; empty otherwise.
pub fn channel_rows(r: &Report, lang: Lang) -> Vec<[String; 4]> {
    let m = r.analysis.metrics();
    if m.by_channel.len() < 2 {
        return Vec::new();
    }
    m.by_channel
        .iter()
        .map(|f| {
            [
                format!(
                    "{}{}",
                    crate::report::labels::channel(f.channel, lang),
                    if f.headline { " *" } else { "" }
                ),
                f.deadline.map_or_else(
                    || lang.pick("chưa khai báo", "not declared").to_string(),
                    |d| {
                        format!(
                            "{} ({})",
                            crate::report::text::duration(d, lang),
                            crate::report::text::deadline_verdict(&m.processing_time, d, lang)
                        )
                    },
                ),
                crate::report::text::money(f.per_case, lang),
                crate::report::text::money(f.fees, lang),
            ]
        })
        .collect()
}

/// The columns of the by-case table.
pub const CASE_COLUMNS: [Label; 5] = [
    Label::Case,
    Label::Deadline,
    Label::ProcessingTime,
    Label::PerCase,
    Label::CaseExtra,
];

/// One row per declared case: its name (id, share), deadline, processing
/// time, cost of one dossier and what it adds to the base case; the base
/// case first. Empty when the procedure declares no cases.
pub fn case_rows(m: &crate::metrics::Metrics, lang: Lang) -> Vec<[String; 5]> {
    let Some(k) = &m.by_case else {
        return Vec::new();
    };
    let dl = |d: Option<crate::model::Duration>| {
        d.map_or_else(
            || lang.pick("chưa khai báo", "not declared").to_string(),
            |d| duration(d, lang),
        )
    };
    let share = |s: Option<u32>| {
        s.map(|s| format!(", {}%", milli(u128::from(s) / 10, lang)))
            .unwrap_or_default()
    };
    let base_share = k
        .expected
        .as_ref()
        .map(|e| share(Some(e.base_share_ppm)))
        .unwrap_or_default();
    let mut rows = vec![[
        format!("{}{base_share}", Label::BaseCase.get(lang)),
        dl(m.processing_time.declared),
        crate::report::text::path_length(&m.processing_time, lang),
        money(m.compliance_cost.per_case, lang),
        money(Money::ZERO, lang),
    ]];
    for f in &k.cases {
        rows.push([
            format!("{} (`{}`{})", f.name, f.case, share(f.share_ppm)),
            dl(f.deadline),
            length(f.processing_time, lang),
            money(f.per_case, lang),
            format!("+{}", money(f.extra, lang)),
        ]);
    }
    rows
}

/// The expected and worst case under the by-case table: one sentence each.
pub fn case_summary(m: &crate::metrics::Metrics, lang: Lang) -> Vec<String> {
    let Some(k) = &m.by_case else {
        return Vec::new();
    };
    let name = |id: Option<&str>| match id {
        None => Label::BaseCase.get(lang).to_string(),
        Some(id) => k
            .cases
            .iter()
            .find(|f| f.case == id)
            .map_or_else(|| id.to_string(), |f| format!("{} (`{id}`)", f.name)),
    };
    let mut out = Vec::new();
    match &k.expected {
        Some(e) => out.push(format!(
            "{}: {} {} ({} {}%, {} {}%)",
            lang.pick("Kỳ vọng", "Expected"),
            e.per_case.map_or_else(
                || lang
                    .pick(
                        "quá lớn để tính chính xác (TT008)",
                        "too large to compute exactly (TT008)"
                    )
                    .to_string(),
                |v| money(v, lang)
            ),
            lang.pick("mỗi hồ sơ", "per case"),
            lang.pick(
                "các trường hợp đã khai chiếm",
                "declared case shares add up to"
            ),
            milli(u128::from(e.declared_share_ppm) / 10, lang),
            lang.pick("trường hợp cơ bản", "base case"),
            milli(u128::from(e.base_share_ppm) / 10, lang),
        )),
        None => out.push(
            lang.pick(
                "Kỳ vọng: chưa khai báo tỷ lệ (`share`) của trường hợp nào",
                "Expected: no case declares its share (`share`)",
            )
            .to_string(),
        ),
    }
    out.push(format!(
        "{}: {} {} — {}",
        lang.pick("Tốn nhất", "Costliest"),
        money(k.worst_cost.per_case, lang),
        lang.pick("mỗi hồ sơ", "per case"),
        name(Some(&k.worst_cost.case)),
    ));
    out.push(format!(
        "{}: {} — {}",
        lang.pick("Lâu nhất", "Longest"),
        length(k.worst_time.length, lang),
        name(k.worst_time.case.as_deref()),
    ));
    if let Some(w) = &k.worst_deadline {
        out.push(format!(
            "{}: {} — {}",
            lang.pick("Thời hạn dài nhất", "Longest deadline"),
            duration(w.deadline, lang),
            name(w.case.as_deref()),
        ));
    }
    // The other channels: their fees give other costs.
    for c in k.by_channel.iter().filter(|c| !c.headline) {
        let expected = c
            .expected
            .as_ref()
            .and_then(|e| e.per_case)
            .map_or_else(String::new, |v| {
                format!("; {} {}", lang.pick("kỳ vọng", "expected"), money(v, lang))
            });
        out.push(format!(
            "{}: {} {}{expected}; {} {} — {}",
            crate::report::labels::channel(c.channel, lang),
            lang.pick("cơ bản", "base case"),
            money(c.base, lang),
            lang.pick("tốn nhất", "costliest"),
            money(c.worst_cost.per_case, lang),
            name(Some(&c.worst_cost.case)),
        ));
    }
    out
}

/// A compared value in its unit; "—" when not measurable.
pub fn value(v: Option<Quantity>, lang: Lang) -> String {
    v.map_or_else(|| "—".to_string(), |q| q.text(lang))
}

/// A signed change in its unit (`−2`, `+1.000 đ`).
pub fn change(d: Option<Quantity>, lang: Lang) -> String {
    let Some(d) = d else {
        return "—".to_string();
    };
    let magnitude = Quantity::new(d.scaled().abs(), d.unit()).text(lang);
    match d.scaled().signum() {
        1 => format!("+{magnitude}"),
        -1 => format!("−{magnitude}"),
        _ => magnitude,
    }
}

/// Every compared metric: (name, baseline, draft, change, %).
pub fn metric_rows(b: &Baseline, lang: Lang) -> Vec<[String; 5]> {
    b.comparison
        .metrics
        .iter()
        .map(|m| metric_row(m, lang))
        .collect()
}

/// One compared metric: (name, baseline, draft, change, signed %).
pub fn metric_row(m: &crate::analysis::MetricChange, lang: Lang) -> [String; 5] {
    [
        m.metric.label(lang).to_string(),
        value(m.baseline, lang),
        value(m.draft, lang),
        change(m.change, lang),
        m.change_percent
            .map_or_else(|| "—".to_string(), |p| signed_percent(p, lang)),
    ]
}

/// One target component, checked: (target, component, required, achieved, met).
pub fn target_rows(b: &Baseline, lang: Lang) -> Vec<([String; 4], bool)> {
    let mut out = Vec::new();
    for t in &b.comparison.targets {
        for c in &t.components {
            let component = match c.component {
                "compliance_cost" => Label::ComplianceCost.get(lang),
                _ => Label::ProcessingTime.get(lang),
            };
            out.push((
                [
                    labels::target(t.target, lang),
                    component.to_string(),
                    format!("≥ {}", percent(c.required_percent, lang)),
                    c.achieved_percent
                        .map_or_else(|| "—".to_string(), |p| percent(p, lang)),
                ],
                c.met,
            ));
        }
    }
    out
}

/// Steps or documents removed, added and changed, with names:
/// (kind, id, name, detail).
pub fn diff_rows(
    diff: &ElementDiff,
    baseline: &Procedure,
    draft: &Procedure,
    steps: bool,
    lang: Lang,
) -> Vec<(&'static str, String, String, String)> {
    // Names by id, indexed once per side (a search per row was quadratic
    // in the size of the diff).
    fn names(p: &Procedure, steps: bool) -> std::collections::HashMap<&str, &str> {
        if steps {
            p.steps
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str()))
                .collect()
        } else {
            p.documents
                .iter()
                .map(|d| (d.id.as_str(), d.name.as_str()))
                .collect()
        }
    }
    let (before, after) = (names(baseline, steps), names(draft, steps));
    let name_in = |index: &std::collections::HashMap<&str, &str>, id: &str| {
        index.get(id).map(|n| n.to_string()).unwrap_or_default()
    };
    let mut out = Vec::new();
    for id in &diff.removed {
        out.push((
            Label::Removed.get(lang),
            id.clone(),
            name_in(&before, id),
            String::new(),
        ));
    }
    for id in &diff.added {
        out.push((
            Label::Added.get(lang),
            id.clone(),
            name_in(&after, id),
            String::new(),
        ));
    }
    for c in &diff.changed {
        let id = if c.baseline == c.draft {
            c.draft.clone()
        } else {
            format!("{} → {}", c.baseline, c.draft)
        };
        let fields: Vec<&str> = c.fields.iter().map(|f| labels::field(f, lang)).collect();
        out.push((
            Label::Changed.get(lang),
            id,
            name_in(&after, &c.draft),
            fields.join(", "),
        ));
    }
    out
}

/// `Đường găng: A → B → C (10 ngày làm việc)` with step names.
pub fn critical_path(r: &Report, lang: Lang) -> String {
    let pt = &r.metrics.processing_time;
    let names: Vec<&str> = pt
        .critical_path
        .iter()
        .map(|id| {
            // Through the graph's index: a linear search per step made a
            // long chain quadratic (100,000 steps: 27 s).
            r.graph
                .index_of(id)
                .and_then(|i| r.procedure.steps.get(i))
                .map_or(id.as_str(), |s| s.name.as_str())
        })
        .collect();
    format!(
        "{} ({}): {}",
        Label::CriticalPath.get(lang),
        crate::report::text::path_length(pt, lang),
        names.join(" → ")
    )
}
