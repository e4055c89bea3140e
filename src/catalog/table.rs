//! Row writers of the audit: a terminal table, CSV, Markdown, and (feature
//! `json`) JSON and JSON Lines. Each writes one row at a time (nothing is
//! kept), then the totals. [`AuditFormat::writer`] is the one place that
//! maps a format to its writer.

use crate::catalog::columns::{Cell, cells, column_names, level_str};
use crate::catalog::row::{AuditRow, RowStatus};
use crate::catalog::totals::{Group, Totals, not_declared};
use crate::i18n::Lang;
use crate::metrics::{Length, Percent};
use crate::model::{Money, format_milli};
use crate::report::diagnostics::terminal_safe;
use crate::report::labels::Label;
use crate::report::text::{columns, markdown_escape};
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// An output format of the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuditFormat {
    /// Aligned columns for a terminal, then the totals.
    Table,
    /// One CSV line per procedure (totals: [`write_totals_csv`]).
    Csv,
    /// A Markdown table, then the totals.
    Markdown,
    /// One JSON document: `{"rows": [...], "totals": {...}}`.
    #[cfg(feature = "json")]
    Json,
    /// One JSON object per line, then `{"totals": {...}}`.
    #[cfg(feature = "json")]
    JsonLines,
    /// An XLSX workbook: typed rows, then one sheet per totals table.
    #[cfg(feature = "xlsx")]
    Xlsx,
}

impl AuditFormat {
    /// Whether rows are written with their provenance (the JSON formats).
    pub fn writes_provenance(self) -> bool {
        #[cfg(feature = "json")]
        if matches!(self, AuditFormat::Json | AuditFormat::JsonLines) {
            return true;
        }
        false
    }

    /// Every format with its name on the command line.
    pub const ALL: &'static [(&'static str, AuditFormat)] = &[
        ("table", AuditFormat::Table),
        ("csv", AuditFormat::Csv),
        ("md", AuditFormat::Markdown),
        #[cfg(feature = "json")]
        ("json", AuditFormat::Json),
        #[cfg(feature = "json")]
        ("jsonl", AuditFormat::JsonLines),
        #[cfg(feature = "xlsx")]
        ("xlsx", AuditFormat::Xlsx),
    ];

    /// Whether the format is for machines (notes then go to stderr).
    pub fn is_machine(self) -> bool {
        !matches!(self, AuditFormat::Table | AuditFormat::Markdown)
    }

    /// Whether the output is binary (never for a terminal).
    pub fn is_binary(self) -> bool {
        #[cfg(feature = "xlsx")]
        if self == AuditFormat::Xlsx {
            return true;
        }
        false
    }

    /// The writer of this format into `out`.
    pub fn writer<'w, W: Write + 'w>(
        self,
        out: W,
        options: WriterOptions,
    ) -> Box<dyn RowWriter + 'w> {
        let WriterOptions {
            with_baseline,
            lang,
            bom,
        } = options;
        match self {
            AuditFormat::Table => Box::new(TableWriter::new(out, with_baseline, lang)),
            AuditFormat::Csv => Box::new(CsvWriter::new(out, with_baseline).with_bom(bom)),
            AuditFormat::Markdown => Box::new(MarkdownWriter::new(out, with_baseline, lang)),
            #[cfg(feature = "json")]
            AuditFormat::Json => Box::new(JsonWriter::new(out, with_baseline, false)),
            #[cfg(feature = "json")]
            AuditFormat::JsonLines => Box::new(JsonWriter::new(out, with_baseline, true)),
            #[cfg(feature = "xlsx")]
            AuditFormat::Xlsx => Box::new(crate::catalog::xlsx::XlsxWriter::new(
                out,
                with_baseline,
                lang,
            )),
        }
    }
}

/// What every audit writer is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriterOptions {
    /// Whether the audit has a baseline (the baseline columns are added).
    pub with_baseline: bool,
    /// Language of the human-readable formats.
    pub lang: Lang,
    /// Whether CSV starts with the UTF-8 BOM.
    pub bom: bool,
}

impl Default for WriterOptions {
    fn default() -> WriterOptions {
        WriterOptions {
            with_baseline: false,
            lang: crate::analysis::DEFAULT_LANG,
            bom: true,
        }
    }
}

impl std::str::FromStr for AuditFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<AuditFormat, String> {
        let key = s.trim().to_ascii_lowercase();
        let key = if key == "markdown" {
            "md".to_string()
        } else {
            key
        };
        AuditFormat::ALL
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = AuditFormat::ALL.iter().map(|(n, _)| *n).collect();
                format!("unknown format '{s}': use {}", names.join(", "))
            })
    }
}

/// Something rows are streamed into.
pub trait RowWriter {
    /// Writes one row (the header first, on the first call).
    fn row(&mut self, row: &AuditRow) -> io::Result<()>;
    /// Writes what comes after the rows (the header if there were no rows,
    /// and the totals where the format has them) and flushes.
    fn finish(&mut self, totals: &Totals) -> io::Result<()>;
}

/// The UTF-8 byte order mark that CSV files start with by default, so that
/// Excel reads them as UTF-8 rather than the ANSI code page.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// Characters that make a spreadsheet read a cell as a formula when they
/// open it (OWASP, CSV injection): `=`, `+`, `-`, `@`, tab, carriage return.
pub const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Neutralises a text cell that a spreadsheet would turn into a formula:
/// a leading apostrophe, which Excel and LibreOffice show as text and do not
/// evaluate. Only for texts (from files); numbers are written as numbers.
///
/// ```
/// use tthc::catalog::table::formula_safe;
/// assert_eq!(formula_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(formula_safe("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(formula_safe("Cấp giấy phép"), "Cấp giấy phép");
/// ```
pub fn formula_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
pub fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

fn csv_line<W: Write>(out: &mut W, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    let mut first = true;
    for f in fields {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(csv_field(&f).as_bytes())?;
    }
    out.write_all(b"\n")
}

/// CSV: a UTF-8 BOM (unless [`CsvWriter::with_bom`] says no), a header of
/// [`COLUMNS`] (and [`BASELINE_COLUMNS`] with a baseline), one line per row;
/// no totals (see [`write_totals_csv`]). Text cells that a spreadsheet would
/// evaluate are neutralised ([`formula_safe`]).
pub struct CsvWriter<W: Write> {
    out: W,
    with_baseline: bool,
    bom: bool,
    started: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A CSV writer into `out`, with a BOM.
    pub fn new(out: W, with_baseline: bool) -> CsvWriter<W> {
        CsvWriter {
            out,
            with_baseline,
            bom: true,
            started: false,
        }
    }

    /// Whether to start with the UTF-8 BOM (default: yes).
    pub fn with_bom(mut self, bom: bool) -> CsvWriter<W> {
        self.bom = bom;
        self
    }

    fn header(&mut self, first: Option<&AuditRow>) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if self.bom {
                self.out.write_all(BOM)?;
            }
            csv_line(
                &mut self.out,
                column_names(first, self.with_baseline)
                    .into_iter()
                    .map(String::from),
            )?;
        }
        Ok(())
    }
}

impl<W: Write> RowWriter for CsvWriter<W> {
    fn row(&mut self, row: &AuditRow) -> io::Result<()> {
        self.header(Some(row))?;
        csv_line(
            &mut self.out,
            cells(row, self.with_baseline).iter().map(Cell::to_csv_text),
        )
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        self.header(None)?;
        self.out.flush()
    }
}

/// The totals as CSV: `kind,name,procedures,load_errors,errors,warnings,infos,cost_per_case,cost_per_year,without_volume,count`
/// with one line for the catalog, each sector, each authority, and each
/// finding code (`count` only); after a UTF-8 BOM when `bom`. Names that a
/// spreadsheet would evaluate are neutralised ([`formula_safe`]).
pub fn write_totals_csv<W: Write>(out: &mut W, totals: &Totals, bom: bool) -> io::Result<()> {
    if bom {
        out.write_all(BOM)?;
    }
    csv_line(
        out,
        [
            "kind",
            "name",
            "procedures",
            "load_errors",
            "errors",
            "warnings",
            "infos",
            "cost_per_case",
            "cost_per_year",
            "without_volume",
            "count",
        ]
        .map(String::from),
    )?;
    let group = |kind: &str, name: &str, g: &Group| {
        vec![
            kind.to_string(),
            formula_safe(name).into_owned(),
            g.procedures.to_string(),
            g.load_errors.to_string(),
            g.findings.errors.to_string(),
            g.findings.warnings.to_string(),
            g.findings.infos.to_string(),
            g.cost_per_case.dong().to_string(),
            g.cost_per_year.dong().to_string(),
            g.without_volume.to_string(),
            String::new(),
        ]
    };
    csv_line(out, group("catalog", "", &totals.catalog))?;
    // A group without a name is the procedures that declare none.
    for (name, g) in totals.sectors() {
        csv_line(out, group("sector", name.unwrap_or(""), g))?;
    }
    for (name, g) in totals.authorities() {
        csv_line(out, group("authority", name.unwrap_or(""), g))?;
    }
    for (code, n) in &totals.findings_by_code {
        let mut line = vec![String::new(); 11];
        line[0] = "finding".into();
        line[1] = formula_safe(code).into_owned();
        line[10] = n.to_string();
        csv_line(out, line)?;
    }
    out.flush()
}

fn money(m: Option<Money>, lang: Lang) -> String {
    match (m, lang) {
        (None, _) => not_declared_figure(lang),
        (Some(m), Lang::Vi) => m.grouped(),
        (Some(m), Lang::En) => m.grouped_en(),
    }
}

fn percent(p: Option<Percent>, lang: Lang) -> String {
    p.map_or_else(|| "—".into(), |p| crate::report::text::percent(p, lang))
}

fn deadline(d: crate::model::Duration, lang: Lang) -> String {
    if d.is_same_day() {
        Label::SameDay.get(lang).into()
    } else if lang == Lang::En {
        d.to_string()
    } else if d.whole_months().is_some() {
        crate::report::text::duration(d, lang)
    } else {
        Length::of(d).text(lang)
    }
}

/// The label of a figure a file does not declare (a cost per year without
/// `volume:`): unknown, never zero.
fn not_declared_figure(lang: Lang) -> String {
    Label::NotDeclared.get(lang).into()
}

/// A critical path of no time: the procedure is done the same day.
fn same_day(l: Option<Length>) -> bool {
    matches!(l, Some(Length::WorkingDays(0) | Length::CalendarDays(0)))
}

fn length(l: Option<Length>, lang: Lang) -> String {
    if same_day(l) {
        return Label::SameDay.get(lang).into();
    }
    l.map_or_else(|| "—".into(), |l| l.text(lang))
}

fn short_length(l: Option<Length>, lang: Lang) -> String {
    let mark = lang.pick(",", ".").chars().next().unwrap_or('.');
    match l {
        None => "—".into(),
        _ if same_day(l) => Label::SameDay.get(lang).into(),
        Some(Length::WorkingDays(m)) => {
            format!("{} {}", format_milli(m, mark), lang.pick("nlv", "wd"))
        }
        Some(Length::CalendarDays(m)) => {
            format!("{} {}", format_milli(m, mark), lang.pick("ng", "d"))
        }
        Some(Length::NeedsCalendar) => lang.pick("cần lịch", "calendar").into(),
    }
}

/// Which human-readable columns a row shows: (Vietnamese, English) header,
/// table width (0 = last column, unbounded), right-aligned.
struct Shown {
    vi: &'static str,
    en: &'static str,
    width: usize,
    right: bool,
}

const fn col(vi: &'static str, en: &'static str, width: usize, right: bool) -> Shown {
    Shown {
        vi,
        en,
        width,
        right,
    }
}

const MD_COLUMNS: &[Shown] = &[
    col("Tệp", "Path", 0, false),
    col("Mã", "Code", 0, false),
    col("Tên", "Name", 0, false),
    col("Lĩnh vực", "Sector", 0, false),
    col("Cơ quan", "Authority", 0, false),
    col("Cấp", "Level", 0, false),
    col("Bước", "Steps", 0, true),
    col("Giấy tờ", "Documents", 0, true),
    col(
        "Thời gian xử lý (đường găng)",
        "Processing time (critical path)",
        0,
        false,
    ),
    col("Thời hạn công bố", "Declared deadline", 0, false),
    col("Chi phí/hồ sơ (đ)", "Cost per case (đ)", 0, true),
    col("Chi phí/năm (đ)", "Cost per year (đ)", 0, true),
    col("Lỗi", "Errors", 0, true),
    col("Cảnh báo", "Warnings", 0, true),
    col("Thông tin", "Infos", 0, true),
    col("Phát hiện chính", "Top findings", 0, false),
];

const MD_BASELINE: &[Shown] = &[
    col("Khớp theo", "Matched by", 0, false),
    col(
        "Chi phí/hồ sơ gốc (đ)",
        "Baseline cost per case (đ)",
        0,
        true,
    ),
    col("Giảm chi phí/hồ sơ", "Cost per case cut", 0, true),
    col("Chi phí/năm gốc (đ)", "Baseline cost per year (đ)", 0, true),
    col("Giảm chi phí/năm", "Cost per year cut", 0, true),
    col("Giảm thời gian", "Time cut", 0, true),
];

fn md_cells(row: &AuditRow, with_baseline: bool, lang: Lang) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let mut out = if row.status == RowStatus::Error {
        let mut v = vec![String::new(); MD_COLUMNS.len()];
        v[0] = row.path.clone();
        v[2] = format!("{}: {}", lang.pick("lỗi", "error"), opt(&row.error));
        v
    } else {
        vec![
            row.path.clone(),
            opt(&row.code),
            opt(&row.name),
            opt(&row.sector),
            opt(&row.authority),
            row.level.map(level_str).unwrap_or_default().to_string(),
            row.steps.to_string(),
            row.documents.to_string(),
            length(row.processing_time, lang),
            row.deadline.map(|d| deadline(d, lang)).unwrap_or_default(),
            money(row.cost_per_case, lang),
            money(row.cost_per_year, lang),
            row.findings.errors.to_string(),
            row.findings.warnings.to_string(),
            row.findings.infos.to_string(),
            row.top_findings().join(" "),
        ]
    };
    if with_baseline {
        match &row.comparison {
            None => {
                out.push(lang.pick("mới", "added").into());
                out.extend(std::iter::repeat_n(String::new(), MD_BASELINE.len() - 1));
            }
            Some(c) => out.extend([
                c.matched_by.as_str().to_string(),
                money(c.baseline_cost_per_case, lang),
                percent(c.cost_per_case_reduction_percent, lang),
                money(c.baseline_cost_per_year, lang),
                percent(c.cost_per_year_reduction_percent, lang),
                percent(c.processing_time_reduction_percent, lang),
            ]),
        }
    }
    out
}

fn md_line<W: Write>(out: &mut W, cells: &[String]) -> io::Result<()> {
    let escaped: Vec<String> = cells.iter().map(|c| markdown_escape(c)).collect();
    writeln!(out, "| {} |", escaped.join(" | "))
}

fn md_header<W: Write>(out: &mut W, columns: &[&Shown], lang: Lang) -> io::Result<()> {
    let names: Vec<String> = columns
        .iter()
        .map(|c| lang.pick(c.vi, c.en).to_string())
        .collect();
    md_line(out, &names)?;
    let rule: Vec<&str> = columns
        .iter()
        .map(|c| if c.right { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))
}

fn shown(with_baseline: bool) -> Vec<&'static Shown> {
    let extra: &[Shown] = if with_baseline { MD_BASELINE } else { &[] };
    MD_COLUMNS.iter().chain(extra).collect()
}

/// Markdown: a table of rows, then the totals as sections and tables.
pub struct MarkdownWriter<W: Write> {
    out: W,
    with_baseline: bool,
    lang: Lang,
    started: bool,
}

impl<W: Write> MarkdownWriter<W> {
    /// A Markdown writer into `out`.
    pub fn new(out: W, with_baseline: bool, lang: Lang) -> MarkdownWriter<W> {
        MarkdownWriter {
            out,
            with_baseline,
            lang,
            started: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(
                self.out,
                "# {}\n",
                self.lang.pick("Rà soát danh mục thủ tục", "Catalog audit")
            )?;
            md_header(&mut self.out, &shown(self.with_baseline), self.lang)?;
        }
        Ok(())
    }
}

impl<W: Write> RowWriter for MarkdownWriter<W> {
    fn row(&mut self, row: &AuditRow) -> io::Result<()> {
        self.header()?;
        md_line(&mut self.out, &md_cells(row, self.with_baseline, self.lang))
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        self.header()?;
        for t in totals_tables(totals, self.lang) {
            writeln!(self.out, "\n## {}\n", t.title)?;
            for line in &t.lines {
                writeln!(self.out, "{line}\n")?;
            }
            if !t.rows.is_empty() {
                md_line(&mut self.out, &t.header)?;
                let rule: Vec<&str> = (0..t.header.len())
                    .map(|i| if i > 0 { "---:" } else { "---" })
                    .collect();
                writeln!(self.out, "|{}|", rule.join("|"))?;
                for r in &t.rows {
                    md_line(&mut self.out, r)?;
                }
            }
        }
        self.out.flush()
    }
}

/// A titled block of the totals: free lines, then a table.
struct TotalsTable {
    title: String,
    lines: Vec<String>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn group_row(name: &str, g: &Group, lang: Lang) -> Vec<String> {
    vec![
        name.to_string(),
        g.procedures.to_string(),
        g.load_errors.to_string(),
        g.findings.errors.to_string(),
        g.findings.warnings.to_string(),
        g.findings.infos.to_string(),
        money(Some(g.cost_per_case), lang),
        money(group_per_year(g), lang),
    ]
}

/// A group's cost per year: unknown when none of its procedures declares a
/// volume (a sum over none is not zero đồng).
fn group_per_year(g: &Group) -> Option<Money> {
    (g.procedures == 0 || g.without_volume < g.procedures).then_some(g.cost_per_year)
}

fn totals_tables(t: &Totals, lang: Lang) -> Vec<TotalsTable> {
    let group_header = |first: &str| {
        vec![
            first.to_string(),
            lang.pick("Thủ tục", "Procedures").into(),
            lang.pick("Lỗi tải", "Load errors").into(),
            lang.pick("Lỗi", "Errors").into(),
            lang.pick("Cảnh báo", "Warnings").into(),
            lang.pick("Thông tin", "Infos").into(),
            lang.pick("Tổng chi phí/hồ sơ (đ)", "Cost per case, sum (đ)")
                .into(),
            lang.pick("Chi phí/năm (đ)", "Cost per year (đ)").into(),
        ]
    };
    let c = &t.catalog;
    let mut lines = vec![format!(
        "{}: {} · {}: {} · {}: {} / {} / {}",
        lang.pick("Thủ tục", "Procedures"),
        c.procedures,
        lang.pick("lỗi tải", "load errors"),
        c.load_errors,
        lang.pick("lỗi / cảnh báo / thông tin", "errors / warnings / infos"),
        c.findings.errors,
        c.findings.warnings,
        c.findings.infos,
    )];
    let per_year = match group_per_year(c) {
        Some(m) => format!("{} đ", money(Some(m), lang)),
        None => not_declared_figure(lang),
    };
    lines.push(format!(
        "{}: {per_year} · {}: {} đ ({} {})",
        lang.pick("Chi phí tuân thủ mỗi năm", "Annual compliance cost"),
        lang.pick("tổng chi phí mỗi hồ sơ", "cost per case, sum"),
        money(Some(c.cost_per_case), lang),
        c.without_volume,
        lang.pick(
            "thủ tục không có số lượng hồ sơ",
            "procedures without a volume"
        ),
    ));
    if t.skipped_drafts > 0 {
        lines.push(format!(
            "{} {}",
            t.skipped_drafts,
            lang.pick(
                "dự thảo (*.draft.yaml) không được rà soát",
                "drafts (*.draft.yaml) not audited"
            ),
        ));
    }
    let undeclared = not_declared(lang);
    let mut out = vec![TotalsTable {
        title: lang.pick("Tổng cộng", "Totals").into(),
        lines,
        header: group_header(lang.pick("", "")),
        rows: vec![group_row(lang.pick("Danh mục", "Catalog"), c, lang)],
    }];
    out.push(TotalsTable {
        title: lang.pick("Theo lĩnh vực", "By sector").into(),
        lines: vec![],
        header: group_header(lang.pick("Lĩnh vực", "Sector")),
        rows: t
            .sectors()
            .map(|(n, g)| group_row(n.unwrap_or(&undeclared), g, lang))
            .collect(),
    });
    out.push(TotalsTable {
        title: lang.pick("Theo cơ quan", "By authority").into(),
        lines: vec![],
        header: group_header(lang.pick("Cơ quan", "Authority")),
        rows: t
            .authorities()
            .map(|(n, g)| group_row(n.unwrap_or(&undeclared), g, lang))
            .collect(),
    });
    out.push(TotalsTable {
        title: lang.pick("Phát hiện theo mã", "Findings by code").into(),
        lines: vec![],
        header: vec![
            lang.pick("Mã", "Code").into(),
            lang.pick("Số lượng", "Count").into(),
        ],
        rows: t
            .findings_by_code
            .iter()
            .map(|(code, n)| vec![code.clone(), n.to_string()])
            .collect(),
    });
    if let Some(b) = &t.baseline {
        let mut lines = vec![b.headline(lang)];
        lines.push(format!(
            "{}: {} {} · {} {} · {}: {} · {}: {}",
            lang.pick("Khớp", "Matched"),
            b.matched_by_code,
            lang.pick("theo mã", "by code"),
            b.matched_by_path,
            lang.pick("theo đường dẫn", "by path"),
            lang.pick("mới", "added"),
            b.added,
            lang.pick("bỏ", "removed"),
            b.removed.len(),
        ));
        lines.push(format!(
            "{}: {} ({} {})",
            lang.pick("Giảm thời gian xử lý", "Processing time cut"),
            percent(b.processing_time_reduction_percent, lang),
            b.time_compared,
            lang.pick("cặp tính bằng ngày làm việc", "pairs in working days"),
        ));
        if let Some(target) = &b.target {
            let parts: Vec<String> = target
                .components
                .iter()
                .map(|c| {
                    format!(
                        "{} {} ≥ {}: {}",
                        c.component,
                        percent(c.achieved_percent, lang),
                        percent(Some(c.required_percent), lang),
                        met(c.met, lang)
                    )
                })
                .collect();
            lines.push(format!(
                "{} {}: {} ({})",
                lang.pick("Mục tiêu", "Target"),
                target.target,
                met(target.met, lang),
                parts.join("; ")
            ));
        }
        out.push(TotalsTable {
            title: lang
                .pick("So với danh mục gốc", "Against the baseline")
                .into(),
            lines,
            header: vec![
                lang.pick(
                    "Bỏ (không còn trong danh mục)",
                    "Removed (no longer in the catalog)",
                )
                .into(),
            ],
            rows: b.removed.iter().map(|p| vec![p.clone()]).collect(),
        });
    }
    out
}

fn met(ok: bool, lang: Lang) -> &'static str {
    if ok {
        lang.pick("đạt", "met")
    } else {
        lang.pick("không đạt", "not met")
    }
}

/// `text` cut or padded to `width` terminal columns (display width: a
/// decomposed diacritic takes none, a wide character two), control
/// characters shown as pictures (a file's text never drives the terminal).
fn fit(text: &str, width: usize, right: bool) -> String {
    let text = terminal_safe(text);
    let text: String = if columns(&text) > width && width > 0 {
        let mut used = 0;
        let mut cut = String::with_capacity(text.len());
        for c in text.chars() {
            let w = UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width - 1 {
                break;
            }
            used += w;
            cut.push(c);
        }
        cut.push('…');
        cut
    } else {
        text.into_owned()
    };
    let pad = width.saturating_sub(columns(&text));
    if right {
        format!("{}{text}", " ".repeat(pad))
    } else {
        format!("{text}{}", " ".repeat(pad))
    }
}

/// The widest a totals table's name column (sector, authority) is shown,
/// like the file column of the rows: a national record's 210-character
/// authority would widen every row.
const NAME_WIDTH: usize = 44;

const TABLE_COLUMNS: &[Shown] = &[
    col("Tệp", "Path", 44, false),
    col("Mã", "Code", 22, false),
    col("Bước", "Steps", 5, true),
    col("GT", "Docs", 4, true),
    col("Thời gian (đường găng)", "Time (critical path)", 22, true),
    col("Chi phí/hồ sơ", "Cost/case", 13, true),
    col("Chi phí/năm", "Cost/year", 17, true),
    col("Lỗi", "E", 3, true),
    col("CB", "W", 3, true),
    col("TT", "I", 3, true),
    col("Phát hiện", "Top findings", 0, false),
];

const TABLE_BASELINE: &[Shown] = &[
    col("Giảm CP/hs", "Cut/case", 10, true),
    col("Giảm CP/năm", "Cut/year", 11, true),
    col("Giảm TG", "Time cut", 9, true),
];

/// A terminal table: fixed column widths (long texts are cut with `…`), so
/// that rows can be written as they come; totals as aligned tables after.
pub struct TableWriter<W: Write> {
    out: W,
    with_baseline: bool,
    lang: Lang,
    started: bool,
}

impl<W: Write> TableWriter<W> {
    /// A table writer into `out`.
    pub fn new(out: W, with_baseline: bool, lang: Lang) -> TableWriter<W> {
        TableWriter {
            out,
            with_baseline,
            lang,
            started: false,
        }
    }

    fn columns(&self) -> Vec<&'static Shown> {
        // The free-width column goes last.
        let (last, fixed) = TABLE_COLUMNS
            .split_last()
            .map_or((None, &[][..]), |(l, f)| (Some(l), f));
        let extra: &[Shown] = if self.with_baseline {
            TABLE_BASELINE
        } else {
            &[]
        };
        fixed.iter().chain(extra).chain(last).collect()
    }

    fn line(&mut self, cells: &[String]) -> io::Result<()> {
        let columns = self.columns();
        let parts: Vec<String> = columns
            .iter()
            .zip(cells)
            .map(|(c, text)| fit(text, c.width, c.right))
            .collect();
        writeln!(self.out, "{}", parts.join("  ").trim_end())
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            let names: Vec<String> = self
                .columns()
                .iter()
                .map(|c| self.lang.pick(c.vi, c.en).to_string())
                .collect();
            self.line(&names)?;
        }
        Ok(())
    }
}

impl<W: Write> RowWriter for TableWriter<W> {
    fn row(&mut self, row: &AuditRow) -> io::Result<()> {
        self.header()?;
        let lang = self.lang;
        if row.status == RowStatus::Error {
            let path = fit(&row.path, 44, false);
            return writeln!(
                self.out,
                "{path}  {}: {}",
                lang.pick("lỗi", "error"),
                terminal_safe(row.error.as_deref().unwrap_or(""))
            );
        }
        let mut cells = vec![
            row.path.clone(),
            row.code.clone().unwrap_or_default(),
            row.steps.to_string(),
            row.documents.to_string(),
            short_length(row.processing_time, lang),
            money(row.cost_per_case, lang),
            money(row.cost_per_year, lang),
            row.findings.errors.to_string(),
            row.findings.warnings.to_string(),
            row.findings.infos.to_string(),
        ];
        if self.with_baseline {
            match &row.comparison {
                Some(c) => cells.extend([
                    percent(c.cost_per_case_reduction_percent, lang),
                    percent(c.cost_per_year_reduction_percent, lang),
                    percent(c.processing_time_reduction_percent, lang),
                ]),
                None => cells.extend([
                    lang.pick("mới", "added").to_string(),
                    String::new(),
                    String::new(),
                ]),
            }
        }
        cells.push(row.top_findings().join(" "));
        self.line(&cells)
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        self.header()?;
        for t in totals_tables(totals, self.lang) {
            writeln!(self.out, "\n{}", t.title)?;
            for line in &t.lines {
                writeln!(self.out, "  {line}")?;
            }
            if t.rows.is_empty() {
                continue;
            }
            let mut widths: Vec<usize> = t.header.iter().map(|h| columns(h)).collect();
            for r in &t.rows {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(columns(&terminal_safe(c)));
                }
            }
            // A name column beside figures is capped; a list alone (the
            // removed paths) is shown whole.
            if let [first, _, ..] = widths.as_mut_slice() {
                *first = (*first).min(NAME_WIDTH);
            }
            for r in std::iter::once(&t.header).chain(&t.rows) {
                let parts: Vec<String> = r
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (c, w))| fit(c, *w, i > 0))
                    .collect();
                writeln!(self.out, "  {}", parts.join("  ").trim_end())?;
            }
        }
        self.out.flush()
    }
}

/// JSON (`{"rows":[…],"totals":{…}}`, rows written as they come) or JSON
/// Lines (one row per line, then `{"totals":{…}}`).
#[cfg(feature = "json")]
pub struct JsonWriter<W: Write> {
    out: W,
    with_baseline: bool,
    lines: bool,
    rows: u64,
}

#[cfg(feature = "json")]
impl<W: Write> JsonWriter<W> {
    /// A JSON (or, with `lines`, JSON Lines) writer into `out`.
    pub fn new(out: W, with_baseline: bool, lines: bool) -> JsonWriter<W> {
        JsonWriter {
            out,
            with_baseline,
            lines,
            rows: 0,
        }
    }
}

#[cfg(feature = "json")]
impl<W: Write> RowWriter for JsonWriter<W> {
    fn row(&mut self, row: &AuditRow) -> io::Result<()> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 {
                b"{\"rows\":[\n"
            } else {
                b",\n"
            })?;
        }
        self.rows += 1;
        let record = crate::catalog::columns::RowRecord {
            row,
            with_baseline: self.with_baseline,
        };
        serde_json::to_writer(&mut self.out, &record)?;
        if self.lines {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        #[derive(serde::Serialize)]
        struct Wrapped<'a> {
            totals: &'a Totals,
        }
        if self.lines {
            serde_json::to_writer(&mut self.out, &Wrapped { totals })?;
        } else {
            self.out.write_all(if self.rows == 0 {
                b"{\"rows\":["
            } else {
                b"\n"
            })?;
            self.out.write_all(b"],\n\"totals\":")?;
            serde_json::to_writer(&mut self.out, totals)?;
            self.out.write_all(b"}")?;
        }
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("abc"), "abc");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn fit_cuts_and_pads_by_display_width() {
        assert_eq!(fit("Đăng ký", 10, false), "Đăng ký   ");
        assert_eq!(fit("Đăng ký khai sinh", 8, false), "Đăng ký…");
        assert_eq!(fit("12", 4, true), "  12");
        // Decomposed (NFD) Vietnamese: each diacritic is a character of
        // its own but takes no column.
        let nfd = "Đa\u{306}ng ky\u{301} khai sinh";
        assert_eq!(fit(nfd, 10, false), "Đa\u{306}ng ky\u{301} k…");
        assert_eq!(
            fit("Đa\u{306}ng ky\u{301}", 8, false),
            "Đa\u{306}ng ky\u{301} "
        );
        // Wide characters take two columns.
        assert_eq!(fit("登记出生", 5, false), "登记…");
        assert_eq!(fit("登记", 6, true), "  登记");
    }

    #[test]
    fn empty_audit_still_writes_a_header() {
        let mut out = Vec::new();
        CsvWriter::new(&mut out, true)
            .finish(&Totals::default())
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 1);
        assert_eq!(
            text.trim_end().split(',').count(),
            crate::catalog::columns::COLUMNS.len()
                + crate::catalog::columns::BASELINE_COLUMNS.len()
        );
    }
}
