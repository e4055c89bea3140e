//! The intermediate form: what a record says, typed, with what could not be
//! read kept apart.

use crate::i18n::Text;
use crate::model::{ApplicantKind, Channel, Level};
use serde::Serialize;

/// How well a field of a record was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read in full, with certainty.
    Complete,
    /// Something was read, but part of it is uncertain or unread: see the notes.
    Partial,
    /// The record does not give it (empty, or `Không có thông tin`).
    Missing,
}

/// The fields whose status is tallied, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldName {
    /// `ma_thu_tuc`.
    Code,
    /// `ten_thu_tuc`.
    Name,
    /// `linh_vuc`.
    Sector,
    /// `cap_thuc_hien`.
    Levels,
    /// `co_quan_thuc_hien`, `co_quan_co_tham_quyen`.
    Authority,
    /// `co_quan_phoi_hop`.
    Coordinating,
    /// `co_quan_duoc_uy_quyen`.
    Delegated,
    /// `dia_chi_tiep_nhan`.
    Reception,
    /// `doi_tuong_thuc_hien`.
    Applicants,
    /// The rows of `cach_thuc_thuc_hien`.
    Channels,
    /// The deadline cell of each channel row.
    Deadlines,
    /// The fee cell of each channel row.
    Fees,
    /// `thanh_phan_ho_so`.
    Documents,
    /// `yeu_cau_dieu_kien`.
    Conditions,
    /// `ket_qua_xu_ly`.
    Results,
    /// `can_cu_phap_ly`.
    LegalBasis,
    /// `detail_url`, `so_quyet_dinh`.
    Sources,
    /// `trinh_tu_thuc_hien`.
    Steps,
}

impl FieldName {
    /// Every field, in report order.
    pub const ALL: [FieldName; 18] = [
        FieldName::Code,
        FieldName::Name,
        FieldName::Sector,
        FieldName::Levels,
        FieldName::Authority,
        FieldName::Coordinating,
        FieldName::Delegated,
        FieldName::Reception,
        FieldName::Applicants,
        FieldName::Channels,
        FieldName::Deadlines,
        FieldName::Fees,
        FieldName::Documents,
        FieldName::Conditions,
        FieldName::Results,
        FieldName::LegalBasis,
        FieldName::Sources,
        FieldName::Steps,
    ];

    /// The snake-case key used in reports (`legal_basis`, …).
    pub fn key(self) -> &'static str {
        match self {
            FieldName::Code => "code",
            FieldName::Name => "name",
            FieldName::Sector => "sector",
            FieldName::Levels => "levels",
            FieldName::Authority => "authority",
            FieldName::Coordinating => "coordinating",
            FieldName::Delegated => "delegated",
            FieldName::Reception => "reception",
            FieldName::Applicants => "applicants",
            FieldName::Channels => "channels",
            FieldName::Deadlines => "deadlines",
            FieldName::Fees => "fees",
            FieldName::Documents => "documents",
            FieldName::Conditions => "conditions",
            FieldName::Results => "results",
            FieldName::LegalBasis => "legal_basis",
            FieldName::Sources => "sources",
            FieldName::Steps => "steps",
        }
    }
}

/// Something that could not be read with certainty, for one field: it
/// becomes a comment in the emitted file, so that nothing is lost and
/// nothing is invented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The field it belongs to.
    pub field: FieldName,
    /// What was met, in both languages.
    pub text: Text,
}

/// A value as the record wrote it, with what the importer could map it to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mapped<T> {
    /// The text exactly as in the record.
    pub text: String,
    /// The mapped key, only where the mapping is certain.
    pub value: Option<T>,
}

/// Text of a table that could not be placed in any value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Residue {
    /// The table it comes from.
    pub field: FieldName,
    /// The text as written.
    pub text: String,
}

impl Residue {
    pub(crate) fn new(field: FieldName, text: String) -> Residue {
        Residue { field, text }
    }
}

/// Non-blank characters that a table reader consumed as markup (headers,
/// channel names, `Mã:` markers, `Không có thông tin` cells, merged
/// duplicates), per table field; with [`ImportedProcedure::residue_of`] and
/// the values, it accounts for every character of the table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Markup {
    /// `cach_thuc_thuc_hien`.
    pub channels: usize,
    /// `thanh_phan_ho_so`.
    pub documents: usize,
    /// `can_cu_phap_ly`.
    pub legal_basis: usize,
    /// `ket_qua_xu_ly`.
    pub results: usize,
}

/// Cơ quan thực hiện / cơ quan có thẩm quyền.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Authority {
    /// `co_quan_thuc_hien` split into agencies (`None`: not given).
    pub executing: Option<Vec<String>>,
    /// `co_quan_co_tham_quyen` split into agencies (`None`: not given).
    pub competent: Option<Vec<String>>,
}

/// A fee as the channel table states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "dong")]
pub enum FeeAmount {
    /// `Miễn phí`.
    Free,
    /// An amount in whole đồng (`20,000 Việt Nam Đồng` → 20000).
    Dong(u64),
    /// `Không có thông tin`, or no fee cell.
    NotGiven,
    /// A fee text that cannot be read as an amount with certainty; the text is
    /// kept in [`ChannelFee::text`].
    Uncertain,
}

/// The fee cell of one channel row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChannelFee {
    /// The cell as written (`10,000 Việt Nam Đồng`), when it could be delimited.
    pub text: Option<String>,
    /// What it says.
    pub amount: FeeAmount,
    /// The note in brackets right after the amount (conditions, exemptions,
    /// late fees, `thu 10.000 đồng/lần` …), without the brackets.
    pub note: Option<String>,
    /// Every amount in đồng that the note or the description names
    /// (`10.000 đồng` → 10000), in order; they may be conditional.
    pub mentioned_amounts: Vec<u64>,
}

/// One row of the channel table (`cach_thuc_thuc_hien`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChannelRow {
    /// The channel.
    pub channel: Channel,
    /// The deadline cell exactly as written (`7 Ngày làm việc`, `1`,
    /// `Không phải trả kết quả …`); `None` when not given
    /// (`Không có thông tin`) or when it could not be delimited.
    pub deadline: Option<String>,
    /// The deadline is a bare number: the unit is missing.
    pub deadline_unit_missing: bool,
    /// The fee.
    pub fee: ChannelFee,
    /// The description column (`Mô tả`), when given.
    pub description: Option<String>,
    /// Text of the row whose cell boundaries could not be found; kept whole.
    pub unsplit: Option<String>,
}

/// A form of a document in the count column or named in the document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperForm {
    /// Bản chính.
    Original,
    /// Bản sao.
    Copy,
    /// Bản sao có chứng thực / bản sao chứng thực.
    CertifiedCopy,
    /// Chứng thực chữ ký (a signature authenticated; not a certified copy).
    SignatureCertified,
    /// Bản chụp (photocopy).
    Photocopy,
    /// Bản điện tử / bản sao điện tử.
    Electronic,
    /// Xuất trình (shown, not handed in).
    Presented,
}

/// `N bản chính`, `N bản sao` in the count column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormCount {
    /// The form.
    pub form: PaperForm,
    /// How many.
    pub count: u32,
}

/// One document of the dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportedDocument {
    /// The name cell (`Tên giấy tờ`), form file names taken out.
    pub name: String,
    /// The form file names (`Mẫu đơn, tờ khai`) glued to it, e.g. `Mẫu số 03.docx`.
    pub templates: Vec<String>,
    /// The count cell exactly as written (`0 bản chính,1 bản sao`).
    pub count_text: String,
    /// The count cell read per form.
    pub counts: Vec<FormCount>,
    /// Forms the name itself mentions (`Bản sao có chứng thực …`,
    /// `… hoặc bản điện tử`), in the order of first mention.
    pub mentioned_forms: Vec<PaperForm>,
    /// Some boundary of this row was inferred, not marked: see the notes.
    pub uncertain: bool,
    /// The state database that holds this paper, when asked for and
    /// inferred ([`infer_held`](super::infer_held)); never set by reading.
    pub held: Option<super::HeldInference>,
}

/// The documents under one case heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentGroup {
    /// The case heading (the situation these documents belong to); `None`
    /// for the general list (`--`, or no heading).
    pub case: Option<String>,
    /// The documents, in order.
    pub documents: Vec<ImportedDocument>,
}

/// One result (`Kết quả thực hiện`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportedResult {
    /// Its name.
    pub name: String,
    /// Its KQ code (`KQ.G01.000064`), when given.
    pub code: Option<String>,
}

/// One legal text of the legal basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LegalText {
    /// The number (`123/2015/NĐ-CP`), when it could be delimited.
    pub number: Option<String>,
    /// The number cell as written when it says more than the number
    /// (`Thông tư số 56/2024/TT-NHNN`).
    pub cell: Option<String>,
    /// The title as written (may be empty when the record gives only the number).
    pub title: String,
    /// How many times the record lists this number (duplicates are merged).
    pub listed: u32,
}

/// Where the procedure comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sources {
    /// The record's page.
    pub detail_url: Option<String>,
    /// The decision that announced it (`1523/QĐ-BCA-C06`); `None` when the
    /// record gives none or a placeholder (`QĐ/0001-BCA`).
    pub decision: Option<String>,
    /// The decision field as written, also when it is a placeholder.
    pub decision_text: Option<String>,
}

/// Who acts in a step, where the text says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepActor {
    /// The applicant (cá nhân, tổ chức, công dân, người nộp hồ sơ …).
    Applicant,
    /// An agency (cơ quan, cán bộ, Sở, Bộ phận một cửa …).
    Agency,
}

/// One step of `Trình tự thực hiện`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportedStep {
    /// The marker as written (`Bước 1:`, `-`, `a)`), when there is one.
    pub marker: Option<String>,
    /// The text of the step.
    pub text: String,
    /// Who acts, where the opening words of the step name them.
    pub actor: Option<StepActor>,
    /// The words that name the actor, as written.
    pub actor_text: Option<String>,
    /// Durations the text states (`trong thời hạn 03 ngày làm việc`), as written.
    pub durations: Vec<String>,
}

/// A procedure read from one official record: every value comes from the
/// record; what it does not give is `None`/empty and has a [`Status`] of
/// [`Status::Missing`]; what could not be read with certainty has a
/// [`Note`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportedProcedure {
    /// Where the record came from (file name, line of a JSON Lines file …).
    pub origin: String,
    /// National TTHC code (`1.004222`).
    pub code: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Sector (`linh_vuc`).
    pub sector: Option<String>,
    /// Kind of procedure (`loai_thu_tuc`).
    pub kind: Option<String>,
    /// Levels (`Cấp bộ` → central, `Cấp tỉnh` → province, `Cấp xã` → commune).
    pub levels: Vec<Mapped<Level>>,
    /// Executing and competent agencies.
    pub authority: Authority,
    /// Coordinating agencies (cơ quan phối hợp).
    pub coordinating: Vec<String>,
    /// Delegated agency (cơ quan được ủy quyền).
    pub delegated: Option<String>,
    /// Where dossiers are received.
    pub reception: Option<String>,
    /// Related procedures, as written.
    pub related: Option<String>,
    /// Applicants, each with its original text; mapped only where certain.
    pub applicants: Vec<Mapped<ApplicantKind>>,
    /// Channel rows in the record's order (a channel may appear twice, for two cases).
    pub channels: Vec<ChannelRow>,
    /// Documents by case heading.
    pub documents: Vec<DocumentGroup>,
    /// Conditions (yêu cầu, điều kiện), as written.
    pub conditions: Option<String>,
    /// Results.
    pub results: Vec<ImportedResult>,
    /// Legal basis, deduplicated by number.
    pub legal_basis: Vec<LegalText>,
    /// Sources.
    pub sources: Sources,
    /// Steps.
    pub steps: Vec<ImportedStep>,
    /// Form names the text lists on their own (`Tên mẫu đơn, mẫu tờ khai`
    /// of a plain-text input); a portal record names its forms per document.
    pub forms: Vec<String>,
    /// Status of every field of [`FieldName::ALL`], in that order.
    pub status: Vec<(FieldName, Status)>,
    /// What could not be read with certainty.
    pub notes: Vec<Note>,
    /// Text of the flattened tables that is neither in a value nor in a
    /// known header or marker (page residue, text that could not be placed).
    pub residue: Vec<Residue>,
    /// What the table readers consumed as markup.
    pub markup: Markup,
}

impl ImportedProcedure {
    /// The status of one field.
    pub fn status_of(&self, field: FieldName) -> Status {
        self.status
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(Status::Missing, |(_, s)| *s)
    }

    /// The notes of one field.
    pub fn notes_of(&self, field: FieldName) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |n| n.field == field)
    }

    /// The residue of one field.
    pub fn residue_of(&self, field: FieldName) -> impl Iterator<Item = &str> {
        self.residue
            .iter()
            .filter(move |r| r.field == field)
            .map(|r| r.text.as_str())
    }

    /// Every document of every case, in order.
    pub fn all_documents(&self) -> impl Iterator<Item = &ImportedDocument> {
        self.documents.iter().flat_map(|g| g.documents.iter())
    }
}
