//! `tthc`: the command-line tool. Thin: parse arguments, call the library,
//! print. Each subcommand lives in `cmd/<name>.rs` with its `Args` and `run`.

mod cmd;
mod help;
mod output;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;
use tthc::Lang;

/// Review Vietnamese administrative procedures (thủ tục hành chính).
#[derive(Parser)]
#[command(name = "tthc", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load procedure files, report errors, and review them for findings.
    Check(cmd::check::Args),
    /// List the review rules.
    Rules(cmd::rules::Args),
    /// Explain one review rule (by code or name).
    Explain(cmd::explain::Args),
    /// Run review tests (YAML expectations on metrics and findings).
    Test(cmd::test::Args),
    /// The due date-time of a dossier on the Vietnamese working-day calendar.
    Due(cmd::due::Args),
    /// The public holidays, substitute days and swaps of a year.
    Holidays(cmd::holidays::Args),
    /// The Vietnamese lunar date of a solar date.
    Lunar(cmd::lunar::Args),
    /// Structure, processing time and compliance cost of one procedure.
    Metrics(cmd::metrics::Args),
    /// Where each figure comes from: every đồng of the cost and every day of
    /// the processing time back to its line in the file or its source.
    Why(cmd::why::Args),
    /// Compare a baseline with a draft: metrics, changes, reduction targets.
    Compare(cmd::compare::Args),
    /// Write the review report of a procedure (HTML or Markdown).
    Report(cmd::report::Args),
    /// Draw the step graph of a procedure (SVG, DOT or Mermaid).
    Graph(cmd::graph::Args),
    /// Audit a catalog: one row of metrics and findings per procedure, totals
    /// per sector and authority, and the reduction against a baseline.
    Audit(cmd::audit::Args),
    /// Import national-portal records (JSON, JSON Lines) or texts of a
    /// quyết định công bố into procedure files, with an import report.
    Import(cmd::import::Args),
    /// The language server for editors (LSP over stdin/stdout): live
    /// diagnostics, hover, completion, definitions, outline.
    Lsp(cmd::lsp::Args),
    /// The JSON Schema of the procedure, review-test or tthc.yaml format (for
    /// editors and validators), or the format reference in Markdown.
    Schema(cmd::schema::Args),
    /// Write a deterministic synthetic catalog (for benchmarks).
    #[command(hide = true)]
    Generate(cmd::generate::Args),
}

/// Restores the default SIGPIPE action so that `tthc ... | head` ends
/// quietly like other Unix tools instead of panicking in `println!`.
#[cfg(unix)]
fn reset_sigpipe() {
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is
    // a valid disposition for SIGPIPE.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(unix))]
fn reset_sigpipe() {}

/// Prints clap's error (or the help or version it stands for): in
/// Vietnamese when `lang` is, as clap does in English; clap's exit status.
fn clap_error(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    let shows_text = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == Lang::En || shows_text {
        let _ = e.print();
    } else {
        // The message repeats the arguments given, which may hold control
        // characters: shown, never obeyed, by the terminal.
        let text = tthc::report::diagnostics::terminal_text(&help::error_vi(e)).into_owned();
        let _ = std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes());
    }
    ExitCode::from(code)
}

fn main() -> ExitCode {
    reset_sigpipe();
    // Interrupted (Ctrl-C, SIGTERM): remove the temporary output files,
    // then exit as a shell expects of an interrupted command (128 + 2).
    let _ = ctrlc::set_handler(|| {
        output::remove_pending();
        std::process::exit(130);
    });
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::cli_lang(&args);
    output::set_cli_lang(lang);
    let mut command = help::localize(Cli::command(), lang);
    let matches = match command.try_get_matches_from_mut(&args) {
        Ok(m) => m,
        Err(e) => return clap_error(&e, lang),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        let path: Vec<String> = sub
            .get_many::<String>("command")
            .map(|v| v.cloned().collect())
            .unwrap_or_default();
        return help::print_help_of(&mut command, &path);
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e.format(&mut command), lang),
    };
    match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Rules(args) => cmd::rules::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Test(args) => cmd::test::run(args),
        Command::Due(args) => cmd::due::run(args),
        Command::Holidays(args) => cmd::holidays::run(args),
        Command::Lunar(args) => cmd::lunar::run(args),
        Command::Metrics(args) => cmd::metrics::run(args),
        Command::Why(args) => cmd::why::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Graph(args) => cmd::graph::run(args),
        Command::Audit(args) => cmd::audit::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Lsp(args) => cmd::lsp::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Generate(args) => cmd::generate::run(args),
    }
}
