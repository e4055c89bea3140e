//! `tthc why`: where each figure comes from, as a tree a reviewer reads
//! without the code — each đồng of the compliance cost back to the element of
//! the file (file:line:col) or the item of the cost basis (with its source)
//! that gives it, and each day of the processing time back to the duration of
//! a step on the critical path.
//!
//! Rendered from the typed metrics ([`crate::metrics::CostLine`], the
//! critical path) of one [`Analysis`]: nothing is computed here, so the tree
//! always agrees with `tthc metrics`.

use crate::analysis::Analysis;
use crate::cost_basis::{CostBasis, Sourced};
use crate::element::{ElementPath, Key};
use crate::i18n::Lang;
use crate::metrics::{CostInput, CostLine};
use crate::model::Money;
use crate::report::diagnostics::terminal_safe;
use crate::report::text::{duration, hours, length, money};
use std::fmt::Write as _;

/// Which figures to explain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Figure {
    /// The compliance cost per case and per year.
    Cost,
    /// The processing time.
    Time,
    /// Both.
    #[default]
    All,
    /// The reduction of cost and time against a baseline
    /// ([`render_reduction`]).
    Reduction,
    /// The due date of a dossier received at a given moment
    /// ([`render_due`]).
    Due,
}

impl std::str::FromStr for Figure {
    type Err = String;
    fn from_str(s: &str) -> Result<Figure, String> {
        match s.trim().to_lowercase().as_str() {
            "cost" | "chi-phi" | "chi phí" => Ok(Figure::Cost),
            "time" | "thoi-gian" | "thời gian" => Ok(Figure::Time),
            "all" | "tat-ca" | "tất cả" => Ok(Figure::All),
            "reduction" | "giam" | "cat-giam" | "cắt giảm" => Ok(Figure::Reduction),
            "due" | "han" | "hạn" | "han-giai-quyet" => Ok(Figure::Due),
            other => Err(format!(
                "'{other}' is not a figure: use cost, time, all, reduction or due (chi-phi, thoi-gian, tat-ca, cat-giam, han)"
            )),
        }
    }
}

/// The derivation of `figure` for `a`, in `lang`. Every text from the file
/// is made terminal-safe (control characters shown as pictures).
///
/// ```
/// use tthc::{Analysis, Lang, Settings};
/// use tthc::report::why::{Figure, render};
/// let a = Analysis::from_yaml_str(r#"
/// format: tthc/1
/// name: Cấp phép
/// fees: [{ name: Phí thẩm định, amount: 1000000 }]
/// steps:
///   nop: { name: Nộp hồ sơ, actor: applicant, effort: { hours: 0.5, trips: 1 }, next: [xet] }
///   xet: { name: Xem xét, actor: Sở, duration: 7 working days }
/// "#, "x.yaml", &Settings::default()).unwrap();
/// let text = render(&a, Figure::All, Lang::En);
/// assert!(text.contains("fees[0]: fee 1,000,000 VND = 1,000,000 VND ← x.yaml:4:8"), "{text}");
/// assert!(text.contains("steps.xet: 7 working days ← x.yaml:7:46"), "{text}");
/// ```
pub fn render(a: &Analysis, figure: Figure, lang: Lang) -> String {
    let mut out = String::new();
    let p = a.procedure();
    let name = terminal_safe(&p.name);
    let _ = match &p.code {
        Some(code) => writeln!(out, "{name} ({})", terminal_safe(code)),
        None => writeln!(out, "{name}"),
    };
    if matches!(figure, Figure::Cost | Figure::All) {
        out.push('\n');
        cost(&mut out, a, lang);
    }
    if matches!(figure, Figure::Cost | Figure::All)
        && let Some(adm) = &a.metrics().administration_cost
    {
        out.push('\n');
        let wage = &a.cost_basis().public_hourly_wage;
        let _ = writeln!(
            out,
            "{} {} ({})",
            lang.pick(
                "Chi phí của cơ quan mỗi hồ sơ:",
                "Administration cost per case:"
            ),
            money(adm.per_case, lang),
            lang.pick(
                "không cộng vào chi phí tuân thủ",
                "not part of the compliance cost"
            )
        );
        for (i, s) in adm.steps.iter().enumerate() {
            let twig = if i + 1 == adm.steps.len() {
                "└─"
            } else {
                "├─"
            };
            let element = ElementPath::step(&s.step).field(Key::StaffHours);
            let _ = writeln!(
                out,
                "  {twig} {element}: {} × {} = {} ← {}",
                hours(s.milli_hours, lang),
                money(wage.value, lang),
                money(s.cost, lang),
                at(a, &element)
            );
        }
        let _ = writeln!(
            out,
            "  {}: {} ← {}{}",
            lang.pick("lương mỗi giờ của cán bộ", "staff wage an hour"),
            money(wage.value, lang),
            if wage.assumption {
                lang.pick("giả định: ", "assumption: ")
            } else {
                ""
            },
            terminal_safe(wage.source_unlabelled(lang))
        );
    }
    if matches!(figure, Figure::Time | Figure::All) {
        out.push('\n');
        time(&mut out, a, lang);
    }
    out
}

/// One input of the compliance cost in words, for any renderer (the
/// reports' "How it was computed" table, `tthc why`). Texts from the file are
/// raw here: each renderer escapes them for where they go.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DerivedLine {
    /// The activity (row of the form) it adds to.
    pub activity: String,
    /// The element path (`steps.nop.effort`).
    pub element: String,
    /// What is valued (`1 giờ + 1 lượt đi lại`, `phí 20.000 đ`).
    pub what: String,
    /// What it adds.
    pub amount: String,
    /// `file:line:col` of the element, or the file.
    pub at: String,
}

/// Every input of the compliance cost of `a`, in the order the rows add
/// them.
pub fn cost_lines(a: &Analysis, lang: Lang) -> Vec<DerivedLine> {
    let elements = Elements::of(a);
    a.metrics()
        .compliance_cost
        .lines
        .iter()
        .map(|line| DerivedLine {
            activity: line.activity.label(lang).to_string(),
            element: line.element.to_string(),
            what: input_text(&elements, line, lang),
            amount: money(line.total, lang),
            at: at(a, &line.element),
        })
        .collect()
}

/// The documents and steps that element paths name, found through indexes
/// built once per rendering (a line per document and step: no linear
/// search per line).
struct Elements<'a> {
    a: &'a Analysis,
    documents: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Elements<'a> {
    fn of(a: &'a Analysis) -> Elements<'a> {
        Elements {
            a,
            documents: a.procedure().document_index(),
        }
    }

    /// The id after `prefix` in `element` (ids hold no `.` or `[`).
    fn id<'e>(element: &'e ElementPath, prefix: &str) -> Option<&'e str> {
        let rest = element.as_str().strip_prefix(prefix)?;
        rest.split(['.', '[']).next()
    }

    fn document(&self, element: &ElementPath) -> Option<&'a crate::model::Document> {
        let i = *self.documents.get(Self::id(element, "documents.")?)?;
        self.a.procedure().documents.get(i)
    }

    fn step(&self, element: &ElementPath) -> Option<&'a crate::model::Step> {
        let p = self.a.procedure();
        let i = p.graph().index_of(Self::id(element, "steps.")?)?;
        p.steps.get(i)
    }
}

/// `file:line:col` of `element`, or of its nearest enclosing element; the
/// file alone when neither is in the file.
fn at(a: &Analysis, element: &ElementPath) -> String {
    let map = &a.procedure().source_map;
    let file = terminal_safe(&map.origin);
    match map.locate(element.as_str()) {
        Some(l) => format!("{file}:{}:{}", l.line, l.column),
        None => file.into_owned(),
    }
}

fn cost(out: &mut String, a: &Analysis, lang: Lang) {
    let c = &a.metrics().compliance_cost;
    // One derivation per line, in `c.lines` order, shared with the reports.
    let derived = cost_lines(a, lang);
    let basis = a.cost_basis();
    let _ = writeln!(
        out,
        "{} {} ({} {})",
        lang.pick("Chi phí tuân thủ mỗi hồ sơ:", "Compliance cost per case:"),
        money(c.per_case, lang),
        channel_label(c.scenario, lang),
        lang.pick("— phí theo cách thức này", "— fees of this channel"),
    );
    let _ = writeln!(
        out,
        "  = {} × {} {} + {} + {} {}",
        hours(c.milli_hours, lang),
        money(basis.hourly_income.value, lang),
        lang.pick("mỗi giờ", "an hour"),
        lang.pick("chi phí bằng tiền", "out-of-pocket"),
        lang.pick("phí, lệ phí", "fees"),
        lang.pick(
            "(cộng chính xác, làm tròn một lần)",
            "(summed exactly, rounded once)"
        ),
    );
    let rows: Vec<_> = c
        .breakdown
        .iter()
        .filter(|r| r.total != Money::ZERO || c.lines.iter().any(|l| l.activity == r.activity))
        .collect();
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            lang.pick(
                "tệp không khai công sức, phí hay bản sao chứng thực nào (TT005)",
                "the file declares no effort, fee or certified copy (TT005)"
            )
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let last_row = i + 1 == rows.len();
        let (branch, stem) = if last_row {
            ("└─", "   ")
        } else {
            ("├─", "│  ")
        };
        let _ = writeln!(
            out,
            "  {branch} {}: {}",
            row.activity.label(lang),
            money(row.total, lang)
        );
        let lines: Vec<&DerivedLine> = c
            .lines
            .iter()
            .zip(&derived)
            .filter(|(l, _)| l.activity == row.activity)
            .map(|(_, d)| d)
            .collect();
        for (j, line) in lines.iter().enumerate() {
            let twig = if j + 1 == lines.len() {
                "└─"
            } else {
                "├─"
            };
            let _ = writeln!(
                out,
                "  {stem}{twig} {}: {} = {} ← {}",
                line.element, line.what, line.amount, line.at
            );
        }
    }
    let _ = writeln!(out, "  {}", lang.pick("Cơ sở chi phí:", "Cost basis:"));
    basis_lines(out, basis, c, lang);
    match (c.cases_per_year, c.annual) {
        (Some(n), Some(annual)) => {
            let _ = writeln!(
                out,
                "{} {} = {} × {} {} ← {}",
                lang.pick("Mỗi năm:", "A year:"),
                money(annual, lang),
                lang.pick("chi phí chính xác mỗi hồ sơ", "the exact cost per case"),
                crate::report::text::milli(n.saturating_mul(1_000), lang),
                lang.pick("hồ sơ (volume)", "cases (volume)"),
                at(a, &ElementPath::key(Key::Volume))
            );
        }
        _ => {
            say(
                out,
                lang,
                "Mỗi năm: không tính được — tệp không khai số hồ sơ mỗi năm (volume)",
                "A year: not computed — the file declares no cases a year (volume)",
            );
        }
    }
}

/// What one line values, in words: `1 giờ + 1 lượt đi lại`, `phí 20.000 đ`.
fn input_text(elements: &Elements<'_>, line: &CostLine, lang: Lang) -> String {
    let p = elements.a.procedure();
    match line.input {
        CostInput::Standard => format!(
            "{} — {}: {}",
            hours(line.milli_hours, lang),
            lang.pick(
                "giá trị thời gian chuẩn, tệp không ước tính",
                "standard time value, the file gives no estimate"
            ),
            terminal_safe(line.standard.as_deref().unwrap_or_default())
        ),
        CostInput::Fee => format!(
            "{} {}",
            lang.pick("phí, lệ phí", "fee"),
            money(line.fees, lang)
        ),
        CostInput::Certification => {
            let doc = elements.document(&line.element);
            let (copies, pages) = doc.map_or((1, None), |d| (d.copies, d.pages));
            format!(
                "{} × {} ({})",
                copies,
                lang.pick("bản sao chứng thực", "certified copies"),
                match pages {
                    Some(n) => format!("{n} {}", lang.pick("trang", "pages")),
                    None => lang
                        .pick("1 trang, giả định", "1 page, assumed")
                        .to_string(),
                }
            )
        }
        CostInput::Rework => format!(
            "{} {}% × {} ({} + {})",
            lang.pick("xác suất", "probability"),
            crate::report::text::milli(u128::from(line.weight_ppm) / 10, lang),
            lang.pick(
                "phần người nộp làm lại từ bước được trả về",
                "the applicant's part repeated from the step returned to"
            ),
            hours(line.milli_hours, lang),
            money(line.out_of_pocket, lang)
        ),
        CostInput::Effort => {
            let effort = if line.element.as_str() == "learning" {
                p.learning
            } else if let Some(d) = elements.document(&line.element) {
                Some(d.effort)
            } else {
                elements.step(&line.element).map(|s| s.effort)
            };
            match effort {
                Some(e) => {
                    let mut parts = vec![hours(u128::from(e.milli_hours), lang)];
                    if e.trips > 0 {
                        let unit = match (lang, e.trips) {
                            (Lang::Vi, _) => "lượt đi lại",
                            (Lang::En, 1) => "trip",
                            (Lang::En, _) => "trips",
                        };
                        parts.push(format!("{} {unit}", e.trips));
                    }
                    if e.cost != Money::ZERO {
                        parts.push(money(e.cost, lang));
                    }
                    if e.people > 1 {
                        parts.push(format!("× {} {}", e.people, lang.pick("người", "people")));
                    }
                    parts.join(" + ")
                }
                None => hours(line.milli_hours, lang),
            }
        }
    }
}

fn basis_lines(
    out: &mut String,
    basis: &CostBasis,
    c: &crate::metrics::ComplianceCost,
    lang: Lang,
) {
    let trips = c.lines.iter().any(|l| l.basis.contains(&"trip_cost"));
    let certified = c.lines.iter().any(|l| l.input == CostInput::Certification);
    // A source that already says it is an assumption is not labelled twice.
    let mut item = |label: &str, value: String, source: &str, assumption: bool| {
        let _ = writeln!(
            out,
            "    {label}: {value} ← {}{}",
            if assumption {
                lang.pick("giả định: ", "assumption: ")
            } else {
                ""
            },
            terminal_safe(source)
        );
    };
    let src = |s: &Sourced<Money>| (s.source_unlabelled(lang).to_string(), s.assumption);
    let (s, asm) = src(&basis.hourly_income);
    item(
        lang.pick("thu nhập mỗi giờ", "hourly income"),
        money(basis.hourly_income.value, lang),
        &s,
        asm,
    );
    if trips {
        item(
            lang.pick("thời gian mỗi lượt đi lại", "time per trip"),
            hours(u128::from(basis.trip_milli_hours.value), lang),
            basis.trip_milli_hours.source_unlabelled(lang),
            basis.trip_milli_hours.assumption,
        );
        let (s, asm) = src(&basis.trip_cost);
        item(
            lang.pick("chi phí mỗi lượt đi lại", "cost per trip"),
            money(basis.trip_cost.value, lang),
            &s,
            asm,
        );
    }
    if certified {
        let (s, asm) = src(&basis.certification_fee);
        item(
            lang.pick("phí chứng thực", "certification fee"),
            format!(
                "{} / {} {}; {} {}; ≤ {}",
                money(basis.certification_fee.value, lang),
                lang.pick("trang", "page"),
                lang.pick("(hai trang đầu)", "(first two pages)"),
                money(basis.certification_fee_later_page.value, lang),
                lang.pick("/ trang từ trang thứ ba", "a page from the third"),
                money(basis.certification_fee_cap.value, lang)
            ),
            &s,
            asm,
        );
    }
}

fn time(out: &mut String, a: &Analysis, lang: Lang) {
    let m = a.metrics();
    let t = &m.processing_time;
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick(
            "Thời gian giải quyết (đường găng, trên đường chính):",
            "Processing time (critical path, on the main path):"
        ),
        crate::report::text::path_length(t, lang)
    );
    let on_path = &t.critical_path_durations;
    for (i, s) in on_path.iter().enumerate() {
        let twig = if i + 1 == on_path.len() {
            "└─"
        } else {
            "├─"
        };
        let element = ElementPath::step(&s.step);
        let not_counted = lang.pick(
            "bước của người nộp, không tính",
            "the applicant's step, not counted",
        );
        let what = match s.duration {
            Some(d) if s.by_applicant => format!("{} ({not_counted})", duration(d, lang)),
            Some(d) => duration(d, lang),
            None if s.by_applicant => not_counted.to_string(),
            None => lang
                .pick(
                    "không khai thời gian, tính 0 (TT105)",
                    "no duration, counted as 0 (TT105)",
                )
                .to_string(),
        };
        let _ = writeln!(
            out,
            "  {twig} {element}: {what} ← {}",
            at(a, &element.clone().field(Key::Duration))
        );
    }
    if let Some(cal) = &m.on_calendar {
        let _ = writeln!(
            out,
            "  {} {} → {} ({} {})",
            lang.pick(
                "lẫn ngày và ngày làm việc, đặt lên lịch làm việc từ",
                "mixed units, laid on the working-day calendar from"
            ),
            cal.submitted,
            cal.due,
            cal.calendar_days,
            lang.pick("ngày", "days")
        );
    }
    match t.declared {
        Some(d) => {
            let _ = writeln!(
                out,
                "{} {} ← {}",
                lang.pick("Thời hạn công bố:", "Declared deadline:"),
                duration(d, lang),
                at(a, &ElementPath::key(Key::Deadline))
            );
        }
        None => {
            say(
                out,
                lang,
                "Thời hạn công bố: tệp không khai (deadline)",
                "Declared deadline: not declared (deadline)",
            );
        }
    }
}

/// One line, in `lang`.
/// The derivation of the reductions of `c` (a [`Comparison`] of `baseline`
/// and `draft`): the per-case cost of each side, then every cost line that
/// was removed, added or changed, with where each is written, and the
/// processing time of each side with the durations of its critical path.
/// Both sides are on the cost basis the comparison names.
///
/// ```
/// use tthc::{Analysis, Lang, Settings, analysis::Comparison};
/// use tthc::report::why::render_reduction;
/// let yaml = |fee: u32| format!(
///     "format: tthc/1\nname: X\nfees: [{{ name: Phí, amount: {fee} }}]\nsteps:\n  a: {{ name: A, actor: applicant }}\n");
/// let s = Settings::default();
/// let before = Analysis::from_yaml_str(&yaml(1_000_000), "a.yaml", &s)?;
/// let after = Analysis::from_yaml_str(&yaml(400_000), "b.yaml", &s)?;
/// let c = Comparison::new(&before, &after, &[]);
/// let text = render_reduction(&before, &after, &c, Lang::En);
/// assert!(text.contains("60.00%"), "{text}");
/// assert!(text.contains("fees[0]: 1,000,000 VND → 400,000 VND (−600,000 VND) ← a.yaml:3:8 → b.yaml:3:8"), "{text}");
/// # Ok::<(), tthc::LoadErrors>(())
/// ```
pub fn render_reduction(
    baseline: &Analysis,
    draft: &Analysis,
    c: &crate::analysis::Comparison,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let (b, d) = (&c.baseline.compliance_cost, &c.draft.compliance_cost);
    let _ = writeln!(
        out,
        "{} {} = ({} − {}) / {}",
        lang.pick(
            "Cắt giảm chi phí tuân thủ mỗi hồ sơ:",
            "Cut in compliance cost per case:"
        ),
        percent(c.compliance_cost.reduction_percent, lang),
        money(b.per_case, lang),
        money(d.per_case, lang),
        money(b.per_case, lang),
    );
    let _ = writeln!(
        out,
        "  {} {}",
        lang.pick(
            "cả hai tính trên cùng cơ sở:",
            "both valued on the same basis:"
        ),
        terminal_safe(draft.cost_basis().hourly_income.source_in(lang))
    );
    // Lines are matched by (activity, element, input): one index of the
    // draft's lines, then one pass over the baseline's.
    let key = |l: &'_ CostLine| -> (crate::metrics::Activity, String, CostInput) {
        (l.activity, l.element.to_string(), l.input)
    };
    let mut in_draft: std::collections::HashMap<_, usize> = d
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| (key(l), i))
        .collect();
    let mut rows = Vec::new();
    let mut unchanged = (0usize, 0u128);
    for l in &b.lines {
        match in_draft.remove(&key(l)).and_then(|i| d.lines.get(i)) {
            Some(dl) if dl.total == l.total => {
                unchanged.0 += 1;
                unchanged.1 = unchanged.1.saturating_add(l.total.dong());
            }
            Some(dl) => rows.push(format!(
                "{}: {} → {} ({}) ← {} → {}",
                l.element,
                money(l.total, lang),
                money(dl.total, lang),
                signed(dl.total.dong(), l.total.dong(), lang),
                at(baseline, &l.element),
                at(draft, &dl.element)
            )),
            None => rows.push(format!(
                "{}: {} ({}) ← {}",
                l.element,
                money(l.total, lang),
                lang.pick("bỏ trong dự thảo", "gone in the draft"),
                at(baseline, &l.element)
            )),
        }
    }
    let mut added: Vec<usize> = in_draft.into_values().collect();
    added.sort_unstable();
    for i in added {
        if let Some(l) = d.lines.get(i) {
            rows.push(format!(
                "{}: +{} ({}) ← {}",
                l.element,
                money(l.total, lang),
                lang.pick("mới trong dự thảo", "new in the draft"),
                at(draft, &l.element)
            ));
        }
    }
    rows.push(match lang {
        Lang::Vi => format!(
            "{} dòng không đổi, cộng {}",
            unchanged.0,
            money(Money::from_dong(unchanged.1), lang)
        ),
        Lang::En => format!(
            "{} unchanged {}, {} in all",
            unchanged.0,
            if unchanged.0 == 1 { "line" } else { "lines" },
            money(Money::from_dong(unchanged.1), lang)
        ),
    });
    for (i, row) in rows.iter().enumerate() {
        let twig = if i + 1 == rows.len() {
            "└─"
        } else {
            "├─"
        };
        let _ = writeln!(out, "  {twig} {row}");
    }
    if let (Some(pb), Some(pd)) = (b.annual, d.annual) {
        let _ = writeln!(
            out,
            "{} {} = ({} − {}) / {}",
            lang.pick("Mỗi năm:", "A year:"),
            percent(c.compliance_cost.annual_reduction_percent, lang),
            money(pb, lang),
            money(pd, lang),
            money(pb, lang)
        );
    }
    out.push('\n');
    let (tb, td) = (&c.baseline.processing_time, &c.draft.processing_time);
    let _ = writeln!(
        out,
        "{} {} = ({} − {}) / {}",
        lang.pick("Cắt giảm thời gian giải quyết:", "Cut in processing time:"),
        percent(c.processing_time.reduction_percent, lang),
        length(tb.length, lang),
        length(td.length, lang),
        length(tb.length, lang),
    );
    for (label, a, t) in [
        (lang.pick("bản hiện hành", "baseline"), baseline, tb),
        (lang.pick("dự thảo", "draft"), draft, td),
    ] {
        let counted: Vec<String> = t
            .critical_path_durations
            .iter()
            .filter(|s| s.counted)
            .filter_map(|s| {
                let d = s.duration?;
                let element = ElementPath::step(&s.step).field(Key::Duration);
                Some(format!(
                    "{} {} ← {}",
                    s.step,
                    duration(d, lang),
                    at(a, &element)
                ))
            })
            .collect();
        let _ = writeln!(
            out,
            "  {label}: {}",
            if counted.is_empty() {
                lang.pick("không bước nào có thời gian", "no step with a duration")
                    .to_string()
            } else {
                counted.join(" + ")
            }
        );
    }
    if c.processing_time.reduction_percent.is_none() {
        say(
            &mut out,
            lang,
            "  (không tính được: thiếu thời gian hoặc khác đơn vị — ngày làm việc và ngày lịch)",
            "  (not computed: a time is missing or the units differ — working and calendar days)",
        );
    }
    out
}

/// The due date of a dossier of `a` received at `received`: the declared
/// deadline (else the counted durations of the critical path, one after the
/// other) laid on `cal`, each day counted or skipped with its reason and
/// legal basis ([`crate::report::due`]).
///
/// ```
/// use tthc::{Analysis, Lang, Settings, calendar::Calendar};
/// let a = Analysis::from_yaml_str(
///     "format: tthc/1\nname: X\ndeadline: 3 ngày làm việc\nsteps:\n  a: { name: A, actor: applicant }\n",
///     "x.yaml",
///     &Settings::default(),
/// )?;
/// let from = "2026-04-29T09:00".parse().unwrap();
/// let text = tthc::report::why::render_due(&a, &Calendar::vietnam(), from, Lang::Vi);
/// assert!(text.contains("thời hạn công bố 3 ngày làm việc ← x.yaml:3:11"), "{text}");
/// // Counted from the end of the day of receipt: 30/4–3/5 are days off.
/// assert!(text.contains("Hạn giải quyết: 2026-05-06T17:00"), "{text}");
/// # Ok::<(), tthc::LoadErrors>(())
/// ```
pub fn render_due(
    a: &Analysis,
    cal: &crate::calendar::Calendar,
    received: crate::calendar::DateTime,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let t = &a.metrics().processing_time;
    let (durations, what): (Vec<crate::model::Duration>, String) = match t.declared {
        Some(d) => (
            vec![d],
            format!(
                "{} {} ← {}",
                lang.pick("thời hạn công bố", "the declared deadline"),
                duration(d, lang),
                at(a, &ElementPath::key(Key::Deadline))
            ),
        ),
        None => (
            t.critical_path_durations
                .iter()
                .filter(|s| s.counted)
                .filter_map(|s| s.duration)
                .collect(),
            lang.pick(
                "tệp không khai thời hạn: các bước trên đường găng nối tiếp nhau",
                "the file declares no deadline: the critical path's steps one after the other",
            )
            .to_string(),
        ),
    };
    let _ = writeln!(
        out,
        "{} {received} ({}); {what}",
        lang.pick("Tiếp nhận:", "Received:"),
        received.date().weekday().name(lang)
    );
    match cal
        .processing_time_on_calendar(received, &durations)
        .and_then(|s| crate::report::due::render(cal, &s, lang))
    {
        Ok(text) => out.push_str(&text),
        Err(e) => {
            let _ = writeln!(out, "{}", e.message(lang));
        }
    }
    out
}

fn percent(p: Option<crate::metrics::Percent>, lang: Lang) -> String {
    p.map_or_else(
        || lang.pick("không tính được", "not computed").to_string(),
        |p| crate::report::text::percent(p, lang),
    )
}

/// `new − old` with its sign, in đồng.
fn signed(new: u128, old: u128, lang: Lang) -> String {
    if new >= old {
        format!("+{}", money(Money::from_dong(new - old), lang))
    } else {
        format!("−{}", money(Money::from_dong(old - new), lang))
    }
}

fn say(out: &mut String, lang: Lang, vi: &str, en: &str) {
    out.push_str(lang.pick(vi, en));
    out.push('\n');
}

fn channel_label(s: crate::metrics::Scenario, lang: Lang) -> &'static str {
    use crate::metrics::Scenario;
    match s {
        Scenario::Online => lang.pick("nộp trực tuyến", "filed online"),
        Scenario::Post => lang.pick("gửi qua bưu chính", "sent by post"),
        _ => lang.pick("nộp trực tiếp", "filed in person"),
    }
}
