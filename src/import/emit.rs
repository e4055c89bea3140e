//! From the intermediate form to a procedure file (`tthc/1`).
//!
//! Every value written comes from the record. What the record does not
//! give, or gives in a way that cannot be read with certainty, is left out
//! and named in a comment, so that the review rules report it (TT001 for a
//! missing element, TT003 for fees not declared …). The few things that are
//! read *from the structure* of a record rather than from one of its cells
//! are said in a comment where they are written:
//!
//! - the documents of Thành phần hồ sơ are submitted at the applicant's
//!   filing step (the first applicant step whose text says `nộp`): that is
//!   what a dossier's components are;
//! - an agency step is done by the procedure's executing agency when the
//!   step's own words name only a generic actor (`cán bộ`, `cơ quan`);
//! - steps follow each other in the record's order;
//! - the results of Kết quả thực hiện are documents issued by the executing
//!   agency, produced by the agency's last step (`result` names the first).
//!
//! A document is written as held in a state database only when the caller
//! marked it ([`infer_held`](super::infer_held), opt-in), and then with its
//! basis and `inferred: true`.

use super::model::{
    ChannelRow, FeeAmount, FieldName, ImportedDocument, ImportedProcedure, PaperForm, Status,
    StepActor,
};
use super::yaml::YamlOut;
use crate::model::{ApplicantKind, Channel, Duration, Level};

/// What the caller knows that the record does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmitOptions {
    /// When the record was read from the portal (`2026-07`), written in the
    /// file's header: the records themselves carry no date.
    pub retrieved: Option<String>,
}

/// A procedure file written from a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmittedFile {
    /// Where it goes under the output folder: `<sector>/<code>-<slug>.yaml`,
    /// `/`-separated, ASCII only.
    pub path: String,
    /// The YAML text.
    pub text: String,
}

/// The longest slug in a file name, in characters.
const SLUG_CHARS: usize = 60;
/// The longest document id, in characters.
const ID_CHARS: usize = 40;

/// Writes the procedure file of an imported record.
///
/// ```
/// use tthc::import::{Record, import_record, emit, EmitOptions};
/// let record = Record {
///     ma_thu_tuc: "1.004222".into(),
///     ten_thu_tuc: "Đăng ký thường trú".into(),
///     linh_vuc: "Đăng ký, quản lý cư trú".into(),
///     cach_thuc_thuc_hien: "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam ĐồngTrực tiếp7 Ngày làm việc20,000 Việt Nam Đồng".into(),
///     ..Record::default()
/// };
/// let file = emit(&import_record(&record, "1.004222.json"), &EmitOptions::default());
/// assert_eq!(file.path, "dang-ky-quan-ly-cu-tru/1.004222-dang-ky-thuong-tru.yaml");
/// let p = tthc::CheckedProcedure::from_yaml_str(&file.text, "x.yaml").unwrap();
/// assert_eq!(p.fees.as_ref().unwrap()[0].amount.dong(), 20_000);
/// ```
pub fn emit(p: &ImportedProcedure, options: &EmitOptions) -> EmittedFile {
    EmittedFile {
        path: file_path(p),
        text: Writer::new(p).write(options),
    }
}

/// `<sector>/<code>-<slug>.yaml`.
pub fn file_path(p: &ImportedProcedure) -> String {
    let sector = p
        .sector
        .as_deref()
        .map(|s| slug(s, SLUG_CHARS))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "khong-ro-linh-vuc".to_string());
    let name = p.name.as_deref().map(|n| slug(n, SLUG_CHARS));
    let code = p
        .code
        .as_deref()
        .filter(|c| valid_file_code(c))
        .map(str::to_string);
    let stem = match (code, name) {
        (Some(c), Some(n)) if !n.is_empty() => format!("{c}-{n}"),
        (Some(c), _) => c,
        (None, Some(n)) if !n.is_empty() => n,
        _ => "thu-tuc".to_string(),
    };
    format!("{sector}/{stem}.yaml")
}

/// A code that may stand in a file name as it is.
fn valid_file_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 20
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        && !code.starts_with('.')
}

/// Lower-case ASCII words joined by `-`: Vietnamese letters lose their
/// marks (`Đăng ký` → `dang-ky`), everything else separates words; cut at a
/// word boundary within `max` characters.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = crate::load::suggest::fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(c);
            dash = false;
        } else {
            dash = true;
        }
        if out.len() > max {
            break;
        }
    }
    if out.len() > max {
        out.truncate(max);
        if let Some(cut) = out.rfind('-') {
            out.truncate(cut);
        }
    }
    out
}

struct Writer<'a> {
    p: &'a ImportedProcedure,
    y: YamlOut,
    /// Document ids, in the order of `p.all_documents()`.
    doc_ids: Vec<String>,
    /// Ids of the result documents, in the order of `p.results`; empty when
    /// no agency is known to issue them.
    result_ids: Vec<String>,
    /// The agency that carries the procedure out, as the record names it.
    executing: Option<String>,
}

impl<'a> Writer<'a> {
    fn new(p: &'a ImportedProcedure) -> Writer<'a> {
        let mut taken: Vec<String> = Vec::new();
        for d in p.all_documents() {
            let base = Some(slug(&d.name, ID_CHARS))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "giay-to".to_string());
            let mut id = base.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            taken.push(id);
        }
        let executing = p
            .authority
            .executing
            .as_ref()
            .or(p.authority.competent.as_ref())
            .filter(|v| !v.is_empty())
            .map(|v| v.join("; "));
        let mut result_ids = Vec::new();
        if executing.is_some() {
            for i in 0..p.results.len() {
                let mut id = format!("ket-qua-{}", i + 1);
                while taken.contains(&id) || result_ids.contains(&id) {
                    id.push('x');
                }
                result_ids.push(id);
            }
        }
        Writer {
            p,
            y: YamlOut::new(),
            doc_ids: taken,
            result_ids,
            executing,
        }
    }

    fn write(mut self, options: &EmitOptions) -> String {
        self.header(options);
        self.identity();
        self.channels();
        self.cases();
        self.result();
        self.lists();
        self.documents();
        self.steps();
        self.y.finish()
    }

    fn header(&mut self, options: &EmitOptions) {
        let p = self.p;
        let title = match (&p.code, &p.name) {
            (Some(c), Some(n)) => format!("{c} — {n}"),
            (Some(c), None) => c.clone(),
            (None, Some(n)) => n.clone(),
            (None, None) => String::new(),
        };
        let y = &mut self.y;
        y.comment(0, &title);
        y.comment(0, "");
        y.comment(
            0,
            "Nhập bằng `tthc import` từ bản ghi của Cổng Dịch vụ công quốc gia; mọi giá trị lấy từ bản ghi.",
        );
        y.comment(
            0,
            "Imported by `tthc import` from a National Public Service Portal record; every value comes from the record.",
        );
        y.comment(0, &format!("Bản ghi / record: {}", p.origin));
        match &options.retrieved {
            Some(date) => y.comment(
                0,
                &format!(
                    "Ngày đọc bản ghi / record read on: {date} (bản ghi không ghi ngày / the record itself carries no date)"
                ),
            ),
            None => y.comment(
                0,
                "Ngày của bản ghi: bản ghi không ghi / date of the record: the record gives none",
            ),
        }
        let missing: Vec<&str> = p
            .status
            .iter()
            .filter(|(_, s)| *s == Status::Missing)
            .map(|(f, _)| f.key())
            .collect();
        if !missing.is_empty() {
            y.comment(
                0,
                &format!(
                    "Bản ghi không có / not in the record: {}",
                    missing.join(", ")
                ),
            );
        }
        if !p.notes.is_empty() {
            y.comment(
                0,
                "Đọc không chắc chắn (để trống hoặc ghi chú) / read with doubt (left out or noted):",
            );
            for n in &p.notes {
                y.comment(
                    0,
                    &format!("  [{}] {} / {}", n.field.key(), n.text.vi, n.text.en),
                );
            }
        }
        for r in &p.residue {
            y.comment(
                0,
                &format!(
                    "Chữ không xếp được vào ô nào / text placed in no cell [{}]: {}",
                    r.field.key(),
                    r.text
                ),
            );
        }
        y.blank();
        y.raw(0, "format", "tthc/1", None);
    }

    fn identity(&mut self) {
        let p = self.p;
        let y = &mut self.y;
        match (&p.code, p.status_of(FieldName::Code)) {
            (Some(c), Status::Complete) => y.scalar(0, "code", c, None),
            (Some(c), _) => y.comment(
                0,
                &format!("code: bản ghi ghi «{c}», không phải mã quốc gia / not a national code"),
            ),
            (None, _) => y.comment(0, "code: bản ghi không ghi / not in the record"),
        }
        match &p.name {
            Some(n) => y.scalar(0, "name", n, None),
            None => {
                // `name` is required to load; say plainly that it is a stand-in.
                let code = p.code.as_deref().unwrap_or("?");
                y.scalar(
                    0,
                    "name",
                    &format!("Thủ tục {code} (bản ghi không ghi tên)"),
                    Some("bản ghi không ghi tên thủ tục / the record gives no name"),
                );
            }
        }
        optional(y, "sector", p.sector.as_deref());
        if let Some(kind) = &p.kind {
            y.comment(0, &format!("Loại thủ tục / kind: {kind}"));
        }

        let levels: Vec<Level> = dedup(p.levels.iter().filter_map(|m| m.value));
        let all_mapped = p.levels.iter().all(|m| m.value.is_some());
        let level_text: Vec<&str> = p.levels.iter().map(|m| m.text.as_str()).collect();
        match (levels.as_slice(), all_mapped) {
            ([one], true) => y.raw(0, "level", level_key(*one), None),
            ([], _) if p.levels.is_empty() => {
                y.comment(0, "level: bản ghi không ghi / not in the record")
            }
            _ => y.comment(
                0,
                &format!(
                    "level: bản ghi ghi «{}» — định dạng chỉ giữ một cấp / the format holds one level",
                    level_text.join(", ")
                ),
            ),
        }

        let executing = p.authority.executing.as_ref().filter(|v| !v.is_empty());
        let competent = p.authority.competent.as_ref().filter(|v| !v.is_empty());
        match (executing, competent) {
            (Some(e), c) => {
                y.scalar(0, "authority", &e.join("; "), None);
                if let Some(c) = c.filter(|c| *c != e) {
                    y.comment(
                        0,
                        &format!("Cơ quan có thẩm quyền / competent authority: {}", c.join("; ")),
                    );
                }
            }
            (None, Some(c)) => y.scalar(
                0,
                "authority",
                &c.join("; "),
                Some("cơ quan có thẩm quyền; bản ghi không ghi cơ quan thực hiện / the competent authority; no executing agency given"),
            ),
            (None, None) => y.comment(0, "authority: bản ghi không ghi / not in the record"),
        }
        if let Some(d) = &p.delegated {
            y.comment(0, &format!("Cơ quan được ủy quyền / delegated: {d}"));
        }
        if let Some(r) = &p.reception {
            y.comment(0, &format!("Địa chỉ tiếp nhận / reception: {r}"));
        }
        if !p.coordinating.is_empty() {
            y.open(0, "coordinating");
            for c in &p.coordinating {
                y.item(1, c, None);
            }
        }

        let kinds: Vec<ApplicantKind> = dedup(p.applicants.iter().filter_map(|m| m.value));
        let words: Vec<&str> = kinds.iter().map(|k| applicant_key(*k)).collect();
        let unmapped: Vec<&str> = p
            .applicants
            .iter()
            .filter(|m| m.value.is_none())
            .map(|m| m.text.as_str())
            .collect();
        if !words.is_empty() {
            y.words(0, "applicants", &words);
        }
        if !unmapped.is_empty() {
            y.comment(
                0,
                &format!(
                    "Đối tượng khác theo bản ghi / other applicants as written: {}",
                    unmapped.join("; ")
                ),
            );
        } else if words.is_empty() {
            y.comment(0, "applicants: bản ghi không ghi / not in the record");
        }
    }

    fn channels(&mut self) {
        let rows = &self.p.channels;
        let y = &mut self.y;
        if rows.is_empty() {
            y.comment(
                0,
                "channels, deadline, fees: bản ghi không có bảng cách thức thực hiện / the record has no channel table",
            );
            return;
        }
        let channels: Vec<Channel> = dedup(rows.iter().map(|r| r.channel));
        let words: Vec<&str> = channels.iter().map(|c| c.key()).collect();
        y.words(0, "channels", &words);
        for r in rows {
            if let Some(d) = &r.description {
                y.comment(
                    0,
                    &format!("Mô tả ({}) / description: {d}", r.channel.key()),
                );
            }
        }

        // Deadlines: one value per channel, only where every row of the
        // channel gives the same readable wording.
        let mut deadlines: Vec<(Channel, String)> = Vec::new();
        let mut doubts: Vec<String> = Vec::new();
        for &c in &channels {
            let texts: Vec<&ChannelRow> = rows.iter().filter(|r| r.channel == c).collect();
            let first = texts[0].deadline.as_deref();
            if texts.iter().any(|r| r.deadline.as_deref() != first) {
                doubts.push(format!(
                    "{}: {}",
                    c.key(),
                    texts
                        .iter()
                        .map(|r| r.deadline.as_deref().unwrap_or("—"))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                continue;
            }
            match first {
                Some(t) if Duration::parse_published(t).is_ok() => {
                    deadlines.push((c, t.to_string()))
                }
                Some(t) => doubts.push(format!("{}: «{t}»", c.key())),
                None => doubts.push(format!("{}: —", c.key())),
            }
        }
        if !doubts.is_empty() {
            y.comment(
                0,
                &format!(
                    "deadline: không đọc chắc chắn / not read with certainty: {}",
                    doubts.join("; ")
                ),
            );
        }
        let same = deadlines.windows(2).all(|w| w[0].1 == w[1].1);
        match deadlines.as_slice() {
            [] => {}
            [(_, one), ..] if same && deadlines.len() == channels.len() => {
                y.scalar(0, "deadline", one, None)
            }
            _ => {
                y.open(0, "deadline");
                for (c, t) in &deadlines {
                    y.scalar(1, c.key(), t, None);
                }
            }
        }

        // Fees: an amount per channel, only where the table gives one.
        let mut amounts: Vec<(Channel, u64)> = Vec::new();
        let mut unknown: Vec<&str> = Vec::new();
        for &c in &channels {
            let of: Vec<Option<u64>> = rows
                .iter()
                .filter(|r| r.channel == c)
                .map(|r| match r.fee.amount {
                    FeeAmount::Free => Some(0),
                    FeeAmount::Dong(v) => Some(v),
                    FeeAmount::NotGiven | FeeAmount::Uncertain => None,
                })
                .collect();
            match of[0] {
                Some(v) if of.iter().all(|x| *x == Some(v)) => amounts.push((c, v)),
                _ => unknown.push(c.key()),
            }
        }
        for r in rows {
            if let Some(n) = &r.fee.note {
                y.comment(
                    0,
                    &format!("Ghi chú phí ({}) / fee note: {n}", r.channel.key()),
                );
            }
            let table = match r.fee.amount {
                FeeAmount::Dong(v) => Some(v),
                FeeAmount::Free => Some(0),
                _ => None,
            };
            let other: Vec<String> = r
                .fee
                .mentioned_amounts
                .iter()
                .filter(|m| Some(**m) != table)
                .map(|m| super::format_dong(*m))
                .collect();
            if !other.is_empty() {
                y.comment(
                    0,
                    &format!(
                        "Kiểm tra / check: ghi chú nêu số tiền khác bảng ({}): {} đồng / the note names other amounts than the table",
                        r.channel.key(),
                        other.join("; ")
                    ),
                );
            }
        }
        if !unknown.is_empty() {
            let texts: Vec<String> = rows
                .iter()
                .map(|r| {
                    format!(
                        "{}: {}",
                        r.channel.key(),
                        r.fee
                            .text
                            .as_deref()
                            .or(r.unsplit.as_deref())
                            .unwrap_or("—")
                    )
                })
                .collect();
            y.comment(
                0,
                &format!(
                    "fees: không đọc chắc chắn / not read with certainty: {}",
                    texts.join("; ")
                ),
            );
            return;
        }
        if amounts.iter().all(|(_, v)| *v == 0) {
            y.raw(
                0,
                "fees",
                "[]",
                Some("bản ghi: miễn phí trên mọi kênh / the record: free on every channel"),
            );
            return;
        }
        y.open(0, "fees");
        y.scalar(
            1,
            "- name",
            "Phí, lệ phí",
            Some("tên cột của bản ghi / the record's column"),
        );
        let same = amounts.windows(2).all(|w| w[0].1 == w[1].1);
        if same {
            y.scalar(2, "amount", &dong(amounts[0].1), None);
        } else {
            y.open(2, "amount");
            for (c, v) in &amounts {
                y.scalar(3, c.key(), &dong(*v), None);
            }
        }
    }

    fn cases(&mut self) {
        let headed: Vec<&str> = self
            .p
            .documents
            .iter()
            .filter_map(|g| g.case.as_deref())
            .collect();
        if headed.is_empty() {
            return;
        }
        let y = &mut self.y;
        y.open(0, "cases");
        for (i, h) in headed.iter().enumerate() {
            y.scalar(1, &format!("truong-hop-{}", i + 1), h, None);
        }
    }

    fn result(&mut self) {
        let p = self.p;
        let y = &mut self.y;
        if p.results.is_empty() {
            y.comment(0, "result: bản ghi không ghi / not in the record");
            return;
        }
        match self.result_ids.first() {
            Some(first) => {
                let note = (self.result_ids.len() > 1).then(|| {
                    format!(
                        "kết quả đầu tiên của bản ghi; các kết quả khác: {} / the record's first result",
                        self.result_ids[1..].join(", ")
                    )
                });
                y.raw(0, "result", first, note.as_deref());
            }
            None => {
                let names: Vec<&str> = p.results.iter().map(|r| r.name.as_str()).collect();
                y.scalar(0, "result", &names.join("; "), None);
            }
        }
        let codes: Vec<&str> = p.results.iter().filter_map(|r| r.code.as_deref()).collect();
        if !codes.is_empty() {
            y.comment(
                0,
                &format!("Mã kết quả / result codes: {}", codes.join(", ")),
            );
        }
    }

    fn lists(&mut self) {
        let p = self.p;
        let y = &mut self.y;
        if p.legal_basis.is_empty() {
            y.comment(0, "legal_basis: bản ghi không ghi / not in the record");
        } else {
            y.open(0, "legal_basis");
            for t in &p.legal_basis {
                let text = match &t.number {
                    Some(n) if !t.title.contains(n.as_str()) => format!("{} ({n})", t.title),
                    _ => t.title.clone(),
                };
                let note = (t.listed > 1).then(|| {
                    format!(
                        "bản ghi liệt kê {} lần / listed {} times in the record",
                        t.listed, t.listed
                    )
                });
                y.item(1, &text, note.as_deref());
            }
        }
        match &p.conditions {
            Some(c) => {
                y.open(0, "conditions");
                for line in c.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    y.item(1, line, None);
                }
            }
            None => y.comment(0, "conditions: bản ghi không ghi / not in the record"),
        }
        let s = &p.sources;
        if s.detail_url.is_none() && s.decision.is_none() {
            y.comment(0, "sources: bản ghi không ghi / not in the record");
        } else {
            y.open(0, "sources");
            if let Some(u) = &s.detail_url {
                y.item(1, u, Some("bản ghi / the record"));
            }
            if let Some(d) = &s.decision {
                y.item(
                    1,
                    &format!("Quyết định {d}"),
                    Some("quyết định công bố / the announcing decision"),
                );
            }
        }
        if let (None, Some(t)) = (&s.decision, &s.decision_text) {
            y.comment(
                0,
                &format!("Số quyết định theo bản ghi (số giữ chỗ) / decision as written (a placeholder): {t}"),
            );
        }
        if let Some(r) = &p.related {
            y.comment(0, &format!("Thủ tục liên quan / related: {r}"));
        }
        for f in &p.forms {
            y.comment(0, &format!("Mẫu đơn, tờ khai / form: {f}"));
        }
    }

    fn documents(&mut self) {
        let p = self.p;
        self.y.blank();
        if p.all_documents().next().is_none() {
            self.y.comment(
                0,
                "documents: bản ghi không ghi thành phần hồ sơ / the record lists no dossier",
            );
            if self.result_ids.is_empty() {
                return;
            }
        }
        self.y.open(0, "documents");
        if let Some(agency) = &self.executing {
            for (id, r) in self.result_ids.iter().zip(&p.results) {
                self.y.open(1, id);
                self.y.scalar(2, "name", &r.name, None);
                self.y.scalar(
                    2,
                    "issued_by",
                    agency,
                    Some("kết quả của bản ghi, do cơ quan thực hiện cấp / a result of the record, issued by the executing agency"),
                );
            }
        }
        let mut case_no = 0;
        let mut i = 0;
        for g in &p.documents {
            let case = g.case.as_ref().map(|_| {
                case_no += 1;
                format!("truong-hop-{case_no}")
            });
            for d in &g.documents {
                let id = self.doc_ids[i].clone();
                i += 1;
                self.document(&id, d, case.as_deref());
            }
        }
    }

    fn document(&mut self, id: &str, d: &ImportedDocument, case: Option<&str>) {
        let y = &mut self.y;
        y.open(1, id);
        y.scalar(2, "name", &d.name, None);
        let nonzero: Vec<(PaperForm, u32)> = d
            .counts
            .iter()
            .filter(|c| c.count > 0)
            .map(|c| (c.form, c.count))
            .collect();
        let count_note = format!("bản ghi / the record: «{}»", d.count_text);
        match (nonzero.as_slice(), d.uncertain) {
            ([(form, n)], false) => {
                let (form, why) = refine(*form, &d.mentioned_forms);
                y.raw(2, "form", form_key(form), Some(why.unwrap_or(&count_note)));
                if *n != 1 {
                    y.raw(2, "copies", &n.to_string(), None);
                }
            }
            ([(form, n), ..], false) => {
                y.raw(
                    2,
                    "form",
                    form_key(*form),
                    Some(&format!(
                        "{count_note} — định dạng giữ một hình thức; các hình thức khác trong ghi chú / the format keeps one form"
                    )),
                );
                if *n != 1 {
                    y.raw(2, "copies", &n.to_string(), None);
                }
            }
            _ => y.comment(
                2,
                &format!(
                    "form, copies: không đọc chắc chắn / not read with certainty — {count_note}"
                ),
            ),
        }
        if !d.templates.is_empty() {
            y.scalar(2, "template", &d.templates.join("; "), None);
        }
        if let Some(c) = case {
            y.raw(2, "case", c, None);
        }
        if let Some(held) = &d.held {
            y.open(2, "held_in");
            y.scalar(3, "database", &held.database, None);
            y.scalar(3, "basis", &held.basis, None);
            y.raw(
                3,
                "inferred",
                "true",
                Some("suy luận từ tên giấy tờ (tthc import --infer-held), bản ghi không nói / inferred from the paper's name, not said by the record"),
            );
        }
    }

    fn steps(&mut self) {
        let p = self.p;
        let y = &mut self.y;
        y.blank();
        if p.steps.is_empty() {
            y.raw(
                0,
                "steps",
                "{}",
                Some("bản ghi không ghi trình tự thực hiện / the record gives no steps"),
            );
            return;
        }
        let filing = p.steps.iter().position(|s| {
            let lower = s.text.to_lowercase();
            match s.actor {
                Some(StepActor::Applicant) => lower.contains("nộp") || lower.contains("gửi"),
                None => files_dossier(&lower),
                Some(StepActor::Agency) => false,
            }
        });
        let executing = self.executing.clone();
        let issuing = p
            .steps
            .iter()
            .rposition(|s| s.actor == Some(StepActor::Agency));
        y.comment(
            0,
            "Các bước theo thứ tự của bản ghi / steps in the record's order.",
        );
        y.open(0, "steps");
        let n = p.steps.len();
        for (i, s) in p.steps.iter().enumerate() {
            y.open(1, &format!("buoc-{}", i + 1));
            if let Some(m) = &s.marker {
                y.comment(2, m);
            }
            y.scalar(2, "name", &s.text, None);
            match (s.actor, &executing) {
                (Some(StepActor::Applicant), _) => y.raw(2, "actor", "applicant", None),
                (None, _) if Some(i) == filing => y.raw(
                    2,
                    "actor",
                    "applicant",
                    Some("bước «Nộp hồ sơ» của bản ghi: người nộp hồ sơ thực hiện / the record's filing step: done by the applicant"),
                ),
                (Some(StepActor::Agency), Some(agency)) => y.scalar(
                    2,
                    "actor",
                    agency,
                    Some(&format!(
                        "bản ghi ghi «{}»; cơ quan thực hiện của thủ tục / the record says «{}»; the procedure's executing agency",
                        s.actor_text.as_deref().unwrap_or(""),
                        s.actor_text.as_deref().unwrap_or("")
                    )),
                ),
                (Some(StepActor::Agency), None) => y.scalar(
                    2,
                    "actor",
                    s.actor_text.as_deref().unwrap_or("cơ quan"),
                    Some("bản ghi không ghi cơ quan thực hiện / the record names no agency"),
                ),
                (None, _) => y.scalar(
                    2,
                    "actor",
                    "chưa xác định",
                    Some("bản ghi không nói ai thực hiện bước này / the record does not say who does this step"),
                ),
            }
            if Some(i) == filing {
                let ids: Vec<&str> = self.doc_ids.iter().map(String::as_str).collect();
                if !ids.is_empty() {
                    y.comment(
                        2,
                        "nộp thành phần hồ sơ của bản ghi / files the record's dossier",
                    );
                    y.words(2, "submits", &ids);
                }
            }
            let readable: Vec<&String> = s
                .durations
                .iter()
                .filter(|d| Duration::parse_published(d).is_ok())
                .collect();
            match (s.actor, readable.as_slice()) {
                (Some(StepActor::Agency), [one]) if s.durations.len() == 1 => y.scalar(
                    2,
                    "duration",
                    one,
                    Some("theo lời văn của bước / as the step says"),
                ),
                _ if !s.durations.is_empty() => y.comment(
                    2,
                    &format!(
                        "Thời hạn nêu trong bước / durations the step names: {}",
                        s.durations.join("; ")
                    ),
                ),
                _ => {}
            }
            if Some(i) == issuing && !self.result_ids.is_empty() {
                y.comment(
                    2,
                    "bước cuối của cơ quan cấp kết quả của bản ghi / the agency's last step issues the record's results",
                );
                let ids: Vec<&str> = self.result_ids.iter().map(String::as_str).collect();
                y.words(2, "produces", &ids);
            }
            if i + 1 < n {
                y.words(2, "next", &[&format!("buoc-{}", i + 2)]);
            }
        }
    }
}

/// A step headed `Nộp hồ sơ` (the portal's heading of the filing step).
fn files_dossier(lower: &str) -> bool {
    let t = lower.trim_start_matches(|c: char| !c.is_alphabetic());
    t.starts_with("nộp hồ sơ") || t.starts_with("gửi hồ sơ")
}

/// The count column says `bản sao`; the name may say which copy.
fn refine(form: PaperForm, mentioned: &[PaperForm]) -> (PaperForm, Option<&'static str>) {
    if form == PaperForm::Copy && mentioned == [PaperForm::CertifiedCopy] {
        return (
            PaperForm::CertifiedCopy,
            Some("tên giấy tờ ghi «bản sao có chứng thực» / the name says a certified copy"),
        );
    }
    (form, None)
}

fn optional(y: &mut YamlOut, key: &str, value: Option<&str>) {
    match value {
        Some(v) => y.scalar(0, key, v, None),
        None => y.comment(0, &format!("{key}: bản ghi không ghi / not in the record")),
    }
}

fn dedup<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

fn dong(v: u64) -> String {
    format!("{} đồng", super::format_dong(v))
}

fn level_key(l: Level) -> &'static str {
    match l {
        Level::Central => "central",
        Level::Province => "province",
        Level::Commune => "commune",
        Level::District => "district",
    }
}

fn applicant_key(k: ApplicantKind) -> &'static str {
    match k {
        ApplicantKind::Citizen => "citizen",
        ApplicantKind::Business => "business",
        ApplicantKind::Organization => "organization",
    }
}

fn form_key(f: PaperForm) -> &'static str {
    match f {
        PaperForm::Original => "original",
        PaperForm::Copy | PaperForm::Photocopy => "copy",
        PaperForm::CertifiedCopy => "certified_copy",
        PaperForm::SignatureCertified => "signature_certified",
        PaperForm::Electronic => "electronic",
        PaperForm::Presented => "presented",
    }
}

#[cfg(test)]
mod tests {
    use super::super::yaml::comment_text;
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(
            slug("Đăng ký, quản lý cư trú", 60),
            "dang-ky-quan-ly-cu-tru"
        );
        assert_eq!(slug("  Ủy ban (UBND) — cấp xã  ", 60), "uy-ban-ubnd-cap-xa");
        assert_eq!(slug("một hai ba bốn", 9), "mot-hai");
        assert_eq!(slug("§§§", 9), "");
    }

    #[test]
    fn comments_never_carry_a_line_break() {
        assert!(!comment_text("a\nb").contains('\n'));
    }
}
