//! `tthc rules`: list the review rules.

use crate::output::{SettingsArgs, write_text};
use clap::ValueEnum;
use std::process::ExitCode;
use tthc::rules::{markdown_table, registry, summary_line};

/// Output format of `rules`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One line per rule.
    Text,
    /// The Markdown table of README.md and docs/rules.md.
    Markdown,
}

/// Arguments of `tthc rules`.
#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let lang = match args.settings.global() {
        Ok(s) => s.lang,
        Err(code) => return code,
    };
    let text = match args.format {
        Format::Markdown => markdown_table(lang),
        Format::Text => registry()
            .iter()
            .map(|r| summary_line(r.info(), lang) + "\n")
            .collect(),
    };
    write_text(None, &text, lang)
}
