//! `tthc import` end to end: records → procedure files that load, whose
//! channels, deadlines, fees and documents match the record (read by hand
//! below), the shipped `procedures/national/` is what the importer writes,
//! and the command holds on bad input.

use std::path::{Path, PathBuf};
use std::process::Command;
use tthc::import::{EmitOptions, Record, emit, import_json, import_record};
use tthc::{Channel, CheckedProcedure, Duration};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn records_dir() -> PathBuf {
    root().join("tests/fixtures/import/records")
}

fn record_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for ministry in std::fs::read_dir(records_dir()).expect("fixtures") {
        let ministry = ministry.expect("entry").path();
        if ministry.is_dir() {
            for f in std::fs::read_dir(&ministry).expect("ministry") {
                let f = f.expect("entry").path();
                if f.extension().is_some_and(|e| e == "json") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    files
}

fn options() -> EmitOptions {
    EmitOptions {
        retrieved: Some("6–7/2026".into()),
    }
}

/// The procedure file of one record, loaded.
fn imported(code: &str) -> (String, CheckedProcedure) {
    let path = record_files()
        .into_iter()
        .find(|f| f.file_stem().is_some_and(|s| s == code))
        .unwrap_or_else(|| panic!("no fixture for {code}"));
    let text = std::fs::read_to_string(&path).expect("read");
    let p = import_json(&text, code).expect("imports");
    let file = emit(&p, &options());
    let loaded = CheckedProcedure::from_yaml_str(&file.text, &file.path)
        .unwrap_or_else(|e| panic!("{code} does not load: {:?}\n{}", e.errors, file.text));
    (file.text, loaded)
}

#[test]
fn every_record_of_the_sample_becomes_a_file_that_loads() {
    let files = record_files();
    assert_eq!(files.len(), 113);
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        let p = import_json(&text, &f.display().to_string()).expect("imports");
        let file = emit(&p, &options());
        if let Err(e) = CheckedProcedure::from_yaml_str(&file.text, &file.path) {
            panic!("{}: {:?}", f.display(), e.errors);
        }
        assert!(
            file.path.ends_with(".yaml") && file.path.is_ascii(),
            "{}",
            file.path
        );
    }
}

/// Per channel: the deadline as the file now says it, and the fee.
fn channel_facts(p: &CheckedProcedure) -> Vec<(Channel, Option<Duration>, Option<u128>)> {
    p.channels
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            let deadline = p.deadlines.of_channel(c).or(p.deadline);
            let fee = p
                .fees
                .as_ref()
                .map(|fees| fees.iter().map(|f| f.amount_on(c).dong()).sum::<u128>());
            (c, deadline, fee)
        })
        .collect()
}

/// Documents the applicant submits (the record's dossier), not the results.
fn dossier(p: &CheckedProcedure) -> usize {
    p.documents
        .iter()
        .filter(|d| d.issued_by.is_applicant())
        .count()
}

use Channel::{InPerson, Online, Post};

fn wd(n: u64) -> Option<Duration> {
    Some(Duration::working_days(n))
}

// Each expectation below was read off the record's `cach_thuc_thuc_hien`
// and `thanh_phan_ho_so` by hand (tests/fixtures/import/records/…).

#[test]
fn record_1_004222_residence_fees_by_channel() {
    // Trực tuyến 7 Ngày làm việc 10,000; Trực tiếp 7 Ngày làm việc 20,000;
    // seven case headings, 18 documents.
    let (_, p) = imported("1.004222");
    assert_eq!(
        channel_facts(&p),
        vec![
            (Online, wd(7), Some(10_000)),
            (InPerson, wd(7), Some(20_000))
        ]
    );
    assert_eq!(p.cases.len(), 7);
    assert_eq!(dossier(&p), 18);
    assert_eq!(p.code.as_deref(), Some("1.004222"));
}

#[test]
fn record_1_001193_birth_free_and_deadline_without_unit_left_out() {
    // Trực tuyến 1 Miễn phí; Dịch vụ bưu chính 1 Miễn phí; Trực tiếp 1 Miễn phí:
    // the deadline `1` has no unit, so the file gives none and says why.
    let (text, p) = imported("1.001193");
    assert_eq!(
        channel_facts(&p),
        vec![
            (Online, None, Some(0)),
            (Post, None, Some(0)),
            (InPerson, None, Some(0))
        ]
    );
    assert_eq!(p.fees.as_deref().map(<[_]>::len), Some(0));
    assert!(text.contains("# deadline: không đọc chắc chắn"), "{text}");
    assert_eq!(dossier(&p), 33);
}

#[test]
fn record_2_001199_company_fee_differs_in_person() {
    // Trực tuyến 3 NLV 100,000; Dịch vụ bưu chính 3 NLV 100,000; Trực tiếp 3 NLV 50,000.
    let (_, p) = imported("2.001199");
    assert_eq!(
        channel_facts(&p),
        vec![
            (Online, wd(3), Some(100_000)),
            (Post, wd(3), Some(100_000)),
            (InPerson, wd(3), Some(50_000))
        ]
    );
    assert_eq!(dossier(&p), 38);
}

#[test]
fn record_1_001456_passport() {
    // Trực tuyến 8 NLV 160,000; bưu chính 8 NLV 160,000; Trực tiếp 8 NLV 200,000; 6 documents.
    let (text, p) = imported("1.001456");
    assert_eq!(
        channel_facts(&p),
        vec![
            (Online, wd(8), Some(160_000)),
            (Post, wd(8), Some(160_000)),
            (InPerson, wd(8), Some(200_000))
        ]
    );
    assert_eq!(dossier(&p), 6);
    // The notes name other amounts (320.000, 400.000 for a replacement): said, not used.
    assert!(text.contains("ghi chú nêu số tiền khác"), "{text}");
}

#[test]
fn record_1_010041_two_online_rows_leave_the_online_deadline_out() {
    // Trực tuyến 1 NLV (data in the national database) and Trực tuyến 3 NLV
    // (verification needed): two deadlines for one channel by case.
    let (text, p) = imported("1.010041");
    let facts = channel_facts(&p);
    assert_eq!(facts[0].0, Online);
    assert_eq!(facts[0].2, Some(0));
    assert!(p.deadlines.of_channel(Online).is_none());
    assert!(
        text.contains("online: 1 Ngày làm việc | 3 Ngày làm việc"),
        "{text}"
    );
    assert_eq!(dossier(&p), 2);
}

#[test]
fn record_2_000986_joined_procedure_in_calendar_days() {
    // Trực tiếp 20 Ngày (calendar days) Miễn phí; 5 documents.
    let (_, p) = imported("2.000986");
    assert_eq!(
        channel_facts(&p),
        vec![(InPerson, Some(Duration::calendar_days(20)), Some(0))]
    );
    assert_eq!(dossier(&p), 5);
}

#[test]
fn records_1_000396_and_3_000164() {
    // 1.000396: bưu chính 2 NLV Miễn phí; Trực tiếp 2 NLV Miễn phí; 1 document.
    let (_, p) = imported("1.000396");
    assert_eq!(
        channel_facts(&p),
        vec![(Post, wd(2), Some(0)), (InPerson, wd(2), Some(0))]
    );
    assert_eq!(dossier(&p), 1);
    // 3.000164: Trực tuyến 1 Miễn phí; Trực tiếp 1 Miễn phí (no unit); 2 documents.
    let (_, p) = imported("3.000164");
    assert_eq!(
        channel_facts(&p),
        vec![(Online, None, Some(0)), (InPerson, None, Some(0))]
    );
    assert_eq!(dossier(&p), 2);
}

#[test]
fn shipped_national_catalog_is_what_the_importer_writes() {
    // procedures/national/ was written by `tthc import` from the national
    // portal records (retrieved 6–7/2026; docs/import.md has the command);
    // those records are copied into tests/fixtures/import/records, so the
    // files must be what the importer writes from the fixtures today (apart
    // from the line naming the input path).
    let national = root().join("procedures/national");
    let without_origin = |t: &str| -> String {
        t.lines()
            .filter(|l| !l.starts_with("# Bản ghi / record:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut expected = Vec::new();
    for f in record_files() {
        let text = std::fs::read_to_string(&f).expect("read");
        let p = import_json(&text, "x").expect("imports");
        let file = emit(&p, &options());
        let shipped = std::fs::read_to_string(national.join(&file.path)).unwrap_or_else(|e| {
            panic!("procedures/national/{} ({e}); re-run the import", file.path)
        });
        assert_eq!(
            without_origin(&shipped),
            without_origin(&file.text),
            "procedures/national/{} differs from what `tthc import` writes; re-run the import",
            file.path
        );
        expected.push(file.path);
    }
    let mut shipped = Vec::new();
    let mut stack = vec![national.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                shipped.push(p);
            }
        }
    }
    assert_eq!(
        shipped.len(),
        expected.len(),
        "files in procedures/national"
    );
}

#[test]
fn one_emitted_file_in_full() {
    let (text, _) = imported("1.000396");
    insta::assert_snapshot!(text);
}

fn tthc(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .env("TTHC_LANG", "en")
        .output()
        .expect("run tthc");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tthc-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn cli_imports_a_folder_keeps_existing_files_and_audits() {
    let out = temp("folder");
    let dir = records_dir();
    let (code, stdout, stderr) = tthc(&[
        "import",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.starts_with("113 records read, 113 imported, 0 not imported; 113 files written"),
        "{stdout}"
    );
    // Again: nothing is overwritten unless asked.
    let (code, stdout, _) = tthc(&[
        "import",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("0 files written"), "{stdout}");
    assert!(
        stdout.contains("exists; kept (--overwrite replaces it)"),
        "{stdout}"
    );
    let (code, stdout, _) = tthc(&[
        "import",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--overwrite",
    ]);
    assert_eq!(code, 0, "{stdout}");
    // The audit of what was imported runs without input errors.
    let (code, stdout, stderr) = tthc(&["audit", out.to_str().unwrap(), "--fail-on", "never"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Procedures: 113"), "{stdout}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn cli_json_lines_with_bad_records_go_on_and_name_each_line() {
    let out = temp("jsonl");
    let input = out.join("batch.jsonl");
    let good = std::fs::read_to_string(records_dir().join("ngan-hang-nha-nuoc/1.000396.json"))
        .expect("fixture");
    let good_line: String =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&good).expect("json"))
            .expect("json");
    let lines = [
        good_line.as_str(),
        "{\"ma_thu_tuc\": \"1.000001\", ",
        "",
        "[1, 2]",
        "{\"detail_url\": \"https://x\"}",
        "{\"ma_thu_tuc\": \"1.000002\", \"ten_thu_tuc\": \"Thủ tục thứ hai\"}",
    ];
    std::fs::write(&input, lines.join("\n")).expect("write");
    let dest = out.join("out");
    let (code, stdout, stderr) = tthc(&[
        "import",
        input.to_str().unwrap(),
        "--out",
        dest.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    assert_eq!(report["records_read"], 5);
    assert_eq!(report["imported"], 2);
    assert_eq!(report["files_written"], 2);
    let failures = report["failures"].as_array().expect("failures");
    let origins: Vec<&str> = failures
        .iter()
        .map(|f| f["origin"].as_str().unwrap())
        .collect();
    let at = |n: usize| format!("{}:{n}", input.display());
    assert_eq!(origins, vec![at(2), at(4), at(5)]);
    assert!(
        failures[2]["reason"]["vi"]
            .as_str()
            .unwrap()
            .contains("không có mã thủ tục")
    );
    assert!(
        dest.join("khong-ro-linh-vuc/1.000002-thu-tuc-thu-hai.yaml")
            .is_file()
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn cli_plain_text_of_a_decision_becomes_one_file_per_procedure() {
    let out = temp("text");
    let input = out.join("qd.txt");
    std::fs::write(
        &input,
        "1. Thủ tục cấp bản sao trích lục hộ tịch\na) Trình tự thực hiện: Người yêu cầu nộp hồ sơ.\nb) Cách thức thực hiện: Trực tiếp hoặc qua bưu chính.\nd) Thời hạn giải quyết: Trong ngày.\nh) Phí, lệ phí: 8.000 đồng/bản sao.\n2. Thủ tục thứ hai\na) Trình tự thực hiện: Nộp hồ sơ.\n",
    )
    .expect("write");
    let dest = out.join("out");
    let (code, stdout, stderr) = tthc(&[
        "import",
        input.to_str().unwrap(),
        "--out",
        dest.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("2 files written"), "{stdout}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn cli_refuses_a_file_as_out_and_missing_inputs() {
    let out = temp("refuse");
    let file = out.join("f.yaml");
    std::fs::write(&file, "x").expect("write");
    let (code, _, stderr) = tthc(&[
        "import",
        records_dir().to_str().unwrap(),
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--out takes a folder"), "{stderr}");
    let (code, _, stderr) = tthc(&["import", "no/such/dir", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no such file"), "{stderr}");
    let _ = std::fs::remove_dir_all(&out);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Text with the characters that break naive YAML writers.
    fn hostile() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "[a-zA-Zđăâêôơư0-9 :#\\-\\[\\]{},'\"\\\\|>&*!%@`\\n\\t\\r\u{2028}\u{85}.]{0,40}",
        )
        .expect("regex")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever the record's text, the file loads and keeps the text.
        #[test]
        fn any_record_text_round_trips(
            name in hostile(), sector in hostile(), steps in hostile(),
            docs in hostile(), law in hostile(), agency in hostile(),
        ) {
            let record = Record {
                ma_thu_tuc: "1.000001".into(),
                ten_thu_tuc: format!("T{name}"),
                linh_vuc: sector.clone(),
                trinh_tu_thuc_hien: steps,
                thanh_phan_ho_so: format!("Tên giấy tờMẫu đơn, tờ khaiSố lượng{docs}1 bản chính"),
                can_cu_phap_ly: format!("Tên văn bản pháp lýMã văn bản{law}"),
                co_quan_thuc_hien: agency,
                ..Record::default()
            };
            let p = import_record(&record, "prop");
            let file = emit(&p, &EmitOptions { retrieved: Some("a\nb: c".into()) });
            let loaded = CheckedProcedure::from_yaml_str(&file.text, &file.path);
            prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err().map(|e| e.errors), file.text);
            let loaded = loaded.expect("checked");
            prop_assert_eq!(Some(loaded.name.as_str()), p.name.as_deref());
            prop_assert_eq!(loaded.sector.as_deref(), p.sector.as_deref());
            let names: Vec<&str> = loaded.documents.iter().filter(|d| d.issued_by.is_applicant()).map(|d| d.name.as_str()).collect();
            let read: Vec<&str> = p.all_documents().map(|d| d.name.as_str()).collect();
            prop_assert_eq!(names, read);
        }
    }
}

/// The documents of one record marked held on `on`, as emitted and loaded.
fn imported_with_held(code: &str, on: tthc::calendar::Date) -> (tthc::import::HeldOutcome, String) {
    let path = record_files()
        .into_iter()
        .find(|f| f.file_stem().is_some_and(|s| s == code))
        .unwrap_or_else(|| panic!("no fixture for {code}"));
    let mut p = import_json(&std::fs::read_to_string(&path).expect("read"), code).expect("imports");
    let outcome = tthc::import::infer_held(&mut p, on);
    (outcome, emit(&p, &options()).text)
}

#[test]
fn inferred_state_held_documents_are_labelled_and_reviewed() {
    use tthc::calendar::Date;
    let on = Date::new(2026, 12, 3).unwrap();
    // 2.001199 asks for «Bản sao Giấy chứng nhận đăng ký hộ kinh doanh»
    // (Resolution 66.7/2025 Art. 4(5)(b)).
    let (outcome, text) = imported_with_held("2.001199", on);
    assert_eq!((outcome.documents, outcome.resolution_in_force), (1, true));
    assert!(
        text.contains(
            "    held_in:\n      database: Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp\n      basis: Nghị quyết 66.7/2025/NQ-CP, Điều 4 khoản 5 điểm b\n      inferred: true   # suy luận"
        ),
        "{text}"
    );
    let a = tthc::Analysis::from_yaml_str(&text, "2.001199.yaml", &tthc::Settings::default())
        .expect("loads");
    let held: Vec<_> = a
        .procedure()
        .documents
        .iter()
        .filter_map(|d| d.held_in.as_ref().map(|h| (d.name.as_str(), h.inferred)))
        .collect();
    assert_eq!(
        held,
        [("Bản sao Giấy chứng nhận đăng ký hộ kinh doanh", true)]
    );
    let tt303: Vec<String> = a
        .findings()
        .iter()
        .filter(|f| f.code == "TT303")
        .map(|f| f.message.en.clone())
        .collect();
    assert_eq!(tt303.len(), 1, "{tt303:?}");
    assert!(
        tt303[0].contains(
            "inferred from the paper's name under Nghị quyết 66.7/2025/NQ-CP, Điều 4 khoản 5 điểm b"
        ),
        "{tt303:?}"
    );

    // 1.002877: both rows of the vehicle registration certificate, from the
    // procedure's own row of Annex I.
    let (outcome, text) = imported_with_held("1.002877", on);
    assert_eq!(outcome.documents, 2);
    assert_eq!(
        text.matches("basis: Nghị quyết 66.7/2025/NQ-CP, Phụ lục I mục 600")
            .count(),
        2
    );

    // After the resolution's term nothing of it is inferred.
    let later = Date::new(2027, 3, 1).unwrap();
    let (outcome, text) = imported_with_held("2.001199", later);
    assert_eq!((outcome.documents, outcome.resolution_in_force), (0, false));
    assert!(!text.contains("held_in"));
}

#[test]
fn without_the_flag_nothing_is_held() {
    for f in record_files() {
        let p = import_json(&std::fs::read_to_string(&f).expect("read"), "x").expect("imports");
        assert!(
            !emit(&p, &options()).text.contains("held_in"),
            "{}",
            f.display()
        );
    }
}

#[test]
fn cli_infer_held_counts_and_says_when_the_resolution_is_out_of_force() {
    let dir = records_dir();
    let out = temp("held");
    let run = |epoch: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
            .args([
                "import",
                dir.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--overwrite",
                "--infer-held",
            ])
            .env("TTHC_LANG", "en")
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .expect("run tthc");
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    // 2026-12-03 12:00 UTC.
    let (code, stdout, stderr) = run("1796299200");
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("inferred: 11 documents in 10 procedures held by a state database"),
        "{stdout}"
    );
    // 2027-03-01: only Decree 104/2022, and the note says why.
    let (code, stdout, stderr) = run("1803902400");
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains("inferred:"), "{stdout}");
    assert!(
        stderr.contains("2027-03-01: Resolution 66.7/2025/NQ-CP is not in force"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&out);
}
