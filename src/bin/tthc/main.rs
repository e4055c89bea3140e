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
    /// Load procedure files and report errors (and, later, findings).
    Check(cmd::check::Args),
    /// Audit a catalog: one row of metrics and findings per procedure, totals
    /// per sector and authority, and the reduction against a baseline.
    Audit(cmd::audit::Args),
    /// Write a deterministic synthetic catalog (for benchmarks).
    #[command(hide = true)]
    Generate(cmd::generate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Audit(args) => cmd::audit::run(args),
        Command::Generate(args) => cmd::generate::run(args),
    }
}
