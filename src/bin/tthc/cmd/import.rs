//! `tthc import PATH... --out DIR`: national-portal records (JSON, JSON
//! Lines, folders of them) and plain texts of records or of Part II of a
//! quyết định công bố into procedure files. The library reads and writes
//! the text; this command only finds the inputs and writes the files.

use crate::output::{print_error, print_note, write_atomically};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::Lang;
use tthc::Text;
use tthc::import::{
    EmitOptions, EmittedFile, ImportFailure, ImportReport, ImportedProcedure, MAX_RECORD_BYTES,
    Record, emit, import_checked, read_text,
};

/// Arguments of `tthc import`.
#[derive(clap::Args)]
pub struct Args {
    /// Record files (`.json`, one record; `.jsonl`, one per line), plain
    /// texts (`.txt`), or folders of them (searched recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Folder to write the procedure files into (`<sector>/<code>-<slug>.yaml`).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// Replace procedure files that already exist (by default they are kept
    /// and reported).
    #[arg(long)]
    overwrite: bool,
    /// When the records were read from the portal (e.g. 2026-07); written in
    /// each file's header, since records carry no date.
    #[arg(long, value_name = "DATE")]
    retrieved: Option<String>,
    /// For plain texts: the number of the deciding quyết định công bố.
    #[arg(long, value_name = "NUMBER")]
    decision: Option<String>,
    /// Report format: text or json.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
    /// Also write the report to FILE (JSON when FILE ends in .json).
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Mark the dossier documents that a state database holds, inferred from
    /// their names and the lists of Decree 104/2022 and Resolution 66.7/2025
    /// (Art. 4, Annexes I–II) in force today; written as
    /// `held_in: { database, basis, inferred: true }`.
    #[arg(long)]
    infer_held: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short, value_name = "N", value_parser = crate::output::jobs)]
    jobs: Option<usize>,
    /// Language of the report and messages (vi, en).
    #[arg(long)]
    lang: Option<Lang>,
}

/// One record to import: where it came from and its text.
enum Unit {
    Json { origin: String, text: String },
    Text { origin: String, text: String },
    Failed(ImportFailure),
}

fn failure(origin: &str, line: Option<u64>, vi: String, en: String) -> ImportFailure {
    ImportFailure {
        origin: origin.to_string(),
        line,
        column: None,
        reason: Text::new(vi, en),
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = crate::output::resolve_lang(args.lang);
    let mut inputs: Vec<PathBuf> = Vec::new();
    for p in &args.paths {
        if !p.exists() {
            let d = p.display();
            print_error(
                lang,
                &format!("{d}: không có tệp hay thư mục này"),
                &format!("{d}: no such file or directory"),
            );
            return ExitCode::from(2);
        }
        collect(p, &mut inputs);
    }
    if inputs.is_empty() {
        print_error(
            lang,
            "không tìm thấy bản ghi nào (*.json, *.jsonl, *.txt)",
            "no records found (*.json, *.jsonl, *.txt)",
        );
        return ExitCode::from(2);
    }
    if args.out.exists() && !args.out.is_dir() {
        let d = args.out.display();
        print_error(
            lang,
            &format!("{d}: không phải thư mục; --out nhận một thư mục"),
            &format!("{d}: not a folder; --out takes a folder"),
        );
        return ExitCode::from(2);
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            print_error(lang, &e.to_string(), &e.to_string());
            return ExitCode::from(2);
        }
    };

    let units: Vec<Unit> = inputs.iter().flat_map(|p| read_units(p)).collect();
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = ProgressBar::new(units.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
            b.set_style(style);
        }
        b
    });
    let options = EmitOptions {
        retrieved: args.retrieved.clone(),
    };
    let held_on = if args.infer_held {
        match tthc::calendar::Date::from_days_since_epoch(crate::output::today_days()) {
            Ok(day) => {
                if !tthc::import::resolution_66_7_in_force(day) {
                    print_note(
                        lang,
                        &format!(
                            "{day}: Nghị quyết 66.7/2025/NQ-CP không còn (hoặc chưa) hiệu lực (1/1/2026–28/2/2027); chỉ suy luận theo Nghị định 104/2022/NĐ-CP"
                        ),
                        &format!(
                            "{day}: Resolution 66.7/2025/NQ-CP is not in force (1/1/2026–28/2/2027); only Decree 104/2022/NĐ-CP is applied"
                        ),
                    );
                }
                Some(day)
            }
            Err(e) => {
                print_error(lang, &e.to_string(), &e.to_string());
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let options = Options {
        emit: options,
        held_on,
    };
    let decision = args.decision.as_deref();
    // Import and write in parallel; one outcome list per unit, in input order.
    let outcomes: Vec<Vec<Result<(ImportedProcedure, EmittedFile), ImportFailure>>> =
        pool.install(|| {
            units
                .par_iter()
                .map(|u| {
                    let out = import_unit(u, decision, &options);
                    if let Some(b) = &bar {
                        b.inc(1);
                    }
                    out
                })
                .collect()
        });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }

    let mut report = ImportReport::new();
    let mut taken: HashMap<String, String> = HashMap::new();
    for outcome in outcomes.into_iter().flatten() {
        match outcome {
            Err(f) => report.add_failure(f),
            Ok((p, file)) => {
                report.add(&p);
                let dest = args.out.join(&file.path);
                if let Some(first) = taken.get(&file.path) {
                    report.write_failures.push(failure(
                        &p.origin,
                        None,
                        format!("{} đã được ghi từ {first} trong lần nhập này; bản ghi này bị bỏ qua", file.path),
                        format!("{} was already written from {first} in this import; this record is left out", file.path),
                    ));
                    continue;
                }
                taken.insert(file.path.clone(), p.origin.clone());
                if dest.exists() && !args.overwrite {
                    report.write_failures.push(failure(
                        &p.origin,
                        None,
                        format!(
                            "{} đã có; giữ nguyên (dùng --overwrite để thay)",
                            dest.display()
                        ),
                        format!("{} exists; kept (--overwrite replaces it)", dest.display()),
                    ));
                    continue;
                }
                let written = dest
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| write_atomically(&dest, file.text.as_bytes()));
                match written {
                    Ok(()) => report.files_written += 1,
                    Err(e) => report.write_failures.push(failure(
                        &p.origin,
                        None,
                        format!(
                            "không ghi được {}: {}",
                            dest.display(),
                            crate::output::io_vi(&e)
                        ),
                        format!("cannot write {}: {e}", dest.display()),
                    )),
                }
            }
        }
    }

    let text = match args.format.as_str() {
        "json" => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        _ => report.render_text(lang),
    };
    if let Err(e) = crate::output::print_stdout(&text) {
        print_error(lang, &e.to_string(), &e.to_string());
        return ExitCode::from(2);
    }
    if let Some(path) = &args.report {
        let body = if path.extension().is_some_and(|e| e == "json") {
            serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
        } else {
            report.render_text(lang)
        };
        if let Err(e) = write_atomically(path, body.as_bytes()) {
            let d = path.display();
            print_error(
                lang,
                &format!("không ghi được {d}: {}", crate::output::io_vi(&e)),
                &format!("cannot write {d}: {e}"),
            );
            return ExitCode::from(2);
        }
    }
    if report.files_written > 0 {
        let d = args.out.display();
        print_note(
            lang,
            &format!("kiểm tra các tệp đã nhập: tthc audit {d}"),
            &format!("review the imported files: tthc audit {d}"),
        );
    }
    if report.failures.is_empty() && report.write_failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Inputs below `path`, sorted, by extension.
fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let mut stack = vec![path.to_path_buf()];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                stack.push(p);
            } else if kind.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| matches!(x, "json" | "jsonl" | "txt"))
            {
                found.push(p);
            }
        }
    }
    found.sort();
    out.extend(found);
}

/// The records of one input file. A file that cannot be read, or a line
/// over the size limit, is a failure of its own; the rest goes on.
fn read_units(path: &Path) -> Vec<Unit> {
    let origin = path.display().to_string();
    let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
    let limit = MAX_RECORD_BYTES as u64;
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return vec![Unit::Failed(failure(
                &origin,
                None,
                format!("không đọc được: {}", crate::output::io_vi(&e)),
                format!("cannot read: {e}"),
            ))];
        }
    };
    if ext == "jsonl" {
        return read_lines(BufReader::new(file), &origin, limit);
    }
    let mut bytes = Vec::new();
    if let Err(e) = file.take(limit + 1).read_to_end(&mut bytes) {
        return vec![Unit::Failed(failure(
            &origin,
            None,
            format!("không đọc được: {}", crate::output::io_vi(&e)),
            format!("cannot read: {e}"),
        ))];
    }
    if bytes.len() as u64 > limit {
        return vec![Unit::Failed(too_big(&origin, None, limit))];
    }
    match String::from_utf8(bytes) {
        Ok(text) if ext == "txt" => vec![Unit::Text { origin, text }],
        Ok(text) => vec![Unit::Json { origin, text }],
        Err(_) => vec![Unit::Failed(not_utf8(&origin, None))],
    }
}

fn too_big(origin: &str, line: Option<u64>, limit: u64) -> ImportFailure {
    let mib = limit >> 20;
    failure(
        origin,
        line,
        format!("bản ghi lớn hơn {mib} MiB; bỏ qua"),
        format!("the record is over {mib} MiB; left out"),
    )
}

fn not_utf8(origin: &str, line: Option<u64>) -> ImportFailure {
    failure(
        origin,
        line,
        "không phải văn bản UTF-8; lưu lại dưới dạng UTF-8".to_string(),
        "not UTF-8 text; save it as UTF-8".to_string(),
    )
}

/// JSON Lines: one record per non-blank line, each line read within the
/// size limit (a longer line is skipped to its end, never held).
fn read_lines(mut reader: impl BufRead, origin: &str, limit: u64) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut line_no = 0u64;
    loop {
        line_no += 1;
        let mut buf = Vec::new();
        let read = (&mut reader).take(limit + 1).read_until(b'\n', &mut buf);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                units.push(Unit::Failed(failure(
                    origin,
                    Some(line_no),
                    format!("không đọc được: {}", crate::output::io_vi(&e)),
                    format!("cannot read: {e}"),
                )));
                break;
            }
        }
        if buf.len() as u64 > limit && buf.last() != Some(&b'\n') {
            units.push(Unit::Failed(too_big(origin, Some(line_no), limit)));
            // Skip the rest of the line without holding it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                match (&mut reader).take(1 << 16).read_until(b'\n', &mut sink) {
                    Ok(0) => break,
                    Ok(_) if sink.last() == Some(&b'\n') => break,
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            continue;
        }
        let here = format!("{origin}:{line_no}");
        match String::from_utf8(buf) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => units.push(Unit::Json { origin: here, text }),
            Err(_) => units.push(Unit::Failed(not_utf8(origin, Some(line_no)))),
        }
    }
    units
}

type Outcome = Result<(ImportedProcedure, EmittedFile), ImportFailure>;

/// What every record of the batch is imported with.
struct Options {
    emit: EmitOptions,
    /// Infer state-held documents under the texts in force on this day.
    held_on: Option<tthc::calendar::Date>,
}

fn import_unit(unit: &Unit, decision: Option<&str>, options: &Options) -> Vec<Outcome> {
    match unit {
        Unit::Failed(f) => vec![Err(f.clone())],
        Unit::Json { origin, text } => {
            // serde_json: strict JSON (the library's reader is YAML-lenient).
            let record: Record = match serde_json::from_str(text) {
                Ok(r) => r,
                Err(e) => {
                    return vec![Err(ImportFailure {
                        origin: origin.clone(),
                        line: Some(e.line() as u64),
                        column: Some(e.column() as u64),
                        reason: Text::new(json_error_vi(&e), format!("unreadable JSON: {e}")),
                    })];
                }
            };
            vec![import_checked(&record, origin).and_then(|p| finish(p, options))]
        }
        Unit::Text { origin, text } => match read_text(text, origin, decision) {
            Ok(ps) => ps.into_iter().map(|p| finish(p, options)).collect(),
            Err(e) => vec![Err(failure(origin, None, e.message.vi, e.message.en))],
        },
    }
}

/// Writes the procedure file's text and checks that it loads: a file the
/// importer wrote that does not load is an importer bug, reported, never
/// written.
fn finish(mut p: ImportedProcedure, options: &Options) -> Outcome {
    if let Some(day) = options.held_on {
        tthc::import::infer_held(&mut p, day);
    }
    let file = emit(&p, &options.emit);
    match tthc::CheckedProcedure::from_yaml_str(&file.text, &file.path) {
        Ok(_) => Ok((p, file)),
        Err(errors) => {
            let first = errors
                .errors
                .first()
                .map(|e| e.to_string())
                .unwrap_or_default();
            Err(failure(
                &p.origin,
                None,
                format!("tệp ghi ra không nạp được (lỗi của trình nhập, xin báo lại): {first}"),
                format!("the written file does not load (an importer bug, please report): {first}"),
            ))
        }
    }
}

/// A JSON record's error in Vietnamese (the line and column are the
/// failure's own): what kind of mistake, with the parser's words quoted —
/// they say what it expected, which no category does.
fn json_error_vi(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax => "JSON không đọc được: sai cú pháp JSON",
        Category::Eof => "JSON không đọc được: bản ghi kết thúc giữa chừng",
        Category::Data => "JSON không đúng cấu trúc bản ghi của Cổng dịch vụ công",
        Category::Io => "JSON không đọc được: lỗi đọc tệp",
    };
    format!("{what} (thông báo gốc: “{e}”)")
}

#[cfg(test)]
mod tests {
    use super::json_error_vi;

    #[test]
    fn json_errors_say_their_kind_in_vietnamese() {
        let vi = |text: &str| match serde_json::from_str::<serde_json::Value>(text) {
            Err(e) => json_error_vi(&e),
            Ok(_) => String::new(),
        };
        assert!(
            vi("{\"a\": 1,, }")
                .starts_with("JSON không đọc được: sai cú pháp JSON (thông báo gốc: “")
        );
        assert!(vi("{\"a\": ").starts_with("JSON không đọc được: bản ghi kết thúc giữa chừng"));
        let data = match serde_json::from_str::<Vec<u8>>("{}") {
            Err(e) => json_error_vi(&e),
            Ok(_) => String::new(),
        };
        assert!(
            data.starts_with("JSON không đúng cấu trúc bản ghi"),
            "{data}"
        );
    }
}
