//! Nothing of a case reaches the base case: a paper handed in only at a
//! step of a case, a supplement requested at such a step and a hand-off
//! through it count in that case alone; cases the calendar must compare
//! have no worst figure; the number of cases is bounded (review of issue 13).

use tthc::{Analysis, CheckedProcedure, Settings};

fn analyse(src: &str) -> Analysis {
    let p = CheckedProcedure::from_yaml_str(src, "cases.yaml").expect("loads");
    Analysis::new(p, &Settings::default())
}

const VERIFY: &str = "format: tthc/1
name: X
cases:
  xac-minh: { name: Cần xác minh, share: 0.5 }
fees: []
documents:
  giay-xac-nhan: { name: Giấy xác nhận, effort: { hours: 2 } }
steps:
  nop:
    name: Nộp
    actor: applicant
    effort: { hours: 1 }
    next: [tiep-nhan]
  tiep-nhan:
    name: Tiếp nhận
    actor: Phòng A
    duration: 1 ngày làm việc
    next: [xac-minh]
  xac-minh:
    name: Xác minh
    actor: Phòng B
    case: xac-minh
    submits: [giay-xac-nhan]
    duration: 2 ngày làm việc
    rework: { to: nop, probability: 0.5 }
    next: [tra]
  tra:
    name: Trả kết quả
    actor: Phòng A
    duration: 1 ngày làm việc
";

#[test]
fn a_case_steps_paper_supplement_and_handoffs_stay_in_the_case() {
    let a = analyse(VERIFY);
    let m = a.metrics();
    // Base case: only the applicant's own hour, no paper (2 h) and no
    // supplement (half of the repeated hour), no hand-off (A to A).
    assert_eq!(
        m.compliance_cost.milli_hours, 1_000,
        "{:?}",
        m.compliance_cost.lines
    );
    assert_eq!(m.structure.handoffs, 0);
    let cases = m.by_case.as_ref().expect("cases declared");
    let case = &cases.cases[0];
    // In the case: 1 h + the paper's 2 h + the supplement (0.5 × 1 h).
    let hourly = a.cost_basis().hourly_income.value.dong();
    let expected = (3_500 * hourly + 500) / 1_000;
    assert_eq!(case.per_case.dong(), expected);
    assert!(case.per_case > m.compliance_cost.per_case);
}

#[test]
fn cases_in_units_only_a_calendar_compares_have_no_worst() {
    let src = VERIFY
        .replace(
            "fees: []",
            "fees: []\ndeadline:\n  duration: 5 ngày làm việc\n  cases: { xac-minh: 30 ngày }",
        )
        .replace("duration: 2 ngày làm việc", "duration: 20 ngày");
    let a = analyse(&src);
    let cases = a.metrics().by_case.as_ref().expect("cases declared");
    assert_eq!(
        cases.worst_time.length,
        tthc::metrics::Length::NeedsCalendar
    );
    assert!(cases.worst_deadline.is_none());
}

#[test]
fn more_than_a_hundred_cases_is_a_located_error() {
    let mut src = String::from("format: tthc/1\nname: X\ncases:\n");
    for i in 0..101 {
        src.push_str(&format!("  c{i}: Trường hợp {i}\n"));
    }
    src.push_str("steps:\n  a: { name: Nộp, actor: applicant }\n");
    let e = CheckedProcedure::from_yaml_str(&src, "x.yaml").expect_err("too many");
    let first = &e.errors[0];
    assert_eq!(first.location.map(|l| l.line), Some(4));
    assert!(first.message(tthc::Lang::En).contains("at most 100"));
    assert!(first.message(tthc::Lang::Vi).contains("tối đa 100"));
}

fn fixture(name: &str) -> Analysis {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    analyse(&text)
}

fn messages(a: &Analysis, code: &str) -> String {
    a.findings()
        .iter()
        .filter(|f| f.code == code)
        .map(|f| format!("{}\n{}\n", f.message.vi, f.message.en))
        .collect()
}

#[test]
fn a_deadline_in_months_is_a_calendar_month_compared_through_its_least_working_days() {
    let a = fixture("months.yaml");
    let t = &a.metrics().processing_time;
    assert_eq!(t.declared, Some(tthc::Duration::months(1)));
    let b = t.month_bounds.first().expect("a bound for one month");
    // The least: 30/01/2011 (a make-up working day) to 28/02/2011 holds
    // the whole Tết break 31/1–7/2 and its swaps: 15 working days.
    assert_eq!((b.months, b.min_working_days), (1, 15));
    assert_eq!(b.min_from.to_string(), "2011-01-30");
    assert_eq!((b.first_year, b.last_year), (2010, 2026));
    let cal = tthc::calendar::Calendar::vietnam();
    let end = cal.add_months(b.min_from, 1).unwrap();
    assert_eq!(end.to_string(), "2011-02-28");
    assert_eq!(cal.working_days_between(b.min_from, end).unwrap(), 15);
    // 20 working days of steps can exceed a month: TT201 says by how much
    // and on what bound.
    assert_eq!(t.versus_deadline(), Some(std::cmp::Ordering::Greater));
    insta::assert_snapshot!(messages(&a, "TT201"));
}

#[test]
fn a_step_in_months_counts_its_least_working_days() {
    let a = fixture("months-step.yaml");
    let t = &a.metrics().processing_time;
    let one = t
        .month_bounds
        .iter()
        .find(|b| b.months == 1)
        .expect("1 month");
    let two = t
        .month_bounds
        .iter()
        .find(|b| b.months == 2)
        .expect("2 months");
    assert_eq!(
        t.length,
        tthc::metrics::Length::WorkingDays((one.min_working_days + 5) * 1000)
    );
    assert_eq!(
        t.declared_length(),
        Some(tthc::metrics::Length::WorkingDays(
            two.min_working_days * 1000
        ))
    );
    // The two months' least (from one start date) is at least one month's
    // least plus 5 (the days of the second month are more than 5).
    assert!(two.min_working_days > one.min_working_days + 5, "{two:?}");
    assert!(messages(&a, "TT201").is_empty());
}

/// The fixture measured on a calendar that knows no year.
fn measured_without_years(name: &str) -> tthc::metrics::Metrics {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    let p = CheckedProcedure::from_yaml_str(&text, name).expect("loads");
    let cal = tthc::calendar::Calendar::from_data("format: tthc-holidays/1\n").expect("calendar");
    tthc::metrics::measure_with(
        &p,
        &tthc::CostBasis::default(),
        tthc::metrics::Scenario::Auto,
        &cal,
    )
}

#[test]
fn without_a_known_year_months_need_the_calendar() {
    let m = measured_without_years("months.yaml");
    let t = &m.processing_time;
    assert!(t.month_bounds.is_empty());
    assert_eq!(
        t.declared_length(),
        Some(tthc::metrics::Length::NeedsCalendar)
    );
    assert_eq!(t.versus_deadline(), None);
}

#[test]
fn months_load_as_published_and_fractions_are_refused_in_both_languages() {
    for text in ["01 tháng", "1 month", "không quá 02 tháng", "2 months"] {
        let src = format!(
            "format: tthc/1\nname: X\ndeadline: {text}\nsteps:\n  a: {{ name: A, actor: B, duration: 1 tháng }}\n"
        );
        let p = CheckedProcedure::from_yaml_str(&src, "m.yaml").expect(text);
        let d = p.procedure().deadline.expect("deadline");
        assert!(d.whole_months().is_some(), "{text}");
        assert_eq!(
            tthc::report::text::duration(d, tthc::Lang::Vi),
            format!("{} tháng", d.whole_months().unwrap())
        );
    }
    let e = CheckedProcedure::from_yaml_str(
        "format: tthc/1\nname: X\ndeadline: 0,5 tháng\nsteps:\n  a: { name: A, actor: B }\n",
        "m.yaml",
    )
    .unwrap_err();
    let err = &e.errors[0];
    assert_eq!(err.location.map(|l| (l.line, l.column)), Some((3, 11)));
    let (vi, en) = (err.message(tthc::Lang::Vi), err.message(tthc::Lang::En));
    assert!(en.contains("only whole months"), "{en}");
    assert!(vi.contains("số tháng chẵn"), "{vi}");
}

#[test]
fn cases_have_figures_per_channel_only_when_channels_differ() {
    let a = fixture("channels-shares.yaml");
    let k = a.metrics().by_case.as_ref().expect("cases");
    let figures: Vec<_> = k
        .by_channel
        .iter()
        .map(|c| {
            (
                c.channel,
                c.headline,
                c.base.dong(),
                c.expected
                    .as_ref()
                    .and_then(|e| e.per_case)
                    .map(|v| v.dong()),
                c.worst_cost.case.as_str(),
                c.worst_cost.per_case.dong(),
            )
        })
        .collect();
    use tthc::Channel::{InPerson, Online};
    assert_eq!(
        figures,
        [
            (InPerson, true, 147_727, Some(180_818), "qua-han", 293_181),
            (Online, false, 97_727, Some(130_818), "qua-han", 243_181),
        ]
    );
    // The headline channel's figures are those of the cases.
    assert_eq!(
        k.expected
            .as_ref()
            .and_then(|e| e.per_case)
            .map(|v| v.dong()),
        Some(180_818)
    );
    let json = serde_json::to_value(a.metrics()).unwrap();
    assert_eq!(json["by_case"]["by_channel"][1]["channel"], "online");
    // One channel: nothing per channel.
    let one = fixture("shares.yaml");
    assert!(
        one.metrics()
            .by_case
            .as_ref()
            .unwrap()
            .by_channel
            .is_empty()
    );
    let json = serde_json::to_value(one.metrics()).unwrap();
    assert!(json["by_case"].get("by_channel").is_none());
}

#[test]
fn an_expected_cost_beyond_exact_arithmetic_is_unknown_never_capped() {
    // 10¹⁸ đồng a dossier, 10¹² dossiers a year: 10³⁰ đồng a year, which
    // the exact 10⁻⁹-đồng arithmetic (u128) cannot hold.
    let a = analyse(
        "format: tthc/1\nname: X\nvolume: { cases_per_year: 1.000.000.000.000 }\ncases:\n  c: { name: C, share: 0.5 }\nfees:\n  - { name: F, amount: 1.000.000.000.000.000.000 }\n  - { name: G, amount: 1000, case: c }\nsteps:\n  a: { name: A, actor: B }\n",
    );
    let e = a
        .metrics()
        .by_case
        .as_ref()
        .unwrap()
        .expected
        .clone()
        .unwrap();
    // One dossier is exact: 10¹⁸ + 0,5 × 1.000 đồng.
    assert_eq!(
        e.per_case.map(|v| v.dong()),
        Some(1_000_000_000_000_000_500)
    );
    assert_eq!(e.annual, None);
    assert!(e.overflow);
    let json = serde_json::to_value(&e).unwrap();
    assert!(json["annual"].is_null());
    assert_eq!(json["overflow"], true);
    // The base cost likewise: its per-case figure is exact, its per-year
    // one unknown (null in JSON, not the u128::MAX marker).
    let base = &a.metrics().compliance_cost;
    assert!(base.overflow);
    let json = serde_json::to_value(base).unwrap();
    assert_eq!(json["per_case"], 1_000_000_000_000_000_000u64);
    assert!(json["annual"].is_null(), "{}", json["annual"]);
    // And each case's figures: exact per dossier, unknown per year.
    let cases = serde_json::to_value(a.metrics().by_case.as_ref().unwrap()).unwrap();
    let c = &cases["cases"][0];
    assert_eq!(c["per_case"], 1_000_000_000_000_000_000u64 + 1_000);
    assert_eq!(c["extra"], 1_000);
    assert!(c["annual"].is_null(), "{c}");
    assert_eq!(
        cases["worst_cost"]["per_case"],
        1_000_000_000_000_000_000u64 + 1_000
    );
    assert!(
        !cases
            .to_string()
            .contains("340282366920938463463374607431768211455"),
        "{cases}"
    );
}

#[test]
fn tt406_judges_the_base_case_across_a_case_step() {
    let churn = |steps: &str| {
        let a = analyse(&format!(
            "format: tthc/1\nname: X\ncases:\n  c: {{ name: C }}\nsteps:\n  nop: {{ name: Nộp, actor: applicant, next: [a1] }}\n{steps}"
        ));
        messages(&a, "TT406")
    };
    // A → B (only in case c) → A: in the base case the dossier stays at A.
    let one_case_step = "  a1: { name: A1, actor: Sở A, next: [b] }\n  b: { name: B, actor: Sở B, case: c, next: [a2] }\n  a2: { name: A2, actor: Sở A, next: [kq] }\n  kq: { name: KQ, actor: Sở C }\n";
    assert_eq!(churn(one_case_step), "");
    // A → B → (a case step) → A: in the base case B hands straight back to A.
    let bridged = "  a1: { name: A1, actor: Sở A, next: [b] }\n  b: { name: B, actor: Sở B, next: [x] }\n  x: { name: X, actor: Sở D, case: c, next: [a2] }\n  a2: { name: A2, actor: Sở A, next: [kq] }\n  kq: { name: KQ, actor: Sở C }\n";
    let m = churn(bridged);
    assert!(
        m.contains("(`a1`)") && m.contains("(`b`)") && m.contains("(`a2`)"),
        "{m}"
    );
    // The same without the case: the step of D breaks the churn.
    assert_eq!(churn(&bridged.replace(", case: c", "")), "");
}

/// The "By case" section of the Markdown and HTML reports of `name`.
fn by_case_sections(name: &str, lang: tthc::Lang) -> (String, String) {
    let a = fixture(name);
    let report = tthc::report::page::Report::new(&a).dated(tthc::report::text::ReportDate {
        year: 2026,
        month: 12,
        day: 3,
    });
    let md = tthc::report::markdown::render(&report, lang);
    let title = match lang {
        tthc::Lang::Vi => "### Theo trường hợp",
        tthc::Lang::En => "### By case",
    };
    let start = md.find(title).expect("a by-case section");
    let rest = &md[start..];
    let end = rest[title.len()..]
        .find("\n#")
        .map_or(rest.len(), |i| i + title.len() + 1);
    let html = tthc::report::html::render(&report, lang);
    let hstart = html.find(r#"<section id="by-case">"#).expect("by-case");
    let hrest = &html[hstart..];
    let hend = hrest.find("</section>").expect("its end") + "</section>".len();
    // One element a line, so that a snapshot diff is readable.
    let html = hrest[..hend].replace("><", ">\n<");
    (rest[..end].trim_end().to_string(), html)
}

#[test]
fn the_reports_by_case_table_with_shares_and_channels() {
    for lang in [tthc::Lang::Vi, tthc::Lang::En] {
        let (md, html) = by_case_sections("channels-shares.yaml", lang);
        // The rows and sentences checked apart from the snapshots.
        let expected = match lang {
            tthc::Lang::Vi => "180.818 đ",
            tthc::Lang::En => "180,818 VND",
        };
        assert!(md.contains(expected) && html.contains(expected), "{md}");
        assert!(md.contains("qua-han") && html.contains("qua-han"));
        insta::assert_snapshot!(format!("by_case_markdown_{lang:?}"), md);
        insta::assert_snapshot!(format!("by_case_html_{lang:?}"), html);
    }
}

#[test]
fn what_the_base_figures_leave_out_is_listed_with_its_amount() {
    // A fee with only a `when:` and no `cases:`: left out of every
    // figure, so it is listed (it was shown nowhere: "phí 0 đ").
    let a = analyse(
        "format: tthc/1\nname: X\nchannels: [in_person, online]\nfees:\n  - { name: Phí thẩm định, amount: 4.000.000 đồng, when: Khi thẩm định lại }\n  - { name: Lệ phí, amount: { in_person: 20.000 đồng, online: 10.000 đồng } }\ndocuments:\n  giay: { name: Giấy ủy quyền, when: Khi nộp thay }\nsteps:\n  a: { name: A, actor: applicant, submits: [giay], next: [b] }\n  b: { name: B, actor: Sở X, duration: 2 ngày làm việc }\n",
    );
    let m = a.metrics();
    let listed: Vec<_> = m
        .left_out
        .iter()
        .map(|c| {
            (
                c.kind,
                c.element.as_str(),
                c.amount.map(|v| v.dong()),
                c.counted_in_a_case,
            )
        })
        .collect();
    use tthc::metrics::ConditionalKind::{Document, Fee};
    assert_eq!(
        listed,
        [
            (Fee, "fees[0]", Some(4_000_000), false),
            (Document, "documents.giay", None, false),
        ]
    );
    assert_eq!(m.compliance_cost.per_case.dong(), 20_000);
    let vi = tthc::report::metrics::text(&a, tthc::Lang::Vi);
    assert!(
        vi.contains("Phí thẩm định 4.000.000 đ — khi: Khi thẩm định lại (fees[0])"),
        "{vi}"
    );
    let en = tthc::report::metrics::text(&a, tthc::Lang::En);
    assert!(en.contains("Left out of the base figures"), "{en}");
    let json: serde_json::Value =
        serde_json::from_str(&tthc::report::metrics::json(&a, "x.yaml")).unwrap();
    let first = &json["left_out"][0];
    assert_eq!(first["when"], "Khi thẩm định lại");
    assert_eq!(first["amount"], 4_000_000);
    // Nothing conditional: no list.
    let plain = analyse("format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: B }\n");
    assert!(plain.metrics().left_out.is_empty());
}

#[test]
fn an_overflowing_cost_on_two_channels_is_null_in_json_and_named_in_text() {
    // Two channels, 10¹⁸ đồng a dossier, 10¹² dossiers a year: the per-year
    // figures exceed exact arithmetic on both channels.
    let a = analyse(
        "format: tthc/1\nname: X\nchannels: [in_person, online]\nvolume: { cases_per_year: 1.000.000.000.000 }\ncases:\n  c: { name: C, share: 0.5 }\nfees:\n  - { name: F, amount: 1.000.000.000.000.000.000 }\n  - { name: G, amount: 1000, case: c }\nsteps:\n  a: { name: A, actor: B }\n",
    );
    let json = serde_json::to_value(a.metrics()).expect("serializes");
    let text = json.to_string();
    assert!(
        !text.contains("340282366920938463463374607431768211455"),
        "{text}"
    );
    for ch in json["by_channel"].as_array().unwrap() {
        assert!(ch["annual"].is_null(), "{ch}");
        assert_eq!(ch["per_case"], 1_000_000_000_000_000_000u64);
    }
    // Shown as a figure nowhere: the marker reads as TT008's cause.
    let marker = tthc::Money::from_dong(u128::MAX);
    assert_eq!(
        tthc::report::text::money(marker, tthc::Lang::Vi),
        "quá lớn để tính chính xác (TT008)"
    );
}

#[test]
fn a_channel_deadline_in_months_goes_through_the_month_bound_like_the_headline() {
    use tthc::Metric;
    let a = fixture("months-channel.yaml");
    let wd = |m: Metric| m.of(&a).map(|q| q.scaled());
    // In person (headline): 20 working days as declared; online: 1 month,
    // the least working days one month holds (15, from 30/01/2011).
    assert_eq!(
        wd(Metric::DeclaredInPerson),
        wd(Metric::DeclaredWorkingDays)
    );
    let t = &a.metrics().processing_time;
    let one = t
        .month_bounds
        .iter()
        .find(|b| b.months == 1)
        .expect("the online month has a bound");
    assert_eq!(one.min_working_days, 15);
    assert_eq!(wd(Metric::DeclaredInPerson), Some(20_000));
    assert_eq!(wd(Metric::DeclaredOnline), Some(15_000));
    // Without a known year the online month has no working-day figure
    // (needs the calendar), the in-person deadline keeps its own.
    let m = measured_without_years("months-channel.yaml");
    let online = m
        .by_channel
        .iter()
        .find(|f| f.channel == tthc::model::Channel::Online)
        .and_then(|f| f.deadline)
        .expect("online deadline");
    assert_eq!(
        tthc::metrics::Length::of_with(online, &m.processing_time.month_bounds),
        tthc::metrics::Length::NeedsCalendar
    );
}

/// The TT201 findings of `a`: element, line:column.
fn tt201_at(a: &Analysis) -> Vec<String> {
    a.findings()
        .iter()
        .filter(|f| f.code == "TT201")
        .map(|f| {
            let at = f.location.map(|l| (l.line, l.column));
            format!("{} {at:?}", f.element.as_ref().map_or("", |e| e.as_str()))
        })
        .collect()
}

#[test]
fn a_channel_deadline_shorter_than_the_critical_path_is_exceeded_on_that_channel() {
    // The steps have no channel: the 20-working-day path is the same online,
    // where the published month can hold only 15 working days. The headline
    // channel (in person, 20 working days) is met.
    let a = fixture("months-channel.yaml");
    assert_eq!(tt201_at(&a), ["deadline.online Some((8, 50))"]);
    insta::assert_snapshot!(messages(&a, "TT201"));
    // In working days, on a channel of a deadline mapping written as a
    // block: located on that channel's line.
    let src = "format: tthc/1\nname: X\nchannels: [in_person, online, post]\ndeadline:\n  in_person: 5 ngày làm việc\n  online: 3 ngày làm việc\n  post: 6 ngày làm việc\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: S, duration: 4 ngày làm việc }\n";
    let a = analyse(src);
    assert_eq!(tt201_at(&a), ["deadline.online Some((6, 11))"]);
    // Every channel's deadline met: nothing.
    let a = analyse(&src.replace("online: 3", "online: 4"));
    assert!(tt201_at(&a).is_empty(), "{:?}", tt201_at(&a));
}

#[test]
fn each_channel_row_says_how_the_path_compares_with_its_deadline() {
    use tthc::Lang;
    use tthc::report::page::Report;
    // The same verdict as the headline line, with the month's bound, in
    // the HTML and Markdown reports' channel table.
    let a = fixture("months-channel.yaml");
    let r = Report::new(&a);
    let md = tthc::report::markdown::render(&r, Lang::Vi);
    assert!(
        md.contains("| Trực tiếp \\* | 20 ngày làm việc (bằng thời hạn) |"),
        "{md}"
    );
    assert!(
        md.contains("| Trực tuyến | 1 tháng (vượt thời hạn: 1 tháng có ít nhất 15 ngày làm việc"),
        "{md}"
    );
    let html = tthc::report::html::render(&r, Lang::En);
    assert!(
        html.contains("1 month (exceeded: 1 month holds at least 15 working days"),
        "{html}"
    );
}

#[test]
fn a_path_through_a_step_in_months_is_a_range_and_may_exceed_a_deadline_within_it() {
    use tthc::metrics::Length;
    // 1 month (15 to 24 working days) then 10 working days: 25 to 34
    // working days against 30. Met at the months' least, not at their most.
    let src = "format: tthc/1\nname: X\ndeadline: 30 ngày làm việc\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: S, duration: 01 tháng, next: [c] }\n  c: { name: C, actor: S, duration: 10 ngày làm việc }\n";
    let a = analyse(src);
    let t = &a.metrics().processing_time;
    assert!(t.lower_bound);
    assert_eq!(t.length, Length::WorkingDays(25_000));
    assert_eq!(t.upper_bound, Some(Length::WorkingDays(34_000)));
    assert!(t.worst_case.lower_bound);
    let d = t.declared.expect("deadline");
    assert!(t.may_exceed(d));
    let w: Vec<_> = a.findings().iter().filter(|f| f.code == "TT201").collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, tthc::Severity::Warn);
    assert!(
        w[0].message.en.contains("up to 34 working days"),
        "{}",
        w[0].message.en
    );
    assert_eq!(
        tthc::report::text::path_length(t, tthc::Lang::Vi),
        "ít nhất 25 ngày làm việc"
    );
    assert!(
        tthc::report::text::deadline_verdict(t, d, tthc::Lang::En).starts_with("may exceed it"),
        "{}",
        tthc::report::text::deadline_verdict(t, d, tthc::Lang::En)
    );
    // 35 working days hold the path at its most: within, no finding.
    let a = analyse(&src.replace("deadline: 30", "deadline: 35"));
    let t = &a.metrics().processing_time;
    assert!(!t.may_exceed(t.declared.expect("deadline")));
    assert!(messages(&a, "TT201").is_empty());
    // Without a step in months the length is exact: no bound.
    let a = analyse(&src.replace("01 tháng", "15 ngày làm việc"));
    let t = &a.metrics().processing_time;
    assert!(!t.lower_bound && t.upper_bound.is_none());
    assert_eq!(
        tthc::report::text::path_length(t, tthc::Lang::Vi),
        "25 ngày làm việc"
    );
}
