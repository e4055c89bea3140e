//! `tthc`: the command-line tool. Thin: parse arguments, call the library,
//! print. Each subcommand lives in `cmd/<name>.rs` with its `Args` and `run`.

mod cmd;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Rules(args) => cmd::rules::run(args),
        Command::Explain(args) => cmd::explain::run(args),
    }
}
