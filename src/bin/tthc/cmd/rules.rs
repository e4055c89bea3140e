//! `tthc rules`: list the review rules.

use clap::ValueEnum;
use std::process::ExitCode;
use tthc::Lang;
use tthc::rules::{markdown_table, registry, summary_line};

/// Output format of `rules`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One line per rule: code, name, severity, summary.
    Text,
    /// The Markdown table used in the documentation.
    Markdown,
}

/// Arguments of `tthc rules`.
#[derive(clap::Args)]
pub struct Args {
    /// Language of the summaries.
    #[arg(long, default_value = "en")]
    lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub fn run(args: Args) -> ExitCode {
    match args.format {
        Format::Markdown => print!("{}", markdown_table(args.lang)),
        Format::Text => {
            for rule in registry() {
                println!("{}", summary_line(rule.info(), args.lang));
            }
        }
    }
    ExitCode::SUCCESS
}
