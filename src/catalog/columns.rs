//! The stable row schema: one list of named cells shared by the CSV, JSON
//! and JSON Lines writers, so their columns and fields cannot drift apart.

use crate::catalog::row::AuditRow;
use crate::metrics::Length;
use crate::metrics::Percent;
use crate::model::{Level, Money};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// Columns of every row, in order.
pub const COLUMNS: &[&str] = &[
    "path",
    "status",
    "error",
    "code",
    "name",
    "sector",
    "authority",
    "level",
    "steps",
    "documents",
    "processing_time",
    "processing_unit",
    "deadline",
    "cost_per_case",
    "cost_per_year",
    "errors",
    "warnings",
    "infos",
    "suppressed",
    "top_findings",
];

/// Columns added when the audit has a baseline.
pub const BASELINE_COLUMNS: &[&str] = &[
    "matched_by",
    "baseline_path",
    "baseline_cost_per_case",
    "baseline_cost_per_year",
    "baseline_processing_time",
    "baseline_processing_unit",
    "cost_per_year_reduction",
    "cost_per_year_reduction_percent",
    "cost_per_case_reduction_percent",
    "processing_time_reduction_percent",
];

/// One value of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Absent: empty in CSV, `null` in JSON.
    Null,
    /// Text.
    Text(String),
    /// A whole number (counts, đồng).
    Int(i128),
    /// An exact decimal (days, percentages), a string in JSON so that no
    /// reader rounds it.
    Decimal(String),
    /// Rule codes: space-separated in CSV, an array in JSON.
    List(Vec<String>),
}

impl Cell {
    fn text(v: Option<&str>) -> Cell {
        v.map_or(Cell::Null, |s| Cell::Text(s.to_string()))
    }

    fn money(v: Option<Money>) -> Cell {
        v.and_then(|m| i128::try_from(m.dong()).ok())
            .map_or(Cell::Null, Cell::Int)
    }

    fn count(v: u64) -> Cell {
        Cell::Int(i128::from(v))
    }

    fn percent(v: Option<Percent>) -> Cell {
        v.map_or(Cell::Null, |p| Cell::Decimal(p.to_string()))
    }

    /// The cell as plain text (empty for `Null`).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) | Cell::Decimal(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::List(l) => l.join(" "),
        }
    }

    /// The cell as a CSV field's text: [`Cell::to_text`], with texts that a
    /// spreadsheet would read as a formula neutralised by
    /// [`formula_safe`](crate::catalog::table::formula_safe). Numbers
    /// (`Int`, `Decimal`) are ours and stay numbers, `-5.00` included.
    ///
    /// ```
    /// use tthc::catalog::columns::Cell;
    /// assert_eq!(Cell::Text("=1+1".into()).to_csv_text(), "'=1+1");
    /// assert_eq!(Cell::Decimal("-5.00".into()).to_csv_text(), "-5.00");
    /// assert_eq!(Cell::Int(-5).to_csv_text(), "-5");
    /// ```
    pub fn to_csv_text(&self) -> String {
        match self {
            Cell::Text(_) | Cell::List(_) => {
                crate::catalog::table::formula_safe(&self.to_text()).into_owned()
            }
            _ => self.to_text(),
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_none(),
            Cell::Text(t) | Cell::Decimal(t) => s.serialize_str(t),
            Cell::Int(n) => s.serialize_i128(*n),
            Cell::List(l) => l.serialize(s),
        }
    }
}

/// `snake_case` name of a level, as written in procedure files.
pub fn level_str(level: Level) -> &'static str {
    match level {
        Level::Central => "central",
        Level::Province => "province",
        Level::Commune => "commune",
        Level::District => "district",
    }
}

/// A length as (decimal amount, unit): `("7.5", "working_days")`.
pub fn length_cells(length: Option<Length>) -> (Cell, Cell) {
    let text = |m: u64| Cell::Decimal(crate::model::format_milli(m, '.'));
    match length {
        None => (Cell::Null, Cell::Null),
        Some(Length::WorkingDays(m)) => (text(m), Cell::Text("working_days".into())),
        Some(Length::CalendarDays(m)) => (text(m), Cell::Text("calendar_days".into())),
        Some(Length::NeedsCalendar) => (Cell::Null, Cell::Text("needs_calendar".into())),
    }
}

/// The column names of `row`: [`COLUMNS`], [`BASELINE_COLUMNS`] when
/// `with_baseline`, then the key of each metric the audit was asked for
/// (every row of one audit has the same).
pub fn column_names(row: Option<&AuditRow>, with_baseline: bool) -> Vec<&'static str> {
    let extra: &[&str] = if with_baseline { BASELINE_COLUMNS } else { &[] };
    COLUMNS
        .iter()
        .chain(extra)
        .copied()
        .chain(
            row.into_iter()
                .flat_map(|r| r.metrics.iter().map(|(m, _)| m.key())),
        )
        .collect()
}

/// A metric's value as a cell: counts and đồng as integers, the rest as
/// exact decimals in their unit (`2.625` hours, `57.01` percent).
pub fn quantity_cell(q: Option<crate::metrics::Quantity>) -> Cell {
    use crate::metrics::Unit;
    match q {
        None => Cell::Null,
        Some(q) if matches!(q.unit(), Unit::Count | Unit::Dong) => Cell::Int(q.scaled()),
        Some(q) => Cell::Decimal(q.to_string()),
    }
}

/// The cells of `row`, in [`COLUMNS`] order, then [`BASELINE_COLUMNS`] when
/// `with_baseline`, then the requested metrics ([`column_names`]).
pub fn cells(row: &AuditRow, with_baseline: bool) -> Vec<Cell> {
    let (time, unit) = length_cells(row.processing_time);
    let mut out = vec![
        Cell::Text(row.path.clone()),
        Cell::Text(row.status.as_str().into()),
        Cell::text(row.error.as_deref()),
        Cell::text(row.code.as_deref()),
        Cell::text(row.name.as_deref()),
        Cell::text(row.sector.as_deref()),
        Cell::text(row.authority.as_deref()),
        Cell::text(row.level.map(level_str)),
        Cell::count(row.steps),
        Cell::count(row.documents),
        time,
        unit,
        row.deadline
            .map_or(Cell::Null, |d| Cell::Text(d.to_string())),
        Cell::money(row.cost_per_case),
        Cell::money(row.cost_per_year),
        Cell::count(row.findings.errors),
        Cell::count(row.findings.warnings),
        Cell::count(row.findings.infos),
        Cell::count(row.suppressed),
        Cell::List(row.top_findings().into_iter().map(String::from).collect()),
    ];
    if with_baseline {
        match &row.comparison {
            None => out.extend(std::iter::repeat_n(Cell::Null, BASELINE_COLUMNS.len())),
            Some(c) => {
                let (btime, bunit) = length_cells(c.baseline_processing_time);
                out.extend([
                    Cell::Text(c.matched_by.as_str().into()),
                    Cell::Text(c.baseline_path.clone()),
                    Cell::money(c.baseline_cost_per_case),
                    Cell::money(c.baseline_cost_per_year),
                    btime,
                    bunit,
                    c.cost_per_year_reduction.map_or(Cell::Null, Cell::Int),
                    Cell::percent(c.cost_per_year_reduction_percent),
                    Cell::percent(c.cost_per_case_reduction_percent),
                    Cell::percent(c.processing_time_reduction_percent),
                ]);
            }
        }
    }
    out.extend(row.metrics.iter().map(|(_, q)| quantity_cell(*q)));
    out
}

/// A row as a JSON object with the stable fields of [`COLUMNS`] (and
/// [`BASELINE_COLUMNS`] when the audit has a baseline).
///
/// ```
/// use tthc::catalog::audit::{AuditOptions, audit_bytes};
/// use tthc::catalog::columns::{COLUMNS, RowRecord};
/// let row = audit_bytes(b"bad", "b.yaml".into(), "b.yaml", &AuditOptions::default());
/// let record = RowRecord { row: &row, with_baseline: false };
/// assert_eq!(record.fields().len(), COLUMNS.len());
/// ```
pub struct RowRecord<'a> {
    /// The row.
    pub row: &'a AuditRow,
    /// Whether to add the baseline fields.
    pub with_baseline: bool,
}

impl RowRecord<'_> {
    /// (column, cell) pairs in order.
    pub fn fields(&self) -> Vec<(&'static str, Cell)> {
        column_names(Some(self.row), self.with_baseline)
            .into_iter()
            .zip(cells(self.row, self.with_baseline))
            .collect()
    }
}

impl Serialize for RowRecord<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let extra = usize::from(self.row.provenance.is_some());
        let mut map = s.serialize_map(Some(fields.len() + extra))?;
        for (k, v) in &fields {
            map.serialize_entry(k, v)?;
        }
        if let Some(p) = &self.row.provenance {
            map.serialize_entry("provenance", p)?;
        }
        map.end()
    }
}
