//! Sixty-odd mistakes a Vietnamese drafter makes in a first file, each
//! with the Vietnamese message it must get, on the line and column of the
//! mistake, without an English sentence left in the message or its help
//! (issue 16). The whole table's rendered Vietnamese output is one snapshot.

use std::path::Path;
use tthc::report::diagnostics::{TextStyle, render};
use tthc::{CheckedProcedure, Diagnostic, Lang, LoadErrors};

/// (name, file text, error code, a distinctive part of the Vietnamese
/// message or help, line, column) of the first error.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    u32,
);

const HEAD: &str = "format: tthc/1\nname: Đăng ký khai sinh\n";

const ROWS: &[Row] = &[
    // --- YAML syntax -----------------------------------------------------
    (
        "tab indenting a step",
        "steps:\n\tnop:\n    name: Nộp\n    actor: applicant\n",
        "yaml-syntax",
        "phím Tab",
        4,
        1,
    ),
    (
        "tab inside the indentation",
        "steps:\n  nop:\n  \tname: Nộp\n    actor: applicant\n",
        "yaml-syntax",
        "phím Tab",
        5,
        3,
    ),
    (
        "tab before a key deep down",
        "steps:\n  nop:\n    name: Nộp\n\t    actor: applicant\n",
        "yaml-syntax",
        "thụt lề bằng dấu cách",
        6,
        1,
    ),
    (
        "dedented key",
        "steps:\n  nop:\n    name: Nộp\n   actor: applicant\n    next: [tra]\n  tra: { name: Trả, actor: UBND }\n",
        "yaml-syntax",
        "thụt lề 3 dấu cách",
        6,
        4,
    ),
    (
        "dedented step id",
        "steps:\n  nop:\n    name: Nộp\n    actor: applicant\n xu-ly:\n    name: Xử lý\n    actor: UBND\n",
        "yaml-syntax",
        "0, 2 hoặc 4 dấu cách",
        7,
        2,
    ),
    (
        "overindented key",
        "steps:\n  nop:\n    name: Nộp\n      actor: applicant\n",
        "yaml-syntax",
        "không khớp với các dòng cùng cấp",
        6,
        7,
    ),
    (
        "overindented top key",
        "  sector: Hộ tịch\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "thụt lề 2 dấu cách",
        3,
        3,
    ),
    (
        "no space after colon",
        "sector:Hộ tịch\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "thiếu dấu cách sau dấu `:` của khóa `sector`",
        3,
        8,
    ),
    (
        "no space after colon in a step",
        "steps:\n  nop:\n    name:Nộp hồ sơ\n    actor: applicant\n",
        "yaml-syntax",
        "`name: ...`",
        5,
        10,
    ),
    (
        "no space after colon, last key",
        "steps:\n  nop:\n    name: Nộp hồ sơ\n    actor:applicant\n    next: [a]\n",
        "yaml-syntax",
        "khóa `actor`",
        6,
        11,
    ),
    (
        "unclosed double quote",
        "result: \"Giấy khai sinh\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "dấu ngoặc `\"` mở ở đây",
        3,
        9,
    ),
    (
        "unclosed single quote",
        "steps:\n  nop:\n    name: 'Nộp hồ sơ\n    actor: applicant\n",
        "yaml-syntax",
        "thêm `'` ở cuối giá trị",
        5,
        11,
    ),
    (
        "unclosed bracket",
        "channels: [in_person, online\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "dấu ngoặc `[` mở ở đây",
        3,
        11,
    ),
    (
        "unclosed brace",
        "steps:\n  nop: { name: Nộp, actor: applicant\n  tra: { name: Trả, actor: UBND }\n",
        "yaml-syntax",
        "thêm `}`",
        4,
        8,
    ),
    (
        "wrong closing bracket",
        "steps:\n  nop: { name: Nộp, actor: applicant, next: [tra }\n  tra: { name: Trả, actor: UBND }\n",
        "yaml-syntax",
        "cần đóng bằng `]`",
        4,
        50,
    ),
    (
        "extra closing brace",
        "steps:\n  nop: { name: Nộp, actor: applicant } }\n",
        "yaml-syntax",
        "dấu `}` thừa",
        4,
        40,
    ),
    (
        "decimal comma in hours",
        "steps:\n  nop: { name: Nộp, actor: applicant, effort: { hours: 0,5 } }\n",
        "yaml-syntax",
        "ghi `0.5` (dấu chấm thập phân) hoặc đặt số trong ngoặc đơn: '0,5'",
        4,
        56,
    ),
    (
        "decimal comma in a duration",
        "steps:\n  nop: { name: Nộp, actor: UBND, duration: 0,5 ngày làm việc }\n",
        "yaml-syntax",
        "'0,5 ngày làm việc'",
        4,
        44,
    ),
    (
        "decimal comma in trips and hours",
        "learning: { hours: 1,5, trips: 1 }\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "dấu phẩy thập phân",
        3,
        20,
    ),
    (
        "list item where steps are a mapping",
        "steps:\n  nop:\n    name: Nộp\n    actor: applicant\n    - next: tra\n",
        "yaml-syntax",
        "bỏ `- ` ở đầu dòng",
        7,
        5,
    ),
    (
        "steps written as a list",
        "steps:\n  - nop:\n      name: Nộp\n      actor: applicant\n",
        "wrong-type",
        "bỏ `- ` ở đầu các dòng",
        4,
        3,
    ),
    (
        "key line inside a list",
        "legal_basis:\n  - Luật Hộ tịch 2014\n  sector: Hộ tịch\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "thêm `- ` ở đầu dòng",
        5,
        3,
    ),
    (
        "dash without a space",
        "legal_basis:\n  -Luật Hộ tịch 2014\n  - Nghị định 123/2015\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "wrong-type",
        "có dấu cách sau dấu `-`",
        4,
        3,
    ),
    (
        "duplicate key",
        "sector: Hộ tịch\nsector: Tư pháp\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "duplicate-key",
        "khóa `sector` xuất hiện hai lần",
        4,
        1,
    ),
    (
        "duplicate step id",
        "steps:\n  nop: { name: Nộp, actor: applicant }\n  nop: { name: Nộp lại, actor: applicant }\n",
        "duplicate-key",
        "xuất hiện hai lần",
        5,
        3,
    ),
    (
        "key without colon",
        "sector\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "thiếu dấu `:`",
        3,
        1,
    ),
    (
        "key and value without colon",
        "steps:\n  nop:\n    name: Nộp\n    actor applicant\n",
        "yaml-syntax",
        "`actor: applicant`",
        6,
        5,
    ),
    (
        "colon inside a value",
        "result: Bước cuối: trả giấy khai sinh\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "đặt cả giá trị trong ngoặc kép",
        3,
        18,
    ),
    (
        "value starting with @",
        "authority: @UBND xã\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "không được bắt đầu bằng ký tự \"@\"",
        3,
        12,
    ),
    (
        "value starting with a backtick",
        "authority: `UBND`\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "ký tự \"`\"",
        3,
        12,
    ),
    (
        "text after a closing quote",
        "result: \"Giấy\" khai sinh\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "chữ viết tiếp sau dấu ngoặc kép",
        3,
        16,
    ),
    (
        "full-width colon",
        "sector： Hộ tịch\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "dấu hai chấm thường",
        3,
        1,
    ),
    (
        "star at the start of a value",
        "authority: *UBND\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "yaml-syntax",
        "neo `&` chưa được khai báo",
        3,
        12,
    ),
    (
        "two documents in one file",
        "steps:\n  nop: { name: Nộp, actor: applicant }\n---\nformat: tthc/1\n",
        "invalid",
        "tài liệu YAML thứ hai bắt đầu từ dòng `---` này: mỗi tệp chỉ ghi một thủ tục",
        5,
        1,
    ),
    (
        "two documents, the second's `---` with a comment",
        "steps:\n  nop: { name: Nộp, actor: applicant }\n\n--- # thủ tục thứ hai\n# ghi chú\nformat: tthc/1\nname: Khác\n",
        "invalid",
        "chuyển phần sau dòng này sang một tệp riêng",
        6,
        1,
    ),
    (
        "two documents, the first ended with `...`",
        "steps:\n  nop: { name: Nộp, actor: applicant }\n...\nformat: tthc/1\n",
        "invalid",
        "tài liệu YAML thứ hai bắt đầu từ dòng này",
        6,
        1,
    ),
    // --- keys --------------------------------------------------------------
    (
        "misspelt top key",
        "step:\n  nop: { name: Nộp, actor: applicant }\n",
        "unknown-key",
        "có phải ý bạn là `steps`?",
        3,
        1,
    ),
    (
        "misspelt step key",
        "steps:\n  nop: { name: Nộp, actor: applicant, nxet: [] }\n",
        "unknown-key",
        "các khóa hợp lệ",
        4,
        39,
    ),
    (
        "English plural of a key",
        "steps:\n  nop: { name: Nộp, actor: applicant, submit: [don] }\ndocuments:\n  don: { name: Tờ khai }\n",
        "unknown-key",
        "`submits`",
        4,
        39,
    ),
    (
        "Vietnamese key thoi_han",
        "thoi_han: 5 ngày làm việc\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "unknown-key",
        "dùng khóa `deadline`",
        3,
        1,
    ),
    (
        "Vietnamese key ten for a document",
        "documents:\n  don:\n    ten: Tờ khai đăng ký khai sinh\nsteps:\n  nop: { name: Nộp, actor: applicant, submits: [don] }\n",
        "unknown-key",
        "`name`",
        5,
        5,
    ),
    (
        "Vietnamese key with diacritics",
        "lĩnh_vực: Hộ tịch\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "unknown-key",
        "không có trong định dạng",
        3,
        1,
    ),
    (
        "missing format",
        "",
        "missing-key",
        "thiếu khóa bắt buộc `format`",
        1,
        1,
    ),
    (
        "missing steps",
        "sector: Hộ tịch\n",
        "missing-key",
        "thiếu khóa bắt buộc `steps`",
        1,
        1,
    ),
    (
        "step without actor",
        "steps:\n  nop:\n    name: Nộp\n    next: [tra]\n  tra: { name: Trả, actor: UBND }\n",
        "missing-key",
        "thiếu khóa bắt buộc `actor`",
        4,
        3,
    ),
    (
        "unsupported format",
        "steps:\n  nop: { name: Nộp, actor: applicant }\n",
        "unsupported-format",
        "ghi `format: tthc/1`",
        1,
        9,
    ),
    // --- values ------------------------------------------------------------
    (
        "duration in unknown unit",
        "steps:\n  nop: { name: Nộp, actor: UBND, duration: 2 tuần }\n",
        "bad-duration",
        "không có đơn vị 'tuần'",
        4,
        44,
    ),
    (
        "duration in words",
        "deadline: mười ngày làm việc\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-duration",
        "'mười' không phải là một số không âm",
        3,
        11,
    ),
    (
        "duration without unit",
        "deadline: 10\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-duration",
        "thiếu đơn vị",
        3,
        11,
    ),
    (
        "duration without accents but a typo",
        "deadline: 10 ngya\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-duration",
        "'ngya'",
        3,
        11,
    ),
    (
        "clock hours that are not whole days",
        "deadline: 25 giờ\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-duration",
        "giờ đồng hồ",
        3,
        11,
    ),
    (
        "too many decimals",
        "deadline: 0,0005 ngày\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-duration",
        "quá ba chữ số thập phân",
        3,
        11,
    ),
    (
        "money in words",
        "fees:\n  - name: Lệ phí\n    amount: hai mươi nghìn đồng\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-money",
        "không đọc được số tiền `hai mươi nghìn đồng`",
        5,
        13,
    ),
    (
        "money with a decimal comma",
        "fees:\n  - name: Lệ phí\n    amount: 20,5 đồng\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-money",
        "số đồng nguyên",
        5,
        13,
    ),
    (
        "negative fee",
        "fees:\n  - name: Lệ phí\n    amount: -8000\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "negative",
        "số âm `-8000`",
        5,
        13,
    ),
    (
        "fee without amount",
        "fees:\n  - name: Lệ phí\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "missing-key",
        "`amount`",
        4,
        5,
    ),
    (
        "fees as a single text",
        "fees: Miễn phí\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "wrong-type",
        "ghi [] nếu không có",
        3,
        7,
    ),
    (
        "bad level word",
        "level: cấp phường\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-value",
        "giá trị `cấp phường` không hợp lệ",
        3,
        8,
    ),
    (
        "misspelt channel",
        "channels: [in_person, onlien]\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-value",
        "`online`",
        3,
        23,
    ),
    (
        "bad document form",
        "documents:\n  don: { name: Tờ khai, form: bản phô tô }\nsteps:\n  nop: { name: Nộp, actor: applicant, submits: [don] }\n",
        "bad-value",
        "`bản phô tô`",
        4,
        31,
    ),
    (
        "bad applicant word",
        "applicants: [người dân]\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "bad-value",
        "`người dân`",
        3,
        14,
    ),
    (
        "share above one",
        "channels:\n  online: { share: 1.5 }\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "probability",
        "xác suất `1.5`",
        4,
        20,
    ),
    (
        "rework probability as percent",
        "steps:\n  nop: { name: Nộp, actor: applicant, next: [xu-ly] }\n  xu-ly: { name: Xử lý, actor: UBND, rework: { to: nop, probability: 10% } }\n",
        "wrong-type",
        "một số từ 0 đến 1",
        5,
        70,
    ),
    (
        "hours as text",
        "steps:\n  nop: { name: Nộp, actor: applicant, effort: { hours: nửa giờ } }\n",
        "wrong-type",
        "0,5",
        4,
        56,
    ),
    (
        "copies as a word",
        "documents:\n  don: { name: Tờ khai, copies: hai }\nsteps:\n  nop: { name: Nộp, actor: applicant, submits: [don] }\n",
        "wrong-type",
        "một số nguyên",
        4,
        33,
    ),
    (
        "cases per year with a decimal",
        "volume: { cases_per_year: 1.5 }\nsteps:\n  nop: { name: Nộp, actor: applicant }\n",
        "wrong-type",
        "một số nguyên",
        3,
        27,
    ),
    (
        "step id with a space",
        "steps:\n  nộp hồ sơ: { name: Nộp, actor: applicant }\n",
        "bad-id",
        "không có khoảng trắng",
        4,
        3,
    ),
    // --- references --------------------------------------------------------
    (
        "unknown next step",
        "steps:\n  nop: { name: Nộp, actor: applicant, next: [xu_ly] }\n  xu-ly: { name: Xử lý, actor: UBND }\n",
        "unknown-step",
        "có phải ý bạn là `xu-ly`?",
        4,
        46,
    ),
    (
        "unknown rework target",
        "steps:\n  nop: { name: Nộp, actor: applicant, next: [xu-ly] }\n  xu-ly: { name: Xử lý, actor: UBND, rework: { to: nophs, probability: 0.1 } }\n",
        "unknown-step",
        "không có bước nào có mã `nophs`",
        5,
        52,
    ),
    (
        "unknown submitted document",
        "documents:\n  to-khai: { name: Tờ khai }\nsteps:\n  nop: { name: Nộp, actor: applicant, submits: [to_khai] }\n",
        "unknown-document",
        "`to-khai`",
        6,
        49,
    ),
    (
        "document not declared at all",
        "steps:\n  nop: { name: Nộp, actor: applicant, submits: [giay-khai-sinh] }\n",
        "unknown-document",
        "khai báo giấy tờ này trong `documents`",
        4,
        49,
    ),
    (
        "cycle",
        "steps:\n  nop: { name: Nộp, actor: applicant, next: [xu-ly] }\n  xu-ly: { name: Xử lý, actor: UBND, next: [nop] }\n",
        "cycle",
        "vòng lặp",
        5,
        45,
    ),
    // --- files -------------------------------------------------------------
    ("empty file", "", "empty", "tệp trống", 0, 0),
];

/// Words of English sentences that must not be left in a Vietnamese
/// message or help (outside code in backticks or quotes).
const ENGLISH: &[&str] = &[
    "the",
    "expected",
    "found",
    "not",
    "missing",
    "use",
    "key",
    "keys",
    "value",
    "values",
    "line",
    "is",
    "are",
    "this",
    "here",
    "write",
    "add",
    "remove",
    "unknown",
    "must",
    "cannot",
    "did",
    "you",
    "mean",
    "should",
    "with",
    "and",
    "for",
    "there",
    "which",
    "allowed",
    "indented",
    "spaces",
    "quote",
    "bracket",
    "colon",
    "of",
    "at",
    "malformed",
    "while",
    "parsing",
    "scanning",
    "mapping",
    "block",
    "scalar",
    "sequence",
    "could",
    "unexpected",
    "character",
    "invalid",
];

/// The English words left in `text` outside `code`, "quotes" and 'quotes'.
fn english_left(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match inside {
            Some(q) if c == q => inside = None,
            Some(_) => {}
            None if matches!(c, '`' | '"' | '\'') => inside = Some(c),
            None => plain.push(c),
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.is_ascii() && ENGLISH.contains(&w.to_ascii_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

fn text_of(name: &str, body: &str) -> String {
    match name {
        "missing format" => {
            "name: Đăng ký khai sinh\nsteps:\n  nop: { name: Nộp, actor: applicant }\n".into()
        }
        "unsupported format" => format!("format: tthc/2\nname: X\n{body}"),
        "empty file" => "# chưa viết gì\n".into(),
        _ => format!("{HEAD}{body}"),
    }
}

fn load(name: &str, text: &str) -> LoadErrors {
    match CheckedProcedure::from_yaml_str(text, &format!("{name}.yaml")) {
        Ok(_) => panic!("{name}: loaded, but it holds a mistake"),
        Err(e) => e,
    }
}

#[test]
fn the_table_is_large_enough() {
    assert!(ROWS.len() >= 60, "{} rows", ROWS.len());
}

#[test]
fn every_mistake_gets_its_vietnamese_message_on_its_line() {
    let mut failures = Vec::new();
    for &(name, body, code, needle, line, column) in ROWS {
        let text = text_of(name, body);
        let Err(errors) = CheckedProcedure::from_yaml_str(&text, name) else {
            failures.push(format!("{name}: loaded"));
            continue;
        };
        let Some(first) = errors.errors.first() else {
            failures.push(format!("{name}: no error"));
            continue;
        };
        let message = first.message(Lang::Vi);
        let help = first.help(Lang::Vi).unwrap_or_default();
        let both = format!("{message} — {help}");
        let at = first.location.map_or((0, 0), |l| (l.line, l.column));
        if first.code() != code || !both.contains(needle) || at != (line, column) {
            failures.push(format!(
                "{name}: want {code} at {line}:{column} with {needle:?}\n      got {} at {}:{} — {both}",
                first.code(),
                at.0,
                at.1
            ));
        }
        for e in &errors.errors {
            let vi = format!(
                "{} {}",
                e.message(Lang::Vi),
                e.help(Lang::Vi).unwrap_or_default()
            );
            let left = english_left(&vi);
            if !left.is_empty() {
                failures.push(format!("{name}: English words {left:?} in: {vi}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n{} failures",
        failures.join("\n"),
        failures.len()
    );
}

#[test]
fn one_mistake_one_error() {
    // A wrong key on an element that exists gives that one error, not
    // errors about the element being absent elsewhere.
    for name in [
        "Vietnamese key ten for a document",
        "step without actor",
        "decimal comma in a duration",
        "decimal comma in hours",
    ] {
        let &(_, body, ..) = ROWS.iter().find(|r| r.0 == name).expect("row");
        let errors = load(name, &text_of(name, body));
        let codes: Vec<&str> = errors.errors.iter().map(|e| e.code()).collect();
        assert_eq!(codes.len(), 1, "{name}: {codes:?} {:#?}", errors.errors);
    }
}

#[test]
fn every_tab_indented_line_is_reported_at_once() {
    let text = format!(
        "{HEAD}steps:\n  nop:\n    name: Nộp\n\tactor: applicant\n  tra:\n\tname: Trả\n\tactor: UBND\n"
    );
    let errors = load("tabs", &text);
    let lines: Vec<u32> = errors
        .errors
        .iter()
        .filter_map(|e| e.location.map(|l| l.line))
        .collect();
    assert_eq!(lines, [6, 8, 9]);
    assert!(
        errors
            .errors
            .iter()
            .all(|e| e.message(Lang::Vi).contains("phím Tab"))
    );
}

#[test]
fn the_english_checker_finds_english() {
    assert_eq!(
        english_left("did not find expected key"),
        ["did", "not", "expected", "key"]
    );
    assert!(english_left("thêm `format: tthc/1` vào \"the key\"").is_empty());
}

#[test]
fn decimal_comma_fix_quotes_the_number() {
    let text = format!(
        "{HEAD}steps:\n  nop: {{ name: Nộp, actor: applicant, effort: {{ hours: 0,5 }} }}\n"
    );
    let errors = load("comma", &text);
    let fix = errors
        .errors
        .iter()
        .find_map(|e| e.fix(&text))
        .expect("a fix");
    let fixed = fix.apply(&text).expect("applies");
    assert!(fixed.contains("hours: '0,5'"), "{fixed}");
    assert!(CheckedProcedure::from_yaml_str(&fixed, "comma.yaml").is_ok());
}

#[test]
fn review_test_mistakes_are_in_vietnamese() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/review");
    let cases = [
        (
            "- name: t\n  procedure: a.yaml\n  expcet:\n    structure.steps: 3\n",
            "unknown-key",
            3,
        ),
        (
            "- name: t\n  procedure: a.yaml\n  expect:\n\t  structure.steps: 3\n",
            "yaml-syntax",
            4,
        ),
    ];
    for (text, code, line) in cases {
        let errors = tthc::review_test::parse_review_tests(text, &dir.join("x.yaml"))
            .expect_err("a mistake");
        let first = &errors.errors[0];
        assert_eq!(
            (first.code(), first.location.map(|l| l.line)),
            (code, Some(line)),
            "{text}"
        );
        let vi = format!(
            "{} {}",
            first.message(Lang::Vi),
            first.help(Lang::Vi).unwrap_or_default()
        );
        assert!(english_left(&vi).is_empty(), "{vi}");
    }
}

#[test]
fn rendered_vietnamese_table() {
    let mut out = String::new();
    for &(name, body, ..) in ROWS {
        let text = text_of(name, body);
        let errors = load(name, &text);
        out.push_str(&format!("## {name}\n"));
        for e in &errors.errors {
            let d = Diagnostic::from(e);
            out.push_str(&render(
                &d,
                Some(&text),
                TextStyle {
                    lang: Lang::Vi,
                    color: false,
                },
            ));
            out.push('\n');
        }
    }
    insta::assert_snapshot!(out);
}
