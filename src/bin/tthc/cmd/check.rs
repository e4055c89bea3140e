//! `tthc check FILE...`: load each file and report errors.

use crate::output::{expand_paths, stdout_color};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::report::diagnostics::{TextStyle, render, summary};
use tthc::{Diagnostic, Lang, LoadOptions, load_file};

/// Output format of `check`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Human-readable, rustc-like.
    Text,
    /// One JSON document for machines.
    Json,
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
    /// Language of messages.
    #[arg(long, default_value = "en")]
    lang: Lang,
    /// Largest accepted file, in bytes.
    #[arg(long, default_value_t = LoadOptions::default().max_file_size)]
    max_file_size: u64,
}

pub fn run(args: Args) -> ExitCode {
    let options = LoadOptions {
        max_file_size: args.max_file_size,
        ..LoadOptions::default()
    };
    let style = TextStyle {
        lang: args.lang,
        color: stdout_color(),
    };
    let mut any_failed = false;
    let mut json_files = Vec::new();
    let mut all = Vec::new();
    for path in expand_paths(&args.paths) {
        let (source, result) = load_file(&path, &options);
        let name = path.display().to_string();
        match result {
            Ok(p) => match args.format {
                Format::Text => {
                    let ok = args.lang.pick("hợp lệ", "ok");
                    let (steps, docs) = (
                        args.lang.pick("bước", "steps"),
                        args.lang.pick("giấy tờ", "documents"),
                    );
                    println!(
                        "{name}: {ok} ({} {steps}, {} {docs})",
                        p.steps.len(),
                        p.documents.len()
                    );
                }
                Format::Json => json_files.push(serde_json::json!({
                    "file": name, "status": "ok",
                    "steps": p.steps.len(), "documents": p.documents.len(),
                    "diagnostics": [],
                })),
            },
            Err(errors) => {
                any_failed = true;
                let diags: Vec<Diagnostic> = errors.errors.iter().map(Diagnostic::from).collect();
                match args.format {
                    Format::Text => {
                        for d in &diags {
                            println!("{}", render(d, source.as_deref(), style));
                        }
                    }
                    Format::Json => json_files.push(serde_json::json!({
                        "file": name, "status": "error", "diagnostics": diags,
                    })),
                }
                all.extend(diags);
            }
        }
    }
    match args.format {
        Format::Text if !all.is_empty() => println!("{}", summary(&all, args.lang)),
        Format::Text => {}
        Format::Json => {
            let doc = serde_json::json!({ "files": json_files });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    if any_failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
