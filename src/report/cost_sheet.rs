//! The compliance-cost calculation of one procedure (and, with a baseline,
//! of the procedure in force and the comparison) as an XLSX workbook whose
//! cells show their formulas, so that a reviewer can check every figure in
//! the spreadsheet (feature `xlsx`).
//!
//! The layout follows Art. 27 of Circular 02/2017/TT-VPCP: the cost of one
//! case is the cost of the work needed to get the result plus fees and
//! other costs (27(3)(a)); the annual cost multiplies it by the cases a year
//! (27(3)(b)); the benefit is the difference between the current cost and
//! the cost after simplification (27(1)(c)). The official annex form of the
//! Circular could not be found (`docs/research/forms.md`), so the rows are
//! the tool's Standard Cost Model activities and the sheet says so.
//!
//! Every formula's result is stored with it (what the spreadsheet shows
//! before it recalculates), computed here with the same arithmetic.

use crate::analysis::Analysis;
use crate::catalog::xlsx::{
    DECIMAL_FORMAT, Formats, PERCENT_FORMAT, io_error, write_integer, write_money, write_text,
};
use crate::cost_basis::Sourced;
use crate::i18n::Lang;
use crate::metrics::{Activity, CostBreakdownRow, Scenario, div_round_half_up};
use crate::model::Money;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};
use std::io;

/// First row (0-based) of the activity table.
const FIRST: u32 = 7;
/// The row of the cost of one case.
const PER_CASE: u32 = FIRST + Activity::ALL.len() as u32;
/// The row of the cases per year.
const CASES: u32 = PER_CASE + 1;
/// The row of the annual cost.
const ANNUAL: u32 = PER_CASE + 2;
/// The row of the hourly income in the cost-basis block.
const HOURLY: u32 = ANNUAL + 3;
/// The row of the per-case cost as the tool rounds it.
const TOOL: u32 = HOURLY + 5;

/// Excel's name of a 0-based (row, column): `(7, 2)` → `C8`.
fn at(row: u32, col: u16) -> String {
    let letter = char::from(b'A' + u8::try_from(col).unwrap_or(0).min(25));
    format!("{letter}{}", row + 1)
}

/// A formula with its stored result.
fn formula(text: String, result: i128) -> Formula {
    Formula::new(text).set_result(result.to_string())
}

fn money_i(m: Money) -> i128 {
    i128::try_from(m.dong()).unwrap_or(i128::MAX)
}

/// What one version's sheet computes, for the comparison sheet.
struct Sheet {
    name: String,
    per_case: i128,
    annual: Option<i128>,
}

/// Headings of the activity table, (Vietnamese, English).
const HEADER: &[(&str, &str)] = &[
    ("STT", "No."),
    ("Công việc", "Activity"),
    ("Thời gian thực hiện (giờ)", "Time (hours)"),
    ("Thu nhập bình quân (đ/giờ)", "Hourly income (đ/hour)"),
    ("Chi phí thời gian (đ)", "Time cost (đ)"),
    ("Chi phí khác (đ)", "Other costs (đ)"),
    ("Phí, lệ phí (đ)", "Fees (đ)"),
    ("Cộng (đ)", "Total (đ)"),
];

fn scenario_label(s: Scenario, lang: Lang) -> &'static str {
    match s {
        Scenario::Online => lang.pick("trực tuyến", "online"),
        Scenario::Post => lang.pick("qua bưu chính", "by post"),
        Scenario::Auto | Scenario::InPerson => lang.pick("trực tiếp", "in person"),
    }
}

fn source_text<T>(s: &Sourced<T>, lang: Lang) -> String {
    let year = s.year.map(|y| format!(" ({y})")).unwrap_or_default();
    let assumed = if s.assumption {
        lang.pick(" — giả định", " — assumption")
    } else {
        ""
    };
    format!("{}{year}{assumed}", s.source_unlabelled(lang))
}

/// Writes one procedure's calculation into `ws`; returns its figures.
fn version_sheet(
    ws: &mut Worksheet,
    name: &str,
    a: &Analysis,
    lang: Lang,
    f: &Formats,
) -> Result<Sheet, XlsxError> {
    let p = a.procedure();
    let cost = &a.metrics().compliance_cost;
    let basis = a.cost_basis();
    let bold = Format::new().set_bold();
    let bold_money = Format::new().set_bold().set_num_format("#,##0");
    let decimal = Format::new().set_num_format(DECIMAL_FORMAT);
    ws.set_name(name)?;
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, 40)?;
    for col in 2..8 {
        ws.set_column_width(col, 16)?;
    }

    ws.write_string_with_format(
        0,
        0,
        lang.pick(
            "BẢNG TÍNH CHI PHÍ TUÂN THỦ THỦ TỤC HÀNH CHÍNH",
            "COMPLIANCE COST OF AN ADMINISTRATIVE PROCEDURE",
        ),
        &Format::new().set_bold().set_font_size(14),
    )?;
    let facts: [(&str, &str, String); 3] = [
        ("Thủ tục", "Procedure", p.name.clone()),
        ("Mã", "Code", p.code.clone().unwrap_or_default()),
        (
            "Phương thức",
            "Channel",
            scenario_label(cost.scenario, lang).to_string(),
        ),
    ];
    for (row, (vi, en, value)) in (1u32..).zip(facts) {
        ws.write_string_with_format(row, 0, lang.pick(vi, en), &bold)?;
        write_text(ws, row, 2, &value, f)?;
    }
    ws.write_string(
        4,
        0,
        lang.pick(
            "Theo Điều 27 Thông tư 02/2017/TT-VPCP: chi phí 01 hồ sơ = chi phí các công việc + phí, lệ phí và chi phí khác; chi phí 01 năm = chi phí 01 hồ sơ × số hồ sơ mỗi năm. Không tìm thấy biểu mẫu chính thức của Thông tư; các dòng là các công việc theo mô hình chi phí chuẩn (SCM) của tthc.",
            "Circular 02/2017/TT-VPCP Art. 27: cost of one case = cost of the work + fees and other costs; cost a year = cost of one case × cases a year. The Circular's official form was not found; the rows are tthc's Standard Cost Model activities.",
        ),
    )?;

    for (col, (vi, en)) in (0u16..).zip(HEADER) {
        ws.write_string_with_format(FIRST - 1, col, lang.pick(vi, en), &f.header)?;
    }
    ws.set_freeze_panes(FIRST, 0)?;
    let hourly = money_i(basis.hourly_income.value);
    let (mut sum_hours, mut sum_time, mut sum_other, mut sum_fees, mut sum_total) =
        (0u128, 0i128, 0i128, 0i128, 0i128);
    for (i, activity) in Activity::ALL.iter().enumerate() {
        let r = FIRST + u32::try_from(i).unwrap_or(0);
        let row: Option<&CostBreakdownRow> =
            cost.breakdown.iter().find(|b| b.activity == *activity);
        let milli = row.map_or(0, |b| b.milli_hours);
        let other = row.map_or(0, |b| money_i(b.out_of_pocket));
        let fees = row.map_or(0, |b| money_i(b.fees));
        // Excel's ROUND(C*D, 0): half away from zero, on whole đồng.
        let time = milli
            .checked_mul(u128::try_from(hourly).unwrap_or(0))
            .and_then(|n| div_round_half_up(n, 1_000))
            .and_then(|n| i128::try_from(n).ok())
            .unwrap_or(i128::MAX);
        let total = time.saturating_add(other).saturating_add(fees);
        ws.write_number(r, 0, f64::from(u32::try_from(i + 1).unwrap_or(0)))?;
        ws.write_string(r, 1, activity.label(lang))?;
        ws.write_number_with_format(r, 2, milli as f64 / 1000.0, &decimal)?;
        ws.write_formula_with_format(
            r,
            3,
            formula(format!("=$C${}", HOURLY + 1), hourly),
            &f.integer,
        )?;
        ws.write_formula_with_format(
            r,
            4,
            formula(format!("=ROUND({}*{},0)", at(r, 2), at(r, 3)), time),
            &f.integer,
        )?;
        write_integer(ws, r, 5, other, f)?;
        write_integer(ws, r, 6, fees, f)?;
        ws.write_formula_with_format(
            r,
            7,
            formula(format!("={}+{}+{}", at(r, 4), at(r, 5), at(r, 6)), total),
            &f.integer,
        )?;
        sum_hours += milli;
        sum_time = sum_time.saturating_add(time);
        sum_other = sum_other.saturating_add(other);
        sum_fees = sum_fees.saturating_add(fees);
        sum_total = sum_total.saturating_add(total);
    }
    let last = PER_CASE - 1;
    ws.write_string_with_format(
        PER_CASE,
        1,
        lang.pick("Chi phí tuân thủ 01 hồ sơ", "Compliance cost of one case"),
        &bold,
    )?;
    let sum = |col: u16| format!("=SUM({}:{})", at(FIRST, col), at(last, col));
    ws.write_formula_with_format(
        PER_CASE,
        2,
        Formula::new(sum(2)).set_result(format!("{}", sum_hours as f64 / 1000.0)),
        &decimal,
    )?;
    for (col, v) in [(4u16, sum_time), (5, sum_other), (6, sum_fees)] {
        ws.write_formula_with_format(PER_CASE, col, formula(sum(col), v), &f.integer)?;
    }
    ws.write_formula_with_format(PER_CASE, 7, formula(sum(7), sum_total), &bold_money)?;

    ws.write_string(
        CASES,
        1,
        lang.pick(
            "Số hồ sơ mỗi năm (số lần × số đối tượng)",
            "Cases a year (times × subjects)",
        ),
    )?;
    ws.write_string_with_format(
        ANNUAL,
        1,
        lang.pick("Tổng chi phí tuân thủ 01 năm", "Compliance cost a year"),
        &bold,
    )?;
    let annual = match cost.cases_per_year.and_then(|n| i128::try_from(n).ok()) {
        Some(cases) => {
            write_integer(ws, CASES, 7, cases, f)?;
            let annual = sum_total.saturating_mul(cases);
            ws.write_formula_with_format(
                ANNUAL,
                7,
                formula(format!("={}*{}", at(PER_CASE, 7), at(CASES, 7)), annual),
                &bold_money,
            )?;
            Some(annual)
        }
        None => {
            ws.write_string(
                CASES,
                7,
                lang.pick("không khai báo (volume)", "not declared (volume)"),
            )?;
            None
        }
    };

    ws.write_string_with_format(
        HOURLY - 1,
        0,
        lang.pick("Cơ sở tính", "Cost basis"),
        &f.header,
    )?;
    for col in 1..8 {
        ws.write_blank(HOURLY - 1, col, &f.header)?;
    }
    ws.write_string_with_format(HOURLY - 1, 3, lang.pick("Đơn vị", "Unit"), &f.header)?;
    ws.write_string_with_format(HOURLY - 1, 4, lang.pick("Nguồn", "Source"), &f.header)?;
    let b = basis;
    let items: [(&str, &str, &str, &str, String); 4] = [
        (
            "Thu nhập bình quân",
            "Hourly income",
            "đ/giờ",
            "đ/hour",
            source_text(&b.hourly_income, lang),
        ),
        (
            "Thời gian một lần đi lại (đã tính trong cột C)",
            "Time of one trip (counted in column C)",
            "giờ",
            "hours",
            source_text(&b.trip_milli_hours, lang),
        ),
        (
            "Chi phí một lần đi lại (đã tính trong cột F)",
            "Cost of one trip (counted in column F)",
            "đ",
            "đ",
            source_text(&b.trip_cost, lang),
        ),
        (
            "Phí chứng thực mỗi trang, hai trang đầu (đã tính trong cột F)",
            "Certification fee a page, first two pages (counted in column F)",
            "đ",
            "đ",
            source_text(&b.certification_fee, lang),
        ),
    ];
    for (r, (vi, en, uvi, uen, source)) in (HOURLY..).zip(items) {
        ws.write_string(r, 1, lang.pick(vi, en))?;
        ws.write_string(r, 3, lang.pick(uvi, uen))?;
        write_text(ws, r, 4, &source, f)?;
    }
    write_money(ws, HOURLY, 2, b.hourly_income.value, f)?;
    ws.write_number_with_format(
        HOURLY + 1,
        2,
        b.trip_milli_hours.value as f64 / 1000.0,
        &decimal,
    )?;
    write_money(ws, HOURLY + 2, 2, b.trip_cost.value, f)?;
    write_money(ws, HOURLY + 3, 2, b.certification_fee.value, f)?;

    ws.write_string(
        TOOL,
        1,
        lang.pick(
            "Chi phí 01 hồ sơ theo tthc (làm tròn một lần)",
            "Cost of one case by tthc (rounded once)",
        ),
    )?;
    let tool = money_i(cost.per_case);
    write_integer(ws, TOOL, 7, tool, f)?;
    ws.write_string(
        TOOL + 1,
        1,
        lang.pick(
            "Chênh lệch do làm tròn từng dòng",
            "Difference from rounding each row",
        ),
    )?;
    ws.write_formula_with_format(
        TOOL + 1,
        7,
        formula(
            format!("={}-{}", at(PER_CASE, 7), at(TOOL, 7)),
            sum_total - tool,
        ),
        &f.integer,
    )?;
    Ok(Sheet {
        name: name.to_string(),
        per_case: sum_total,
        annual,
    })
}

/// The comparison of two version sheets (Art. 27(1)(c)).
fn comparison_sheet(
    ws: &mut Worksheet,
    before: &Sheet,
    after: &Sheet,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(lang.pick("So sánh", "Comparison"))?;
    ws.set_column_width(0, 44)?;
    for col in 1..5 {
        ws.set_column_width(col, 18)?;
    }
    let percent = Format::new().set_num_format(PERCENT_FORMAT);
    let header = [
        lang.pick("Chỉ tiêu", "Figure"),
        lang.pick("Hiện tại (đ)", "Current (đ)"),
        lang.pick("Sau đơn giản hóa (đ)", "After simplification (đ)"),
        lang.pick("Lợi ích chi phí (đ)", "Cost benefit (đ)"),
        lang.pick("Tỷ lệ cắt giảm", "Reduction"),
    ];
    crate::catalog::xlsx::write_header(ws, 0, &header, f)?;
    let refer = |sheet: &Sheet, row: u32| format!("='{}'!{}", sheet.name, at(row, 7));
    let lines = [
        (
            lang.pick("Chi phí tuân thủ 01 hồ sơ", "Compliance cost of one case"),
            PER_CASE,
            Some((before.per_case, after.per_case)),
        ),
        (
            lang.pick("Tổng chi phí tuân thủ 01 năm", "Compliance cost a year"),
            ANNUAL,
            before.annual.zip(after.annual),
        ),
    ];
    for (r, (label, source_row, values)) in (1u32..).zip(lines) {
        ws.write_string(r, 0, label)?;
        let Some((b, a)) = values else {
            ws.write_string(
                r,
                1,
                lang.pick("không khai báo (volume)", "not declared (volume)"),
            )?;
            continue;
        };
        ws.write_formula_with_format(r, 1, formula(refer(before, source_row), b), &f.integer)?;
        ws.write_formula_with_format(r, 2, formula(refer(after, source_row), a), &f.integer)?;
        ws.write_formula_with_format(
            r,
            3,
            formula(format!("={}-{}", at(r, 1), at(r, 2)), b - a),
            &f.integer,
        )?;
        let share = if b == 0 {
            String::new()
        } else {
            format!("{}", (b - a) as f64 / b as f64)
        };
        ws.write_formula_with_format(
            r,
            4,
            Formula::new(format!(
                "=IF({b0}=0,\"\",{d}/{b0})",
                b0 = at(r, 1),
                d = at(r, 3)
            ))
            .set_result(share),
            &percent,
        )?;
    }
    Ok(())
}

/// The compliance-cost calculation of `analysis` as an XLSX workbook: one
/// sheet with the activity table (time, hourly income, time cost
/// `=ROUND(C*D,0)`, other costs, fees, row total `=E+F+G`, the per-case
/// `=SUM(…)` and the annual `=per case × cases`), the cost basis and the
/// tool's own per-case figure. With `baseline` (the procedure in force),
/// a sheet for each and a comparison sheet whose cells refer to them.
///
/// ```
/// use tthc::{Analysis, Lang, Settings};
/// let src = tthc::catalog::synthetic::procedure_yaml(1, 1);
/// let a = Analysis::from_yaml_str(&src, "p.yaml", &Settings::default()).unwrap();
/// let bytes = tthc::report::cost_sheet(&a, None, Lang::En).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn cost_sheet(
    analysis: &Analysis,
    baseline: Option<&Analysis>,
    lang: Lang,
) -> io::Result<Vec<u8>> {
    build(analysis, baseline, lang).map_err(io_error)
}

fn build(
    analysis: &Analysis,
    baseline: Option<&Analysis>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let sheet = |vi: &str, en: &str, a: &Analysis| -> Result<(Worksheet, Sheet), XlsxError> {
        let mut ws = Worksheet::new();
        let figures = version_sheet(&mut ws, lang.pick(vi, en), a, lang, &f)?;
        Ok((ws, figures))
    };
    let mut book = Workbook::new();
    match baseline {
        None => {
            let (ws, _) = sheet("Chi phí tuân thủ", "Compliance cost", analysis)?;
            book.push_worksheet(ws);
        }
        Some(base) => {
            let (before_ws, before) = sheet("Hiện tại", "Current", base)?;
            let (after_ws, after) = sheet("Sau đơn giản hóa", "Simplified", analysis)?;
            let mut cmp = Worksheet::new();
            comparison_sheet(&mut cmp, &before, &after, lang, &f)?;
            book.push_worksheet(before_ws);
            book.push_worksheet(after_ws);
            book.push_worksheet(cmp);
        }
    }
    book.save_to_buffer()
}
