//! `tthc check FILE...`: load each file, report load errors, then review
//! the procedures that load and report their findings. With `--fix`, first
//! apply every mechanical fix to each file (written only when the fixed
//! text loads) and print the diff; `--diff` prints it and writes nothing.

use crate::output::{SettingsArgs, print_error, stdout_color, write_text};
use clap::ValueEnum;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::fix::Applicability;
use tthc::report::check::{CheckReport, CheckedFile, FailOn, FileCheck};
use tthc::report::diagnostics::{TextStyle, terminal_safe};
use tthc::{Analysis, Lang, Settings};

/// Output format of `check`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Human-readable, rustc-like.
    Text,
    /// One JSON document for machines.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// Arguments of `tthc check`.
#[derive(clap::Args)]
pub struct Args {
    /// Procedure files, or directories to search for *.yaml files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with status 1 when a finding has at least this severity
    /// (error, warn, info, never).
    #[arg(long, default_value = "error")]
    fail_on: FailOn,
    /// SARIF: the directory that artifact URIs are relative to (`%SRCROOT%`);
    /// default: the git repository root above the current directory, else
    /// the current directory.
    #[arg(long, value_name = "DIR")]
    sarif_root: Option<PathBuf>,
    /// Apply every available fix that keeps what the procedure says
    /// (spelling of keys, quoting) to each file and print the diff; a file
    /// is written (atomically) only when its fixed text loads. The report
    /// that follows is about the fixed files.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the diff of every available fix; write nothing.
    #[arg(long)]
    diff: bool,
    /// With --fix or --diff: also the fixes that change what the procedure
    /// says (declaring no fee, a plain copy instead of a certified one,
    /// dropping a paper); review each.
    #[arg(long)]
    unsafe_fixes: bool,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let mut resolver = args.settings.resolver();
    let mut report = CheckReport::default();
    let mut lang = args.settings.lang_hint();
    let (files, review_tests) =
        tthc::catalog::split_review_tests(tthc::catalog::expand(&args.paths));
    if !review_tests.is_empty() {
        let n = review_tests.len();
        crate::output::print_note(
            lang,
            &format!("bỏ qua {n} tệp kiểm thử (chạy bằng `tthc test`)"),
            &format!("left out {n} review-test file(s) (run them with `tthc test`)"),
        );
    }
    if files.is_empty() {
        print_error(
            lang,
            "không tìm thấy tệp thủ tục nào (*.yaml)",
            "no procedure files (*.yaml) found",
        );
        return ExitCode::from(2);
    }
    let mut diffs = String::new();
    let mut write_failed = false;
    let fixing = (args.fix || args.diff).then_some(args.fix);
    if args.unsafe_fixes && fixing.is_none() {
        print_error(
            args.settings.lang_hint(),
            "`--unsafe-fixes` chỉ dùng cùng `--fix` hoặc `--diff`",
            "`--unsafe-fixes` goes with `--fix` or `--diff`",
        );
        return ExitCode::from(2);
    }
    let upto = if args.unsafe_fixes {
        Applicability::ChangesMeaning
    } else {
        Applicability::Safe
    };
    for path in files {
        let check = match resolver.for_file(&path) {
            Err(errors) => FileCheck::Failed(errors),
            Ok(settings) => {
                lang = settings.lang;
                let analysed = match fixing {
                    Some(write) => {
                        let fixed = fix_file(&path, &settings, write, upto, &mut diffs);
                        write_failed |= fixed.write_failed;
                        fixed.analysis
                    }
                    None => Analysis::from_file(&path, &settings),
                };
                match analysed {
                    Ok(a) => FileCheck::of(&a),
                    Err(errors) => FileCheck::Failed(errors),
                }
            }
        };
        report.files.push(CheckedFile {
            path: path.display().to_string(),
            check,
        });
    }
    let mut text = match args.format {
        Format::Text => report.render_text(TextStyle {
            lang,
            color: stdout_color(),
        }),
        Format::Json => report.render_json(),
        Format::Sarif => {
            use tthc::report::sarif::{SarifRoot, render_with};
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let root = match &args.sarif_root {
                Some(dir) => SarifRoot::new(dir, &cwd),
                None => SarifRoot::discover(&cwd),
            };
            render_with(&report, lang, &root)
        }
    };
    // The diff goes before a text report; machine formats keep stdout to
    // themselves, so it goes to stderr.
    if matches!(args.format, Format::Text) {
        diffs.push_str(&text);
        text = diffs;
    } else if !diffs.is_empty() {
        eprint!("{diffs}");
    }
    let written = write_text(None, &text, lang);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if write_failed {
        return ExitCode::from(2);
    }
    ExitCode::from(report.exit_code(args.fail_on))
}

/// One file after `--fix` or `--diff`.
struct FixedFile {
    /// The analysis of the file as it now is (fixed when written).
    analysis: Result<Analysis, tthc::LoadErrors>,
    /// Whether writing the fixed file failed.
    write_failed: bool,
}

/// Applies every available fix up to `upto` to the file at `path`; appends
/// the diff (with a header naming the fixes) to `diffs`, and writes the
/// file when `write` and the fixed text loads. A file whose fixed text
/// would not load is never touched; a note says why, and another how many
/// fixes that change the procedure's meaning were left for the drafter.
fn fix_file(
    path: &Path,
    settings: &Settings,
    write: bool,
    upto: Applicability,
    diffs: &mut String,
) -> FixedFile {
    let lang = settings.lang;
    let origin = path.display().to_string();
    let unchanged = |analysis| FixedFile {
        analysis,
        write_failed: false,
    };
    let text = match tthc::read_text(path, &settings.load) {
        Ok(text) => text,
        Err(errors) => return unchanged(Err(errors)),
    };
    let fixed = tthc::fix::fix_text(&text, &origin, settings, upto);
    let name = terminal_safe(&origin);
    if fixed.withheld > 0 {
        let n = fixed.withheld;
        crate::output::print_note(
            lang,
            &format!(
                "{name}: {n} cách sửa làm thay đổi nội dung thủ tục chưa được áp dụng; xem từng cách sửa trong các phát hiện dưới đây, rồi dùng `--unsafe-fixes` nếu đồng ý"
            ),
            &format!(
                "{name}: {n} {} that change what the procedure says not applied; review each in the findings below, then use `--unsafe-fixes` if you agree",
                plural(n, "fix", "fixes")
            ),
        );
    }
    if fixed.text == text {
        return unchanged(fixed.outcome);
    }
    let after = match fixed.outcome {
        Ok(after) => after,
        Err(left) => {
            let n = left.errors.len() + left.omitted;
            crate::output::print_note(
                lang,
                &format!("không sửa {name}: sau khi sửa tệp vẫn chưa đọc được ({n} lỗi còn lại)"),
                &format!(
                    "{name} left unchanged: with its fixes it still does not load ({n} {} left)",
                    plural(n, "error", "errors")
                ),
            );
            return unchanged(Analysis::from_yaml_str(&text, &origin, settings));
        }
    };
    let n = fixed.applied.len();
    let _ = match (write, lang) {
        (true, Lang::Vi) => writeln!(diffs, "đã sửa {name} ({n} chỗ sửa):"),
        (true, Lang::En) => writeln!(diffs, "fixed {name} ({n} {}):", plural(n, "fix", "fixes")),
        (false, Lang::Vi) => writeln!(diffs, "có thể sửa {name} ({n} chỗ sửa, chưa ghi vào tệp):"),
        (false, Lang::En) => writeln!(
            diffs,
            "{name} can be fixed ({n} {}, not written):",
            plural(n, "fix", "fixes")
        ),
    };
    for title in &fixed.applied {
        let _ = writeln!(diffs, "  - {}", terminal_safe(title.get(lang)));
    }
    let diff = similar::TextDiff::from_lines(text.as_str(), fixed.text.as_str());
    let unified = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{origin}"), &format!("b/{origin}"))
        .to_string();
    for line in unified.lines() {
        let _ = writeln!(diffs, "{}", terminal_safe(line));
    }
    if !write {
        return unchanged(Analysis::from_yaml_str(&text, &origin, settings));
    }
    match crate::output::write_atomically(path, fixed.text.as_bytes()) {
        Ok(()) => unchanged(Ok(after)),
        Err(e) => {
            print_error(
                lang,
                &format!("không ghi được {name}: {}", crate::output::io_vi(&e)),
                &format!("cannot write {name}: {e}"),
            );
            FixedFile {
                analysis: Analysis::from_yaml_str(&text, &origin, settings),
                write_failed: true,
            }
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
