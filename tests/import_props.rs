//! Property tests of the importer: random and mangled records never panic,
//! and every non-blank character of the four flattened tables is in a value,
//! in known markup (headers, channel names, `Mã:`…) or in the residue.

use proptest::prelude::*;
use std::path::Path;
use tthc::import::{FieldName, ImportedProcedure, Record, import_record, nonblank};

fn opt(s: &Option<String>) -> usize {
    s.as_deref().map_or(0, nonblank)
}

fn residue(p: &ImportedProcedure, field: FieldName) -> usize {
    p.residue_of(field).map(nonblank).sum()
}

/// Asserts that each table's characters are all accounted for.
fn assert_covered(record: &Record, p: &ImportedProcedure) -> Result<(), TestCaseError> {
    let channels: usize = p
        .channels
        .iter()
        .map(|r| {
            opt(&r.deadline)
                + opt(&r.fee.text)
                + opt(&r.fee.note)
                + opt(&r.description)
                + opt(&r.unsplit)
        })
        .sum::<usize>()
        + p.markup.channels
        + residue(p, FieldName::Channels);
    prop_assert_eq!(
        nonblank(&record.cach_thuc_thuc_hien),
        channels,
        "channels of {:?}",
        record.cach_thuc_thuc_hien
    );
    let documents: usize = p
        .documents
        .iter()
        .map(|g| {
            opt(&g.case)
                + g.documents
                    .iter()
                    .map(|d| {
                        nonblank(&d.name)
                            + d.templates.iter().map(|t| nonblank(t)).sum::<usize>()
                            + nonblank(&d.count_text)
                    })
                    .sum::<usize>()
        })
        .sum::<usize>()
        + p.markup.documents
        + residue(p, FieldName::Documents);
    prop_assert_eq!(
        nonblank(&record.thanh_phan_ho_so),
        documents,
        "documents of {:?}",
        record.thanh_phan_ho_so
    );
    let legal: usize = p
        .legal_basis
        .iter()
        .map(|t| {
            nonblank(&t.title)
                + t.cell
                    .as_deref()
                    .or(t.number.as_deref())
                    .map_or(0, nonblank)
        })
        .sum::<usize>()
        + p.markup.legal_basis
        + residue(p, FieldName::LegalBasis);
    prop_assert_eq!(
        nonblank(&record.can_cu_phap_ly),
        legal,
        "legal basis of {:?}",
        record.can_cu_phap_ly
    );
    let results: usize = p
        .results
        .iter()
        .map(|r| nonblank(&r.name) + opt(&r.code))
        .sum::<usize>()
        + p.markup.results
        + residue(p, FieldName::Results);
    prop_assert_eq!(
        nonblank(&record.ket_qua_xu_ly),
        results,
        "results of {:?}",
        record.ket_qua_xu_ly
    );
    for (field, _) in &p.status {
        prop_assert!(tthc::import::FieldName::ALL.contains(field));
    }
    Ok(())
}

/// Pieces real tables are made of, and some that trip boundaries.
const TOKENS: &[&str] = &[
    "Hình thức nộpThời gianPhí, lệ phíMô tả",
    "Tên giấy tờMẫu đơn, tờ khaiSố lượng",
    "Tên văn bản pháp lýMã văn bản",
    "Trực tuyến",
    "Trực tiếp",
    "Dịch vụ bưu chính",
    " Trực tiếp ",
    "Miễn phí",
    "Không có thông tin",
    "7 Ngày làm việc",
    "1",
    "15 Ngày",
    "1 Giờ",
    "1/2",
    "10,000 Việt Nam Đồng",
    "150 VNĐ",
    "20.000 đồng",
    "1100 VNĐ",
    "5,70,0",
    "(",
    ")",
    "((",
    "Mã: ",
    "KQ.G01.000064",
    "Chưa xác định",
    "VBTT",
    "Từ khóa",
    "Mô tả",
    "1 bản chính",
    "0 bản chính,1 bản sao",
    " bản sao",
    "bản chính",
    "--",
    "116",
    "2025",
    "Mẫu số 03.docx",
    ".doc",
    "Mau",
    "TT-BCA)",
    ".",
    ";",
    ",",
    " ",
    "\n",
    "\t",
    "\u{a0}",
    "123/2015/NĐ-CP",
    "66.7/2025/NQ-CP",
    "202323/2023/QH15",
    "QH1449/2019/QH14",
    "48/VBHN-VPQH",
    "/",
    "/2020/",
    "Thông tư số ",
    "số ",
    "NĐ-CPSỬA ĐỔI",
    "Luật",
    "đ",
    "Đ",
    "ngày",
    "Bước 1:",
    "- ",
    "Cá nhân, tổ chức",
    "cán bộ",
    "trong thời hạn 03 ngày làm việc",
    "10 (mười) ngày",
    "😀",
    "ǅ",
];

fn table() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(TOKENS).prop_map(str::to_string),
            1 => any::<String>(),
            1 => "[0-9.,/ ]{1,6}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn record() -> impl Strategy<Value = Record> {
    (
        table(),
        table(),
        table(),
        table(),
        table(),
        any::<String>(),
        any::<String>(),
    )
        .prop_map(
            |(channels, documents, legal, results, steps, code, applicants)| Record {
                ma_thu_tuc: code,
                ten_thu_tuc: "Thủ tục".into(),
                cach_thuc_thuc_hien: channels,
                thanh_phan_ho_so: documents,
                can_cu_phap_ly: legal,
                ket_qua_xu_ly: results,
                trinh_tu_thuc_hien: steps,
                doi_tuong_thuc_hien: applicants,
                ..Record::default()
            },
        )
}

fn sample() -> Vec<Record> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/records");
    let mut out = Vec::new();
    for ministry in std::fs::read_dir(dir).expect("fixtures") {
        let m = ministry.expect("entry").path();
        if !m.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(m).expect("dir") {
            let f = f.expect("entry").path();
            let text = std::fs::read_to_string(&f).expect("read");
            out.push(Record::from_json_str(&text, "r").expect("record"));
        }
    }
    out.sort_by(|a, b| a.ma_thu_tuc.cmp(&b.ma_thu_tuc));
    out
}

/// Cuts, duplicates or inserts a piece at char boundaries chosen by `a`, `b`.
fn mangle(text: &str, op: u8, a: usize, b: usize, token: &str) -> String {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let i = bounds[a % bounds.len()];
    let j = bounds[b % bounds.len()];
    let (lo, hi) = (i.min(j), i.max(j));
    match op % 3 {
        0 => format!("{}{}", &text[..lo], &text[hi..]),
        1 => format!("{}{}{}", &text[..hi], &text[lo..hi], &text[hi..]),
        _ => format!("{}{}{}", &text[..lo], token, &text[lo..]),
    }
}

proptest! {
    #[test]
    fn random_records_never_panic_and_lose_nothing(r in record()) {
        let p = import_record(&r, "random");
        assert_covered(&r, &p)?;
    }

    #[test]
    fn mangled_real_records_never_panic_and_lose_nothing(
        which in 0usize..113,
        ops in prop::collection::vec((0u8..3, any::<usize>(), any::<usize>(), prop::sample::select(TOKENS)), 1..6),
    ) {
        let records = SAMPLE.with(|s| s.clone());
        let mut r = records[which % records.len()].clone();
        for (k, (op, a, b, token)) in ops.into_iter().enumerate() {
            let field = match k % 4 {
                0 => &mut r.cach_thuc_thuc_hien,
                1 => &mut r.thanh_phan_ho_so,
                2 => &mut r.can_cu_phap_ly,
                _ => &mut r.ket_qua_xu_ly,
            };
            *field = mangle(field, op, a, b, token);
        }
        let p = import_record(&r, "mangled");
        assert_covered(&r, &p)?;
    }
}

thread_local! {
    static SAMPLE: Vec<Record> = sample();
}

#[test]
fn every_real_record_is_covered() {
    let records = sample();
    assert_eq!(records.len(), 113);
    for r in &records {
        let p = import_record(r, &r.ma_thu_tuc);
        if let Err(e) = assert_covered(r, &p) {
            panic!("{}: {e}", r.ma_thu_tuc);
        }
    }
}

const LABELS: &[&str] = &[
    "Trình tự thực hiện:",
    "Cách thức thực hiện:",
    "Thành phần, số lượng hồ sơ:",
    "Thời hạn giải quyết:",
    "Đối tượng thực hiện:",
    "Cơ quan thực hiện:",
    "Kết quả:",
    "Phí, lệ phí:",
    "Tên mẫu đơn, mẫu tờ khai:",
    "Yêu cầu, điều kiện:",
    "Căn cứ pháp lý:",
    "1. Thủ tục ",
    "a) ",
    "\n",
    "Loại giấy tờ Bản chính Bản sao",
    " 1 0",
    "Hình thức nộp Thời hạn giải quyết Phí, lệ phí Mô tả",
    "Trực tiếp 3 Ngày làm việc",
    "Tên giấy tờMẫu đơn, tờ khaiSố lượng",
];

proptest! {
    #[test]
    fn random_texts_never_panic(
        parts in prop::collection::vec(prop_oneof![
            3 => prop::sample::select(LABELS).prop_map(str::to_string),
            1 => prop::sample::select(TOKENS).prop_map(str::to_string),
            1 => any::<String>(),
        ], 0..60)
    ) {
        let text = parts.concat();
        if let Ok(procedures) = tthc::import::read_text(&text, "t.txt", None) {
            prop_assert!(!procedures.is_empty());
        }
    }
}
