//! `tthc graph FILE --format svg|dot|mermaid`: the step graph alone.

use crate::cmd::report::{load_procedure, review_options, write_output};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::report::marks::Marks;
use tthc::report::{dot, mermaid, svg};
use tthc::{Lang, StepGraph};

/// Output format of `graph`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// A standalone SVG picture.
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
    /// Language of labels and legend.
    #[arg(long, default_value = "vi")]
    lang: Lang,
    /// Write here instead of to standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Review configuration for the finding badges (default: the nearest tthc.yaml).
    #[arg(long)]
    config: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang;
    let Ok(p) = load_procedure(&args.file, lang) else {
        return ExitCode::from(2);
    };
    let Ok(options) = review_options(args.config.as_deref(), &args.file, lang) else {
        return ExitCode::from(2);
    };
    let g = match StepGraph::build(&p) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let time = tthc::metrics::processing_time(&p, &g);
    let findings = tthc::rules::review_with_graph(&p, g.clone(), &options);
    let marks = Marks::new(&p, &g, &time.critical_path, &findings);
    let text = match args.format {
        Format::Svg => {
            let mut s = svg::render(&p, &g, &marks, lang);
            s.insert_str(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            s.push('\n');
            s
        }
        Format::Dot => dot::render(&p, &g, &marks, lang),
        Format::Mermaid => mermaid::render(&p, &g, &marks, lang),
    };
    write_output(args.output.as_deref(), &text)
}
