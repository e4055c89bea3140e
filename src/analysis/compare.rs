//! Baseline against draft: every metric side by side, the steps and
//! documents removed, added and changed, and the Government's reduction
//! targets (SPEC section 8).

use crate::analysis::Analysis;
use crate::analysis::metric::Metric;
use crate::metrics::{Length, Metrics, Percent};
use crate::metrics::{Quantity, Unit};
use crate::model::{Document, Step};
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// A reduction target: a cut of compliance cost and/or processing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Resolution 68/NQ-CP (2020): compliance cost −20%.
    Nq68_2020,
    /// Resolution 66/NQ-CP, 2025: compliance cost −30%, processing time −30%.
    Nq66_2025,
    /// Resolution 66/NQ-CP, 2026: compliance cost −50%, processing time −50%.
    Nq66_2026,
    /// A custom cut of cost and/or time.
    Custom {
        /// Required cut of the compliance cost per case.
        cost: Option<Percent>,
        /// Required cut of the processing time.
        time: Option<Percent>,
    },
}

impl Target {
    /// The required cuts: (compliance cost, processing time).
    pub fn requirements(self) -> (Option<Percent>, Option<Percent>) {
        let bp = |v| Some(Percent::from_basis_points(v));
        match self {
            Target::Nq68_2020 => (bp(2_000), None),
            Target::Nq66_2025 => (bp(3_000), bp(3_000)),
            Target::Nq66_2026 => (bp(5_000), bp(5_000)),
            Target::Custom { cost, time } => (cost, time),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Nq68_2020 => f.write_str("nq68-2020"),
            Target::Nq66_2025 => f.write_str("nq66-2025"),
            Target::Nq66_2026 => f.write_str("nq66-2026"),
            Target::Custom { cost, time } => {
                let parts: Vec<String> = [("cost", cost), ("time", time)]
                    .iter()
                    .filter_map(|(k, v)| v.map(|p| format!("{k}={p}")))
                    .collect();
                f.write_str(&parts.join(","))
            }
        }
    }
}

/// Parses `nq68-2020`, `nq66-2025`, `nq66-2026`, or a custom target:
/// `25` / `25%` (cost −25%), `cost=25`, `time=30`, `cost=25,time=30`.
///
/// ```
/// use tthc::analysis::Target;
/// assert_eq!("NQ66-2025".parse::<Target>(), Ok(Target::Nq66_2025));
/// let t: Target = "cost=25,time=12.5".parse().unwrap();
/// let (cost, time) = t.requirements();
/// assert_eq!((cost.unwrap().basis_points(), time.unwrap().basis_points()), (2_500, 1_250));
/// assert!("nq99".parse::<Target>().is_err());
/// ```
/// Why `text` names no target, in Vietnamese and in English (one list of
/// the targets for both).
fn unknown_target(text: &str) -> (String, String) {
    const LIST: &str = "nq68-2020, nq66-2025, nq66-2026";
    const CUTS: &str = "25, cost=25, time=30, cost=25,time=30";
    (
        format!(
            "không có mục tiêu «{text}»: dùng {LIST} hoặc một tỷ lệ cắt giảm như {CUTS} (cost: chi phí tuân thủ, time: thời gian giải quyết)"
        ),
        format!("unknown target '{text}': use {LIST}, or a percentage such as {CUTS}"),
    )
}

/// A reduction target as written (`nq66-2025`, `cost=25,time=30`), or why
/// it is none: the message in Vietnamese and in English.
///
/// ```
/// use tthc::analysis::parse_target;
/// assert!(parse_target("nq66-2025").is_ok());
/// let (vi, en) = parse_target("nq99").unwrap_err();
/// assert!(vi.starts_with("không có mục tiêu «nq99»") && en.starts_with("unknown target 'nq99'"));
/// ```
pub fn parse_target(text: &str) -> Result<Target, (String, String)> {
    text.parse::<Target>().map_err(|_| unknown_target(text))
}

impl FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Target, String> {
        let lower = s.trim().to_ascii_lowercase();
        match lower.as_str() {
            "nq68-2020" => return Ok(Target::Nq68_2020),
            "nq66-2025" => return Ok(Target::Nq66_2025),
            "nq66-2026" => return Ok(Target::Nq66_2026),
            _ => {}
        }
        let bad = || unknown_target(s).1;
        let (mut cost, mut time) = (None, None);
        for part in lower.split(',') {
            let (key, value) = part.split_once('=').unwrap_or(("cost", part));
            let p = parse_percent(value).ok_or_else(bad)?;
            match key.trim() {
                "cost" => cost = Some(p),
                "time" => time = Some(p),
                _ => return Err(bad()),
            }
        }
        Ok(Target::Custom { cost, time })
    }
}

/// `25`, `25%`, `12.5`, `12,75` → basis points (at most two decimals, ≤ 100%).
fn parse_percent(text: &str) -> Option<Percent> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 3 || frac.len() > 2 || !digits(whole) || !digits(frac) {
        return None;
    }
    let w: i128 = whole.parse().ok()?;
    let f: i128 = format!("{frac:0<2}").parse().ok()?;
    let bp = w * 100 + f;
    (bp <= 10_000).then(|| Percent::from_basis_points(bp))
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One metric, before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetricChange {
    /// The metric (serialized as its key, `compliance_cost.per_case`).
    pub metric: Metric,
    /// Unit of the values.
    pub unit: Unit,
    /// Baseline value (`None` when not measurable, e.g. no volume declared).
    pub baseline: Option<Quantity>,
    /// Draft value.
    pub draft: Option<Quantity>,
    /// `draft − baseline`.
    pub change: Option<Quantity>,
    /// `(draft − baseline) / baseline × 100`.
    pub change_percent: Option<Percent>,
}

impl MetricChange {
    fn new(metric: Metric, baseline: Option<Quantity>, draft: Option<Quantity>) -> MetricChange {
        let unit = metric.unit();
        let (change, change_percent) = match (baseline, draft) {
            (Some(b), Some(d)) => (
                d.scaled()
                    .checked_sub(b.scaled())
                    .map(|c| Quantity::new(c, unit)),
                match (u128::try_from(b.scaled()), u128::try_from(d.scaled())) {
                    (Ok(b), Ok(d)) => Percent::change(b, d),
                    _ => None,
                },
            ),
            _ => (None, None),
        };
        MetricChange {
            metric,
            unit,
            baseline,
            draft,
            change,
            change_percent,
        }
    }
}

/// A reduction of one headline figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reduction {
    /// `(baseline − draft) / baseline × 100` of the per-case cost (or the
    /// processing time); positive for a cut.
    pub reduction_percent: Option<Percent>,
    /// The same for the annual cost (cost only; both need `volume`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_reduction_percent: Option<Percent>,
}

/// How an element of the draft was matched to one of the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// Same id.
    Id,
    /// Same normalised name (lowercase, whitespace collapsed, diacritics kept).
    Name,
}

/// A step or document present in both, with what differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ElementChange {
    /// Id in the baseline.
    pub baseline: String,
    /// Id in the draft.
    pub draft: String,
    /// How they were matched.
    pub matched_by: MatchedBy,
    /// Fields that differ (`id` when matched by name under another id).
    pub fields: Vec<&'static str>,
}

/// Steps or documents removed, added and changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ElementDiff {
    /// Baseline ids with no match in the draft.
    pub removed: Vec<String>,
    /// Draft ids with no match in the baseline.
    pub added: Vec<String>,
    /// Matched pairs that differ.
    pub changed: Vec<ElementChange>,
    /// Matched pairs that are identical.
    pub unchanged: u64,
}

/// One component of a target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetComponent {
    /// `compliance_cost` or `processing_time`.
    pub component: &'static str,
    /// Required cut.
    pub required_percent: Percent,
    /// Achieved cut, when measurable.
    pub achieved_percent: Option<Percent>,
    /// Achieved ≥ required.
    pub met: bool,
}

/// A target, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetCheck {
    /// The target.
    pub target: Target,
    /// Each required cut.
    pub components: Vec<TargetComponent>,
    /// Every component met.
    pub met: bool,
}

/// Baseline against draft, both valued on the same cost basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The cost basis both sides are valued on (its hourly-income source).
    pub cost_basis: String,
    /// Metrics of the baseline.
    pub baseline: Metrics,
    /// Metrics of the draft.
    pub draft: Metrics,
    /// Every metric of one procedure, side by side.
    pub metrics: Vec<MetricChange>,
    /// Cut of the compliance cost.
    pub compliance_cost: Reduction,
    /// Cut of the processing time (main-path critical path).
    pub processing_time: Reduction,
    /// Steps removed, added, changed.
    pub steps: ElementDiff,
    /// Documents removed, added, changed.
    pub documents: ElementDiff,
    /// The targets asked for.
    pub targets: Vec<TargetCheck>,
}

impl Comparison {
    /// Compares a baseline with its draft and checks `targets`. Both are
    /// valued on the draft's cost basis: a baseline analysed on another
    /// basis is measured again on it, so a reduction never mixes bases.
    ///
    /// ```
    /// use tthc::{Analysis, Settings, analysis::{Comparison, Target}};
    /// let yaml = |fee: u32| format!(
    ///     "format: tthc/1\nname: X\nfees: [{{ name: Phí, amount: {fee} }}]\nsteps:\n  a: {{ name: A, actor: applicant }}\n");
    /// let settings = Settings::default();
    /// let before = Analysis::from_yaml_str(&yaml(1_000_000), "a.yaml", &settings)?;
    /// let after = Analysis::from_yaml_str(&yaml(500_000), "b.yaml", &settings)?;
    /// let c = Comparison::new(&before, &after, &[Target::Nq68_2020]);
    /// assert!(c.targets_met());
    /// # Ok::<(), tthc::LoadErrors>(())
    /// ```
    pub fn new(baseline: &Analysis, draft: &Analysis, targets: &[Target]) -> Comparison {
        let rebased;
        let baseline = if baseline.same_basis(draft) {
            baseline
        } else {
            rebased = baseline.revalued_like(draft);
            &rebased
        };
        let bm = baseline.metrics();
        let dm = draft.metrics();
        let metrics = Metric::ALL
            .iter()
            .filter(|m| !m.needs_baseline())
            .map(|&m| MetricChange::new(m, m.of(baseline), m.of(draft)))
            .collect();
        let cost = Reduction {
            reduction_percent: Percent::reduction(
                bm.compliance_cost.per_case.dong(),
                dm.compliance_cost.per_case.dong(),
            ),
            annual_reduction_percent: match (bm.compliance_cost.annual, dm.compliance_cost.annual) {
                (Some(b), Some(d)) => Percent::reduction(b.dong(), d.dong()),
                _ => None,
            },
        };
        let time = Reduction {
            reduction_percent: match (bm.processing_time.length, dm.processing_time.length) {
                (Length::WorkingDays(b), Length::WorkingDays(d))
                | (Length::CalendarDays(b), Length::CalendarDays(d)) => {
                    Percent::reduction(b.into(), d.into())
                }
                _ => None,
            },
            annual_reduction_percent: None,
        };
        let targets = targets
            .iter()
            .map(|t| check(*t, cost.reduction_percent, time.reduction_percent))
            .collect();
        let (b, d) = (baseline.procedure(), draft.procedure());
        Comparison {
            cost_basis: draft.cost_basis().hourly_income.source.clone(),
            steps: diff(&b.steps, &d.steps, |s| &s.id, |s| &s.name, step_fields),
            documents: diff(
                &b.documents,
                &d.documents,
                |d| &d.id,
                |d| &d.name,
                document_fields,
            ),
            baseline: bm.clone(),
            draft: dm.clone(),
            metrics,
            compliance_cost: cost,
            processing_time: time,
            targets,
        }
    }

    /// Whether every target is met.
    pub fn targets_met(&self) -> bool {
        self.targets.iter().all(|t| t.met)
    }

    /// The value of `metric` (see [`Metric::of_comparison`]).
    pub fn value(&self, metric: Metric) -> Option<Quantity> {
        metric.of_comparison(self)
    }
}

/// Checks `target` against the achieved cuts of compliance cost and
/// processing time (a component not measurable is not met).
pub fn check(target: Target, cost: Option<Percent>, time: Option<Percent>) -> TargetCheck {
    let (need_cost, need_time) = target.requirements();
    let components: Vec<TargetComponent> = [
        ("compliance_cost", need_cost, cost),
        ("processing_time", need_time, time),
    ]
    .into_iter()
    .filter_map(|(component, need, got)| {
        need.map(|required| TargetComponent {
            component,
            required_percent: required,
            achieved_percent: got,
            met: got.is_some_and(|g| g >= required),
        })
    })
    .collect();
    TargetCheck {
        target,
        met: components.iter().all(|c| c.met),
        components,
    }
}

/// Lowercase, whitespace collapsed; diacritics kept (they carry meaning in
/// Vietnamese: "bản sao" and "bán sào" differ).
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Matches by id, then the rest by normalised name (first unused match);
/// linear in the number of elements.
fn diff<T>(
    base: &[T],
    draft: &[T],
    id: fn(&T) -> &String,
    name: fn(&T) -> &String,
    fields: fn(&T, &T) -> Vec<&'static str>,
) -> ElementDiff {
    let draft_ids: HashMap<&str, usize> = draft
        .iter()
        .enumerate()
        .map(|(i, e)| (id(e).as_str(), i))
        .collect();
    let mut draft_used = vec![false; draft.len()];
    let mut pairs: Vec<(usize, Option<(usize, MatchedBy)>)> = Vec::with_capacity(base.len());
    for (i, e) in base.iter().enumerate() {
        let m = draft_ids.get(id(e).as_str()).copied();
        if let Some(j) = m {
            draft_used[j] = true;
        }
        pairs.push((i, m.map(|j| (j, MatchedBy::Id))));
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, e) in draft.iter().enumerate().rev() {
        if !draft_used[j] {
            by_name.entry(normalise_name(name(e))).or_default().push(j);
        }
    }
    for (i, m) in pairs.iter_mut() {
        if m.is_none()
            && let Some(base_el) = base.get(*i)
            && let Some(j) = by_name
                .get_mut(&normalise_name(name(base_el)))
                .and_then(Vec::pop)
        {
            draft_used[j] = true;
            *m = Some((j, MatchedBy::Name));
        }
    }
    let mut out = ElementDiff::default();
    for (i, m) in pairs {
        let (Some(b), Some((j, by))) = (base.get(i), m) else {
            if let Some(b) = base.get(i) {
                out.removed.push(id(b).clone());
            }
            continue;
        };
        let Some(d) = draft.get(j) else { continue };
        let mut f = fields(b, d);
        if by == MatchedBy::Name {
            f.insert(0, "id");
        }
        if f.is_empty() {
            out.unchanged += 1;
        } else {
            out.changed.push(ElementChange {
                baseline: id(b).clone(),
                draft: id(d).clone(),
                matched_by: by,
                fields: f,
            });
        }
    }
    out.added = draft
        .iter()
        .zip(&draft_used)
        .filter(|(_, used)| !**used)
        .map(|(e, _)| id(e).clone())
        .collect();
    out
}

fn step_fields(a: &Step, b: &Step) -> Vec<&'static str> {
    let checks = [
        ("name", a.name != b.name),
        ("actor", a.actor != b.actor),
        ("submits", a.submits != b.submits),
        ("uses", a.uses != b.uses),
        ("produces", a.produces != b.produces),
        ("effort", a.effort != b.effort),
        ("duration", a.duration != b.duration),
        ("next", a.next != b.next),
        ("choice", a.choice != b.choice),
        ("rework", a.rework != b.rework),
    ];
    checks
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(f, _)| f)
        .collect()
}

fn document_fields(a: &Document, b: &Document) -> Vec<&'static str> {
    let checks = [
        ("name", a.name != b.name),
        ("form", a.form != b.form),
        ("copies", a.copies != b.copies),
        ("pages", a.pages != b.pages),
        ("template", a.template != b.template),
        ("issued_by", a.issued_by != b.issued_by),
        ("held_in", a.held_in != b.held_in),
        ("when", a.when != b.when),
        ("effort", a.effort != b.effort),
    ];
    checks
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(f, _)| f)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_names_keeping_diacritics() {
        assert_eq!(normalise_name("  Bản   sao\tCMND "), "bản sao cmnd");
        assert_ne!(normalise_name("Bản sao"), normalise_name("Ban sao"));
    }

    #[test]
    fn parses_percentages() {
        assert_eq!(parse_percent("30").map(Percent::basis_points), Some(3_000));
        assert_eq!(
            parse_percent("12,75%").map(Percent::basis_points),
            Some(1_275)
        );
        assert_eq!(parse_percent("0.5").map(Percent::basis_points), Some(50));
        for bad in ["", "x", "101", "1.234", "-5"] {
            assert_eq!(parse_percent(bad), None, "{bad}");
        }
    }

    #[test]
    fn target_needs_every_component() {
        let bp = Percent::from_basis_points;
        assert!(check(Target::Nq66_2025, Some(bp(3_000)), Some(bp(3_000))).met);
        assert!(!check(Target::Nq66_2025, Some(bp(7_744)), Some(bp(2_999))).met);
        assert!(!check(Target::Nq66_2025, Some(bp(7_744)), None).met);
        // NQ 68 asks for cost only: an unmeasurable time does not matter.
        assert!(check(Target::Nq68_2020, Some(bp(2_000)), None).met);
        assert!(!check(Target::Nq68_2020, Some(bp(1_999)), None).met);
    }
}
