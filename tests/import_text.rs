//! The plain-text reader: a record page's text, and Part II of a decision
//! with several procedures.

use std::path::Path;
use tthc::import::{FeeAmount, FieldName, FormCount, PaperForm, Status, StepActor, read_text};
use tthc::model::Channel;

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/text")
        .join(name);
    std::fs::read_to_string(p).expect("fixture")
}

#[test]
fn a_record_page_text() {
    let procedures =
        read_text(&fixture("portal-4473.txt"), "portal-4473.txt", None).expect("reads");
    assert_eq!(procedures.len(), 1);
    let p = &procedures[0];
    assert_eq!(
        p.name.as_deref(),
        Some("Đăng ký dấu nổi, dấu thu nhỏ, dấu xi (thực hiện tại cấp trung ương)")
    );
    let rows: Vec<_> = p
        .channels
        .iter()
        .map(|r| (r.channel, r.deadline.as_deref()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Channel::InPerson, Some("3 Ngày làm việc")),
            (Channel::Online, Some("3 Ngày làm việc")),
            (Channel::Post, Some("3 Ngày làm việc")),
        ]
    );
    // The fee column is empty in this layout: the fee is not read as a number.
    assert!(
        p.channels
            .iter()
            .all(|r| r.fee.amount == FeeAmount::Uncertain)
    );
    assert_eq!(p.status_of(FieldName::Fees), Status::Partial);
    let cases: Vec<_> = p.documents.iter().map(|g| g.case.as_deref()).collect();
    assert_eq!(
        cases,
        vec![
            Some("Hồ sơ đối với cơ quan, tổ chức, chức danh nhà nước"),
            Some("Hồ sơ đối với người được cử đến nộp hồ sơ")
        ]
    );
    let doc = &p.documents[1].documents[0];
    assert_eq!(doc.name, "Giấy giới thiệu hoặc Giấy ủy quyền");
    assert_eq!(doc.count_text, "1 0");
    assert_eq!(
        doc.counts,
        vec![
            FormCount {
                form: PaperForm::Original,
                count: 1
            },
            FormCount {
                form: PaperForm::Copy,
                count: 0
            }
        ]
    );
    assert_eq!(
        p.authority.executing.as_deref(),
        Some(&["Cục cảnh sát quản lý hành chính về trật tự, xã hội".to_string()][..])
    );
    assert_eq!(p.conditions, None);
    assert_eq!(p.status_of(FieldName::Steps), Status::Missing);
}

#[test]
fn part_two_of_a_decision_with_two_procedures() {
    let procedures = read_text(
        &fixture("decision-part2-constructed.txt"),
        "qd.txt",
        Some("123/QĐ-BTP"),
    )
    .expect("reads");
    assert_eq!(procedures.len(), 2);
    let (a, b) = (&procedures[0], &procedures[1]);
    assert_eq!(a.origin, "qd.txt#1");
    assert_eq!(
        a.name.as_deref(),
        Some("Thủ tục đăng ký khai sinh (1.001193)")
    );
    assert_eq!(a.code.as_deref(), Some("1.001193"));
    assert_eq!(a.sources.decision.as_deref(), Some("123/QĐ-BTP"));
    let channels: Vec<_> = a.channels.iter().map(|r| r.channel).collect();
    assert_eq!(
        channels,
        vec![Channel::InPerson, Channel::Online, Channel::Post]
    );
    assert!(
        a.channels
            .iter()
            .all(|r| r.deadline.as_deref() == Some("Ngay trong ngày tiếp nhận hồ sơ."))
    );
    assert!(a.channels.iter().all(|r| r.fee.amount == FeeAmount::Free));
    let cases: Vec<_> = a.documents.iter().map(|g| g.case.as_deref()).collect();
    assert_eq!(
        cases,
        vec![Some("Giấy tờ phải nộp"), Some("Giấy tờ phải xuất trình")]
    );
    assert_eq!(a.documents[0].documents.len(), 3);
    assert_eq!(
        a.documents[0].documents[2].mentioned_forms,
        Vec::<PaperForm>::new()
    );
    assert!(
        a.notes_of(FieldName::Documents)
            .any(|n| n.text.en.contains("01 bộ"))
    );
    assert_eq!(a.results[0].name, "Giấy khai sinh");
    assert_eq!(a.forms, vec!["Tờ khai đăng ký khai sinh"]);
    assert_eq!(a.conditions.as_deref(), Some("Không"));
    let numbers: Vec<_> = a
        .legal_basis
        .iter()
        .filter_map(|t| t.number.as_deref())
        .collect();
    assert_eq!(numbers, vec!["60/2014/QH13", "123/2015/NĐ-CP"]);
    assert_eq!(a.steps.len(), 2);
    assert_eq!(a.steps[0].actor, Some(StepActor::Applicant));
    assert_eq!(a.steps[1].actor, Some(StepActor::Agency));

    assert_eq!(
        b.name.as_deref(),
        Some("Thủ tục xác nhận thông tin về cư trú (1.010041)")
    );
    assert_eq!(b.channels.len(), 1);
    assert_eq!(b.channels[0].channel, Channel::Online);
    assert_eq!(
        b.channels[0].deadline.as_deref(),
        Some("01 ngày làm việc; 03 ngày làm việc với trường hợp cần xác minh.")
    );
    assert_eq!(b.channels[0].fee.amount, FeeAmount::Free);
    assert_eq!(b.steps.len(), 3);
    assert_eq!(
        b.steps[2].durations,
        vec!["trong thời hạn 01 ngày làm việc"]
    );
    assert_eq!(b.status_of(FieldName::Steps), Status::Complete);
}

#[test]
fn a_text_without_sections_is_an_error_in_both_languages() {
    let err = read_text("Một đoạn văn không có mục nào.", "x.txt", None).expect_err("no section");
    assert_eq!(err.origin, "x.txt");
    assert!(err.message.vi.contains("không tìm thấy"));
    assert!(err.message.en.contains("no procedure section"));
}
