//! Shared CLI plumbing: the settings flags every command takes, the one
//! error printer, the one atomic writer, colour.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use tthc::analysis::{DEFAULT_LANG, Overrides, Settings, SettingsResolver};
use tthc::report::diagnostics::{DiagnosticRenderer, TextStyle};
use tthc::{Diagnostic, Lang, LoadErrors};

/// The environment variable that chooses the language when `--lang` is not
/// given (before `tthc.yaml` and the default).
pub const LANG_ENV: &str = "TTHC_LANG";

/// Settings flags shared by every command that reads procedures.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct SettingsArgs {
    /// Language of messages and outputs: vi or en (default: $TTHC_LANG,
    /// then `lang:` in tthc.yaml, then vi).
    #[arg(long)]
    pub lang: Option<Lang>,
    /// Configuration file (default: the nearest tthc.yaml above each file).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Cost-basis file overriding the default (hourly income, trips, …).
    #[arg(long, value_name = "FILE")]
    pub cost_basis: Option<PathBuf>,
    /// Value applicant hours at the statistics office's income figure of this
    /// year or quarter (2024, "Q3 2024"; default: the latest year, 2025).
    #[arg(long, value_name = "PERIOD", value_parser = income_period)]
    pub income: Option<tthc::cost_basis::IncomePeriod>,
    /// Fill what a file does not estimate with standard time values at this
    /// level (simple, medium, high: Destatis' table for businesses), each
    /// labelled as standard; by default nothing is added.
    #[arg(long, value_name = "LEVEL")]
    pub standard_times: Option<tthc::cost_basis::standard_times::Complexity>,
    /// Holiday data to add to the calendar (announced days off, make-up days).
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// Largest accepted file, in bytes.
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

impl SettingsArgs {
    /// The flag, else `$TTHC_LANG` (ignored when not vi/en).
    fn explicit_lang(&self) -> Option<Lang> {
        self.lang.or_else(|| {
            std::env::var(LANG_ENV)
                .ok()
                .and_then(|v| v.parse::<Lang>().ok())
        })
    }

    /// The language to print with before settings are resolved (a
    /// configuration that does not load): flag, environment, default.
    pub fn lang_hint(&self) -> Lang {
        self.explicit_lang().unwrap_or(DEFAULT_LANG)
    }

    /// The overrides these flags give.
    pub fn overrides(&self) -> Overrides {
        let mut o = Overrides::default();
        o.config = self.config.clone();
        o.lang = self.explicit_lang();
        o.cost_basis = self.cost_basis.clone();
        o.income = self.income;
        o.standard_times = self.standard_times;
        o.holidays = self.holidays.clone();
        o.max_file_size = self.max_file_size;
        o
    }

    /// A resolver for per-file settings.
    pub fn resolver(&self) -> SettingsResolver {
        SettingsResolver::new(self.overrides())
    }

    /// The settings for one file, or the errors printed and exit status 2.
    pub fn for_file(&self, path: &Path) -> Result<Arc<Settings>, ExitCode> {
        self.resolver().for_file(path).map_err(|e| {
            print_errors(&e, self.lang_hint());
            ExitCode::from(2)
        })
    }

    /// The settings when no procedure file is involved.
    pub fn global(&self) -> Result<Arc<Settings>, ExitCode> {
        self.resolver().global().map_err(|e| {
            print_errors(&e, self.lang_hint());
            ExitCode::from(2)
        })
    }
}

/// The language of a command that reads no procedure: the flag, else
/// `$TTHC_LANG`, else `lang:` of the `tthc.yaml` above the current folder,
/// else the default (vi) — the same order as every other command.
pub fn resolve_lang(flag: Option<Lang>) -> Lang {
    let args = SettingsArgs {
        lang: flag,
        ..SettingsArgs::default()
    };
    args.resolver()
        .global()
        .map_or_else(|_| args.lang_hint(), |s| s.lang)
}

/// The language of the command line, set once before clap parses it, so
/// that the value parsers clap calls speak it.
static CLI_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Records the command line's language (first call wins).
pub fn set_cli_lang(lang: Lang) {
    let _ = CLI_LANG.set(lang);
}

/// The command line's language ([`set_cli_lang`]), else the default.
pub fn cli_lang() -> Lang {
    CLI_LANG.get().copied().unwrap_or(DEFAULT_LANG)
}

/// Whether to colour a stream: a terminal, and `NO_COLOR` unset.
pub fn color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none()
}

/// Whether to colour stdout.
pub fn stdout_color() -> bool {
    color(io::stdout().is_terminal())
}

/// Prints load errors (of a procedure, configuration, cost-basis or test
/// file) to stderr, each with a snippet of the file it is about. The one
/// error printer of the CLI.
pub fn print_errors(errors: &LoadErrors, lang: Lang) {
    let style = TextStyle {
        lang,
        color: color(io::stderr().is_terminal()),
    };
    let r = DiagnosticRenderer::new(errors.text.as_deref(), style);
    let mut err = io::stderr().lock();
    for e in &errors.errors {
        let _ = write!(err, "{}", r.render(&Diagnostic::from(e)));
    }
    if errors.omitted > 0 {
        let _ = writeln!(
            err,
            "{}",
            tthc::report::check::omitted_text(errors.omitted, lang)
        );
    }
}

/// An input/output error in Vietnamese, for the `vi` text of a message
/// ([`tthc::io_error_text`]: never the system's English sentence).
pub fn io_vi(e: &io::Error) -> String {
    tthc::io_error_text(e, Lang::Vi)
}

/// Prints a one-line error (`lỗi: …` / `error: …`) to stderr.
pub fn print_error(lang: Lang, vi: &str, en: &str) {
    let text = tthc::report::diagnostics::terminal_safe(lang.pick(vi, en)).into_owned();
    let _ = writeln!(io::stderr(), "{}: {text}", lang.pick("lỗi", "error"));
}

/// Prints a note to stderr.
pub fn print_note(lang: Lang, vi: &str, en: &str) {
    let text = tthc::report::diagnostics::terminal_safe(lang.pick(vi, en)).into_owned();
    let _ = writeln!(io::stderr(), "{}: {text}", lang.pick("ghi chú", "note"));
}

/// Writes text to stdout; a closed or full stdout is an error, not a panic.
pub fn print_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes `text` to `path` atomically, or to stdout; exit status 0 or 2.
pub fn write_text(path: Option<&Path>, text: &str, lang: Lang) -> ExitCode {
    write_bytes(path, text.as_bytes(), lang)
}

/// Writes `bytes` to `path` atomically, or to stdout; exit status 0 or 2.
pub fn write_bytes(path: Option<&Path>, bytes: &[u8], lang: Lang) -> ExitCode {
    let result = match path {
        Some(path) => write_atomically(path, bytes),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let target = path.map_or("stdout".to_string(), |p| p.display().to_string());
            print_error(
                lang,
                &format!("không ghi được {target}: {}", crate::output::io_vi(&e)),
                &format!("cannot write {target}: {e}"),
            );
            ExitCode::from(2)
        }
    }
}

/// Temporary files being written, removed by [`remove_pending`] when the
/// command is interrupted (SIGINT, SIGTERM), so nothing is left behind.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every temporary file still being written: the interrupt
/// handler's work (it runs on its own thread, not in the signal handler).
pub fn remove_pending() {
    for tmp in pending().drain(..) {
        let _ = std::fs::remove_file(tmp);
    }
}

/// An output file written through a temporary file in the same folder and
/// renamed over the target when complete, so that readers never see half a
/// file; an output abandoned on error or interrupted leaves nothing behind.
pub struct OutputFile {
    writer: Option<BufWriter<File>>,
    tmp: PathBuf,
    path: PathBuf,
    /// Writing straight into a device the user named (`-o /dev/stdout`):
    /// no temporary file, no rename.
    direct: bool,
}

impl OutputFile {
    /// Starts writing `path`. A regular file (or a new path) is written
    /// through a temporary file and renamed; a character device the user
    /// named (`/dev/stdout`, `/dev/null`) is written directly, never
    /// replaced; a directory, FIFO or other special file is an error.
    pub fn create(path: &Path) -> io::Result<OutputFile> {
        if let Ok(meta) = std::fs::metadata(path) {
            let kind = meta.file_type();
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                if kind.is_char_device() {
                    let file = std::fs::OpenOptions::new().write(true).open(path)?;
                    return Ok(OutputFile {
                        writer: Some(BufWriter::new(file)),
                        tmp: PathBuf::new(),
                        path: path.to_path_buf(),
                        direct: true,
                    });
                }
            }
            if !kind.is_file() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    tthc::Text::new(
                        "không phải một tệp thường (là thư mục, ống dẫn hoặc thiết bị): hãy ghi một tên tệp",
                        "not a regular file (a folder, pipe or device): name a file to write",
                    ),
                ));
            }
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        // Registered before it exists: an interrupt in between removes
        // nothing that is not ours.
        pending().push(tmp.clone());
        let file = File::create(&tmp)?;
        Ok(OutputFile {
            writer: Some(BufWriter::with_capacity(1 << 16, file)),
            tmp,
            path: path.to_path_buf(),
            direct: false,
        })
    }

    /// Refuses to write over one of the inputs (`audit x.yaml --out x.yaml`).
    pub fn refuse_input(path: &Path, inputs: &[&Path]) -> io::Result<()> {
        let Ok(target) = std::fs::canonicalize(path) else {
            return Ok(()); // a new file is no input
        };
        for input in inputs {
            let Ok(input) = std::fs::canonicalize(input) else {
                continue;
            };
            if target == input
                || (input.is_dir()
                    && target.starts_with(&input)
                    && tthc::catalog::is_procedure_file(&target))
            {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    tthc::Text::new(
                        "đây là một tệp đầu vào: hãy ghi kết quả ra chỗ khác",
                        "it is one of the inputs: write the output somewhere else",
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Flushes and renames the temporary file over the target.
    pub fn commit(mut self) -> io::Result<()> {
        let direct = self.direct;
        let flushed = match self.writer.take() {
            Some(mut w) if direct => w.flush(),
            Some(mut w) => w.flush().and_then(|()| w.get_ref().sync_all()),
            None => Ok(()),
        };
        if direct {
            return flushed;
        }
        let renamed = flushed.and_then(|()| std::fs::rename(&self.tmp, &self.path));
        pending().retain(|p| p != &self.tmp);
        renamed
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.writer {
            Some(w) => w.write(buf),
            None => Err(io::Error::other("output already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        // Committed: the temporary file was renamed; otherwise remove it.
        if !self.direct {
            let _ = std::fs::remove_file(&self.tmp);
            pending().retain(|p| p != &self.tmp);
        }
    }
}

/// Writes a whole file atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = OutputFile::create(path)?;
    out.write_all(bytes)?;
    out.commit()
}

/// Today in Vietnam (UTC+7) as days since 1970-01-01, or the day of
/// `SOURCE_DATE_EPOCH` for reproducible output.
pub fn today_days() -> i64 {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    seconds.saturating_add(7 * 3600).div_euclid(86_400)
}

/// A period with a published income figure (clap's parser for `--income`).
fn income_period(text: &str) -> Result<tthc::cost_basis::IncomePeriod, String> {
    let period: tthc::cost_basis::IncomePeriod = text.parse().map_err(|e: String| {
        cli_lang()
            .pick(
                "không phải một năm hoặc quý: dùng vd. 2024, \"Q3 2024\" hoặc \"quý 3 2024\"",
                &e,
            )
            .to_string()
    })?;
    match tthc::cost_basis::IncomeFigure::of(period) {
        Some(_) => Ok(period),
        None => Err(cli_lang()
            .pick(
                &format!(
                    "không có số liệu thu nhập được công bố cho {period}; các kỳ có số liệu: {}",
                    tthc::cost_basis::known_periods()
                ),
                &format!(
                    "no published income figure for {period}; known: {}",
                    tthc::cost_basis::known_periods()
                ),
            )
            .to_string()),
    }
}

/// The most worker threads `--jobs` accepts: beyond a few per core they only
/// cost memory and thread creation fails ("Resource temporarily unavailable").
pub const MAX_JOBS: usize = 256;

/// clap's parser for `--jobs N`: 1 to [`MAX_JOBS`] (0 means one per core).
pub fn jobs(text: &str) -> Result<usize, String> {
    let lang = cli_lang();
    let n: usize = text.trim().parse().map_err(|_| {
        lang.pick(
            &format!("'{text}' không phải là một số luồng"),
            &format!("'{text}' is not a number of threads"),
        )
        .to_string()
    })?;
    if n > MAX_JOBS {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        return Err(lang
            .pick(
                &format!("tối đa {MAX_JOBS} luồng; máy này có {cores} lõi"),
                &format!("at most {MAX_JOBS} threads; this machine has {cores} cores"),
            )
            .to_string());
    }
    Ok(n)
}
