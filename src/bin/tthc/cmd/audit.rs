//! `tthc audit DIR`: load, measure and review every procedure below DIR in
//! parallel, streaming one row per procedure, then the totals.

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::catalog::audit::{AuditOptions, AuditRow, RowStatus, audit_file};
use tthc::catalog::baseline::BaselineIndex;
use tthc::catalog::columns::RowRecord;
use tthc::catalog::run::{CHUNK, Drafts, Selection, for_each_row, select};
use tthc::catalog::table::{CsvWriter, MarkdownWriter, RowWriter, TableWriter, write_totals_csv};
use tthc::catalog::totals::Totals;
use tthc::compare::Target;
use tthc::config::{Config, ReviewOptions};
use tthc::cost_basis::CostBasis;
use tthc::{Lang, LoadOptions, Severity};

/// Output format of `audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal, then the totals.
    Table,
    /// One CSV line per procedure (totals: see --totals).
    Csv,
    /// One JSON document: {"rows": [...], "totals": {...}}.
    Json,
    /// One JSON object per line, then {"totals": {...}}.
    Jsonl,
    /// A Markdown table, then the totals.
    Md,
}

/// Arguments of `tthc audit`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory of procedure files (searched recursively), or one file.
    dir: PathBuf,
    /// A baseline catalog: report the reduction per procedure and overall.
    #[arg(long, value_name = "DIR")]
    baseline: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Also write the totals as CSV to FILE (with --format csv, the only
    /// place the totals go).
    #[arg(long, value_name = "FILE")]
    totals: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// Exit 1 when a finding at or above this severity is found
    /// (error, warn, info; `never` to report without failing).
    #[arg(long, default_value = "error", value_parser = parse_fail_on)]
    fail_on: FailOn,
    /// Compliance-cost basis overrides (YAML).
    #[arg(long, value_name = "FILE")]
    cost_basis: Option<PathBuf>,
    /// Review configuration (default: the nearest tthc.yaml above DIR).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Audit simplified drafts (*.draft.yaml) too; by default they are skipped.
    #[arg(long, conflicts_with = "prefer_drafts")]
    include_drafts: bool,
    /// Audit the proposed catalog: each draft replaces the procedure at
    /// the same path (x.draft.yaml instead of x.yaml).
    #[arg(long)]
    prefer_drafts: bool,
    /// With --baseline: a catalog-wide target (nq68-2020, nq66-2025,
    /// nq66-2026, or cost=25,time=30); exit 1 if it is missed.
    #[arg(long, requires = "baseline")]
    target: Option<Target>,
    /// Language of the table, Markdown and notes.
    #[arg(long, default_value = "en")]
    lang: Lang,
    /// Largest accepted file, in bytes.
    #[arg(long, default_value_t = LoadOptions::default().max_file_size)]
    max_file_size: u64,
}

/// The severity that makes the audit exit 1, or none.
#[derive(Clone, Copy, Debug)]
struct FailOn(Option<Severity>);

fn parse_fail_on(s: &str) -> Result<FailOn, String> {
    match s {
        "never" | "none" => Ok(FailOn(None)),
        other => other.parse().map(|s| FailOn(Some(s))),
    }
}

/// Input errors (exit 2) found before any row is written.
struct Fatal(String);

pub fn run(args: Args) -> ExitCode {
    match audit(&args) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn note(lang: Lang, vi: &str, en: &str) {
    eprintln!("{}: {}", lang.pick("ghi chú", "note"), lang.pick(vi, en));
}

fn options(args: &Args) -> Result<AuditOptions, Fatal> {
    let review = match args.config.clone().or_else(|| Config::discover(&args.dir)) {
        Some(path) => {
            Config::load(&path)
                .map_err(|e| Fatal(e.to_string()))?
                .review
        }
        None => ReviewOptions::default(),
    };
    let cost_basis = match &args.cost_basis {
        Some(path) => CostBasis::load_file(path)
            .1
            .map_err(|e| Fatal(e.to_string()))?,
        None => CostBasis::default(),
    };
    let root = if args.dir.is_file() {
        args.dir.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        args.dir.clone()
    };
    Ok(AuditOptions {
        load: LoadOptions {
            max_file_size: args.max_file_size,
            ..LoadOptions::default()
        },
        review,
        cost_basis,
        root,
        skip_review: false,
    })
}

fn audit(args: &Args) -> Result<ExitCode, Fatal> {
    let lang = args.lang;
    if !args.dir.exists() {
        return Err(Fatal(format!(
            "{}: no such file or directory",
            args.dir.display()
        )));
    }
    let options = options(args)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Fatal(e.to_string()))?;
    let drafts = if args.prefer_drafts {
        Drafts::Prefer
    } else if args.include_drafts {
        Drafts::Include
    } else {
        Drafts::Skip
    };
    let selection = select(&args.dir, drafts);
    let mut input_errors = report_unreadable(&selection);
    match drafts {
        Drafts::Skip if selection.skipped > 0 => note(
            lang,
            &format!(
                "bỏ qua {} dự thảo (*.draft.yaml); dùng --include-drafts để rà soát cả dự thảo",
                selection.skipped
            ),
            &format!(
                "skipped {} drafts (*.draft.yaml); --include-drafts audits them too",
                selection.skipped
            ),
        ),
        Drafts::Prefer if selection.skipped > 0 => note(
            lang,
            &format!(
                "{} thủ tục được thay bằng dự thảo của nó",
                selection.skipped
            ),
            &format!("{} procedures replaced by their drafts", selection.skipped),
        ),
        _ => {}
    }

    let audit_chunk = |chunk: &[PathBuf], o: &AuditOptions, bar: &Option<ProgressBar>| {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|f| {
                    let row = audit_file(f, o);
                    if let Some(b) = bar {
                        b.inc(1);
                    }
                    row
                })
                .collect::<Vec<AuditRow>>()
        })
    };

    let mut index = match &args.baseline {
        Some(dir) => {
            let base = baseline_options(&options, dir);
            let (index, errors) = build_baseline(dir, |c| audit_chunk(c, &base, &None))?;
            input_errors += errors;
            Some(index)
        }
        None => None,
    };

    let mut sink = Output::open(args.out.as_deref())?;
    let with_baseline = index.is_some();
    let mut writer: Box<dyn RowWriter + '_> = match args.format {
        Format::Table => Box::new(TableWriter::new(&mut sink.writer, with_baseline, lang)),
        Format::Csv => Box::new(CsvWriter::new(&mut sink.writer, with_baseline)),
        Format::Md => Box::new(MarkdownWriter::new(&mut sink.writer, with_baseline, lang)),
        Format::Json => Box::new(JsonWriter::new(&mut sink.writer, with_baseline, false)),
        Format::Jsonl => Box::new(JsonWriter::new(&mut sink.writer, with_baseline, true)),
    };
    let bar = progress_bar(selection.files.len() as u64);
    let mut totals = Totals {
        skipped_drafts: if drafts == Drafts::Skip {
            selection.skipped
        } else {
            0
        },
        ..Totals::default()
    };
    let mut failed = Vec::new();
    let result = for_each_row(
        &selection.files,
        CHUNK,
        |c| audit_chunk(c, &options, &bar),
        |mut row| {
            if let Some(index) = index.as_mut() {
                index.compare(&mut row);
            }
            if row.status == RowStatus::Error {
                failed.push(row.error.clone().unwrap_or_default());
            }
            totals.add(&row);
            writer.row(&row)
        },
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(index) = &index {
        totals.baseline = Some(index.summary(&totals.catalog, args.target));
    }
    let result = result.and_then(|()| writer.finish(&totals));
    drop(writer);
    let result = result.and_then(|()| sink.commit());
    if let Err(e) = result {
        return Err(Fatal(format!("cannot write the output: {e}")));
    }
    if let Some(path) = &args.totals {
        write_atomically(path, |w| write_totals_csv(w, &totals))?;
    }

    report_failures(&failed, lang);
    input_errors += failed.len();
    let mut target_missed = false;
    if let Some(b) = &totals.baseline {
        if b.matched_more_than_once > 0 {
            note(
                lang,
                &format!(
                    "{} thủ tục gốc được khớp nhiều lần (thủ tục và dự thảo của nó?); --prefer-drafts tính danh mục đề xuất",
                    b.matched_more_than_once
                ),
                &format!(
                    "{} baseline procedures matched more than once (a procedure and its draft?); --prefer-drafts audits the proposed catalog",
                    b.matched_more_than_once
                ),
            );
        }
        if matches!(args.format, Format::Csv | Format::Json | Format::Jsonl) || args.out.is_some() {
            eprintln!("{}", b.headline(lang));
        }
        if let Some(t) = &b.target {
            target_missed = !t.met;
            if target_missed {
                eprintln!(
                    "{}",
                    lang.pick(
                        &format!("mục tiêu {} không đạt trên toàn danh mục", t.target),
                        &format!("target {} not met for the catalog", t.target)
                    )
                );
            }
        }
    }
    Ok(if input_errors > 0 {
        ExitCode::from(2)
    } else if args
        .fail_on
        .0
        .is_some_and(|level| totals.catalog.findings.any_at_or_above(level))
        || target_missed
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn baseline_options(options: &AuditOptions, dir: &Path) -> AuditOptions {
    AuditOptions {
        root: if dir.is_file() {
            dir.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            dir.to_path_buf()
        },
        skip_review: true,
        ..options.clone()
    }
}

/// Loads the baseline catalog (drafts left out) into an index. Returns the
/// number of input errors (reported on stderr).
fn build_baseline(
    dir: &Path,
    audit_chunk: impl FnMut(&[PathBuf]) -> Vec<AuditRow>,
) -> Result<(BaselineIndex, usize), Fatal> {
    if !dir.exists() {
        return Err(Fatal(format!(
            "{}: no such file or directory",
            dir.display()
        )));
    }
    let selection = select(dir, Drafts::Skip);
    let mut errors = report_unreadable(&selection);
    let mut index = BaselineIndex::new();
    let mut failed = Vec::new();
    let _ = for_each_row(&selection.files, CHUNK, audit_chunk, |row| {
        if row.status == RowStatus::Error {
            failed.push(row.error.clone().unwrap_or_default());
        }
        index.push(&row);
        Ok::<(), ()>(())
    });
    errors += failed.len();
    for e in failed.iter().take(10) {
        eprintln!("error: baseline: {e}");
    }
    Ok((index, errors))
}

fn report_unreadable(selection: &Selection) -> usize {
    for (path, e) in &selection.errors {
        eprintln!("error: {}: {e}", path.display());
    }
    selection.errors.len()
}

fn report_failures(failed: &[String], lang: Lang) {
    const SHOWN: usize = 10;
    for e in failed.iter().take(SHOWN) {
        eprintln!("error: {e}");
    }
    if failed.len() > SHOWN {
        eprintln!(
            "{}",
            lang.pick(
                &format!(
                    "… và {} tệp lỗi khác (xem các dòng status=error)",
                    failed.len() - SHOWN
                ),
                &format!(
                    "… and {} more files that failed to load (see the status=error rows)",
                    failed.len() - SHOWN
                )
            )
        );
    }
}

fn progress_bar(len: u64) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files · {per_sec} · ETA {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// Where rows go: stdout, or a temporary file renamed over `--out` at the
/// end, so that readers never see a half-written report.
struct Output {
    writer: BufWriter<Box<dyn Write>>,
    target: Option<(PathBuf, PathBuf)>,
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}

impl Output {
    fn open(out: Option<&Path>) -> Result<Output, Fatal> {
        match out {
            None => Ok(Output {
                writer: BufWriter::new(Box::new(io::stdout().lock())),
                target: None,
            }),
            Some(path) => {
                let tmp = temp_path(path);
                let file =
                    File::create(&tmp).map_err(|e| Fatal(format!("{}: {e}", tmp.display())))?;
                Ok(Output {
                    writer: BufWriter::with_capacity(1 << 16, Box::new(file)),
                    target: Some((tmp, path.to_path_buf())),
                })
            }
        }
    }

    fn commit(mut self) -> io::Result<()> {
        let flushed = self.writer.flush();
        let target = self.target.take();
        drop(self);
        match target {
            None => flushed,
            Some((tmp, path)) => match flushed.and_then(|()| std::fs::rename(&tmp, &path)) {
                Ok(()) => Ok(()),
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    Err(e)
                }
            },
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // An output abandoned on error leaves no temporary file behind.
        if let Some((tmp, _)) = &self.target {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<Box<dyn Write>>) -> io::Result<()>,
) -> Result<(), Fatal> {
    let mut out = Output::open(Some(path))?;
    write(&mut out.writer)
        .and_then(|()| out.commit())
        .map_err(|e| Fatal(format!("{}: {e}", path.display())))
}

/// JSON (`{"rows":[…],"totals":{…}}`, rows written as they come) or JSON
/// Lines (one row per line, then `{"totals":{…}}`).
struct JsonWriter<W: Write> {
    out: W,
    with_baseline: bool,
    lines: bool,
    rows: u64,
}

impl<W: Write> JsonWriter<W> {
    fn new(out: W, with_baseline: bool, lines: bool) -> JsonWriter<W> {
        JsonWriter {
            out,
            with_baseline,
            lines,
            rows: 0,
        }
    }
}

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
        let record = RowRecord {
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
        if self.lines {
            serde_json::to_writer(&mut self.out, &serde_json::json!({ "totals": totals }))?;
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
