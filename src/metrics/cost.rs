//! Compliance cost by the Standard Cost Model (Circular 02/2017/TT-VPCP
//! Art. 27).
//!
//! Every amount is kept exactly, in units of 10⁻⁹ đồng (thousandths of an
//! hour × millionths of probability), and rounded half up once, when it is
//! reported.

use crate::cost_basis::{CostBasis, standard_times};
use crate::element::{ElementPath, Key};
use crate::graph::{EdgeKind, StepGraph};
use crate::metrics::adjacency::Adjacency;
use crate::metrics::exact::div_round_half_up;
use crate::metrics::structure::Dossier;
use crate::model::{Channel, DocumentForm, Effort, Money, Procedure};
use serde::Serialize;

/// Scale of probabilities (ppm).
const PPM: u128 = 1_000_000;
/// milli-hours × ppm → hours.
const HOUR_SCALE: u128 = 1_000 * PPM;

/// Standard Cost Model activities, in the order of the Circular 07 form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Tìm hiểu thủ tục: learning about the procedure.
    Learning,
    /// Chuẩn bị hồ sơ: preparing the documents the applicant issues.
    Preparing,
    /// Xin giấy tờ từ cơ quan khác: obtaining documents others issue.
    Obtaining,
    /// Nộp hồ sơ: submitting.
    Submitting,
    /// Nộp phí, lệ phí: paying.
    Paying,
    /// Bổ sung hồ sơ: supplementing (expected rework).
    Supplementing,
    /// Nhận kết quả: receiving the result.
    Receiving,
}

impl Activity {
    /// Every activity, in form order.
    pub const ALL: [Activity; 7] = [
        Activity::Learning,
        Activity::Preparing,
        Activity::Obtaining,
        Activity::Submitting,
        Activity::Paying,
        Activity::Supplementing,
        Activity::Receiving,
    ];

    /// Name in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        let (vi, en) = match self {
            Activity::Learning => ("Tìm hiểu thủ tục", "Learning about the procedure"),
            Activity::Preparing => ("Chuẩn bị hồ sơ", "Preparing documents"),
            Activity::Obtaining => (
                "Xin giấy tờ từ cơ quan khác",
                "Obtaining documents from others",
            ),
            Activity::Submitting => ("Nộp hồ sơ", "Submitting"),
            Activity::Paying => ("Nộp phí, lệ phí", "Paying fees"),
            Activity::Supplementing => ("Bổ sung hồ sơ", "Supplementing (rework)"),
            Activity::Receiving => ("Nhận kết quả", "Receiving the result"),
        };
        lang.pick(vi, en)
    }
}

/// Which channel the figures are for: its fees (and deadline) apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    /// The procedure's headline channel ([`Procedure::headline_channel`]:
    /// the declared main channel, else the largest share, else in person).
    #[default]
    Auto,
    /// Filed in person.
    InPerson,
    /// Filed online.
    Online,
    /// Sent by post.
    Post,
}

impl Scenario {
    /// The scenario actually used for `p` (never `Auto`).
    pub fn resolve(self, p: &Procedure) -> Scenario {
        match self {
            Scenario::Auto => match p.headline_channel() {
                Channel::InPerson => Scenario::InPerson,
                Channel::Online => Scenario::Online,
                Channel::Post => Scenario::Post,
            },
            other => other,
        }
    }

    /// The scenario of filing on `channel`.
    pub fn on(channel: Channel) -> Scenario {
        match channel {
            Channel::InPerson => Scenario::InPerson,
            Channel::Online => Scenario::Online,
            Channel::Post => Scenario::Post,
        }
    }

    /// The channel of a resolved scenario (`Auto` reads as in person).
    pub fn channel(self) -> Channel {
        match self {
            Scenario::Online => Channel::Online,
            Scenario::Post => Channel::Post,
            Scenario::Auto | Scenario::InPerson => Channel::InPerson,
        }
    }
}

impl std::str::FromStr for Scenario {
    type Err = String;
    fn from_str(s: &str) -> Result<Scenario, String> {
        match s.to_ascii_lowercase().replace('-', "_").as_str() {
            "auto" => Ok(Scenario::Auto),
            "in_person" | "offline" => Ok(Scenario::InPerson),
            "online" => Ok(Scenario::Online),
            "post" => Ok(Scenario::Post),
            other => Err(format!(
                "unknown scenario '{other}': use auto, in-person, online or post"
            )),
        }
    }
}

/// One row of the Circular 07 calculation form. An amount that
/// [overflowed](ComplianceCost::overflow) holds the marker, and is null in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostBreakdownRow {
    /// The activity.
    pub activity: Activity,
    /// Applicant time, thousandths of an hour (trips included); in JSON
    /// `hours`, a decimal.
    #[serde(rename = "hours", serialize_with = "hours_decimal")]
    pub milli_hours: u128,
    /// Time × hourly income.
    #[serde(serialize_with = "money_figure")]
    pub time_cost: Money,
    /// Out-of-pocket costs: effort cost, trips, certification.
    #[serde(serialize_with = "money_figure")]
    pub out_of_pocket: Money,
    /// Phí, lệ phí.
    #[serde(serialize_with = "money_figure")]
    pub fees: Money,
    /// The row total (rounded once from the exact sum, so it may differ by
    /// 1 đ from the sum of the rounded parts).
    #[serde(serialize_with = "money_figure")]
    pub total: Money,
}

/// What a [`CostLine`] values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CostInput {
    /// Applicant effort declared on the element (hours, cost, trips,
    /// people), trips valued on the cost basis.
    Effort,
    /// The certification fee of a certified copy (copies × pages on the
    /// cost basis).
    Certification,
    /// A fee of the procedure on the scenario's channel.
    Fee,
    /// A supplement request: probability × the applicant part repeated.
    Rework,
    /// A standard time value for what the file does not estimate, applied
    /// because the cost basis asks for it ([`CostLine::standard`] says which).
    Standard,
}

/// One input of the compliance cost: an element of the file and what it
/// adds to one activity. The lines of an activity add up, exactly, to its
/// row; each is rounded half up once, for showing. An amount that
/// [overflowed](ComplianceCost::overflow) holds the marker, and is null in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CostLine {
    /// The activity (row) it adds to.
    pub activity: Activity,
    /// The element that gives it (`steps.nop.effort`, `fees[0]`,
    /// `documents.bs.form`, `steps.xet.rework`, `learning`).
    pub element: ElementPath,
    /// What is valued.
    pub input: CostInput,
    /// Applicant time it adds, thousandths of an hour (trip time
    /// included, weighted by the probability for a rework); JSON `hours`.
    #[serde(rename = "hours", serialize_with = "hours_decimal")]
    pub milli_hours: u128,
    /// Out-of-pocket cost it adds (trip cost included).
    #[serde(serialize_with = "money_figure")]
    pub out_of_pocket: Money,
    /// Fees it adds.
    #[serde(serialize_with = "money_figure")]
    pub fees: Money,
    /// Probability in millionths (1,000,000 for everything but a rework).
    pub weight_ppm: u32,
    /// What it adds in all.
    #[serde(serialize_with = "money_figure")]
    pub total: Money,
    /// For a standard time value: the table, row, level and minutes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// Where the element is written in the file (its nearest enclosing
    /// element when it is not), when loaded from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::source_map::Location>,
    /// The items of the cost basis that value it, by their keys in the
    /// JSON `cost_basis` (`hourly_income`, `trip_milli_hours`, `trip_cost`,
    /// `certification_fee` …), where each has its value, source and year.
    pub basis: Vec<&'static str>,
}

/// Compliance cost per case and per year, with its SCM breakdown. In JSON,
/// `per_case` or `annual` is null when it [overflowed](Self::overflow): the
/// marker held in its place is not a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComplianceCost {
    /// Fee scenario used.
    pub scenario: Scenario,
    /// Cost of one case.
    pub per_case: Money,
    /// Applicant time for one case, thousandths of an hour; in JSON
    /// `hours`, a decimal.
    pub milli_hours: u128,
    /// Cases per year, when `volume` is declared.
    pub cases_per_year: Option<u128>,
    /// `per_case × cases_per_year` (from the exact per-case amount).
    pub annual: Option<Money>,
    /// One row per activity, in form order.
    pub breakdown: Vec<CostBreakdownRow>,
    /// Every input, in the order the rows add them: where each đồng comes
    /// from (`tthc why`).
    pub lines: Vec<CostLine>,
    /// Whether some amount exceeded exact arithmetic (`u128` in 10⁻⁹ đồng;
    /// never for real procedures): `per_case` and `annual` then hold
    /// `u128::MAX` đồng as a marker, not a figure, and error TT008 says the
    /// cost is not reported; never wrapped or panicked.
    pub overflow: bool,
    /// The exact per-case amount in 10⁻⁹ đồng before rounding (`None` on
    /// overflow): expectations over cases are rounded once from it.
    pub(crate) exact_nano: Option<u128>,
}

fn hours_decimal<S: serde::Serializer>(milli: &u128, s: S) -> Result<S::Ok, S::Error> {
    use crate::metrics::{Quantity, Unit};
    match i128::try_from(*milli) {
        Ok(v) => Quantity::new(v, Unit::Hours).serialize(s),
        Err(_) => s.serialize_none(),
    }
}

/// The marker an overflowed total holds in place of a figure (a real total
/// is at most u128::MAX / 10⁹ đồng, so it never equals it).
pub(crate) fn is_overflow_marker(m: Money) -> bool {
    m.dong() == u128::MAX
}

/// Serializes a total as null when it holds the overflow marker.
pub(crate) fn money_figure<S: serde::Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
    (!is_overflow_marker(*m)).then_some(*m).serialize(s)
}

/// [`money_figure`] for an optional total.
pub(crate) fn opt_money_figure<S: serde::Serializer>(
    m: &Option<Money>,
    s: S,
) -> Result<S::Ok, S::Error> {
    m.filter(|m| !is_overflow_marker(*m)).serialize(s)
}

/// [`ComplianceCost`] as JSON: the marker of an overflow is left out.
#[derive(Serialize)]
struct ComplianceCostJson<'a> {
    scenario: &'a Scenario,
    per_case: Option<Money>,
    #[serde(serialize_with = "hours_decimal")]
    hours: &'a u128,
    cases_per_year: Option<u128>,
    annual: Option<Money>,
    breakdown: &'a [CostBreakdownRow],
    lines: &'a [CostLine],
    overflow: bool,
}

impl Serialize for ComplianceCost {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Only a figure that overflowed holds the marker (a real total is
        // at most u128::MAX / 10⁹ đồng); the others stay.
        let figure = |m: Money| (!(self.overflow && is_overflow_marker(m))).then_some(m);
        ComplianceCostJson {
            scenario: &self.scenario,
            per_case: figure(self.per_case),
            hours: &self.milli_hours,
            cases_per_year: self.cases_per_year,
            annual: self.annual.and_then(figure),
            breakdown: &self.breakdown,
            lines: &self.lines,
            overflow: self.overflow,
        }
        .serialize(s)
    }
}

/// Exact amounts of one activity, scaled by [`PPM`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    milli_hours: u128,
    out_of_pocket: u128,
    fees: u128,
    /// Trips valued on the cost basis (weighted like the amounts); only
    /// to name the basis items a line uses.
    trips: u128,
    overflow: bool,
}

impl Tally {
    fn add(&mut self, milli_hours: u128, out_of_pocket: u128, fees: u128, weight_ppm: u128) {
        let mut overflow = false;
        let mut acc = |slot: &mut u128, v: u128| match v
            .checked_mul(weight_ppm)
            .and_then(|x| slot.checked_add(x))
        {
            Some(x) => *slot = x,
            None => {
                *slot = u128::MAX;
                overflow = true;
            }
        };
        acc(&mut self.milli_hours, milli_hours);
        acc(&mut self.out_of_pocket, out_of_pocket);
        acc(&mut self.fees, fees);
        self.overflow |= overflow;
    }

    /// The one valuation of applicant effort: own hours plus trip time,
    /// out-of-pocket cost plus trip cost, once per person who must come.
    fn add_effort(&mut self, e: &Effort, basis: &CostBasis, weight_ppm: u128) {
        let people = u128::from(e.people.max(1));
        let trips = u128::from(e.trips).saturating_mul(people);
        let hours = u128::from(e.milli_hours)
            .saturating_mul(people)
            .saturating_add(trips.saturating_mul(u128::from(basis.trip_milli_hours.value)));
        let cost = e
            .cost
            .dong()
            .saturating_mul(people)
            .saturating_add(trips.saturating_mul(basis.trip_cost.value.dong()));
        self.add(hours, cost, 0, weight_ppm);
        self.trips = self.trips.saturating_add(trips.saturating_mul(weight_ppm));
    }

    /// Componentwise `self − other`, floored at zero.
    fn minus(self, other: Tally) -> Tally {
        Tally {
            milli_hours: self.milli_hours.saturating_sub(other.milli_hours),
            out_of_pocket: self.out_of_pocket.saturating_sub(other.out_of_pocket),
            fees: self.fees.saturating_sub(other.fees),
            trips: self.trips.saturating_sub(other.trips),
            overflow: self.overflow || other.overflow,
        }
    }

    fn plus(self, other: Tally) -> Tally {
        let mut t = self;
        t.add(other.milli_hours, other.out_of_pocket, other.fees, 1);
        t.trips = t.trips.saturating_add(other.trips);
        t.overflow |= other.overflow;
        t
    }

    /// Exact total in 10⁻⁹ đồng.
    fn nano_total(&self, hourly: u128) -> Option<u128> {
        let money = self
            .out_of_pocket
            .checked_add(self.fees)?
            .checked_mul(1_000)?;
        self.milli_hours.checked_mul(hourly)?.checked_add(money)
    }

    fn row(&self, activity: Activity, hourly: u128, overflow: &mut bool) -> CostBreakdownRow {
        let mut round =
            |num: Option<u128>, den: u128| match num.and_then(|n| div_round_half_up(n, den)) {
                Some(v) => Money::from_dong(v),
                None => {
                    *overflow = true;
                    Money::from_dong(u128::MAX)
                }
            };
        CostBreakdownRow {
            activity,
            milli_hours: div_round_half_up(self.milli_hours, PPM).unwrap_or(0),
            time_cost: round(self.milli_hours.checked_mul(hourly), HOUR_SCALE),
            out_of_pocket: round(Some(self.out_of_pocket), PPM),
            fees: round(Some(self.fees), PPM),
            total: round(self.nano_total(hourly), HOUR_SCALE),
        }
    }
}

/// What applicant effort is worth per case on `basis`: hours × hourly
/// income + trips × (trip time × hourly income + trip cost) + out-of-pocket
/// cost, rounded half up to the đồng once. The one valuation of effort: the
/// metrics and every finding's saving go through [`Tally::add_effort`].
///
/// ```
/// use tthc::{CostBasis, Money, metrics::effort_value};
/// // 1 h + one trip (2 h, 30,000 đ) at 47,727 đ/h: 3 h × 47,727 + 30,000.
/// let basis = CostBasis::default();
/// assert_eq!(effort_value(&basis, 1_000, 1, Money::ZERO), Money::from_dong(173_181));
/// ```
pub fn effort_value(basis: &CostBasis, milli_hours: u64, trips: u32, cost: Money) -> Money {
    let mut t = Tally::default();
    t.add_effort(&Effort::new(milli_hours, cost, trips), basis, PPM);
    let hourly = basis.hourly_income.value.dong();
    t.nano_total(hourly)
        .and_then(|n| div_round_half_up(n, HOUR_SCALE))
        .map_or(Money::from_dong(u128::MAX), Money::from_dong)
}

/// The certification fee for `copies` certified copies of an original of
/// `pages` pages (one when not declared) on `basis`: per copy, the first two
/// pages at `certification_fee`, each further page at
/// `certification_fee_later_page`, at most `certification_fee_cap`
/// (Circular 226/2016/TT-BTC: 2,000 đ a page, 1,000 đ from the third, at
/// most 200,000 đ a copy).
///
/// ```
/// use tthc::{CostBasis, Money, metrics::certification_fee};
/// let b = CostBasis::default();
/// assert_eq!(certification_fee(&b, 1, None), Money::from_dong(2_000));
/// assert_eq!(certification_fee(&b, 1, Some(2)), Money::from_dong(4_000));
/// // 2 × 2,000 + 3 × 1,000 for five pages, twice.
/// assert_eq!(certification_fee(&b, 2, Some(5)), Money::from_dong(14_000));
/// // 2 × 2,000 + 998 × 1,000 = 1,002,000 > 200,000: the cap.
/// assert_eq!(certification_fee(&b, 1, Some(1_000)), Money::from_dong(200_000));
/// ```
pub fn certification_fee(basis: &CostBasis, copies: u32, pages: Option<u32>) -> Money {
    let pages = u128::from(pages.unwrap_or(1).max(1));
    let first = basis.certification_fee.value.saturating_mul(pages.min(2));
    let later = basis
        .certification_fee_later_page
        .value
        .saturating_mul(pages.saturating_sub(2));
    let per_copy = first
        .checked_add(later)
        .unwrap_or(Money::from_dong(u128::MAX))
        .min(basis.certification_fee_cap.value);
    per_copy.saturating_mul(u128::from(copies))
}

/// Compliance cost of `p` on the main path in the base case (`case` is
/// `None`) or in a declared case (the base case and what applies in that
/// case); O(V + E + documents).
#[allow(clippy::too_many_arguments)]
pub(crate) fn compliance_cost(
    p: &Procedure,
    g: &StepGraph,
    adj: &Adjacency,
    main: &[bool],
    dossier: &Dossier,
    basis: &CostBasis,
    scenario: Scenario,
    case: Option<&str>,
) -> ComplianceCost {
    let scenario = scenario.resolve(p);
    let hourly = basis.hourly_income.value.dong();
    let mut book = Book::new(hourly);

    // Nothing is added that the file does not declare: learning time only
    // when the procedure states it.
    // Standard time values fill what the file leaves out, only when the
    // basis asks for them, each line saying so.
    let level = basis.standard_times.or(p.complexity);
    if let Some(learning) = &p.learning {
        book.effort(
            Activity::Learning,
            ElementPath::key(Key::Learning),
            learning,
            basis,
        );
    } else if let Some(level) = level {
        book.standard(
            Activity::Learning,
            ElementPath::key(Key::Learning),
            &standard_times::LEARNING,
            level,
            basis,
        );
    }

    // The base case: documents needed only in a case or under a condition
    // are not charged to every applicant.
    for (i, d) in p.documents.iter().enumerate() {
        if !dossier.needed_in(p, i, case) || !d.applies_in(case) {
            continue;
        }
        let activity = if d.issued_by.is_applicant() {
            Activity::Preparing
        } else {
            Activity::Obtaining
        };
        if !d.effort.is_zero() {
            book.effort(
                activity,
                ElementPath::document(&d.id).field(Key::Effort),
                &d.effort,
                basis,
            );
        } else if let Some(level) = level {
            // Filling in is a form's activity; a paper from another body is
            // obtained. A copy of one's own paper fits no row: nothing.
            let row = if !d.issued_by.is_applicant() {
                Some(&standard_times::OBTAINING)
            } else if is_form(d) {
                Some(&standard_times::FILLING_IN)
            } else {
                None
            };
            if let Some(row) = row {
                book.standard(activity, ElementPath::document(&d.id), row, level, basis);
            }
        }
        if d.form == DocumentForm::CertifiedCopy {
            let mut t = Tally::default();
            t.add(
                0,
                certification_fee(basis, d.copies, d.pages).dong(),
                0,
                PPM,
            );
            book.line(
                activity,
                ElementPath::document(&d.id).field(Key::Form),
                CostInput::Certification,
                t,
                1_000_000,
                None,
            );
        }
    }

    let receiving = receiving_steps(p, g, adj, main);
    for (i, step) in p.steps.iter().enumerate() {
        if !main.get(i).copied().unwrap_or(false) || !step.condition.applies_in(case) {
            continue;
        }
        let activity = if receiving.get(i).copied().unwrap_or(false) {
            Activity::Receiving
        } else {
            Activity::Submitting
        };
        if step.effort.is_zero() {
            // The table has no row for receiving a result; a submitting
            // step of the applicant gets the transmission row.
            if let Some(level) = level
                && activity == Activity::Submitting
                && step.actor.is_applicant()
            {
                book.standard(
                    activity,
                    ElementPath::step(&step.id),
                    &standard_times::TRANSMITTING,
                    level,
                    basis,
                );
            }
            continue;
        }
        book.effort(
            activity,
            ElementPath::step(&step.id).field(Key::Effort),
            &step.effort,
            basis,
        );
    }

    let channel = scenario.channel();
    for (i, fee) in p.fees.iter().flatten().enumerate() {
        // Fees of a case or condition (a late-registration fee) are not
        // charged in the base case.
        if !fee.condition.applies_in(case) {
            continue;
        }
        let mut t = Tally::default();
        t.add(0, 0, fee.amount_on(channel).dong(), PPM);
        book.line(
            Activity::Paying,
            ElementPath::key(Key::Fees).item(i),
            CostInput::Fee,
            t,
            1_000_000,
            None,
        );
    }

    expected_rework(p, g, adj, main, basis, case, &mut book);
    let Book {
        rows, mut lines, ..
    } = book;
    for line in &mut lines {
        line.location = p.source_map.locate(line.element.as_str());
    }

    let mut overflow = rows.iter().any(|r| r.overflow);
    let breakdown: Vec<CostBreakdownRow> = Activity::ALL
        .iter()
        .zip(&rows)
        .map(|(a, t)| t.row(*a, hourly, &mut overflow))
        .collect();
    let nano = rows
        .iter()
        .try_fold(0u128, |acc, t| acc.checked_add(t.nano_total(hourly)?));
    let hours = rows
        .iter()
        .try_fold(0u128, |acc, t| acc.checked_add(t.milli_hours));
    let cases = p.cases_per_year();
    let mut money = |v: Option<u128>| match v {
        Some(v) => Money::from_dong(v),
        None => {
            overflow = true;
            Money::from_dong(u128::MAX)
        }
    };
    let per_case = money(nano.and_then(|n| div_round_half_up(n, HOUR_SCALE)));
    let annual = cases.map(|c| {
        money(
            nano.and_then(|n| n.checked_mul(c))
                .and_then(|n| div_round_half_up(n, HOUR_SCALE)),
        )
    });
    ComplianceCost {
        scenario,
        per_case,
        milli_hours: hours
            .and_then(|h| div_round_half_up(h, PPM))
            .unwrap_or(u128::MAX),
        cases_per_year: cases,
        annual,
        breakdown,
        lines,
        overflow,
        exact_nano: nano,
    }
}

/// Whether `d` is a form the applicant fills in: it names a template, or
/// its name says so (`Tờ khai`, `Đơn`, `Phiếu`, `Giấy đề nghị` …).
fn is_form(d: &crate::model::Document) -> bool {
    const FORMS: &[&str] = &[
        "tờ khai",
        "đơn",
        "bản khai",
        "phiếu",
        "giấy đề nghị",
        "văn bản đề nghị",
    ];
    let name = d.name.trim().to_lowercase();
    d.template.is_some()
        || FORMS.iter().any(|f| {
            name.strip_prefix(f)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
}

/// The rows of the form and the lines that make them: every amount goes
/// into both through [`Book::line`], so the lines add up to the rows.
struct Book {
    hourly: u128,
    rows: [Tally; 7],
    lines: Vec<CostLine>,
}

impl Book {
    fn new(hourly: u128) -> Book {
        Book {
            hourly,
            rows: [Tally::default(); 7],
            lines: Vec::new(),
        }
    }

    /// Adds `t` (already weighted) to `activity`'s row, and its line.
    fn line(
        &mut self,
        activity: Activity,
        element: ElementPath,
        input: CostInput,
        t: Tally,
        weight_ppm: u32,
        standard: Option<String>,
    ) {
        let slot = Activity::ALL
            .iter()
            .position(|x| *x == activity)
            .unwrap_or(0);
        self.rows[slot] = self.rows[slot].plus(t);
        let mut overflow = false;
        let row = t.row(activity, self.hourly, &mut overflow);
        let mut basis = Vec::new();
        if t.milli_hours > 0 {
            basis.push("hourly_income");
        }
        if t.trips > 0 {
            basis.extend(["trip_milli_hours", "trip_cost"]);
        }
        if input == CostInput::Certification {
            basis.extend([
                "certification_fee",
                "certification_fee_later_page",
                "certification_fee_cap",
            ]);
        }
        self.lines.push(CostLine {
            activity,
            element,
            input,
            milli_hours: row.milli_hours,
            out_of_pocket: row.out_of_pocket,
            fees: row.fees,
            weight_ppm,
            total: row.total,
            standard,
            location: None,
            basis,
        });
    }

    /// Applicant effort, valued once by [`Tally::add_effort`].
    fn effort(&mut self, activity: Activity, element: ElementPath, e: &Effort, basis: &CostBasis) {
        let mut t = Tally::default();
        t.add_effort(e, basis, PPM);
        self.line(activity, element, CostInput::Effort, t, 1_000_000, None);
    }

    /// A standard time value of `row` at `level`, labelled with its source.
    fn standard(
        &mut self,
        activity: Activity,
        element: ElementPath,
        row: &standard_times::StandardActivity,
        level: standard_times::Complexity,
        basis: &CostBasis,
    ) {
        let mut t = Tally::default();
        t.add_effort(
            &Effort::new(row.milli_hours(level), Money::ZERO, 0),
            basis,
            PPM,
        );
        self.line(
            activity,
            element,
            CostInput::Standard,
            t,
            1_000_000,
            Some(row.source(level)),
        );
    }
}

/// One agency step's staff time and what it costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StaffLine {
    /// The step (its element is `steps.<id>.staff_hours`).
    pub step: String,
    /// Staff time per case, thousandths of an hour; JSON `hours`.
    #[serde(rename = "hours", serialize_with = "hours_decimal")]
    pub milli_hours: u128,
    /// Its cost on the public wage, rounded once.
    pub cost: Money,
}

/// The administration's cost of one case: the `staff_hours` of the agency
/// steps on the main path × the public wage of the cost basis. Reported
/// apart; never part of the applicant's compliance cost (Circular
/// 02/2017/TT-VPCP Art. 27 counts the applicant's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AdministrationCost {
    /// Staff time per case, thousandths of an hour; JSON `hours`.
    #[serde(rename = "hours", serialize_with = "hours_decimal")]
    pub milli_hours: u128,
    /// Per case.
    pub per_case: Money,
    /// Per year, when `volume` is declared (from the exact amount).
    pub annual: Option<Money>,
    /// Each step that declares staff time, in file order.
    pub steps: Vec<StaffLine>,
}

/// The administration's cost, when some main-path agency step declares
/// `staff_hours`; O(steps).
pub(crate) fn administration_cost(
    p: &Procedure,
    main: &[bool],
    basis: &CostBasis,
) -> Option<AdministrationCost> {
    let wage = basis.public_hourly_wage.value.dong();
    let mut total: u128 = 0;
    let mut steps = Vec::new();
    for (i, s) in p.steps.iter().enumerate() {
        let Some(milli) = s.staff_milli_hours else {
            continue;
        };
        if !main.get(i).copied().unwrap_or(false) || s.actor.is_applicant() {
            continue;
        }
        let milli = u128::from(milli);
        total = total.saturating_add(milli);
        steps.push(StaffLine {
            step: s.id.clone(),
            milli_hours: milli,
            cost: money_of(milli.checked_mul(wage), 1_000),
        });
    }
    if steps.is_empty() {
        return None;
    }
    let exact = total.checked_mul(wage);
    Some(AdministrationCost {
        milli_hours: total,
        per_case: money_of(exact, 1_000),
        annual: p
            .cases_per_year()
            .map(|c| money_of(exact.and_then(|e| e.checked_mul(c)), 1_000)),
        steps,
    })
}

/// `num / den` rounded half up, capped at the largest amount.
fn money_of(num: Option<u128>, den: u128) -> Money {
    num.and_then(|n| div_round_half_up(n, den))
        .map_or(Money::from_dong(u128::MAX), Money::from_dong)
}

/// Main-path steps whose applicant effort is receiving the result: the
/// result-producing steps and everything after them; when no step produces
/// the result, the last steps (main-path ends that are not also starts).
fn receiving_steps(p: &Procedure, g: &StepGraph, adj: &Adjacency, main: &[bool]) -> Vec<bool> {
    let on = |i: usize| main.get(i).copied().unwrap_or(false);
    let results: Vec<usize> = p.result_steps().into_iter().filter(|&i| on(i)).collect();
    if !results.is_empty() {
        return g.reachable(&results, EdgeKind::is_main);
    }
    let mut out = vec![false; g.len()];
    for (i, slot) in out.iter_mut().enumerate() {
        let has_main_pred = adj.has_main_pred.get(i).copied().unwrap_or(false);
        let has_main_succ = adj.out(i).iter().any(|(_, k)| k.is_main());
        *slot = on(i) && has_main_pred && !has_main_succ;
    }
    out
}

/// Expected cost of one supplement request per main-path rework:
/// probability × the applicant-facing step effort from `rework.to` up to the
/// rework source.
///
/// The repeated part is measured along the costliest main path ending at each
/// step (one pass): `H(source) − H(to) + own(to)`. It is exact when the
/// applicant-facing steps between `to` and the source lie on a chain (every
/// procedure we know), and stays linear on any graph.
fn expected_rework(
    p: &Procedure,
    g: &StepGraph,
    adj: &Adjacency,
    main: &[bool],
    basis: &CostBasis,
    case: Option<&str>,
    book: &mut Book,
) {
    let hourly = basis.hourly_income.value.dong();
    let on = |i: usize| main.get(i).copied().unwrap_or(false);
    // A step that does not happen in the case is not repeated either.
    let own: Vec<Tally> = p
        .steps
        .iter()
        .map(|s| {
            let mut t = Tally::default();
            if s.condition.applies_in(case) {
                t.add_effort(&s.effort, basis, 1);
            }
            t
        })
        .collect();
    let key = |t: &Tally| t.nano_total(hourly).unwrap_or(u128::MAX);
    let mut heaviest = vec![Tally::default(); g.len()];
    let mut incoming: Vec<Option<Tally>> = vec![None; g.len()];
    for &v in g.topological_order() {
        if !on(v) {
            continue;
        }
        let base = incoming.get(v).copied().flatten().unwrap_or_default();
        let here = base.plus(own.get(v).copied().unwrap_or_default());
        heaviest[v] = here;
        for &(t, kind) in adj.out(v) {
            if kind.is_main() && on(t) && incoming[t].is_none_or(|cur| key(&here) > key(&cur)) {
                incoming[t] = Some(here);
            }
        }
    }
    // A supplement requested at a step that does not happen in the case
    // is not requested in it.
    let happens = |i: usize| p.steps.get(i).is_some_and(|s| s.condition.applies_in(case));
    for rw in g.reworks() {
        if !(on(rw.from) && on(rw.to) && happens(rw.from)) {
            continue;
        }
        let before_to = heaviest[rw.to].minus(own.get(rw.to).copied().unwrap_or_default());
        let repeat = heaviest[rw.from].minus(before_to);
        let mut t = Tally::default();
        t.add(
            repeat.milli_hours,
            repeat.out_of_pocket,
            0,
            u128::from(rw.probability_ppm),
        );
        t.trips = repeat.trips.saturating_mul(u128::from(rw.probability_ppm));
        t.overflow |= repeat.overflow;
        let from = p.steps.get(rw.from).map_or("", |s| s.id.as_str());
        book.line(
            Activity::Supplementing,
            ElementPath::step(from).field(Key::Rework),
            CostInput::Rework,
            t,
            rw.probability_ppm,
            None,
        );
    }
}
