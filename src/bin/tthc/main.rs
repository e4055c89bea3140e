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
    /// Write the review report of a procedure (HTML or Markdown).
    Report(cmd::report::Args),
    /// Draw the step graph of a procedure (SVG, DOT or Mermaid).
    Graph(cmd::graph::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Graph(args) => cmd::graph::run(args),
    }
}
