//! `tthc audit DIR`: load, measure and review every procedure below DIR in
//! parallel, streaming one row per procedure, then the totals.

use crate::output::{OutputFile, SettingsArgs, print_error, print_note};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::Lang;
use tthc::analysis::Target;
use tthc::catalog::audit::{AuditOptions, audit_catalog_file};
use tthc::catalog::baseline::BaselineIndex;
use tthc::catalog::row::{AuditRow, RowStatus};
use tthc::catalog::run::{Drafts, Selection, for_each_row, select};
use tthc::catalog::table::{AuditFormat, WriterOptions, write_totals_csv};
use tthc::catalog::totals::Totals;
use tthc::report::check::FailOn;

/// Arguments of `tthc audit`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory of procedure files (searched recursively), or one file.
    dir: PathBuf,
    /// A baseline catalog: report the reduction per procedure and overall.
    #[arg(long, value_name = "DIR")]
    baseline: Option<PathBuf>,
    /// Output format: table, csv, md, json, jsonl, xlsx (xlsx needs --out
    /// or a redirected stdout).
    #[arg(long, default_value = "table")]
    format: AuditFormat,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Also write the totals as CSV to FILE (with --format csv, the only
    /// place the totals go).
    #[arg(long, value_name = "FILE")]
    totals: Option<PathBuf>,
    /// Leave out the UTF-8 byte order mark that CSV output (rows and
    /// --totals) starts with by default (Excel needs it to read UTF-8).
    #[arg(long)]
    no_bom: bool,
    /// Add a column with this metric of every procedure, named by its key
    /// (e.g. structure.trips, compliance_cost.hours,
    /// administration_cost.per_case); repeatable. `tthc audit --metric list`
    /// is refused with the list of keys.
    #[arg(long = "metric", value_name = "KEY", value_parser = metric_key)]
    metrics: Vec<tthc::Metric>,
    /// Worker threads (default: one per core).
    #[arg(long, short, value_name = "N", value_parser = crate::output::jobs)]
    jobs: Option<usize>,
    /// Exit 1 when a finding at or above this severity is found
    /// (error, warn, info; `never` to report without failing).
    #[arg(long, default_value = "error")]
    fail_on: FailOn,
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
    #[command(flatten)]
    settings: SettingsArgs,
}

/// Input errors (exit 2) found before any row is written, in both languages.
struct Fatal {
    vi: String,
    en: String,
}

impl Fatal {
    fn new(vi: String, en: String) -> Fatal {
        Fatal { vi, en }
    }

    fn no_procedures(dir: &Path) -> Fatal {
        let d = dir.display();
        Fatal::new(
            format!("{d}: không tìm thấy tệp thủ tục nào (*.yaml)"),
            format!("{d}: no procedure files (*.yaml) found"),
        )
    }

    fn missing(path: &Path) -> Fatal {
        let p = path.display();
        Fatal::new(
            format!("{p}: không có tệp hay thư mục này"),
            format!("{p}: no such file or directory"),
        )
    }
}

pub fn run(args: Args) -> ExitCode {
    if !args.dir.exists() {
        let f = Fatal::missing(&args.dir);
        print_error(args.settings.lang_hint(), &f.vi, &f.en);
        return ExitCode::from(2);
    }
    // One configuration for the whole audit: --config, or the nearest
    // tthc.yaml above the audited directory.
    let settings = match args.settings.resolver().for_dir(&audit_root(&args.dir)) {
        Ok(s) => s,
        Err(errors) => {
            crate::output::print_errors(&errors, args.settings.lang_hint());
            return ExitCode::from(2);
        }
    };
    let lang = settings.lang;
    let options = AuditOptions {
        settings,
        root: audit_root(&args.dir),
        metrics: args.metrics.clone(),
        provenance: args.format.writes_provenance(),
    };
    match audit(&args, &options, lang) {
        Ok(code) => code,
        Err(f) => {
            print_error(lang, &f.vi, &f.en);
            ExitCode::from(2)
        }
    }
}

/// The folder row paths are relative to: the directory, or a file's folder.
fn audit_root(dir: &Path) -> PathBuf {
    if dir.is_file() {
        dir.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        dir.to_path_buf()
    }
}

fn note(lang: Lang, vi: &str, en: &str) {
    print_note(lang, vi, en);
}

fn audit(args: &Args, options: &AuditOptions, lang: Lang) -> Result<ExitCode, Fatal> {
    if args.format.is_binary() && args.out.is_none() && io::stdout().is_terminal() {
        return Err(Fatal::new(
            "XLSX là tệp nhị phân, không in ra màn hình: dùng --out TỆP.xlsx (hoặc chuyển hướng stdout)".into(),
            "XLSX is binary and is not written to a terminal: use --out FILE.xlsx (or redirect stdout)".into(),
        ));
    }
    let threads = args.jobs.unwrap_or(0);
    let drafts = if args.prefer_drafts {
        Drafts::Prefer
    } else if args.include_drafts {
        Drafts::Include
    } else {
        Drafts::Skip
    };
    // No file is read here: whether one holds review tests is told from
    // the bytes its auditing thread reads, once.
    let selection = select(&args.dir, drafts);
    let mut input_errors = report_unreadable(&selection, lang);
    if selection.files.is_empty() && selection.errors.is_empty() {
        return Err(Fatal::no_procedures(&args.dir));
    }
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

    let mut index = match &args.baseline {
        Some(dir) => {
            let base = baseline_options(options, dir);
            let (index, errors) = build_baseline(dir, lang, threads, &base)?;
            input_errors += errors;
            Some(index)
        }
        None => None,
    };

    for out in args.out.iter().chain(&args.totals) {
        let mut inputs = vec![args.dir.as_path()];
        inputs.extend(args.baseline.as_deref());
        OutputFile::refuse_input(out, &inputs).map_err(|e| {
            let p = out.display();
            Fatal::new(
                format!("{p}: không ghi được: {}", crate::output::io_vi(&e)),
                format!("{p}: cannot write: {e}"),
            )
        })?;
    }
    let mut sink = Sink::open(args.out.as_deref())?;
    let with_baseline = index.is_some();
    let mut writer = args.format.writer(
        &mut sink,
        WriterOptions {
            with_baseline,
            lang,
            bom: !args.no_bom,
        },
    );
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
    let mut review_tests = 0usize;
    let result = for_each_row(
        &selection.files,
        threads,
        |f| {
            let row = audit_catalog_file(f, options);
            if let Some(b) = &bar {
                b.inc(1);
            }
            row
        },
        |row| {
            // A file of review tests: left out (no row).
            let Some(mut row) = row else {
                review_tests += 1;
                return Ok(());
            };
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
    if review_tests > 0 {
        note(
            lang,
            &format!("bỏ qua {review_tests} tệp kiểm thử (chạy bằng `tthc test`)"),
            &format!("left out {review_tests} review-test file(s) (run them with `tthc test`)"),
        );
        // Nothing but review tests: no row was written, and none will be.
        if result.is_ok() && review_tests == selection.files.len() && selection.errors.is_empty() {
            return Err(Fatal::no_procedures(&args.dir));
        }
    }
    if let Some(index) = &index {
        totals.baseline = Some(index.summary(&totals.catalog, args.target));
    }
    let result = result.and_then(|()| writer.finish(&totals));
    drop(writer);
    let result = result.and_then(|()| sink.commit());
    if let Err(e) = result {
        return Err(Fatal::new(
            format!("không ghi được kết quả: {}", crate::output::io_vi(&e)),
            format!("cannot write the output: {e}"),
        ));
    }
    if let Some(path) = &args.totals {
        let written = OutputFile::create(path).and_then(|mut out| {
            write_totals_csv(&mut out, &totals, !args.no_bom)?;
            out.commit()
        });
        if let Err(e) = written {
            let p = path.display();
            return Err(Fatal::new(
                format!("không ghi được {p}: {}", crate::output::io_vi(&e)),
                format!("cannot write {p}: {e}"),
            ));
        }
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
        if args.format.is_machine() || args.out.is_some() {
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
        .threshold()
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
        root: audit_root(dir),
        metrics: Vec::new(),
        ..options.metrics_only()
    }
}

/// A metric of one procedure by its key (clap's parser for `--metric`).
fn metric_key(key: &str) -> Result<tthc::Metric, String> {
    match tthc::Metric::from_key(key.trim()) {
        Some(m) if !m.needs_baseline() => Ok(m),
        Some(_) => Err(crate::output::cli_lang()
            .pick(
                &format!("{key} cần một danh mục gốc; các mức cắt giảm là các cột riêng của audit khi có --baseline"),
                &format!("{key} needs a baseline; the reductions are the audit's own columns with --baseline"),
            )
            .to_string()),
        None => {
            let keys: Vec<&str> = tthc::Metric::ALL
                .iter()
                .filter(|m| !m.needs_baseline())
                .map(|m| m.key())
                .collect();
            Err(crate::output::cli_lang()
                .pick(
                    &format!("không có chỉ số này; dùng một trong: {}", keys.join(", ")),
                    &format!("unknown metric; one of: {}", keys.join(", ")),
                )
                .to_string())
        }
    }
}

/// Loads the baseline catalog (drafts left out) into an index. Returns the
/// number of input errors (reported on stderr).
fn build_baseline(
    dir: &Path,
    lang: Lang,
    threads: usize,
    options: &AuditOptions,
) -> Result<(BaselineIndex, usize), Fatal> {
    if !dir.exists() {
        return Err(Fatal::missing(dir));
    }
    let selection = select(dir, Drafts::Skip);
    let mut errors = report_unreadable(&selection, lang);
    let mut index = BaselineIndex::new();
    let mut failed = Vec::new();
    let audit = |f: &PathBuf| audit_catalog_file(f, options);
    let _ = for_each_row(&selection.files, threads, audit, |row: Option<AuditRow>| {
        // Review tests among the baseline's procedures are left out.
        let Some(row) = row else {
            return Ok(());
        };
        if row.status == RowStatus::Error {
            failed.push(row.error.clone().unwrap_or_default());
        }
        index.push(&row);
        Ok::<(), ()>(())
    });
    errors += failed.len();
    for e in failed.iter().take(10) {
        print_error(
            lang,
            &format!("đường cơ sở: {e}"),
            &format!("baseline: {e}"),
        );
    }
    Ok((index, errors))
}

fn report_unreadable(selection: &Selection, lang: Lang) -> usize {
    for (path, e) in &selection.errors {
        let p = path.display();
        print_error(
            lang,
            &format!("{p}: không đọc được: {}", crate::output::io_vi(e)),
            &format!("{p}: cannot read: {e}"),
        );
    }
    selection.errors.len()
}

fn report_failures(failed: &[String], lang: Lang) {
    const SHOWN: usize = 10;
    for e in failed.iter().take(SHOWN) {
        print_error(lang, e, e);
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

/// Where rows go: stdout, or `--out` written atomically.
enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(OutputFile),
}

impl Sink {
    fn open(out: Option<&Path>) -> Result<Sink, Fatal> {
        match out {
            None => Ok(Sink::Stdout(BufWriter::new(io::stdout().lock()))),
            Some(path) => OutputFile::create(path).map(Sink::File).map_err(|e| {
                let p = path.display();
                Fatal::new(
                    format!("không ghi được {p}: {}", crate::output::io_vi(&e)),
                    format!("cannot write {p}: {e}"),
                )
            }),
        }
    }

    fn commit(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::File(f) => f.commit(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}
