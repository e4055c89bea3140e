//! Opt-in inference of dossier documents that a state database holds.
//!
//! A record names the papers an applicant brings; it never says that a
//! national database already holds one. Two texts do:
//!
//! - Decree 104/2022/NĐ-CP (from 1/1/2023): the household book and the
//!   temporary-residence book are replaced by the residence data of the
//!   national population database;
//! - Resolution 66.7/2025/NQ-CP (in force 1/1/2026–28/2/2027, Art. 10):
//!   Art. 4 lists, for every procedure, the papers that nine databases
//!   replace; Annex I names, procedure by procedure (by national code), the
//!   papers replaced by data, and Annex II the papers cut.
//!
//! Matching a record's document to those lists is an *inference*, never a
//! fact: Art. 2(1) applies the replacement only "theo mức độ đáp ứng" of the
//! databases and Art. 2(2) lets the agency ask for the paper when the data
//! are missing. So every match is written as `held_in: { database, basis,
//! inferred: true }`, the basis naming the text and the article or annex row,
//! and TT303 says it is inferred. Nothing is inferred unless the caller asks
//! ([`infer_held`]), and nothing from Resolution 66.7 outside its term.
//!
//! The catch-all Art. 4(10) ("other papers, when the data are complete") is
//! never used: it names no paper.

use super::model::{ImportedDocument, ImportedProcedure};
use crate::calendar::Date;
use serde::Serialize;
use std::sync::OnceLock;

/// A document matched to a database, with the text that says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HeldInference {
    /// The database, as the text names it.
    pub database: String,
    /// The text and its article or annex row
    /// (`Nghị quyết 66.7/2025/NQ-CP, Điều 4 khoản 1`).
    pub basis: String,
}

/// What [`infer_held`] did to one procedure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeldOutcome {
    /// Documents marked as held.
    pub documents: usize,
    /// Whether Resolution 66.7/2025 was in force on the date (when not, only
    /// Decree 104/2022 was applied).
    pub resolution_in_force: bool,
}

/// First and last day of Resolution 66.7/2025/NQ-CP (Art. 10).
const RESOLUTION_TERM: ((i32, u8, u8), (i32, u8, u8)) = ((2026, 1, 1), (2027, 2, 28));
/// Decree 104/2022/NĐ-CP applies from this day (no end).
const DECREE_104_FROM: (i32, u8, u8) = (2023, 1, 1);

const RESOLUTION: &str = "Nghị quyết 66.7/2025/NQ-CP";
const DECREE_104: &str = "Nghị định 104/2022/NĐ-CP";

/// Resolution 66.7/2025 Art. 4 (and Decree 104/2022): the papers, as their
/// names begin once folded (lowercase, no diacritics), with the database and
/// the clause. A paper is recognised only when a document's name *begins*
/// with it (after "bản sao", "bản chính" …): a form that merely mentions an
/// identity card is not the card.
const GENERAL: &[(&[&str], &str, &str)] = &[
    (
        &[
            "chung minh nhan dan",
            "can cuoc",
            "the can cuoc",
            "giay chung nhan can cuoc",
            "cccd",
            "cmnd",
        ],
        "Cơ sở dữ liệu quốc gia về dân cư",
        "Điều 4 khoản 1 điểm a",
    ),
    (
        &[
            "giay xac nhan thong tin ve cu tru",
            "xac nhan thong tin ve cu tru",
            "giay xac nhan cu tru",
        ],
        "Cơ sở dữ liệu quốc gia về dân cư",
        "Điều 4 khoản 1 điểm b",
    ),
    (
        &["giay khai sinh", "trich luc khai sinh"],
        "Cơ sở dữ liệu hộ tịch điện tử",
        "Điều 4 khoản 2 điểm a",
    ),
    (
        &["giay chung nhan ket hon"],
        "Cơ sở dữ liệu hộ tịch điện tử",
        "Điều 4 khoản 2 điểm b",
    ),
    (
        &["giay xac nhan tinh trang hon nhan"],
        "Cơ sở dữ liệu hộ tịch điện tử",
        "Điều 4 khoản 2 điểm c",
    ),
    (
        &["giay chung tu", "giay khai tu", "trich luc khai tu"],
        "Cơ sở dữ liệu hộ tịch điện tử",
        "Điều 4 khoản 2 điểm d",
    ),
    (
        &["the bao hiem y te"],
        "Cơ sở dữ liệu quốc gia về bảo hiểm",
        "Điều 4 khoản 3 điểm a",
    ),
    (
        &["so bao hiem xa hoi"],
        "Cơ sở dữ liệu quốc gia về bảo hiểm",
        "Điều 4 khoản 3 điểm b",
    ),
    (
        &["giay phep lai xe"],
        "Cơ sở dữ liệu giấy phép lái xe",
        "Điều 4 khoản 4",
    ),
    (
        &[
            "giay chung nhan dang ky doanh nghiep",
            "giay chung nhan dang ky kinh doanh",
        ],
        "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
        "Điều 4 khoản 5 điểm a",
    ),
    (
        &["giay chung nhan dang ky ho kinh doanh"],
        "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
        "Điều 4 khoản 5 điểm b",
    ),
    (
        &["giay chung nhan dang ky hop tac xa"],
        "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
        "Điều 4 khoản 5 điểm c",
    ),
    (
        &["giay chung nhan dang ky xe"],
        "Cơ sở dữ liệu về đăng ký phương tiện",
        "Điều 4 khoản 6",
    ),
    // Land: "giai đoạn đầu áp dụng đối với đất ở" — only a certificate that
    // says residential land is recognised by name.
    (
        &["giay chung nhan quyen su dung dat o"],
        "Cơ sở dữ liệu quốc gia về đất đai",
        "Điều 4 khoản 7 (giai đoạn đầu: đất ở)",
    ),
    (
        &["phieu ly lich tu phap"],
        "Cơ sở dữ liệu lý lịch tư pháp",
        "Điều 4 khoản 8",
    ),
    (
        &["giay kham suc khoe"],
        "Cơ sở dữ liệu nền tảng sổ sức khỏe điện tử",
        "Điều 4 khoản 9",
    ),
];

/// Decree 104/2022: the books it abolished.
const BOOKS: &[&str] = &["so ho khau", "so tam tru"];

/// Words before a paper's name that do not change which paper it is.
const QUALIFIERS: &[&str] = &[
    "ban sao co chung thuc",
    "ban sao hop le",
    "ban sao",
    "ban chinh",
    "ban chup",
    "ban dien tu",
    "co chung thuc",
    "va xuat trinh ban chinh de doi chieu",
    "xuat trinh ban chinh de doi chieu",
    "de doi chieu",
    "hoac",
    "va",
    "xuat trinh",
    "nop",
];

/// Names that are forms the applicant fills in: never a held paper, even
/// when the annex's paper appears inside them.
const FILLED_FORMS: &[&str] = &[
    "to khai",
    "don ",
    "ban khai",
    "phieu de nghi",
    "van ban de nghi",
];

/// One row of the annexes: a procedure's paper and its database.
struct AnnexRow {
    annex: &'static str,
    row: &'static str,
    /// The paper's name, folded, cut into its alternatives (`/`, `hoặc`).
    papers: Vec<String>,
    database: &'static str,
}

/// The annexes by procedure code, sorted for binary search.
fn annexes() -> &'static [(&'static str, AnnexRow)] {
    static ROWS: OnceLock<Vec<(&'static str, AnnexRow)>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows: Vec<(&'static str, AnnexRow)> = include_str!("data/nq66-7-annexes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (annex, row, code, paper, database) =
                    (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
                let papers = alternatives(paper);
                (!papers.is_empty()).then(|| {
                    (
                        code.trim(),
                        AnnexRow {
                            annex,
                            row,
                            papers,
                            database: database.trim().trim_end_matches(['.', ';']).trim(),
                        },
                    )
                })
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows
    })
}

/// A paper's name folded and cut at `/`, `;`, `:` and `hoặc`, parentheses
/// dropped (`Giấy chứng nhận đăng ký kinh doanh (bản sao có chứng thực)` →
/// `giay chung nhan dang ky kinh doanh`). A comma does not cut: `Giấy tờ,
/// tài liệu chứng minh …` is one name, and `giấy tờ` alone would match
/// every paper.
fn alternatives(paper: &str) -> Vec<String> {
    let folded = fold(paper);
    let mut without_parens = String::with_capacity(folded.len());
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without_parens.push(c),
            _ => {}
        }
    }
    without_parens
        .split(['/', ';', ':'])
        .flat_map(|p| p.split(" hoac "))
        .map(|p| strip_qualifiers(p).trim_end_matches([' ', ',']).to_string())
        // A one-word fragment ("bản", "giấy") would match every paper: keep
        // names of two words or more.
        .filter(|p| p.split(' ').filter(|w| !w.is_empty()).count() >= 2)
        .collect()
}

/// Lowercase, diacritics off (NFC or NFD), runs of non-alphanumerics
/// (but `/ ; , : ( )`) to one space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let c = crate::load::suggest::fold(c);
        if c.is_alphanumeric() || matches!(c, '/' | ';' | ',' | ':' | '(' | ')') {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

/// The name without leading numbering, punctuation and qualifier words.
fn strip_qualifiers(mut name: &str) -> &str {
    loop {
        let before = name;
        name = name.trim_start_matches(|c: char| !c.is_alphabetic());
        for q in QUALIFIERS {
            if let Some(rest) = name.strip_prefix(q)
                && (rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
            {
                name = rest;
            }
        }
        if name == before {
            return name.trim();
        }
    }
}

/// Whether `name` begins with `paper` at a word boundary.
fn begins_with(name: &str, paper: &str) -> bool {
    name.strip_prefix(paper)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
}

fn date((y, m, d): (i32, u8, u8)) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// Whether Resolution 66.7/2025/NQ-CP is in force on `on`.
pub fn resolution_66_7_in_force(on: Date) -> bool {
    match (date(RESOLUTION_TERM.0), date(RESOLUTION_TERM.1)) {
        (Some(first), Some(last)) => first <= on && on <= last,
        _ => false,
    }
}

/// The database that holds `doc` under the texts in force on `on`, if the
/// document's name says it is one of their papers.
///
/// ```
/// use tthc::import::{ImportedDocument, infer_document};
/// use tthc::calendar::Date;
/// let doc = |name: &str| ImportedDocument {
///     name: name.into(), templates: vec![], count_text: String::new(),
///     counts: vec![], mentioned_forms: vec![], uncertain: false, held: None,
/// };
/// let on = Date::new(2026, 12, 3).unwrap();
/// let held = infer_document(None, &doc("Bản sao Giấy khai sinh"), on).unwrap();
/// assert_eq!(held.database, "Cơ sở dữ liệu hộ tịch điện tử");
/// assert_eq!(held.basis, "Nghị quyết 66.7/2025/NQ-CP, Điều 4 khoản 2 điểm a");
/// // A form that mentions the card is not the card.
/// assert!(infer_document(None, &doc("Tờ khai ghi số căn cước"), on).is_none());
/// // After the resolution's term only Decree 104/2022 applies.
/// let later = Date::new(2027, 3, 1).unwrap();
/// assert!(infer_document(None, &doc("Bản sao Giấy khai sinh"), later).is_none());
/// assert!(infer_document(None, &doc("Sổ hộ khẩu"), later).is_some());
/// ```
pub fn infer_document(
    code: Option<&str>,
    doc: &ImportedDocument,
    on: Date,
) -> Option<HeldInference> {
    let folded = fold(&doc.name);
    let name = strip_qualifiers(&folded);
    if FILLED_FORMS.iter().any(|f| name.starts_with(f)) {
        return None;
    }
    if date(DECREE_104_FROM).is_some_and(|from| from <= on)
        && BOOKS.iter().any(|b| begins_with(name, b))
    {
        return Some(HeldInference {
            database: "Cơ sở dữ liệu quốc gia về dân cư".into(),
            basis: format!("{DECREE_104} (sổ hộ khẩu, sổ tạm trú thay bằng thông tin cư trú)"),
        });
    }
    if !resolution_66_7_in_force(on) {
        return None;
    }
    // The procedure's own annex row is the stronger evidence: the text names
    // this procedure and this paper.
    if let Some(code) = code {
        let rows = annexes();
        let start = rows.partition_point(|(c, _)| *c < code);
        for (_, row) in rows[start..].iter().take_while(|(c, _)| *c == code) {
            if row.papers.iter().any(|p| begins_with(name, p)) {
                return Some(HeldInference {
                    database: row.database.to_string(),
                    basis: format!("{RESOLUTION}, Phụ lục {} mục {}", row.annex, row.row),
                });
            }
        }
    }
    GENERAL.iter().find_map(|(papers, database, clause)| {
        papers
            .iter()
            .any(|p| begins_with(name, p))
            .then(|| HeldInference {
                database: (*database).to_string(),
                basis: format!("{RESOLUTION}, {clause}"),
            })
    })
}

/// Marks the documents of `p` that a state database holds under the texts
/// in force on `on` (see the module text): each gets
/// [`ImportedDocument::held`].
pub fn infer_held(p: &mut ImportedProcedure, on: Date) -> HeldOutcome {
    let code = p.code.clone();
    let mut outcome = HeldOutcome {
        documents: 0,
        resolution_in_force: resolution_66_7_in_force(on),
    };
    for group in &mut p.documents {
        for doc in &mut group.documents {
            doc.held = infer_document(code.as_deref(), doc, on);
            outcome.documents += usize::from(doc.held.is_some());
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str) -> ImportedDocument {
        ImportedDocument {
            name: name.into(),
            templates: vec![],
            count_text: String::new(),
            counts: vec![],
            mentioned_forms: vec![],
            uncertain: false,
            held: None,
        }
    }

    fn on() -> Date {
        Date::new(2026, 12, 3).unwrap()
    }

    #[test]
    fn folds_nfc_and_nfd_alike() {
        let nfd = "Gia\u{301}y khai sinh";
        assert_eq!(fold(nfd), "giay khai sinh");
        assert_eq!(fold("GIẤY KHAI SINH"), "giay khai sinh");
        assert_eq!(fold("Đăng ký"), "dang ky");
    }

    #[test]
    fn qualifiers_and_numbering_are_skipped() {
        assert_eq!(
            strip_qualifiers(&fold(
                "1. Bản sao có chứng thực hoặc bản chính Căn cước công dân"
            )),
            "can cuoc cong dan"
        );
    }

    #[test]
    fn a_word_prefix_is_not_a_match() {
        // "căn cước" must end at a word boundary.
        assert!(!begins_with("can cuocx", "can cuoc"));
        assert!(begins_with("can cuoc cong dan", "can cuoc"));
    }

    #[test]
    fn the_annex_row_of_the_procedure_wins() {
        // Any procedure whose annex row names the business registration
        // certificate: the basis is that row, not Art. 4.
        let rows = annexes();
        assert!(rows.len() > 790, "{} annex rows", rows.len());
        let code = rows
            .iter()
            .find(|(_, r)| {
                r.papers
                    .iter()
                    .any(|p| p == "giay chung nhan dang ky doanh nghiep")
            })
            .map(|(c, _)| *c)
            .unwrap();
        let held = infer_document(
            Some(code),
            &doc("Bản sao Giấy chứng nhận đăng ký doanh nghiệp"),
            on(),
        )
        .unwrap();
        assert!(held.basis.contains("Phụ lục I"), "{}", held.basis);
        // Without the code, the general clause is the basis.
        let held =
            infer_document(None, &doc("Giấy chứng nhận đăng ký doanh nghiệp"), on()).unwrap();
        assert_eq!(
            held.basis,
            "Nghị quyết 66.7/2025/NQ-CP, Điều 4 khoản 5 điểm a"
        );
    }

    #[test]
    fn alternatives_split_and_drop_parentheses() {
        assert_eq!(
            alternatives("Hộ chiếu/Giấy chứng minh nhân dân/căn cước công dân"),
            vec!["ho chieu", "giay chung minh nhan dan", "can cuoc cong dan"]
        );
        assert_eq!(
            alternatives("Giấy chứng nhận đăng ký kinh doanh (bản sao có chứng thực)"),
            vec!["giay chung nhan dang ky kinh doanh"]
        );
    }

    #[test]
    fn nothing_before_the_decree_or_outside_the_lists() {
        let before = Date::new(2022, 12, 31).unwrap();
        assert!(infer_document(None, &doc("Sổ hộ khẩu"), before).is_none());
        assert!(infer_document(None, &doc("Hộ chiếu"), on()).is_none());
        assert!(infer_document(None, &doc("Giấy chứng nhận quyền sử dụng đất"), on()).is_none());
        assert!(infer_document(None, &doc("Đơn đề nghị cấp giấy phép lái xe"), on()).is_none());
        assert!(infer_document(None, &doc(""), on()).is_none());
    }

    #[test]
    fn term_of_the_resolution() {
        assert!(!resolution_66_7_in_force(Date::new(2025, 12, 31).unwrap()));
        assert!(resolution_66_7_in_force(Date::new(2026, 1, 1).unwrap()));
        assert!(resolution_66_7_in_force(Date::new(2027, 2, 28).unwrap()));
        assert!(!resolution_66_7_in_force(Date::new(2027, 3, 1).unwrap()));
    }
}
