//! Official records in: reading national-portal records (and the plain text
//! of a record or of Part II of a quyết định công bố TTHC) into a typed
//! intermediate form, [`ImportedProcedure`], with an [`ImportReport`].
//!
//! Every value comes from the record. What the record does not give is left
//! empty with the status [`Status::Missing`]; what cannot be read with
//! certainty (a lost column boundary, a deadline without unit, a fee the
//! note contradicts) is kept as text with the status [`Status::Partial`] and
//! a [`Note`] naming the field, so that the emitted file can say it in a
//! comment. Nothing is guessed into a number.
//!
//! The core takes a [`Record`] value and never touches the file system;
//! [`Record::from_json_str`] reads one record from JSON text through the
//! YAML parser (JSON is a subset of YAML 1.2). Walking JSON Lines files and
//! directories is the caller's work: one call per record.
//!
//! ```
//! use tthc::import::{Record, import_record, FeeAmount, Status, FieldName};
//! let record = Record {
//!     ma_thu_tuc: "1.004222".into(),
//!     ten_thu_tuc: "Đăng ký thường trú".into(),
//!     cach_thuc_thuc_hien: "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam ĐồngTrực tiếp7 Ngày làm việc20,000 Việt Nam Đồng".into(),
//!     ..Record::default()
//! };
//! let p = import_record(&record, "1.004222.json");
//! assert_eq!(p.channels[0].deadline.as_deref(), Some("7 Ngày làm việc"));
//! assert_eq!(p.channels[1].fee.amount, FeeAmount::Dong(20_000));
//! assert_eq!(p.status_of(FieldName::Fees), Status::Complete);
//! assert_eq!(p.status_of(FieldName::Documents), Status::Missing);
//! ```

mod channels;
mod documents;
mod emit;
mod held;
mod legal;
mod model;
mod record;
mod report;
mod results;
mod scan;
mod steps;
mod text;
mod yaml;

pub use emit::{EmitOptions, EmittedFile, emit, file_path, slug};
pub use held::{HeldInference, HeldOutcome, infer_document, infer_held, resolution_66_7_in_force};
pub use model::*;
pub use record::{MAX_RECORD_BYTES, Record, RecordError};
pub use report::{FieldTally, ImportFailure, ImportReport};
pub use scan::nonblank;
pub use text::{TextError, read_text};

use crate::i18n::Text;
use crate::model::{ApplicantKind, Level};
use scan::{given, is_not_given, split_list};

/// Formats whole đồng with `.` thousands separators (`20.000`).
pub(crate) fn format_dong(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn map_level(text: &str) -> Option<Level> {
    match text.trim().to_lowercase().as_str() {
        "cấp bộ" | "cấp trung ương" => Some(Level::Central),
        "cấp tỉnh" => Some(Level::Province),
        "cấp xã" => Some(Level::Commune),
        "cấp huyện" => Some(Level::District),
        _ => None,
    }
}

fn map_applicant(text: &str) -> Option<ApplicantKind> {
    let t = text.trim().to_lowercase();
    if t == "công dân việt nam" || t == "công dân" {
        Some(ApplicantKind::Citizen)
    } else if t.starts_with("doanh nghiệp") {
        Some(ApplicantKind::Business)
    } else if t.starts_with("tổ chức") {
        Some(ApplicantKind::Organization)
    } else {
        None
    }
}

/// A portal list split into its pieces, each mapped where `map` is
/// certain; the pieces that map to nothing, apart.
fn mapped_list<T>(text: &str, map: fn(&str) -> Option<T>) -> (Vec<Mapped<T>>, Vec<String>) {
    let items: Vec<Mapped<T>> = split_list(text)
        .into_iter()
        .filter(|t| !is_not_given(t))
        .map(|t| Mapped {
            value: map(&t),
            text: t,
        })
        .collect();
    let unmapped = items
        .iter()
        .filter(|m| m.value.is_none())
        .map(|m| m.text.clone())
        .collect();
    (items, unmapped)
}

/// A decision number that is not a placeholder: `1523/QĐ-BCA-C06`,
/// `92/QĐ-BTC`, `12/2020/QĐ-UBND`; not `QĐ/0001-BCA`, `Demo/QĐ-BCA`, `0/QĐ-…`.
fn real_decision(text: &str) -> bool {
    let t = text.trim();
    let d = scan::digits_len(t);
    if d == 0 || t[..d].bytes().all(|b| b == b'0') {
        return false;
    }
    let mut rest = &t[d..];
    if let Some(r) = rest.strip_prefix('/') {
        let y = scan::digits_len(r);
        rest = if y == 4 && r[4..].starts_with('/') {
            &r[4..]
        } else {
            rest
        };
    }
    rest.starts_with("/QĐ-") && rest.len() > "/QĐ-".len()
}

/// Reads one record into the intermediate form. Never fails: what cannot
/// be read is reported in the statuses and notes. `origin` names the record
/// in the result (a file name, `file.jsonl:12`).
pub fn import_record(record: &Record, origin: &str) -> ImportedProcedure {
    let mut notes: Vec<Note> = Vec::new();
    let mut status: Vec<(FieldName, Status)> = Vec::new();
    let mut residue: Vec<Residue> = Vec::new();
    let note = |notes: &mut Vec<Note>, field, vi: String, en: String| {
        notes.push(Note {
            field,
            text: Text::new(vi, en),
        })
    };
    let simple = |v: &Option<String>| {
        if v.is_some() {
            Status::Complete
        } else {
            Status::Missing
        }
    };

    let code = given(&record.ma_thu_tuc);
    let code_status = match &code {
        None => Status::Missing,
        Some(c) if valid_code(c) => Status::Complete,
        Some(c) => {
            note(
                &mut notes,
                FieldName::Code,
                format!("mã thủ tục «{c}» không có dạng mã quốc gia N.NNNNNN"),
                format!("the code «{c}» is not of the national form N.NNNNNN"),
            );
            Status::Partial
        }
    };
    status.push((FieldName::Code, code_status));
    let name = given(&record.ten_thu_tuc);
    status.push((FieldName::Name, simple(&name)));
    let sector = given(&record.linh_vuc);
    status.push((FieldName::Sector, simple(&sector)));

    // Levels.
    let (levels, unmapped) = mapped_list(&record.cap_thuc_hien, map_level);
    if !unmapped.is_empty() {
        note(
            &mut notes,
            FieldName::Levels,
            format!("cấp thực hiện không ánh xạ được: {}", unmapped.join("; ")),
            format!("levels that map to no key: {}", unmapped.join("; ")),
        );
    }
    status.push((
        FieldName::Levels,
        list_status(levels.is_empty(), !unmapped.is_empty()),
    ));

    // Authority.
    let agencies = |t: &str| given(t).map(|g| split_list(&g));
    let authority = Authority {
        executing: agencies(&record.co_quan_thuc_hien),
        competent: agencies(&record.co_quan_co_tham_quyen),
    };
    status.push((
        FieldName::Authority,
        if authority.executing.is_some() || authority.competent.is_some() {
            Status::Complete
        } else {
            Status::Missing
        },
    ));
    let coordinating = agencies(&record.co_quan_phoi_hop).unwrap_or_default();
    status.push((
        FieldName::Coordinating,
        list_status(coordinating.is_empty(), false),
    ));
    let delegated = given(&record.co_quan_duoc_uy_quyen);
    status.push((FieldName::Delegated, simple(&delegated)));
    let reception = given(&record.dia_chi_tiep_nhan);
    status.push((FieldName::Reception, simple(&reception)));

    // Applicants.
    let (applicants, unmapped) = mapped_list(&record.doi_tuong_thuc_hien, map_applicant);
    if !unmapped.is_empty() {
        note(
            &mut notes,
            FieldName::Applicants,
            format!(
                "đối tượng không ánh xạ chắc chắn sang công dân/doanh nghiệp/tổ chức, giữ nguyên văn: {}",
                unmapped.join("; ")
            ),
            format!(
                "applicants with no certain mapping to citizen/business/organization, kept as written: {}",
                unmapped.join("; ")
            ),
        );
    }
    status.push((
        FieldName::Applicants,
        list_status(applicants.is_empty(), !unmapped.is_empty()),
    ));

    // Channels, deadlines, fees.
    let before = notes.len();
    let ch = channels::read(&record.cach_thuc_thuc_hien, &mut notes);
    residue.extend(
        ch.residue
            .into_iter()
            .map(|t| Residue::new(FieldName::Channels, t)),
    );
    let rows = ch.rows;
    let given_deadlines = rows.iter().filter(|r| r.deadline.is_some()).count();
    if given_deadlines > 0 && given_deadlines < rows.len() {
        note(
            &mut notes,
            FieldName::Deadlines,
            format!(
                "{} trong {} dòng kênh không ghi thời hạn",
                rows.len() - given_deadlines,
                rows.len()
            ),
            format!(
                "{} of {} channel rows give no deadline",
                rows.len() - given_deadlines,
                rows.len()
            ),
        );
    }
    let given_fees = rows
        .iter()
        .filter(|r| !matches!(r.fee.amount, FeeAmount::NotGiven))
        .count();
    if given_fees > 0 && given_fees < rows.len() {
        note(
            &mut notes,
            FieldName::Fees,
            format!(
                "{} trong {} dòng kênh không ghi phí",
                rows.len() - given_fees,
                rows.len()
            ),
            format!(
                "{} of {} channel rows give no fee",
                rows.len() - given_fees,
                rows.len()
            ),
        );
    }
    let noted = |notes: &[Note], from: usize, field| notes[from..].iter().any(|n| n.field == field);
    status.push((
        FieldName::Channels,
        table_status(rows.is_empty(), noted(&notes, before, FieldName::Channels)),
    ));
    status.push((
        FieldName::Deadlines,
        table_status(
            given_deadlines == 0,
            noted(&notes, before, FieldName::Deadlines),
        ),
    ));
    status.push((
        FieldName::Fees,
        table_status(given_fees == 0, noted(&notes, before, FieldName::Fees)),
    ));

    // Documents.
    let before = notes.len();
    let docs = documents::read(&record.thanh_phan_ho_so, &mut notes);
    residue.extend(
        docs.residue
            .into_iter()
            .map(|t| Residue::new(FieldName::Documents, t)),
    );
    let groups = docs.groups;
    let none = groups.iter().all(|g| g.documents.is_empty());
    status.push((
        FieldName::Documents,
        table_status(none, noted(&notes, before, FieldName::Documents)),
    ));

    let conditions = given(&record.yeu_cau_dieu_kien);
    status.push((FieldName::Conditions, simple(&conditions)));

    // Results.
    let before = notes.len();
    let res = results::read(&record.ket_qua_xu_ly, &mut notes);
    residue.extend(
        res.residue
            .into_iter()
            .map(|t| Residue::new(FieldName::Results, t)),
    );
    status.push((
        FieldName::Results,
        table_status(
            res.results.is_empty(),
            noted(&notes, before, FieldName::Results),
        ),
    ));

    // Legal basis.
    let before = notes.len();
    let law = legal::read(&record.can_cu_phap_ly, &mut notes);
    residue.extend(
        law.residue
            .into_iter()
            .map(|t| Residue::new(FieldName::LegalBasis, t)),
    );
    status.push((
        FieldName::LegalBasis,
        table_status(
            law.texts.is_empty(),
            noted(&notes, before, FieldName::LegalBasis),
        ),
    ));

    // Sources.
    let decision_text = given(&record.so_quyet_dinh);
    let decision = decision_text.clone().filter(|d| real_decision(d));
    if let (Some(t), None) = (&decision_text, &decision) {
        note(
            &mut notes,
            FieldName::Sources,
            format!("số quyết định «{t}» là số giữ chỗ, không phải số quyết định công bố"),
            format!(
                "the decision «{t}» is a placeholder, not the number of an announcing decision"
            ),
        );
    }
    let detail_url = given(&record.detail_url);
    status.push((
        FieldName::Sources,
        match (&detail_url, &decision) {
            (Some(_), Some(_)) => Status::Complete,
            (None, None) => Status::Missing,
            _ => Status::Partial,
        },
    ));
    let sources = Sources {
        detail_url,
        decision,
        decision_text,
    };

    // Steps.
    let (steps, steps_status) = steps::read(&record.trinh_tu_thuc_hien, &mut notes);
    status.push((FieldName::Steps, steps_status));

    let markup = Markup {
        channels: ch.markup_chars,
        documents: docs.markup_chars,
        legal_basis: law.markup_chars,
        results: res.markup_chars,
    };
    status.sort_by_key(|(f, _)| *f);
    ImportedProcedure {
        origin: origin.to_string(),
        code,
        name,
        sector,
        kind: given(&record.loai_thu_tuc),
        levels,
        authority,
        coordinating,
        delegated,
        reception,
        related: given(&record.thu_tuc_lien_quan),
        applicants,
        channels: rows,
        documents: groups,
        conditions,
        results: res.results,
        legal_basis: law.texts,
        sources,
        steps,
        forms: Vec::new(),
        status,
        notes,
        residue,
        markup,
    }
}

/// National TTHC codes: a digit, a dot, six digits (`1.004222`).
fn valid_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 8 && b[0].is_ascii_digit() && b[1] == b'.' && b[2..].iter().all(u8::is_ascii_digit)
}

fn list_status(empty: bool, partial: bool) -> Status {
    if empty {
        Status::Missing
    } else if partial {
        Status::Partial
    } else {
        Status::Complete
    }
}

pub(crate) fn table_status(empty: bool, noted: bool) -> Status {
    if empty {
        // Nothing read; notes (if any) say why.
        Status::Missing
    } else if noted {
        Status::Partial
    } else {
        Status::Complete
    }
}

/// Reads one JSON record and imports it, or says why it cannot be imported.
///
/// A record is refused only when its JSON cannot be read or when it has
/// neither a code nor a name (nothing to name the procedure by).
pub fn import_json(text: &str, origin: &str) -> Result<ImportedProcedure, ImportFailure> {
    let record = Record::from_json_str(text, origin).map_err(ImportFailure::from)?;
    import_checked(&record, origin)
}

/// Imports a record that has a code or a name; refuses one that has neither.
pub fn import_checked(record: &Record, origin: &str) -> Result<ImportedProcedure, ImportFailure> {
    if is_not_given(&record.ma_thu_tuc) && is_not_given(&record.ten_thu_tuc) {
        return Err(ImportFailure {
            origin: origin.to_string(),
            line: None,
            column: None,
            reason: Text::new(
                "bản ghi không có mã thủ tục và tên thủ tục",
                "the record has neither a procedure code nor a name",
            ),
        });
    }
    Ok(import_record(record, origin))
}
