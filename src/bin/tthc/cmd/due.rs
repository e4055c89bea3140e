//! `tthc due --from 2026-02-13T16:00 --days 7 [--unit working|calendar]`:
//! the due date-time of a dossier.

use super::holidays::load_calendar;
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::calendar::DateTime;
use tthc::{Duration, DurationUnit, Lang, parse_milli_amount};

/// Unit of `--days`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Unit {
    /// Working days (ngày làm việc).
    Working,
    /// Calendar days (ngày).
    Calendar,
    /// Working hours (giờ làm việc).
    Hours,
}

/// Arguments of `tthc due`.
#[derive(clap::Args)]
pub struct Args {
    /// When the complete dossier was received: YYYY-MM-DDTHH:MM (local time).
    #[arg(long)]
    from: String,
    /// The duration amount (0.5 allowed); use --same-day for "trong ngày".
    #[arg(long, required_unless_present = "same_day")]
    days: Option<String>,
    /// Unit of --days.
    #[arg(long, value_enum, default_value = "working")]
    unit: Unit,
    /// A same-day ("trong ngày") procedure.
    #[arg(long, conflicts_with = "days")]
    same_day: bool,
    /// Also list the holidays and swaps skipped.
    #[arg(long, short)]
    verbose: bool,
    /// Extra holiday data (YAML, format tthc-holidays/1) added to the built-in data.
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Language of the output (default: $TTHC_LANG, then `lang:` in
    /// tthc.yaml, then vi).
    #[arg(long)]
    lang: Option<Lang>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = crate::output::resolve_lang(args.lang);
    let fail = |msg: String| {
        eprintln!("{}: {msg}", lang.pick("lỗi", "error"));
        ExitCode::from(2)
    };
    let cal = match load_calendar(args.holidays.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let received: DateTime = match args.from.parse() {
        Ok(t) => t,
        Err(e) => return fail(e.to_string()),
    };
    let duration = if args.same_day {
        Duration::same_day()
    } else {
        let text = args.days.unwrap_or_default();
        let milli = match parse_milli_amount(&text) {
            Ok(m) => m,
            Err(e) => return fail(e.to_string()),
        };
        let unit = match args.unit {
            Unit::Working => DurationUnit::WorkingDays,
            Unit::Calendar => DurationUnit::CalendarDays,
            Unit::Hours => DurationUnit::WorkingHours,
        };
        Duration::from_milli(milli, unit)
    };
    let schedule = match cal.processing_time_on_calendar(received, &[duration]) {
        Ok(s) => s,
        Err(e) => return fail(e.to_string()),
    };
    let due = schedule.due;
    println!("{due} ({})", due.date().weekday().name(lang));
    if args.verbose {
        println!(
            "{}: {received}; {}: {}",
            lang.pick("tiếp nhận", "received"),
            lang.pick("bắt đầu tính", "clock starts"),
            schedule.clock_start
        );
        println!(
            "{}: {duration}; {}: {} {}",
            lang.pick("thời hạn", "duration"),
            lang.pick("tổng", "total"),
            tthc::format_milli(schedule.working_milli_days, '.'),
            lang.pick("ngày làm việc", "working days"),
        );
        match cal.entries_between(received.date(), due.date()) {
            Ok(entries) if entries.is_empty() => {
                println!(
                    "{}",
                    lang.pick("không có ngày nghỉ lễ", "no holidays skipped")
                )
            }
            Ok(entries) => {
                println!("{}:", lang.pick("ngày nghỉ lễ bỏ qua", "holidays skipped"));
                for h in entries {
                    println!(
                        "  {} {:<9} {} [{}]",
                        h.date,
                        h.date.weekday().name(lang),
                        h.name.get(lang),
                        h.kind.label(lang)
                    );
                }
            }
            Err(e) => return fail(e.to_string()),
        }
    }
    ExitCode::SUCCESS
}
