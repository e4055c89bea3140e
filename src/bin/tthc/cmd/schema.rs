//! `tthc schema`: the JSON Schema of a file format, or the format reference
//! in Markdown, generated from the keys the loader reads.

use crate::output::{SettingsArgs, write_text};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::format::{SchemaKind, reference, schema};

/// Which format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Kind {
    /// A procedure file (format tthc/1).
    Procedure,
    /// A review-test file.
    ReviewTest,
    /// `tthc.yaml`.
    Config,
    /// The Markdown reference of all three (docs/format.md).
    Reference,
}

/// Arguments of `tthc schema`.
#[derive(clap::Args)]
pub struct Args {
    /// Which format (default: procedure).
    #[arg(value_enum, default_value = "procedure")]
    kind: Kind,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let lang = match args.settings.global() {
        Ok(s) => s.lang,
        Err(code) => return code,
    };
    let text = match args.kind {
        Kind::Procedure => schema(SchemaKind::Procedure),
        Kind::ReviewTest => schema(SchemaKind::ReviewTest),
        Kind::Config => schema(SchemaKind::Config),
        Kind::Reference => reference(),
    };
    write_text(args.output.as_deref(), &text, lang)
}
