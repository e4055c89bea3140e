//! The review-test file format: a YAML list of named cases, each naming a
//! procedure (and optionally a baseline) and what a drafter expects of it.
//!
//! ```yaml
//! - name: Dự thảo cắt giảm ít nhất 30% chi phí tuân thủ (NQ 66/NQ-CP)
//!   procedure: ../../procedures/buu-chinh/cap-lai.draft.yaml
//!   baseline: ../../procedures/buu-chinh/cap-lai.yaml
//!   expect:
//!     compliance_cost.reduction_percent: ">= 30"
//!     processing_time.working_days: "<= 5"
//!     findings.absent: [TT303, certified-copy-required]
//!     target: nq66-2025
//! ```

use crate::analysis::Metric;
use crate::i18n::Lang;
use crate::load::node::{Node, NodeKind};
use crate::load::reader::{Reader, index, join};
use crate::load::suggest::closest;
use crate::load::{LoadError, LoadErrorKind, LoadErrors, LoadOptions, Location};
use crate::rules::RuleLevel;
use std::fmt;
use std::path::{Path, PathBuf};

/// Keys that read a metric with `<=` whatever operator is written:
/// `findings.max_errors: 0` means "at most 0 errors".
pub const AT_MOST_KEYS: &[(&str, Metric)] = &[
    ("findings.max_errors", Metric::FindingErrors),
    ("findings.max_warnings", Metric::FindingWarnings),
];

/// Expectation keys that take a list of rule codes or names.
pub const CODE_LIST_KEYS: &[&str] = &["findings.absent", "findings.present"];

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    /// Whether `measured op expected` holds (with a tolerance for `==`/`!=`).
    pub fn holds(self, measured: Decimal, expected: Decimal, tolerance: Decimal) -> bool {
        let diff = (measured.0 - expected.0).abs();
        match self {
            Op::Eq => diff <= tolerance.0,
            Op::Ne => diff > tolerance.0,
            Op::Lt => measured < expected,
            Op::Le => measured <= expected,
            Op::Gt => measured > expected,
            Op::Ge => measured >= expected,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// An exact decimal in millionths, so đồng, days and percentages compare
/// without floating-point error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal(pub i128);

impl Decimal {
    /// Scale: millionths.
    pub const SCALE: i128 = 1_000_000;

    /// A whole number.
    pub fn whole(v: i128) -> Decimal {
        Decimal(v.saturating_mul(Decimal::SCALE))
    }

    /// `value` thousandths (milli-days, milli-hours).
    pub fn milli(v: i128) -> Decimal {
        Decimal(v.saturating_mul(1_000))
    }

    /// `value` hundredths (basis points of a percentage give percent).
    pub fn centi(v: i128) -> Decimal {
        Decimal(v.saturating_mul(10_000))
    }

    /// Parses `30`, `-5`, `77.44`, `0,5` (Vietnamese decimal comma).
    pub fn parse(text: &str) -> Option<Decimal> {
        let t = text.trim().replace(',', ".");
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, t.trim_start_matches('+').to_string()),
        };
        let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(frac) || frac.len() > 6 || whole.len() > 24 {
            return None;
        }
        let w: i128 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let mut f: i128 = 0;
        for (i, b) in frac.bytes().enumerate() {
            f += i128::from(b - b'0') * 10i128.pow(5 - i as u32);
        }
        let v = w.checked_mul(Decimal::SCALE)?.checked_add(f)?;
        Some(Decimal(if neg { -v } else { v }))
    }
}

impl Decimal {
    /// The number in `lang`: Vietnamese groups thousands with `.` and marks
    /// decimals with `,` (`1.234,5`); English is [`Display`](fmt::Display)'s
    /// plain form (`1234.5`), which JUnit and JSON have always had.
    pub fn text(self, lang: Lang) -> String {
        match lang {
            Lang::Vi => crate::report::text::millionths(self.0, lang),
            Lang::En => self.to_string(),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let m = self.0.unsigned_abs();
        let (w, fr) = (m / Decimal::SCALE as u128, m % Decimal::SCALE as u128);
        if fr == 0 {
            write!(f, "{sign}{w}")
        } else {
            let frac = format!("{fr:06}");
            write!(f, "{sign}{w}.{}", frac.trim_end_matches('0'))
        }
    }
}

/// What one expectation checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// A metric compared with a number.
    Compare {
        /// The metric.
        metric: Metric,
        /// The operator.
        op: Op,
        /// The expected value.
        value: Decimal,
        /// Allowed difference for `==` / `!=` (zero unless asked).
        tolerance: Decimal,
    },
    /// Rule codes or names that must be absent / present.
    Codes(Vec<String>),
    /// Named reduction targets that must be met.
    Targets(Vec<String>),
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::Compare {
                op,
                value,
                tolerance,
                ..
            } if tolerance.0 > 0 => {
                write!(f, "{} {value} ± {tolerance}", op.symbol())
            }
            Check::Compare { op, value, .. } => write!(f, "{} {value}", op.symbol()),
            Check::Codes(codes) => write!(f, "[{}]", codes.join(", ")),
            Check::Targets(t) => write!(f, "{}", t.join(", ")),
        }
    }
}

impl Check {
    /// The expectation as written, its numbers in `lang` (`== 0,5 ± 0,01`);
    /// English is [`Display`](fmt::Display).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Check::Compare {
                op,
                value,
                tolerance,
                ..
            } if tolerance.0 > 0 => format!(
                "{} {} ± {}",
                op.symbol(),
                value.text(lang),
                tolerance.text(lang)
            ),
            Check::Compare { op, value, .. } => format!("{} {}", op.symbol(), value.text(lang)),
            other => other.to_string(),
        }
    }
}

/// One expectation of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    /// The key as written (`compliance_cost.reduction_percent`).
    pub key: String,
    /// Where it is written.
    pub location: Location,
    /// What it checks.
    pub check: Check,
}

/// A per-case severity override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleOverride {
    /// The rule's code.
    pub rule: &'static str,
    /// Its level in this case.
    pub level: RuleLevel,
    /// Where it is written.
    pub location: Location,
}

/// One named case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewCase {
    /// The case's name.
    pub name: String,
    /// Where the case starts in its file.
    pub location: Location,
    /// The procedure under test, resolved against the test file's folder.
    pub procedure: PathBuf,
    /// The baseline to compare with, if any.
    pub baseline: Option<PathBuf>,
    /// A cost-basis file, if any.
    pub cost_basis: Option<PathBuf>,
    /// Severity overrides for this case.
    pub rules: Vec<RuleOverride>,
    /// What is expected.
    pub expectations: Vec<Expectation>,
}

/// A parsed review-test file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewTestFile {
    /// The file's path (as given).
    pub path: PathBuf,
    /// Its cases, in file order.
    pub cases: Vec<ReviewCase>,
}

/// Parses review-test YAML. `path` names the file in errors and resolves the
/// relative paths of its cases.
pub fn parse_review_tests(src: &str, path: &Path) -> Result<ReviewTestFile, LoadErrors> {
    let origin = path.display().to_string();
    let root = match crate::load::yaml::parse_node(src, &origin, &LoadOptions::default()) {
        Ok(Some(root)) => root,
        Ok(None) => return Err(LoadError::new(&origin, LoadErrorKind::Empty).into()),
        Err(e) => return Err(LoadErrors::from(e).with_source(src)),
    };
    let mut r = Reader::new(&origin, src);
    let NodeKind::Seq(items) = &root.kind else {
        r.error(
            "",
            root.loc,
            LoadErrorKind::Invalid {
                en: "a review-test file is a list of cases: start each case with `- name: ...`".into(),
                vi: "tệp kiểm thử là một danh sách trường hợp: mỗi trường hợp bắt đầu bằng `- name: ...`".into(),
            },
        );
        return Err(r.into_errors(src));
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut cases = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(case) = parse_case(&mut r, item, &index("", i), dir) {
            cases.push(case);
        }
    }
    if r.errors.is_empty() {
        Ok(ReviewTestFile {
            path: path.to_path_buf(),
            cases,
        })
    } else {
        Err(r.into_errors(src))
    }
}

fn parse_case(r: &mut Reader<'_>, node: &Node, path: &str, dir: &Path) -> Option<ReviewCase> {
    let f = r.fields(node, path, &crate::format::REVIEW_CASE)?;
    let name = r
        .required(&f, "name", path)
        .and_then(|n| r.text(n, &join(path, "name")));
    let procedure = r
        .required(&f, "procedure", path)
        .and_then(|n| r.text(n, &join(path, "procedure")));
    let baseline = r.opt_text(f.get("baseline"), &join(path, "baseline"));
    let cost_basis = r.opt_text(f.get("cost_basis"), &join(path, "cost_basis"));
    let mut rules = Vec::new();
    if let Some(node) = f.get("rules") {
        // An empty allowed list: any rule code or name; validated by the runner.
        if r.fields(node, &join(path, "rules"), &crate::format::ANY)
            .is_some()
        {
            for (key, key_node, value) in map_entries(node) {
                let p = join(&join(path, "rules"), &key);
                let Some(info) = rule_of(r, &key, key_node.loc, &p) else {
                    continue;
                };
                let level = match value.kind {
                    NodeKind::Bool(false) => Some(RuleLevel::Off),
                    _ => r.choice(value, &p, RuleLevel::NAMES),
                };
                if let Some(level) = level {
                    rules.push(RuleOverride {
                        rule: info.code,
                        level,
                        location: value.loc,
                    });
                }
            }
        }
    }
    let mut expectations = Vec::new();
    match f.get("expect") {
        Some(node) => {
            if r.fields(node, &join(path, "expect"), &crate::format::ANY)
                .is_some()
            {
                for (key, key_node, value) in map_entries(node) {
                    let p = join(&join(path, "expect"), &key);
                    if let Some(check) = parse_check(r, &key, value, &p, baseline.is_some()) {
                        expectations.push(Expectation {
                            key,
                            location: key_node.loc,
                            check,
                        });
                    }
                }
            }
        }
        None => {
            let _ = r.required(&f, "expect", path);
        }
    }
    Some(ReviewCase {
        name: name?,
        location: node.loc,
        procedure: resolve(dir, &procedure?),
        baseline: baseline.map(|b| resolve(dir, &b)),
        cost_basis: cost_basis.map(|c| resolve(dir, &c)),
        rules,
        expectations,
    })
}

/// `dir/rel` with `.` and `..` folded lexically, so messages show
/// `procedures/x.yaml` rather than `tests/review/../../procedures/x.yaml`.
fn resolve(dir: &Path, rel: &str) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    let joined = dir.join(rel);
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

fn map_entries(node: &Node) -> Vec<(String, &Node, &Node)> {
    match &node.kind {
        NodeKind::Map(entries) => entries
            .iter()
            .filter_map(|(k, v)| match &k.kind {
                NodeKind::Str(s) => Some((s.clone(), k, v)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The rule with this code or name, or a located "no such rule" error with
/// the closest code or name.
fn rule_of(
    r: &mut Reader<'_>,
    name: &str,
    loc: Location,
    path: &str,
) -> Option<&'static crate::rules::RuleInfo> {
    let found = crate::rules::find(name);
    if found.is_none() {
        let known = crate::rules::registry()
            .iter()
            .flat_map(|rule| [rule.info().code, rule.info().name]);
        r.error(
            path,
            loc,
            LoadErrorKind::UnknownRule {
                rule: name.to_string(),
                suggestion: closest(name, known),
            },
        );
    }
    found
}

fn parse_check(
    r: &mut Reader<'_>,
    key: &str,
    value: &Node,
    path: &str,
    has_baseline: bool,
) -> Option<Check> {
    if CODE_LIST_KEYS.contains(&key) {
        let codes = r.text_list(value, path)?;
        let items: Vec<Location> = match &value.kind {
            NodeKind::Seq(items) => items.iter().map(|n| n.loc).collect(),
            _ => Vec::new(),
        };
        let before = r.error_count();
        for (i, code) in codes.iter().enumerate() {
            let loc = items.get(i).copied().unwrap_or(value.loc);
            rule_of(r, code, loc, &index(path, i));
        }
        return (r.error_count() == before).then_some(Check::Codes(codes));
    }
    if key == "target" {
        let (targets, locs): (Vec<String>, Vec<Location>) = match &value.kind {
            NodeKind::Seq(items) => (
                r.text_list(value, path)?,
                items.iter().map(|n| n.loc).collect(),
            ),
            _ => (vec![r.text(value, path)?], vec![value.loc]),
        };
        if !has_baseline {
            r.error(path, value.loc, needs_baseline(key));
            return None;
        }
        let before = r.error_count();
        for (i, t) in targets.iter().enumerate() {
            if let Err((vi, en)) = parse_target(t) {
                let loc = locs.get(i).copied().unwrap_or(value.loc);
                r.error(path, loc, LoadErrorKind::Invalid { en, vi });
            }
        }
        return (r.error_count() == before).then_some(Check::Targets(targets));
    }
    let at_most = AT_MOST_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, m)| *m);
    let Some(metric) = at_most.or_else(|| Metric::from_key(key)) else {
        let mut known: Vec<&'static str> = Metric::ALL.iter().map(|m| m.key()).collect();
        known.extend(AT_MOST_KEYS.iter().map(|(k, _)| *k));
        known.extend(CODE_LIST_KEYS);
        known.push("target");
        r.error(
            path,
            value.loc,
            LoadErrorKind::UnknownKey {
                key: key.to_string(),
                suggestion: closest(key, known.iter().copied()),
                allowed: known,
            },
        );
        return None;
    };
    if metric.needs_baseline() && !has_baseline {
        r.error(path, value.loc, needs_baseline(key));
        return None;
    }
    let text = r.text(value, path)?;
    match parse_comparison(&text) {
        Some((op, value, tolerance)) => Some(Check::Compare {
            metric,
            op: if at_most.is_some() { Op::Le } else { op },
            value,
            tolerance,
        }),
        None => {
            r.error(
                path,
                value.loc,
                LoadErrorKind::Invalid {
                    en: format!("cannot read the expectation `{text}`: write a number, or an operator and a number such as \">= 30\" or \"== 77.44 ± 0.01\""),
                    vi: format!("không đọc được kỳ vọng `{text}`: ghi một số, hoặc phép so sánh và một số, ví dụ \">= 30\" hay \"== 77,44 ± 0,01\""),
                },
            );
            None
        }
    }
}

pub(crate) use crate::analysis::parse_target;

fn needs_baseline(key: &str) -> LoadErrorKind {
    LoadErrorKind::Invalid {
        en: format!("`{key}` compares with a baseline: add `baseline: <file>` to this case"),
        vi: format!("`{key}` so sánh với phương án gốc: thêm `baseline: <tệp>` vào trường hợp này"),
    }
}

/// Parses `">= 30"`, `"<5"`, `"77.44"`, `"== 77.44 ± 0.01"`, `"== 77.44 +- 0.01"`.
/// Returns the operator, the value and the tolerance.
pub fn parse_comparison(text: &str) -> Option<(Op, Decimal, Decimal)> {
    let t = text.trim();
    let ops = [
        ("==", Op::Eq),
        ("!=", Op::Ne),
        ("<=", Op::Le),
        (">=", Op::Ge),
        ("<", Op::Lt),
        (">", Op::Gt),
        ("=", Op::Eq),
    ];
    let (op, rest) = ops
        .iter()
        .find_map(|(sym, op)| t.strip_prefix(sym).map(|rest| (*op, rest)))
        .unwrap_or((Op::Eq, t));
    let (value, tolerance) = match rest.split_once('±').or_else(|| rest.split_once("+-")) {
        Some((v, tol)) => (v, Some(tol)),
        None => (rest, None),
    };
    let value = Decimal::parse(value.trim().trim_end_matches('%'))?;
    let tolerance = match tolerance {
        Some(tol) => Decimal::parse(tol.trim().trim_end_matches('%'))?,
        None => Decimal(0),
    };
    if tolerance.0 < 0 {
        return None;
    }
    Some((op, value, tolerance))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comparisons_exactly() {
        assert_eq!(
            parse_comparison(">= 30"),
            Some((Op::Ge, Decimal::whole(30), Decimal(0)))
        );
        assert_eq!(
            parse_comparison("== 77.44 ± 0.01"),
            Some((Op::Eq, Decimal(77_440_000), Decimal(10_000)))
        );
        assert_eq!(
            parse_comparison("0,5"),
            Some((Op::Eq, Decimal(500_000), Decimal(0)))
        );
        assert_eq!(parse_comparison("about 5"), None);
        assert_eq!(parse_comparison(">= "), None);
    }

    #[test]
    fn decimal_round_trips() {
        for t in ["0", "30", "-5", "77.44", "0.001"] {
            assert_eq!(Decimal::parse(t).unwrap().to_string(), t);
        }
        assert!(Op::Eq.holds(
            Decimal::parse("77.44").unwrap(),
            Decimal::parse("77.45").unwrap(),
            Decimal::parse("0.01").unwrap()
        ));
        assert!(!Op::Eq.holds(
            Decimal::parse("77.44").unwrap(),
            Decimal::parse("77.46").unwrap(),
            Decimal::parse("0.01").unwrap()
        ));
    }

    #[test]
    fn parses_a_file_and_locates_errors() {
        let src = "- name: A\n  procedure: p.yaml\n  baseline: b.yaml\n  expect:\n    compliance_cost.reduction_percent: \">= 30\"\n    findings.absent: [TT303]\n    target: nq66-2025\n- name: B\n  procedure: p.yaml\n  expect:\n    compliance_cost.per_cse: 5\n";
        let err = parse_review_tests(src, Path::new("t/x.yaml")).unwrap_err();
        assert_eq!(err.errors.len(), 1);
        let e = &err.errors[0];
        assert_eq!(e.location.unwrap().line, 11);
        assert_eq!(
            e.help(crate::Lang::En).unwrap(),
            "did you mean `compliance_cost.per_case`?"
        );

        let ok = parse_review_tests(
            &src[..src.find("- name: B").unwrap()],
            Path::new("t/x.yaml"),
        )
        .unwrap();
        assert_eq!(ok.cases[0].procedure, Path::new("t/p.yaml"));
        assert_eq!(ok.cases[0].expectations.len(), 3);
    }
}
