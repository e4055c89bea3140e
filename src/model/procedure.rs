//! The procedure and its parts, as plain data.

use crate::model::{Duration, Money};
use crate::source_map::SourceMap;
use serde::{Deserialize, Serialize};

/// One administrative procedure (thủ tục hành chính): the Decree 63/2010
/// Art. 8(2) elements, its dossier (`documents`) and its sequence (`steps`).
///
/// Optional elements are `Option` so that "absent" and "declared empty" stay
/// different: `fees: []` says there are no fees, a missing `fees` says nothing
/// (rule TT003 reports it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Procedure {
    /// Mã TTHC (`1.004428`); drafts may have none.
    pub code: Option<String>,
    /// Tên thủ tục.
    pub name: String,
    /// Lĩnh vực.
    pub sector: Option<String>,
    /// Cấp thực hiện.
    pub level: Option<Level>,
    /// Cơ quan thực hiện.
    pub authority: Option<String>,
    /// Đối tượng thực hiện.
    pub applicants: Option<Vec<ApplicantKind>>,
    /// Cách thức thực hiện.
    pub channels: Option<Vec<Channel>>,
    /// Thời hạn giải quyết of the headline channel in the base case (see
    /// [`Procedure::headline_channel`]); per channel and per case in
    /// `deadlines`.
    pub deadline: Option<Duration>,
    /// The deadline in full: per channel, per case, the event it counts
    /// from, and the wording as published.
    pub deadlines: Deadlines,
    /// Cơ quan phối hợp: agencies that take part without being the authority.
    pub coordinating: Vec<String>,
    /// Trường hợp: the situations the procedure distinguishes.
    pub cases: Vec<Case>,
    /// The channel whose figures are the headline ones, when declared
    /// (`main: true` in `channels`).
    pub main_channel: Option<Channel>,
    /// Share of dossiers per channel, in millionths, where declared.
    pub channel_shares: Vec<(Channel, u32)>,
    /// Applicant effort to learn about the procedure, when declared (no
    /// default: nothing is added that the file does not say).
    pub learning: Option<Effort>,
    /// The complexity at which standard time values fill the activities the
    /// file does not estimate, when the file asks for them (`complexity:`);
    /// a `--standard-times` flag or setting takes precedence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complexity: Option<crate::cost_basis::standard_times::Complexity>,
    /// Kết quả: free text, or the id of a document in `documents`.
    pub result: Option<String>,
    /// Căn cứ pháp lý.
    pub legal_basis: Option<Vec<String>>,
    /// Yêu cầu, điều kiện.
    pub conditions: Option<Vec<String>>,
    /// Phí, lệ phí; `None` when not declared.
    pub fees: Option<Vec<Fee>>,
    /// How many cases a year.
    pub volume: Option<Volume>,
    /// Where the facts come from (URLs, gazette references).
    pub sources: Vec<String>,
    /// Thành phần hồ sơ and other papers, in file order.
    pub documents: Vec<Document>,
    /// Trình tự thực hiện, in file order.
    pub steps: Vec<Step>,
    /// Element path → location in the file it was loaded from.
    #[serde(skip)]
    pub source_map: SourceMap,
}

impl Procedure {
    /// A procedure with a name and nothing else: what a service or a test
    /// fills in field by field (the struct is `#[non_exhaustive]`, so that a
    /// field can be added without breaking callers).
    ///
    /// ```
    /// use tthc::{Actor, CheckedProcedure, Procedure, Step};
    /// let mut p = Procedure::new("Cấp giấy phép");
    /// p.steps.push(Step::new("nop", "Nộp hồ sơ", Actor::Applicant));
    /// let checked = CheckedProcedure::new(p).unwrap();
    /// assert_eq!(checked.steps.len(), 1);
    /// ```
    pub fn new(name: impl Into<String>) -> Procedure {
        Procedure {
            code: None,
            name: name.into(),
            sector: None,
            level: None,
            authority: None,
            applicants: None,
            channels: None,
            deadline: None,
            deadlines: Deadlines::default(),
            coordinating: Vec::new(),
            cases: Vec::new(),
            main_channel: None,
            channel_shares: Vec::new(),
            learning: None,
            complexity: None,
            result: None,
            legal_basis: None,
            conditions: None,
            fees: None,
            volume: None,
            sources: Vec::new(),
            documents: Vec::new(),
            steps: Vec::new(),
            source_map: SourceMap::default(),
        }
    }

    /// The step with this id (linear search; graph algorithms use
    /// [`crate::StepGraph`] indices instead).
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The document with this id (linear search).
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Document id → position in `documents`, for linear-time lookups.
    pub fn document_index(&self) -> std::collections::HashMap<&str, usize> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect()
    }

    /// Number of cases a year, when declared.
    pub fn cases_per_year(&self) -> Option<u128> {
        self.volume.map(|v| v.cases_per_year())
    }

    /// The channel whose figures are the headline ones: the declared main
    /// channel, else the one with the largest share, else in person when
    /// offered, else the first channel listed, else in person.
    pub fn headline_channel(&self) -> Channel {
        if let Some(c) = self.main_channel {
            return c;
        }
        if let Some((c, _)) = self.channel_shares.iter().max_by_key(|(_, s)| *s) {
            return *c;
        }
        match &self.channels {
            Some(list) if !list.is_empty() && !list.contains(&Channel::InPerson) => list[0],
            _ => Channel::InPerson,
        }
    }
}

/// A situation (trường hợp) the procedure distinguishes: elements that name
/// it apply only to it, and are left out of the base case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Case {
    /// Id, unique in the procedure.
    pub id: String,
    /// What the situation is.
    pub name: String,
    /// Share of dossiers in this situation, in millionths, where declared.
    pub share_ppm: Option<u32>,
}

/// When an element applies: always (the base case), in a declared case, or
/// under a condition written in words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Condition {
    /// The declared case it applies to (`case: id`).
    pub case: Option<String>,
    /// A condition in words (`when: …`).
    pub when: Option<String>,
}

impl Condition {
    /// Whether the element applies in the base case (no condition).
    pub fn is_base(&self) -> bool {
        self.case.is_none() && self.when.is_none()
    }

    /// Whether the element applies in the base case (`case` is `None`) or
    /// in the declared case `case`: it has no condition, or names that case.
    /// A free-text `when:` alone applies in no declared case.
    pub fn applies_in(&self, case: Option<&str>) -> bool {
        applies_in(self.case.as_deref(), self.when.is_some(), case)
    }
}

fn applies_in(own: Option<&str>, has_when: bool, case: Option<&str>) -> bool {
    match own {
        Some(own) => case == Some(own),
        None => !has_when,
    }
}

/// The deadline as published: per channel, per case, from an event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadlines {
    /// A deadline per channel, when it differs by channel.
    pub by_channel: Vec<(Channel, Duration)>,
    /// A deadline per case (`cases: { xac-minh: 3 ngày làm việc }`).
    pub by_case: Vec<(String, Duration)>,
    /// The event the time counts from (`kể từ ngày nhận đủ hồ sơ hợp lệ`).
    pub from: Option<String>,
}

impl Deadlines {
    /// The deadline of `channel`, when one is declared for it.
    pub fn of_channel(&self, channel: Channel) -> Option<Duration> {
        self.by_channel
            .iter()
            .find(|(c, _)| *c == channel)
            .map(|(_, d)| *d)
    }
}

/// Cấp thực hiện.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Cấp trung ương (ministries).
    Central,
    /// Cấp tỉnh.
    Province,
    /// Cấp xã.
    Commune,
    /// Cấp huyện — abolished from 1/7/2025; kept to read older records.
    District,
}

/// Đối tượng thực hiện.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    /// Công dân (individuals).
    Citizen,
    /// Doanh nghiệp.
    Business,
    /// Tổ chức (other organisations).
    Organization,
}

/// Cách thức thực hiện.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Trực tiếp.
    InPerson,
    /// Trực tuyến.
    Online,
    /// Qua dịch vụ bưu chính công ích.
    Post,
}

impl Channel {
    /// Every channel, in the order files and outputs list them.
    pub const ALL: [Channel; 3] = [Channel::InPerson, Channel::Online, Channel::Post];

    /// Its key in a procedure file (`in_person`, `online`, `post`), as in
    /// `channels:` and `deadline: { online: … }`.
    pub fn key(self) -> &'static str {
        match self {
            Channel::InPerson => "in_person",
            Channel::Online => "online",
            Channel::Post => "post",
        }
    }
}

/// A phí or lệ phí.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fee {
    /// Tên phí, lệ phí.
    pub name: String,
    /// Amount per case (in person, or the one amount).
    pub amount: Money,
    /// Amount when filed online, when it differs.
    pub online_amount: Option<Money>,
    /// Amount per channel, when given as a map (`{ in_person: …, online: … }`).
    pub by_channel: Vec<(Channel, Money)>,
    /// When it is charged: always, in a case, or under a condition.
    pub condition: Condition,
    /// When it is not charged (`exempt_when: …`), in words.
    pub exempt_when: Option<String>,
}

impl Fee {
    /// A fee charged to every case on every channel.
    pub fn new(name: impl Into<String>, amount: Money) -> Fee {
        Fee {
            name: name.into(),
            amount,
            online_amount: None,
            by_channel: Vec::new(),
            condition: Condition::default(),
            exempt_when: None,
        }
    }

    /// The amount charged on `channel`.
    pub fn amount_on(&self, channel: Channel) -> Money {
        if let Some((_, m)) = self.by_channel.iter().find(|(c, _)| *c == channel) {
            return *m;
        }
        match channel {
            Channel::Online => self.online_amount.unwrap_or(self.amount),
            _ => self.amount,
        }
    }
}

/// Number of cases a year: subjects × frequency (SCM's Q).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Volume {
    /// Number of individuals or organisations subject to the procedure.
    pub subjects: u64,
    /// Times each performs it per year.
    pub frequency: u64,
}

impl Volume {
    /// `subjects` doing it `frequency` times a year.
    pub fn new(subjects: u64, frequency: u64) -> Volume {
        Volume {
            subjects,
            frequency,
        }
    }

    /// Cases per year.
    pub fn cases_per_year(self) -> u128 {
        u128::from(self.subjects) * u128::from(self.frequency)
    }
}

/// The form in which a document is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentForm {
    /// Bản chính.
    Original,
    /// Bản sao (plain copy).
    Copy,
    /// Bản sao có chứng thực.
    CertifiedCopy,
    /// Chứng thực chữ ký: an original whose signature is authenticated (a
    /// power of attorney), not a certified copy.
    SignatureCertified,
    /// Bản điện tử.
    Electronic,
    /// Xuất trình: shown, not handed in.
    Presented,
}

/// Who does something: the applicant, or a named agency.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The person or organisation carrying out the procedure.
    Applicant,
    /// An agency or one of its units, by name.
    Agency(String),
}

impl Actor {
    /// Whether this is the applicant.
    pub fn is_applicant(&self) -> bool {
        matches!(self, Actor::Applicant)
    }

    /// The agency name, if an agency.
    pub fn agency(&self) -> Option<&str> {
        match self {
            Actor::Applicant => None,
            Actor::Agency(name) => Some(name),
        }
    }
}

/// Applicant effort: time, out-of-pocket cost and trips.
///
/// Hours are kept in thousandths of an hour so that costs are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Effort {
    /// Time in thousandths of an hour.
    pub milli_hours: u64,
    /// Out-of-pocket cost.
    pub cost: Money,
    /// In-person trips.
    pub trips: u32,
    /// How many people must do it (both spouses at a marriage
    /// registration): hours, cost and trips count once per person.
    pub people: u32,
}

impl Default for Effort {
    fn default() -> Effort {
        Effort {
            milli_hours: 0,
            cost: Money::ZERO,
            trips: 0,
            people: 1,
        }
    }
}

impl Effort {
    /// Hours (in thousandths), cost and trips of one person.
    pub fn new(milli_hours: u64, cost: Money, trips: u32) -> Effort {
        Effort {
            milli_hours,
            cost,
            trips,
            people: 1,
        }
    }

    /// Whether nothing is declared.
    pub fn is_zero(&self) -> bool {
        self.milli_hours == 0 && self.cost == Money::ZERO && self.trips == 0
    }
}

impl Step {
    /// Every agency doing the step: the lead `actor`, then the joint ones;
    /// none for the applicant.
    pub fn agencies(&self) -> impl Iterator<Item = &str> {
        self.actor
            .agency()
            .into_iter()
            .chain(self.joint.iter().map(String::as_str))
    }

    /// The agencies as one name (`Sở Tư pháp + Công an tỉnh`), or `None`
    /// for the applicant.
    pub fn actor_name(&self) -> Option<String> {
        let lead = self.actor.agency()?;
        if self.joint.is_empty() {
            return Some(lead.to_string());
        }
        Some(self.agencies().collect::<Vec<_>>().join(" + "))
    }

    /// Whether the two steps share an agency: passing the dossier between
    /// them is no hand-off from one agency to another.
    pub fn shares_agency(&self, other: &Step) -> bool {
        self.agencies().any(|a| other.agencies().any(|b| a == b))
    }
}

/// A paper (or electronic record) in the procedure: a dossier component, or
/// something an agency produces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Id, unique in the procedure.
    pub id: String,
    /// Tên giấy tờ.
    pub name: String,
    /// Form (bản chính, bản sao, …).
    pub form: DocumentForm,
    /// Number of copies.
    pub copies: u32,
    /// Pages of the original, where declared: a certified copy's fee is per
    /// page (Circular 226/2016/TT-BTC); one page is assumed when not.
    pub pages: Option<u32>,
    /// Mẫu đơn, tờ khai.
    pub template: Option<String>,
    /// Who issues it.
    pub issued_by: Actor,
    /// State database that already holds it.
    pub held_in: Option<HeldIn>,
    /// Condition under which it is needed.
    pub when: Option<String>,
    /// The declared case it is needed in.
    pub case: Option<String>,
    /// Applicant effort to prepare or obtain it.
    pub effort: Effort,
}

impl Document {
    /// A paper the applicant brings as one original, needed in every case.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            name: name.into(),
            form: DocumentForm::Original,
            copies: 1,
            pages: None,
            template: None,
            issued_by: Actor::Applicant,
            held_in: None,
            when: None,
            case: None,
            effort: Effort::default(),
        }
    }

    /// Whether every applicant brings it (no `case` or `when`).
    pub fn is_base(&self) -> bool {
        self.case.is_none() && self.when.is_none()
    }

    /// Whether it is needed in the base case (`case` is `None`) or in the
    /// declared case `case` (see [`Condition::applies_in`]).
    pub fn applies_in(&self, case: Option<&str>) -> bool {
        applies_in(self.case.as_deref(), self.when.is_some(), case)
    }
}

/// The state database that holds a document (`held_in`).
///
/// Written `held_in: Cơ sở dữ liệu quốc gia về dân cư` when the drafter
/// states it, or `held_in: { database, basis, inferred: true }` when a tool
/// inferred it from a list of what each database holds (`tthc import
/// --infer-held`): TT303 then says the finding rests on an inference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HeldIn {
    /// The database, as the law names it.
    pub database: String,
    /// The text that says the database holds this paper.
    pub basis: Option<String>,
    /// Read from a list by name, not stated by the drafter.
    pub inferred: bool,
}

impl HeldIn {
    /// A database stated by the drafter.
    pub fn stated(database: impl Into<String>) -> HeldIn {
        HeldIn {
            database: database.into(),
            basis: None,
            inferred: false,
        }
    }
}

/// Request to supplement the dossier: a back-edge taken with some probability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Rework {
    /// The step the dossier goes back to.
    pub to: String,
    /// Probability in millionths (100,000 = 10%).
    pub probability_ppm: u32,
}

impl Rework {
    /// Back to step `to` with probability `probability_ppm` millionths.
    pub fn new(to: impl Into<String>, probability_ppm: u32) -> Rework {
        Rework {
            to: to.into(),
            probability_ppm,
        }
    }
}

impl Case {
    /// A case without a declared share.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Case {
        Case {
            id: id.into(),
            name: name.into(),
            share_ppm: None,
        }
    }
}

/// One step of the sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Step {
    /// Id, unique in the procedure.
    pub id: String,
    /// What happens.
    pub name: String,
    /// Who acts: the applicant, or the (lead) agency. For joint work of
    /// several agencies (`actor: [A, B]`) the first is here and the others
    /// in [`Step::joint`]: code that knows one agency per step keeps working
    /// with the lead one, and code that must see them all asks
    /// [`Step::agencies`].
    pub actor: Actor,
    /// The other agencies that do this step together with `actor` (joint
    /// work, `actor: [A, B]`), in file order; empty for one actor.
    pub joint: Vec<String>,
    /// Documents the applicant submits (or presents) here.
    pub submits: Vec<String>,
    /// Documents the step examines.
    pub uses: Vec<String>,
    /// Documents the step produces.
    pub produces: Vec<String>,
    /// Applicant effort in this step.
    pub effort: Effort,
    /// Time the step may take (agency steps).
    pub duration: Option<Duration>,
    /// Successors that all follow.
    pub next: Vec<String>,
    /// Alternatives of which exactly one follows; the first is the main path.
    pub choice: Vec<String>,
    /// Request to supplement, going back to an earlier step.
    pub rework: Option<Rework>,
    /// Agency staff time per case on this step, thousandths of an hour
    /// (`staff_hours`): the administration's cost, reported apart and never
    /// part of the applicant's compliance cost.
    pub staff_milli_hours: Option<u64>,
    /// When the step happens: always, only in a declared case (`case:`,
    /// e.g. verification), or under a condition in words (`when:`). A
    /// step that does not happen in a case keeps the flow (its
    /// predecessors lead on to its successors) but adds no time or effort.
    pub condition: Condition,
}

impl Step {
    /// A step with no documents, effort, duration or successors.
    pub fn new(id: impl Into<String>, name: impl Into<String>, actor: Actor) -> Step {
        Step {
            id: id.into(),
            name: name.into(),
            actor,
            joint: Vec::new(),
            submits: Vec::new(),
            uses: Vec::new(),
            produces: Vec::new(),
            effort: Effort::default(),
            duration: None,
            next: Vec::new(),
            choice: Vec::new(),
            rework: None,
            staff_milli_hours: None,
            condition: Condition::default(),
        }
    }
}
