//! `tthc graph FILE --format svg|dot|mermaid`: the step graph alone.

use crate::cmd::metrics::analyse;
use crate::output::{SettingsArgs, write_text};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::report::page::Report;
use tthc::report::{dot, mermaid, svg};

/// Output format of `graph`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// A standalone SVG picture (the report's layout).
    Svg,
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// Arguments of `tthc graph`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure file.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "svg")]
    format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let (settings, a) = match analyse(&args.file, &args.settings, None) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let lang = settings.lang;
    let marks = Report::new(&a).marks();
    let p = a.procedure();
    let text = match args.format {
        Format::Svg => {
            let mut s = svg::render(p, &marks, lang);
            s.insert_str(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            s.push('\n');
            s
        }
        Format::Dot => dot::render(p, &marks, lang),
        Format::Mermaid => mermaid::render(p, &marks, lang),
    };
    write_text(args.output.as_deref(), &text, lang)
}
