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
    /// Thời hạn giải quyết, as published.
    pub deadline: Option<Duration>,
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

/// A phí or lệ phí.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fee {
    /// Tên phí, lệ phí.
    pub name: String,
    /// Amount per case.
    pub amount: Money,
    /// Amount when filed online, when it differs.
    pub online_amount: Option<Money>,
}

/// Number of cases a year: subjects × frequency (SCM's Q).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Volume {
    /// Number of individuals or organisations subject to the procedure.
    pub subjects: u64,
    /// Times each performs it per year.
    pub frequency: u64,
}

impl Volume {
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effort {
    /// Time in thousandths of an hour.
    pub milli_hours: u64,
    /// Out-of-pocket cost.
    pub cost: Money,
    /// In-person trips.
    pub trips: u32,
}

impl Effort {
    /// Whether nothing is declared.
    pub fn is_zero(&self) -> bool {
        self.milli_hours == 0 && self.cost == Money::ZERO && self.trips == 0
    }
}

/// A paper (or electronic record) in the procedure: a dossier component, or
/// something an agency produces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Id, unique in the procedure.
    pub id: String,
    /// Tên giấy tờ.
    pub name: String,
    /// Form (bản chính, bản sao, …).
    pub form: DocumentForm,
    /// Number of copies.
    pub copies: u32,
    /// Mẫu đơn, tờ khai.
    pub template: Option<String>,
    /// Who issues it.
    pub issued_by: Actor,
    /// State database that already holds it.
    pub held_in: Option<String>,
    /// Condition under which it is needed.
    pub when: Option<String>,
    /// Applicant effort to prepare or obtain it.
    pub effort: Effort,
}

/// Request to supplement the dossier: a back-edge taken with some probability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rework {
    /// The step the dossier goes back to.
    pub to: String,
    /// Probability in millionths (100,000 = 10%).
    pub probability_ppm: u32,
}

/// One step of the sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Id, unique in the procedure.
    pub id: String,
    /// What happens.
    pub name: String,
    /// Who acts.
    pub actor: Actor,
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
}
