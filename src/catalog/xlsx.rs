//! The audit as an XLSX workbook (feature `xlsx`): typed cells that a
//! spreadsheet needs no import dialog for. Codes and every text from a file
//! are text cells (never parsed, never a formula), money and counts are
//! numbers (`#,##0`), percentages are percentages (`0.0%`), the header row
//! is frozen and filtered, and each totals table has its own sheet.
//!
//! XLSX is a zip archive that is only complete at the end, so the rows are
//! kept in the workbook and the file is written by
//! [`RowWriter::finish`]; the CLI writes it to a temporary file and renames
//! it.

use crate::catalog::columns::{Cell, cells, column_names};
use crate::catalog::row::AuditRow;
use crate::catalog::table::RowWriter;
use crate::catalog::totals::{Group, Totals, not_declared};
use crate::i18n::Lang;
use crate::metrics::Percent;
use crate::model::Money;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};

/// Number format of money and counts.
pub const INTEGER_FORMAT: &str = "#,##0";
/// Number format of percentages.
pub const PERCENT_FORMAT: &str = "0.0%";
/// Number format of hours and days (up to three decimals, as computed).
pub const DECIMAL_FORMAT: &str = "#,##0.###";
/// Longest text a cell holds (Excel's limit, in UTF-16 units).
const MAX_TEXT: usize = 32_767;
/// Largest integer a spreadsheet number (an IEEE double) holds exactly.
const MAX_EXACT: u128 = 1 << 53;

/// An `io::Error` from a writer error.
pub(crate) fn io_error(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

/// The formats of typed cells.
pub(crate) struct Formats {
    pub(crate) header: Format,
    pub(crate) integer: Format,
    pub(crate) percent: Format,
    pub(crate) decimal: Format,
    pub(crate) text: Format,
}

impl Formats {
    pub(crate) fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color("#DDEBF7"),
            integer: Format::new().set_num_format(INTEGER_FORMAT),
            percent: Format::new().set_num_format(PERCENT_FORMAT),
            decimal: Format::new().set_num_format(DECIMAL_FORMAT),
            // "@": the cell is text, also when a reader retypes it.
            text: Format::new().set_num_format("@"),
        }
    }
}

/// A text cut to what a cell holds (a file's text can be longer).
pub(crate) fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_TEXT {
        return text.into();
    }
    let mut units = 0;
    let cut: String = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units < MAX_TEXT
        })
        .collect();
    format!("{cut}…").into()
}

/// Writes a text cell (typed text: a code stays `1.010900`).
pub(crate) fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, cell_text(text), &f.text)?;
    Ok(())
}

/// Writes a whole number: a number cell when a double holds it exactly,
/// else (never for real amounts) its exact digits as text.
pub(crate) fn write_integer(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    n: i128,
    f: &Formats,
) -> Result<(), XlsxError> {
    if n.unsigned_abs() <= MAX_EXACT {
        ws.write_number_with_format(row, col, n as f64, &f.integer)?;
    } else {
        ws.write_string_with_format(row, col, n.to_string(), &f.text)?;
    }
    Ok(())
}

/// Writes an amount of đồng.
pub(crate) fn write_money(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    m: Money,
    f: &Formats,
) -> Result<(), XlsxError> {
    write_integer(
        ws,
        row,
        col,
        i128::try_from(m.dong()).unwrap_or(i128::MAX),
        f,
    )
}

/// Writes a percentage (`71.64` → 0.7164, shown `71.6%`).
fn write_percent(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    p: Percent,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, p.basis_points() as f64 / 10_000.0, &f.percent)?;
    Ok(())
}

/// A header row, frozen.
pub(crate) fn write_header(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (col, name) in (0u16..).zip(names) {
        ws.write_string_with_format(row, col, *name, &f.header)?;
    }
    ws.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// Writes one typed cell of the row schema.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    name: &str,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Null => {}
        Cell::Text(t) => write_text(ws, row, col, t, f)?,
        Cell::List(l) => write_text(ws, row, col, &l.join(" "), f)?,
        Cell::Int(n) => write_integer(ws, row, col, *n, f)?,
        Cell::Decimal(d) => match d.parse::<f64>() {
            Ok(v) if name.ends_with("_percent") => {
                ws.write_number_with_format(row, col, v / 100.0, &f.percent)?;
            }
            Ok(v) => {
                ws.write_number_with_format(row, col, v, &f.decimal)?;
            }
            Err(_) => write_text(ws, row, col, d, f)?,
        },
    }
    Ok(())
}

/// Column widths of the rows sheet, by column name (characters).
fn width(name: &str) -> f64 {
    match name {
        "path" | "baseline_path" => 36.0,
        "name" => 48.0,
        "error" | "authority" => 30.0,
        "sector" => 20.0,
        "code" | "deadline" | "top_findings" => 16.0,
        _ => 12.0,
    }
}

/// The audit as an XLSX workbook: a sheet of rows (the columns of
/// [`COLUMNS`] and, with a baseline, [`BASELINE_COLUMNS`], as in the CSV),
/// then one sheet per totals table. Written to `out` by `finish`.
pub struct XlsxWriter<W: Write> {
    out: W,
    with_baseline: bool,
    lang: Lang,
    rows: Worksheet,
    next_row: u32,
    formats: Formats,
    /// The column names, from the first row (metrics columns included).
    names: Vec<&'static str>,
}

impl<W: Write> XlsxWriter<W> {
    /// An XLSX writer into `out`.
    pub fn new(out: W, with_baseline: bool, lang: Lang) -> XlsxWriter<W> {
        XlsxWriter {
            out,
            with_baseline,
            lang,
            rows: Worksheet::new(),
            next_row: 1,
            formats: Formats::new(),
            names: Vec::new(),
        }
    }

    fn write_row(&mut self, row: &AuditRow) -> Result<(), XlsxError> {
        let r = self.next_row;
        let names = column_names(Some(row), self.with_baseline);
        if self.names.is_empty() {
            self.names = names.clone();
        }
        for ((col, name), cell) in (0u16..).zip(&names).zip(cells(row, self.with_baseline)) {
            write_cell(&mut self.rows, r, col, name, &cell, &self.formats)?;
        }
        self.next_row += 1;
        Ok(())
    }

    fn workbook(&mut self, totals: &Totals) -> Result<Vec<u8>, XlsxError> {
        let lang = self.lang;
        let names = if self.names.is_empty() {
            column_names(None, self.with_baseline)
        } else {
            self.names.clone()
        };
        let mut rows = std::mem::replace(&mut self.rows, Worksheet::new());
        rows.set_name(lang.pick("Rà soát", "Audit"))?;
        write_header(&mut rows, 0, &names, &self.formats)?;
        for (col, name) in (0u16..).zip(&names) {
            rows.set_column_width(col, width(name))?;
        }
        let last_col = u16::try_from(names.len().saturating_sub(1)).unwrap_or(0);
        rows.autofilter(0, 0, self.next_row - 1, last_col)?;
        let mut book = Workbook::new();
        book.push_worksheet(rows);
        for sheet in totals_sheets(totals, lang, &self.formats)? {
            book.push_worksheet(sheet);
        }
        book.save_to_buffer()
    }
}

impl<W: Write> RowWriter for XlsxWriter<W> {
    fn row(&mut self, row: &AuditRow) -> io::Result<()> {
        self.write_row(row).map_err(io_error)
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        let bytes = self.workbook(totals).map_err(io_error)?;
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}

/// The header of a group table: (Vietnamese, English) per column.
const GROUP_HEADER: &[(&str, &str)] = &[
    ("Thủ tục", "Procedures"),
    ("Lỗi tải", "Load errors"),
    ("Lỗi", "Errors"),
    ("Cảnh báo", "Warnings"),
    ("Thông tin", "Infos"),
    ("Tổng chi phí/hồ sơ (đ)", "Cost per case, sum (đ)"),
    ("Chi phí/năm (đ)", "Cost per year (đ)"),
    ("Không có số lượng hồ sơ", "Without a volume"),
];

/// A sheet of named groups (catalog, sectors or authorities).
fn group_sheet<'a>(
    title: &str,
    first: &str,
    groups: impl IntoIterator<Item = (&'a str, &'a Group)>,
    lang: Lang,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(title)?;
    let mut header = vec![first];
    header.extend(GROUP_HEADER.iter().map(|(vi, en)| lang.pick(vi, en)));
    write_header(&mut ws, 0, &header, f)?;
    ws.set_column_width(0, 40)?;
    for col in 1..header.len() {
        ws.set_column_width(u16::try_from(col).unwrap_or(0), 14)?;
    }
    let mut r = 1;
    for (name, g) in groups {
        write_text(&mut ws, r, 0, name, f)?;
        let counts = [
            g.procedures,
            g.load_errors,
            g.findings.errors,
            g.findings.warnings,
            g.findings.infos,
        ];
        for (col, n) in (1u16..).zip(counts) {
            write_integer(&mut ws, r, col, i128::from(n), f)?;
        }
        write_money(&mut ws, r, 6, g.cost_per_case, f)?;
        write_money(&mut ws, r, 7, g.cost_per_year, f)?;
        write_integer(&mut ws, r, 8, i128::from(g.without_volume), f)?;
        r += 1;
    }
    let last = u16::try_from(header.len() - 1).unwrap_or(0);
    ws.autofilter(0, 0, r - 1, last)?;
    Ok(ws)
}

/// One sheet per totals table: the catalog, by sector, by authority,
/// findings by code, and (with a baseline) the comparison.
fn totals_sheets(t: &Totals, lang: Lang, f: &Formats) -> Result<Vec<Worksheet>, XlsxError> {
    let catalog = lang.pick("Danh mục", "Catalog");
    let undeclared = not_declared(lang);
    let mut out = vec![
        group_sheet(
            lang.pick("Tổng cộng", "Totals"),
            "",
            [(catalog, &t.catalog)],
            lang,
            f,
        )?,
        group_sheet(
            lang.pick("Theo lĩnh vực", "By sector"),
            lang.pick("Lĩnh vực", "Sector"),
            t.sectors().map(|(n, g)| (n.unwrap_or(&undeclared), g)),
            lang,
            f,
        )?,
        group_sheet(
            lang.pick("Theo cơ quan", "By authority"),
            lang.pick("Cơ quan", "Authority"),
            t.authorities().map(|(n, g)| (n.unwrap_or(&undeclared), g)),
            lang,
            f,
        )?,
    ];
    let mut codes = Worksheet::new();
    codes.set_name(lang.pick("Phát hiện theo mã", "Findings by code"))?;
    write_header(
        &mut codes,
        0,
        &[lang.pick("Mã", "Code"), lang.pick("Số lượng", "Count")],
        f,
    )?;
    let mut r = 1;
    for (code, n) in &t.findings_by_code {
        write_text(&mut codes, r, 0, code, f)?;
        write_integer(&mut codes, r, 1, i128::from(*n), f)?;
        r += 1;
    }
    codes.autofilter(0, 0, r - 1, 1)?;
    out.push(codes);
    if let Some(b) = &t.baseline {
        out.push(baseline_sheet(b, lang, f)?);
    }
    Ok(out)
}

/// The catalog against the baseline: one figure a line, then the removed
/// paths.
fn baseline_sheet(
    b: &crate::catalog::totals::CatalogComparison,
    lang: Lang,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    enum V {
        N(u128),
        M(Money),
        P(Option<Percent>),
        T(String),
    }
    let mut ws = Worksheet::new();
    ws.set_name(lang.pick("So với danh mục gốc", "Against the baseline"))?;
    write_header(
        &mut ws,
        0,
        &[
            lang.pick("Chỉ tiêu", "Figure"),
            lang.pick("Giá trị", "Value"),
        ],
        f,
    )?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 20)?;
    let lines = [
        (
            ("Thủ tục gốc", "Baseline procedures"),
            V::N(u128::from(b.baseline_procedures)),
        ),
        (("Thủ tục", "Procedures"), V::N(u128::from(b.procedures))),
        (
            ("Khớp theo mã", "Matched by code"),
            V::N(u128::from(b.matched_by_code)),
        ),
        (
            ("Khớp theo đường dẫn", "Matched by path"),
            V::N(u128::from(b.matched_by_path)),
        ),
        (("Mới", "Added"), V::N(u128::from(b.added))),
        (("Bỏ", "Removed"), V::N(b.removed.len() as u128)),
        (
            ("Chi phí/năm gốc (đ)", "Baseline cost per year (đ)"),
            V::M(b.baseline_cost_per_year),
        ),
        (
            ("Chi phí/năm (đ)", "Cost per year (đ)"),
            V::M(b.cost_per_year),
        ),
        (
            ("Giảm chi phí/năm", "Cost per year cut"),
            V::P(b.cost_per_year_reduction_percent),
        ),
        (
            (
                "Tổng chi phí/hồ sơ gốc (đ)",
                "Baseline cost per case, sum (đ)",
            ),
            V::M(b.baseline_cost_per_case),
        ),
        (
            ("Tổng chi phí/hồ sơ (đ)", "Cost per case, sum (đ)"),
            V::M(b.cost_per_case),
        ),
        (
            ("Giảm chi phí/hồ sơ", "Cost per case cut"),
            V::P(b.cost_per_case_reduction_percent),
        ),
        (
            ("Cặp so sánh thời gian", "Pairs with compared times"),
            V::N(u128::from(b.time_compared)),
        ),
        (
            ("Giảm thời gian xử lý", "Processing time cut"),
            V::P(b.processing_time_reduction_percent),
        ),
        (("Tóm tắt", "Headline"), V::T(b.headline(lang))),
    ];
    let mut r = 1;
    for ((vi, en), v) in lines {
        write_text(&mut ws, r, 0, lang.pick(vi, en), f)?;
        match v {
            V::N(n) => write_integer(&mut ws, r, 1, i128::try_from(n).unwrap_or(i128::MAX), f)?,
            V::M(m) => write_money(&mut ws, r, 1, m, f)?,
            V::P(Some(p)) => write_percent(&mut ws, r, 1, p, f)?,
            V::P(None) => {}
            V::T(t) => write_text(&mut ws, r, 1, &t, f)?,
        }
        r += 1;
    }
    if let Some(target) = &b.target {
        write_text(&mut ws, r, 0, lang.pick("Mục tiêu", "Target"), f)?;
        let met = if target.met {
            lang.pick("đạt", "met")
        } else {
            lang.pick("không đạt", "not met")
        };
        write_text(&mut ws, r, 1, &format!("{}: {met}", target.target), f)?;
        r += 1;
    }
    ws.autofilter(0, 0, r - 1, 1)?;
    r += 1;
    ws.write_string_with_format(
        r,
        0,
        lang.pick(
            "Bỏ (không còn trong danh mục)",
            "Removed (no longer in the catalog)",
        ),
        &f.header,
    )?;
    for path in &b.removed {
        r += 1;
        write_text(&mut ws, r, 0, path, f)?;
    }
    Ok(ws)
}
