//! The hand-made catalog under `procedures/` (not `procedures/national/`,
//! which the importer writes): every file loads, names its sources,
//! labels its estimates, and carries the facts transcribed from its source.
//!
//! Figures (cost, critical path) are checked elsewhere once the metrics exist;
//! here only what the published records say is asserted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tthc::{
    Actor, ApplicantKind, Channel, DocumentForm, Duration, DurationUnit, Level, LoadOptions, Money,
    Procedure, load_file,
};

const ESTIMATE_LABEL: &str = "# ƯỚC TÍNH / ESTIMATE:";

fn catalog_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures")
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Every file below `procedures/`, keyed by its path relative to it with `/`
/// separators. A file that fails to load is kept in `failures` so that only
/// the load test and the tests about that file fail.
struct Catalog {
    files: BTreeMap<String, (String, Procedure)>,
    failures: BTreeMap<String, String>,
}

impl Catalog {
    fn load() -> Catalog {
        let root = catalog_dir();
        let mut paths = Vec::new();
        yaml_files(&root, &mut paths);
        // `national/` is written by `tthc import` (tests/import_emit.rs
        // checks it); these tests hold the hand-made files to their standard.
        paths.retain(|p| !p.starts_with(root.join("national")));
        paths.sort();
        let mut files = BTreeMap::new();
        let mut failures = BTreeMap::new();
        for path in paths {
            let rel = path
                .strip_prefix(&root)
                .expect("below procedures/")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            match load_file(&path, &LoadOptions::default()) {
                Ok(p) => {
                    let text = p.source_map.text().unwrap_or_default().to_string();
                    files.insert(rel, (text, p.into_procedure()));
                }
                Err(errors) => {
                    let list: Vec<String> = errors.errors.iter().map(|e| e.to_string()).collect();
                    failures.insert(rel, list.join("\n  "));
                }
            }
        }
        Catalog { files, failures }
    }

    fn get(&self, rel: &str) -> &Procedure {
        if let Some(errors) = self.failures.get(rel) {
            panic!("procedures/{rel} does not load:\n  {errors}");
        }
        match self.files.get(rel) {
            Some((_, p)) => p,
            None => panic!(
                "procedures/{rel} is missing; catalog has: {:?}",
                self.files.keys().collect::<Vec<_>>()
            ),
        }
    }
}

fn wd(days: &str) -> Duration {
    Duration::parse(&format!("{days} ngày làm việc")).expect("valid duration")
}

fn dong(amount: u128) -> Money {
    Money::from_dong(amount)
}

fn fee<'a>(p: &'a Procedure, name_starts: &str) -> &'a tthc::Fee {
    p.fees
        .as_ref()
        .and_then(|fees| fees.iter().find(|f| f.name.starts_with(name_starts)))
        .unwrap_or_else(|| panic!("{}: no fee named {name_starts}…", p.name))
}

fn step_duration(p: &Procedure, id: &str) -> Duration {
    p.step(id)
        .and_then(|s| s.duration)
        .unwrap_or_else(|| panic!("{}: step {id} has no duration", p.name))
}

/// The baseline files of issue 9: one per source record.
const BASELINES: &[&str] = &[
    "buu-chinh/cap-lai-xac-nhan-thong-bao-cap-bo.yaml",
    "buu-chinh/cap-lai-xac-nhan-thong-bao-cap-tinh.yaml",
    "buu-chinh/cap-lai-xac-nhan-thong-bao-an-giang.yaml",
    "buu-chinh/sua-doi-xac-nhan-thong-bao-cap-bo.yaml",
    "buu-chinh/sua-doi-xac-nhan-thong-bao-lao-cai.yaml",
    "buu-chinh/cap-xac-nhan-thong-bao-cap-tinh.yaml",
    "thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.yaml",
    "thong-tin-dien-tu/sua-doi-giay-phep-trang-tttdt-tong-hop-hung-yen.yaml",
    "bao-chi/cap-giay-phep-hoat-dong-bao-in.yaml",
    "bao-chi/cap-giay-phep-xuat-ban-ban-tin-can-tho.yaml",
    "bao-chi/cap-giay-phep-xuat-ban-ban-tin-thua-thien-hue.yaml",
    "ho-tich/dang-ky-khai-sinh.yaml",
    "dang-ky-doanh-nghiep/thanh-lap-cong-ty-tnhh-hai-thanh-vien.yaml",
    "lien-thong/khai-sinh-thuong-tru-bhyt-tre-duoi-6-tuoi.yaml",
    "cu-tru/dang-ky-thuong-tru.yaml",
    "xuat-nhap-canh/cap-ho-chieu-pho-thong-khong-gan-chip.yaml",
    "cu-tru/xac-nhan-thong-tin-cu-tru.yaml",
];

#[test]
fn every_catalog_file_loads_and_every_record_is_present() {
    let catalog = Catalog::load();
    let failures: Vec<String> = catalog
        .failures
        .iter()
        .map(|(rel, errors)| format!("procedures/{rel}:\n  {errors}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} catalog file(s) failed to load:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for rel in BASELINES {
        catalog.get(rel);
    }
    let drafts = catalog
        .files
        .keys()
        .filter(|k| k.ends_with(".draft.yaml"))
        .count();
    assert!(drafts >= 5, "only {drafts} drafts in the catalog");
    assert_eq!(catalog.files.len(), BASELINES.len() + drafts);
}

#[test]
fn every_file_names_its_sources_and_has_a_header() {
    let catalog = Catalog::load();
    for (rel, (text, p)) in &catalog.files {
        assert!(!p.sources.is_empty(), "{rel}: `sources` is empty");
        for source in &p.sources {
            assert!(
                source.starts_with("https://") || source.starts_with("http://"),
                "{rel}: source {source:?} is not a URL"
            );
        }
        assert!(
            text.starts_with('#'),
            "{rel}: must start with a header comment (sources, dates, gaps, estimates)"
        );
    }
}

/// Effort, rework and volume are never published: each must carry the label
/// on its own line or on the comment line just above.
#[test]
fn every_estimate_is_labelled() {
    let catalog = Catalog::load();
    let mut unlabelled = Vec::new();
    for (rel, (text, _)) in &catalog.files {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let key = line.trim_start();
            if !["effort:", "rework:", "volume:"]
                .iter()
                .any(|k| key.starts_with(k))
            {
                continue;
            }
            let above = i
                .checked_sub(1)
                .and_then(|j| lines.get(j))
                .map(|l| l.trim_start())
                .unwrap_or("");
            let labelled = line.contains(ESTIMATE_LABEL)
                || (above.starts_with('#') && above.contains(ESTIMATE_LABEL));
            if !labelled {
                unlabelled.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        unlabelled.is_empty(),
        "estimates without `{ESTIMATE_LABEL}`:\n{}",
        unlabelled.join("\n")
    );
}

/// `result` names a document that an agency issues and a step produces.
#[test]
fn every_result_is_an_agency_document_produced_by_a_step() {
    let catalog = Catalog::load();
    for (rel, (_, p)) in &catalog.files {
        let Some(result) = &p.result else {
            panic!("{rel}: no `result`");
        };
        let doc = p
            .document(result)
            .unwrap_or_else(|| panic!("{rel}: result {result:?} is not a document id"));
        assert!(
            matches!(doc.issued_by, Actor::Agency(_)),
            "{rel}: result document {result} is not issued by an agency"
        );
        assert!(
            p.steps.iter().any(|s| s.produces.contains(result)),
            "{rel}: no step produces {result}"
        );
    }
}

/// Every draft sits next to its baseline, and never lengthens the deadline.
#[test]
fn drafts_pair_with_a_baseline_and_do_not_lengthen_the_deadline() {
    let catalog = Catalog::load();
    for (rel, (_, draft)) in &catalog.files {
        let Some(stem) = rel.strip_suffix(".draft.yaml") else {
            continue;
        };
        let baseline = catalog.get(&format!("{stem}.yaml"));
        let (Some(d), Some(b)) = (draft.deadline, baseline.deadline) else {
            panic!("{rel}: draft and baseline must both declare a deadline");
        };
        assert_eq!(d.unit(), b.unit(), "{rel}: deadline unit changed");
        assert!(
            d.milli() < b.milli(),
            "{rel}: draft deadline {d} is not shorter than baseline {b}"
        );
        assert!(draft.code.is_none(), "{rel}: drafts carry no code");
    }
}

#[test]
fn a1_postal_reissue_at_the_ministry() {
    let catalog = Catalog::load();
    let p = catalog.get("buu-chinh/cap-lai-xac-nhan-thong-bao-cap-bo.yaml");
    assert_eq!(p.code.as_deref(), Some("1.004428"));
    assert_eq!(p.level, Some(Level::Central));
    // Postal work moved to the Ministry of Science and Technology in 2025;
    // the record still names the Ministry of Information and Communications.
    assert_eq!(p.authority.as_deref(), Some("Bộ Khoa học và Công nghệ"));
    assert_eq!(p.deadline, Some(wd("7")));
    assert_eq!(
        p.channels,
        Some(vec![Channel::InPerson, Channel::Online, Channel::Post])
    );
    let phi = fee(p, "Phí");
    assert_eq!(phi.amount, dong(1_000_000));
    assert_eq!(phi.online_amount, Some(dong(1_000_000)));
    assert_eq!(fee(p, "Lệ phí").amount, Money::ZERO);
    assert!(p.legal_basis.is_none(), "legal basis is not in the source");
    assert_eq!(step_duration(p, "cap-lai"), wd("7"));
    let damaged = p.document("ban-goc-hu-hong").expect("damaged original");
    assert!(damaged.when.is_some(), "only needed when damaged");
}

#[test]
fn a2_national_and_an_giang_records_disagree() {
    let catalog = Catalog::load();
    let national = catalog.get("buu-chinh/cap-lai-xac-nhan-thong-bao-cap-tinh.yaml");
    let an_giang = catalog.get("buu-chinh/cap-lai-xac-nhan-thong-bao-an-giang.yaml");
    assert_eq!(national.code, an_giang.code);
    assert_eq!(national.code.as_deref(), Some("1.005442"));
    assert_eq!(
        national.authority.as_deref(),
        Some("Sở Khoa học và Công nghệ")
    );
    // Both now name the Sở of Science and Technology (An Giang's record
    // still named the Sở TT&TT); deadline, fees and channels still disagree.
    assert_eq!(an_giang.authority, national.authority);
    assert_eq!(national.deadline, Some(wd("7")));
    assert_eq!(an_giang.deadline, Some(wd("10")));
    assert_eq!(fee(national, "Phí").amount, dong(500_000));
    assert_eq!(an_giang.fees, Some(vec![]));
    assert_eq!(an_giang.channels, Some(vec![Channel::Online]));
    assert_eq!(an_giang.applicants, Some(vec![ApplicantKind::Organization]));
}

#[test]
fn a3_a4_refusal_is_a_five_day_alternative() {
    let catalog = Catalog::load();
    for rel in [
        "buu-chinh/sua-doi-xac-nhan-thong-bao-cap-bo.yaml",
        "buu-chinh/sua-doi-xac-nhan-thong-bao-lao-cai.yaml",
    ] {
        let p = catalog.get(rel);
        assert_eq!(p.deadline, Some(wd("10")), "{rel}");
        let submit = p.step("nop-ho-so").expect("submission step");
        assert_eq!(submit.choice, vec!["cap-xac-nhan", "tu-choi"], "{rel}");
        assert_eq!(step_duration(p, "cap-xac-nhan"), wd("10"), "{rel}");
        assert_eq!(step_duration(p, "tu-choi"), wd("5"), "{rel}");
    }
    let lao_cai = catalog.get("buu-chinh/sua-doi-xac-nhan-thong-bao-lao-cai.yaml");
    assert_eq!(lao_cai.code.as_deref(), Some("1.010902.000.00.00.H38"));
    assert_eq!(lao_cai.fees, Some(vec![]));
}

#[test]
fn a5_fees_per_time() {
    let catalog = Catalog::load();
    let p = catalog.get("buu-chinh/cap-xac-nhan-thong-bao-cap-tinh.yaml");
    assert_eq!(fee(p, "Phí thẩm định").amount, dong(1_000_000));
    assert_eq!(fee(p, "Lệ phí").amount, dong(200_000));
    assert_eq!(p.deadline, Some(wd("10")));
    let rework = p
        .step("kiem-tra")
        .and_then(|s| s.rework.as_ref())
        .expect("incomplete dossier goes back");
    assert_eq!(rework.to, "nop-ho-so");
}

#[test]
fn a6_inter_agency_split_half_and_nine_and_a_half_days() {
    let catalog = Catalog::load();
    let p = catalog.get("thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.yaml");
    let centre = step_duration(p, "tiep-nhan-chuyen");
    let department = step_duration(p, "cap-giay-phep");
    assert_eq!(centre, wd("0,5"));
    assert_eq!(department, wd("9,5"));
    assert_eq!(
        centre.milli() + department.milli(),
        p.deadline.expect("deadline").milli()
    );
    assert_eq!(p.deadline, Some(wd("10")));
    assert_eq!(
        p.step("tiep-nhan-chuyen").map(|s| s.actor.clone()),
        Some(Actor::Agency("Trung tâm hành chính công tỉnh".into()))
    );
    let copy = p.document("ban-sao-giay-to-phap-ly").expect("legal paper");
    assert_eq!(copy.form, DocumentForm::Copy);
    assert_eq!(
        p.document("don-de-nghi")
            .and_then(|d| d.template.as_deref()),
        Some("Mẫu số 23")
    );
}

#[test]
fn a7_keeps_the_published_fifteen_days() {
    let catalog = Catalog::load();
    let p = catalog.get("thong-tin-dien-tu/sua-doi-giay-phep-trang-tttdt-tong-hop-hung-yen.yaml");
    assert_eq!(p.code.as_deref(), Some("1.005452.000.00.00.H31"));
    assert_eq!(p.deadline, Some(wd("15")));
    assert_eq!(p.fees, Some(vec![]));
    assert_eq!(
        p.sector.as_deref(),
        Some("Phát thanh, truyền hình và thông tin điện tử")
    );
}

#[test]
fn a9_print_press_licence_takes_ninety_calendar_days() {
    let catalog = Catalog::load();
    let p = catalog.get("bao-chi/cap-giay-phep-hoat-dong-bao-in.yaml");
    let deadline = p.deadline.expect("deadline");
    assert_eq!(deadline.unit(), DurationUnit::CalendarDays);
    assert_eq!(deadline, Duration::calendar_days(90));
    assert!(p.fees.is_none(), "fees are not in the source");
    assert!(p.channels.is_none(), "channels are not in the source");
    let templates: Vec<&str> = [
        "to-khai",
        "danh-sach-nhan-su",
        "so-yeu-ly-lich",
        "giay-phep",
    ]
    .iter()
    .filter_map(|id| p.document(id).and_then(|d| d.template.as_deref()))
    .collect();
    assert_eq!(
        templates,
        vec![
            "Mẫu số 01, Thông tư 48/2016/TT-BTTTT",
            "Mẫu số 02, Thông tư 48/2016/TT-BTTTT",
            "Mẫu số 03, Thông tư 48/2016/TT-BTTTT",
            "Mẫu số 09, Thông tư 48/2016/TT-BTTTT",
        ]
    );
    assert_eq!(
        p.step("nop-ho-so").map(|s| s.choice.clone()),
        Some(vec!["cap-giay-phep".to_string(), "tu-choi".to_string()])
    );
}

#[test]
fn a10_two_records_use_different_day_units() {
    let catalog = Catalog::load();
    let can_tho = catalog.get("bao-chi/cap-giay-phep-xuat-ban-ban-tin-can-tho.yaml");
    let hue = catalog.get("bao-chi/cap-giay-phep-xuat-ban-ban-tin-thua-thien-hue.yaml");
    assert_eq!(can_tho.deadline, Some(Duration::calendar_days(20)));
    assert_eq!(hue.deadline, Some(wd("20")));
    assert_eq!(can_tho.code.as_deref(), Some("1.009374.000.00.00.H13"));
}

#[test]
fn b1_birth_registration_is_same_day() {
    let catalog = Catalog::load();
    let p = catalog.get("ho-tich/dang-ky-khai-sinh.yaml");
    let deadline = p.deadline.expect("deadline");
    assert!(deadline.is_same_day());
    assert_eq!(deadline, Duration::same_day());
    assert_eq!(p.level, Some(Level::Commune));
    // 2026 record 1.001193: free on every channel; 8,000 đ only when late,
    // the copy fee only when copies are asked for.
    assert_eq!(p.code.as_deref(), Some("1.001193"));
    let late = fee(p, "Lệ phí đăng ký khai sinh quá hạn");
    assert_eq!(
        (late.amount, late.condition.case.as_deref()),
        (dong(8_000), Some("qua-han"))
    );
    let copy = fee(p, "Phí cấp bản sao");
    assert_eq!(
        (copy.amount, copy.condition.case.as_deref()),
        (dong(8_000), Some("ban-sao"))
    );
    assert!(p.fees.iter().flatten().all(|f| !f.condition.is_base()));
    let residence = p.document("giay-to-cu-tru").expect("proof of residence");
    assert_eq!(residence.form, DocumentForm::Presented);
    assert_eq!(
        residence.held_in.as_ref().map(|h| h.database.as_str()),
        Some("Cơ sở dữ liệu quốc gia về dân cư")
    );
    assert_eq!(
        p.document("giay-to-tuy-than").map(|d| d.form),
        Some(DocumentForm::Presented)
    );
}

#[test]
fn b2_business_registration_online_levy_is_zero() {
    let catalog = Catalog::load();
    let p = catalog.get("dang-ky-doanh-nghiep/thanh-lap-cong-ty-tnhh-hai-thanh-vien.yaml");
    assert_eq!(p.deadline, Some(wd("3")));
    // The 2026 record 2.001199: Sở Tài chính, and post as a third channel.
    assert_eq!(p.code.as_deref(), Some("2.001199"));
    assert_eq!(p.authority.as_deref(), Some("Sở Tài chính"));
    assert_eq!(
        p.channels.as_deref(),
        Some(&[Channel::InPerson, Channel::Online, Channel::Post][..])
    );
    let levy = fee(p, "Lệ phí đăng ký doanh nghiệp");
    assert_eq!(levy.amount, dong(50_000));
    assert_eq!(levy.online_amount, Some(Money::ZERO));
    let publication = fee(p, "Phí công bố");
    assert_eq!(publication.amount, dong(100_000));
    assert_eq!(publication.online_amount, Some(dong(100_000)));
    // APCI 2018 calibration: 10.5 applicant hours in all.
    let hours: u64 = p.steps.iter().map(|s| s.effort.milli_hours).sum::<u64>()
        + p.documents
            .iter()
            .map(|d| d.effort.milli_hours)
            .sum::<u64>();
    assert_eq!(hours, 10_500);
}

#[test]
fn b3_liaison_commune_receives_then_police_and_insurance_in_parallel() {
    let catalog = Catalog::load();
    for rel in [
        "lien-thong/khai-sinh-thuong-tru-bhyt-tre-duoi-6-tuoi.yaml",
        "lien-thong/khai-sinh-thuong-tru-bhyt-tre-duoi-6-tuoi.draft.yaml",
    ] {
        let p = catalog.get(rel);
        let birth = p.step("dang-ky-khai-sinh").expect("birth step");
        assert_eq!(
            birth.actor,
            Actor::Agency("Ủy ban nhân dân cấp xã".into()),
            "{rel}"
        );
        assert_eq!(
            birth.next,
            vec!["dang-ky-thuong-tru", "cap-the-bhyt"],
            "{rel}"
        );
        assert!(birth.choice.is_empty(), "{rel}: parallel, not alternatives");
        for id in ["dang-ky-thuong-tru", "cap-the-bhyt"] {
            assert_eq!(
                p.step(id).map(|s| s.next.clone()),
                Some(vec!["tra-ket-qua".to_string()]),
                "{rel}: {id} joins at the return"
            );
        }
    }
    let paper = catalog.get("lien-thong/khai-sinh-thuong-tru-bhyt-tre-duoi-6-tuoi.yaml");
    let electronic = catalog.get("lien-thong/khai-sinh-thuong-tru-bhyt-tre-duoi-6-tuoi.draft.yaml");
    assert_eq!(paper.deadline, Some(wd("20")));
    assert_eq!(electronic.deadline, Some(wd("3")));
    assert_eq!(
        paper
            .document("so-ho-khau")
            .and_then(|d| d.held_in.as_ref().map(|h| h.database.as_str())),
        Some("Cơ sở dữ liệu quốc gia về dân cư")
    );
    assert!(electronic.document("so-ho-khau").is_none());
    assert_eq!(electronic.channels, Some(vec![Channel::Online]));
    let trips: u32 = electronic.steps.iter().map(|s| s.effort.trips).sum();
    assert_eq!(trips, 0, "the electronic version needs no trip");
}

#[test]
fn b4_b6_b8_police_procedures() {
    let catalog = Catalog::load();
    let residence = catalog.get("cu-tru/dang-ky-thuong-tru.yaml");
    assert_eq!(residence.deadline, Some(wd("7")));
    // 2026 record 1.004222: 20,000 đ in person, 10,000 đ online.
    let fees = residence.fees.as_ref().expect("fees from the 2026 record");
    assert_eq!(fees.len(), 1);
    assert_eq!(fees[0].amount_on(Channel::InPerson), dong(20_000));
    assert_eq!(fees[0].amount_on(Channel::Online), dong(10_000));
    assert_eq!(residence.code.as_deref(), Some("1.004222"));
    assert_eq!(
        residence.step("kiem-tra").map(|s| s.choice.clone()),
        Some(vec!["nop-le-phi".to_string(), "tu-choi".to_string()])
    );

    let passport = catalog.get("xuat-nhap-canh/cap-ho-chieu-pho-thong-khong-gan-chip.yaml");
    // The 2026 record 1.001456: 8 working days on every channel, 160,000 đ
    // online and by post, 200,000 đ in person.
    assert_eq!(passport.code.as_deref(), Some("1.001456"));
    assert_eq!(passport.deadline, Some(wd("8")));
    let levy = fee(passport, "Lệ phí");
    assert_eq!(levy.amount_on(Channel::InPerson), dong(200_000));
    assert_eq!(levy.amount_on(Channel::Online), dong(160_000));
    assert_eq!(levy.amount_on(Channel::Post), dong(160_000));

    // The 2026 record 1.010041: 1 working day (3 when verification is needed).
    let confirmation = catalog.get("cu-tru/xac-nhan-thong-tin-cu-tru.yaml");
    assert_eq!(confirmation.code.as_deref(), Some("1.010041"));
    assert_eq!(confirmation.authority.as_deref(), Some("Công an cấp xã"));
    assert_eq!(confirmation.deadline, Some(wd("1")));
    assert_eq!(confirmation.fees, Some(vec![]));
    assert_eq!(step_duration(confirmation, "xac-minh"), wd("3"));
}
