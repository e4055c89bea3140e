//! `tthc holidays 2026`: the days off and make-up days of a year, each with
//! its legal basis or source and its status (law, announced, predicted).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::Lang;
use tthc::calendar::{Calendar, HolidayKind, HolidayStatus};

/// Arguments of `tthc holidays`.
#[derive(clap::Args)]
pub struct Args {
    /// The solar year (1900–2100).
    year: i32,
    /// Extra holiday data (YAML, format tthc-holidays/1) added to the built-in data.
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Language of the output.
    #[arg(long)]
    lang: Option<Lang>,
}

/// The built-in calendar, extended with the data file at `path` if given;
/// its errors are printed (located, with the snippet) and give exit 2.
pub fn load_calendar(path: Option<&Path>, lang: Lang) -> Result<Calendar, ExitCode> {
    match path {
        None => Ok(Calendar::vietnam()),
        Some(p) => Calendar::with_data_file(p).map_err(|e| {
            crate::output::print_errors(&e, lang);
            ExitCode::from(2)
        }),
    }
}

/// Writes `text` to stdout; a full or closed stdout is an error message
/// and exit status 2, never a panic.
pub fn emit(text: &str, lang: Lang) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {e}",
                lang.pick("lỗi ghi kết quả", "error writing the output")
            );
            ExitCode::from(2)
        }
    }
}

/// Prints an error in `lang` and returns exit status 2.
pub fn fail(lang: Lang, msg: &str) -> ExitCode {
    // Terminal-safe: a message can quote the data file.
    crate::output::print_error(lang, msg, msg);
    ExitCode::from(2)
}

/// The table of `year` as text.
pub fn render(cal: &Calendar, year: i32, lang: Lang) -> Result<String, String> {
    let entries = cal.calendar_entries(year).map_err(|e| e.message(lang))?;
    let summary = cal.year_summary(year).map_err(|e| e.message(lang))?;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {year}: {}",
        lang.pick("Ngày nghỉ lễ, Tết năm", "Days off of"),
        summary.status.label(lang)
    );
    let _ = writeln!(
        s,
        "{:<10}  {:<9}  {:<20}  {:<22}  {}",
        lang.pick("ngày", "date"),
        lang.pick("thứ", "weekday"),
        lang.pick("loại", "kind"),
        lang.pick("trạng thái", "status"),
        lang.pick("tên", "name"),
    );
    for h in &entries {
        let _ = writeln!(
            s,
            "{:<10}  {:<9}  {:<20}  {:<22}  {}",
            h.date.to_string(),
            h.date.weekday().name(lang),
            h.kind.label(lang),
            h.status.label(lang),
            h.name.get(lang),
        );
        let _ = writeln!(
            s,
            "{:12}{}: {}",
            "",
            lang.pick("căn cứ", "basis"),
            h.basis.get(lang)
        );
    }
    let count = |f: &dyn Fn(HolidayKind) -> bool| entries.iter().filter(|h| f(h.kind)).count();
    let holidays = count(&|k| k == HolidayKind::Statutory);
    let on_rest = entries
        .iter()
        .filter(|h| h.kind == HolidayKind::Statutory && cal.is_weekly_rest_day(h.date))
        .count();
    let _ = writeln!(
        s,
        "{}: {holidays} ({} {on_rest}), {}: {}, {}: {}, {}: {}, {}: {}",
        lang.pick("ngày lễ", "holidays"),
        lang.pick("trùng ngày nghỉ hằng tuần:", "on weekly rest days:"),
        lang.pick("nghỉ bù", "substitutes"),
        count(&|k| k == HolidayKind::Substitute),
        lang.pick("nghỉ hoán đổi", "swapped days off"),
        count(&|k| k == HolidayKind::SwappedDayOff),
        lang.pick(
            "ngày Tết trùng ngày nghỉ hằng tuần",
            "Tết days on weekly rest days"
        ),
        count(&|k| k == HolidayKind::RestDay),
        lang.pick("ngày làm bù", "make-up working days"),
        count(&|k| k == HolidayKind::MakeUpWorkingDay),
    );
    if !summary.breaks.is_empty() {
        let _ = writeln!(s, "{}:", lang.pick("Các kỳ nghỉ", "Breaks"));
        for b in &summary.breaks {
            let unit = match (lang, b.days) {
                (Lang::Vi, _) => "ngày",
                (Lang::En, 1) => "day",
                (Lang::En, _) => "days",
            };
            let _ = writeln!(s, "  {} – {} ({} {unit})", b.first, b.last, b.days);
        }
    }
    if entries.iter().any(|h| h.status == HolidayStatus::Predicted) {
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "Dự kiến — chưa công bố: các ngày ghi \"dự kiến\" theo quy tắc, chưa có quyết định của Thủ tướng trong dữ liệu.",
                "Predicted — not yet announced: the days marked \"predicted\" follow the rules; no decision of the Prime Minister is in the data."
            )
        );
    }
    for n in &summary.notes {
        let _ = writeln!(s, "{}: {}", lang.pick("Ghi chú", "Note"), n.get(lang));
    }
    Ok(s)
}

pub fn run(args: Args) -> ExitCode {
    let lang = crate::output::resolve_lang(args.lang);
    let cal = match load_calendar(args.holidays.as_deref(), lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match render(&cal, args.year, lang) {
        Ok(text) => emit(&text, lang),
        Err(e) => fail(lang, &e),
    }
}
