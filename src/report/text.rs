//! Escaping and number formatting shared by the report renderers.
//!
//! Vietnamese uses `.` to group thousands and `,` for decimals
//! (`1.000.000 đ`, `9,5 ngày làm việc`, `77,44%`); English the reverse
//! (`1,000,000 VND`, `9.5 working days`, `77.44%`). Dates are dd/mm/yyyy in both.

use crate::i18n::Lang;
use crate::metrics::{Length, Percent};
use crate::model::{Duration, DurationUnit, Money, format_milli};
use crate::report::labels::Label;

/// Escapes text for HTML element content and quoted attribute values.
///
/// ```
/// use tthc::report::text::html_escape;
/// assert_eq!(html_escape(r#"<script>alert("x") & 'y'</script>"#),
///     "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
/// ```
pub fn html_escape(s: &str) -> String {
    escape_markup(s, false)
}

/// Text for XML 1.0 character data or an attribute value (JUnit): like
/// [`html_escape`], but line breaks and tabs become character references (so
/// an attribute keeps them) and characters XML 1.0 does not allow become
/// U+FFFD instead of vanishing.
pub fn xml_escape(s: &str) -> String {
    escape_markup(s, true)
}

fn escape_markup(s: &str, xml: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' if xml => out.push_str(&format!("&#{};", u32::from(c))),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' if xml => out.push('\u{fffd}'),
            // Control characters and the noncharacters U+FFFE/U+FFFF are
            // not allowed in XML (SVG) and are parse errors in HTML; drop them.
            c if !xml && c.is_control() && c != '\n' && c != '\t' => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for one Markdown table cell or paragraph: markup
/// characters (emphasis, code spans, links and images, strikethrough,
/// headings, the cell separator) are backslash-escaped, `<`/`>`/`&` become
/// entities (Markdown passes raw HTML through), line breaks become spaces
/// and other control characters are dropped. `tests/markdown_escape.rs`
/// checks with a CommonMark parser that nothing but text comes out.
///
/// ```
/// use tthc::report::text::markdown_escape;
/// assert_eq!(markdown_escape("a | b *c* <x>"), r"a \| b \*c\* &lt;x&gt;");
/// assert_eq!(markdown_escape("[a](b) ~~s~~"), r"\[a\](b) \~\~s\~\~");
/// ```
pub fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a source may be shown as a link: only absolute http(s) URLs, so
/// a procedure file cannot smuggle `javascript:` into a report.
pub fn is_web_link(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Money: `1.000.000 đ` in Vietnamese, `1,000,000 VND` in English.
///
/// The marker an overflowed total holds (TT008) is never shown as a figure.
pub fn money(m: Money, lang: Lang) -> String {
    if crate::metrics::is_overflow_marker(m) {
        return lang
            .pick(
                "quá lớn để tính chính xác (TT008)",
                "too large to compute exactly (TT008)",
            )
            .to_string();
    }
    match lang {
        Lang::Vi => format!("{} đ", m.grouped()),
        Lang::En => format!("{} VND", m.grouped_en()),
    }
}

/// A thousandths amount with the decimal mark of `lang` (`9,5` / `9.5`).
pub fn milli(value: u128, lang: Lang) -> String {
    let mark = lang.pick(",", ".");
    let whole = value / 1000;
    let frac = value % 1000;
    let whole = group(whole, lang);
    if frac == 0 {
        whole
    } else {
        let frac = format!("{frac:03}");
        format!("{whole}{mark}{}", frac.trim_end_matches('0'))
    }
}

/// A signed number of millionths with as many decimals as it needs, in
/// `lang`: `-1.234,5` / `-1,234.5`.
///
/// ```
/// use tthc::Lang;
/// use tthc::report::text::millionths;
/// assert_eq!(millionths(-1_234_500_000, Lang::Vi), "-1.234,5");
/// assert_eq!(millionths(2_625_000, Lang::En), "2.625");
/// assert_eq!(millionths(1_000_000_000_000, Lang::En), "1,000,000");
/// ```
pub fn millionths(value: i128, lang: Lang) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let m = value.unsigned_abs();
    let (whole, frac) = (group(m / 1_000_000, lang), m % 1_000_000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = format!("{frac:06}");
        let mark = lang.pick(",", ".");
        format!("{sign}{whole}{mark}{}", frac.trim_end_matches('0'))
    }
}

fn group(v: u128, lang: Lang) -> String {
    let m = Money::from_dong(v);
    match lang {
        Lang::Vi => m.grouped(),
        Lang::En => m.grouped_en(),
    }
}

/// The terminal columns `text` takes, character by character (a decomposed
/// diacritic takes none, a wide character two): one measure for every
/// aligned text table, so that cutting, padding and sizing agree.
///
/// ```
/// use tthc::report::text::columns;
/// assert_eq!(columns("Đăng ký"), 7);
/// assert_eq!(columns("Đa\u{306}ng"), 4);
/// assert_eq!(columns("登记"), 4);
/// ```
pub fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

/// A percentage with two decimals: `77,44%` / `77.44%`.
pub fn percent(p: Percent, lang: Lang) -> String {
    let s = p.to_string();
    match lang {
        Lang::Vi => format!("{}%", s.replace('.', ",")),
        Lang::En => format!("{s}%"),
    }
}

/// A signed percentage change: `+12,50%`, `−30,00%` (a real minus sign).
pub fn signed_percent(p: Percent, lang: Lang) -> String {
    let bp = p.basis_points();
    let magnitude = percent(Percent::from_basis_points(bp.abs()), lang);
    match bp.signum() {
        1 => format!("+{magnitude}"),
        -1 => format!("−{magnitude}"),
        _ => magnitude,
    }
}

/// Hours of applicant time, from thousandths of an hour: `9,5 giờ` / `9.5 h`.
pub fn hours(milli_hours: u128, lang: Lang) -> String {
    format!("{} {}", milli(milli_hours, lang), Label::Hour.get(lang))
}

/// A processing-time length in `lang`.
pub fn length(l: Length, lang: Lang) -> String {
    match l {
        Length::WorkingDays(m) => format!(
            "{} {}",
            milli(m.into(), lang),
            Label::WorkingDaysShort.get(lang)
        ),
        Length::CalendarDays(m) => format!(
            "{} {}",
            milli(m.into(), lang),
            Label::CalendarDaysShort.get(lang)
        ),
        Length::NeedsCalendar => lang
            .pick(
                "lẫn ngày và ngày làm việc: cần lịch làm việc",
                "mixed units: needs the calendar",
            )
            .to_string(),
    }
}

/// The critical path's length in `lang`, `at least` when a step on it
/// takes months ([`crate::metrics::ProcessingTime::lower_bound`]):
/// `ít nhất 20 ngày làm việc`.
pub fn path_length(pt: &crate::metrics::ProcessingTime, lang: Lang) -> String {
    bounded_length(pt.length, pt.lower_bound, lang)
}

/// A path's length in `lang`, `at least` when it is a lower bound.
pub fn bounded_length(l: Length, lower_bound: bool, lang: Lang) -> String {
    let text = length(l, lang);
    if lower_bound {
        format!("{} {text}", lang.pick("ít nhất", "at least"))
    } else {
        text
    }
}

/// How the critical path `pt` compares with a published deadline `d`, in
/// `lang`: `trong thời hạn`, or for months with the bound it was judged on
/// (`vượt thời hạn: 1 tháng có ít nhất 15 ngày làm việc …`). One wording for
/// the headline deadline and each channel's, in every output.
pub fn deadline_verdict(pt: &crate::metrics::ProcessingTime, d: Duration, lang: Lang) -> String {
    if pt.may_exceed(d) {
        let upper = pt.upper_bound.map(|u| length(u, lang)).unwrap_or_default();
        let bound = pt
            .month_bound_of(d)
            .map(|b| format!("; {}", b.text().get(lang)))
            .unwrap_or_default();
        return match lang {
            Lang::Vi => format!(
                "có thể vượt thời hạn tùy ngày bắt đầu: đường găng có thể mất đến {upper}{bound}"
            ),
            Lang::En => format!(
                "may exceed it, depending on the start date: the critical path can take up to {upper}{bound}"
            ),
        };
    }
    let verdict = match pt.versus(d) {
        Some(std::cmp::Ordering::Greater) => lang.pick("vượt thời hạn", "exceeded"),
        Some(std::cmp::Ordering::Equal) => lang.pick("bằng thời hạn", "equal"),
        Some(std::cmp::Ordering::Less) => lang.pick("trong thời hạn", "within"),
        None => lang.pick("khác đơn vị: cần lịch", "other unit: needs the calendar"),
    };
    match pt.month_bound_of(d) {
        Some(b) => format!("{verdict}: {}", b.text().get(lang)),
        None => verdict.to_string(),
    }
}

/// A declared duration in `lang`: `0,5 ngày làm việc`, `4 working hours`.
pub fn duration(d: Duration, lang: Lang) -> String {
    if d.is_same_day() {
        return Label::SameDay.get(lang).to_string();
    }
    let amount = match lang {
        Lang::Vi => format_milli(d.milli(), ','),
        Lang::En => format_milli(d.milli(), '.'),
    };
    let one = d.milli() == 1000;
    let unit = match (d.unit(), lang, one) {
        (DurationUnit::WorkingDays, Lang::Vi, _) => "ngày làm việc",
        (DurationUnit::CalendarDays, Lang::Vi, _) => "ngày",
        (DurationUnit::WorkingHours, Lang::Vi, _) => "giờ làm việc",
        (DurationUnit::WorkingDays, Lang::En, true) => "working day",
        (DurationUnit::WorkingDays, Lang::En, false) => "working days",
        (DurationUnit::CalendarDays, Lang::En, true) => "day",
        (DurationUnit::CalendarDays, Lang::En, false) => "days",
        (DurationUnit::WorkingHours, Lang::En, true) => "working hour",
        (DurationUnit::WorkingHours, Lang::En, false) => "working hours",
        (DurationUnit::Months, Lang::Vi, _) => "tháng",
        (DurationUnit::Months, Lang::En, true) => "month",
        (DurationUnit::Months, Lang::En, false) => "months",
    };
    format!("{amount} {unit}")
}

/// A calendar date shown in a report (the day it was made).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl ReportDate {
    /// The date `days` days after 1970-01-01 (proleptic Gregorian), for
    /// turning a clock reading into a date without a date library.
    ///
    /// ```
    /// use tthc::report::text::ReportDate;
    /// let d = ReportDate::from_unix_days(20_089);
    /// assert_eq!(d.to_string(), "01/01/2025");
    /// ```
    pub fn from_unix_days(days: i64) -> ReportDate {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        ReportDate {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

impl std::fmt::Display for ReportDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// Breaks `text` into lines of at most `width` characters at spaces; a word
/// longer than `width` gets a line of its own and is never cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if len > 0 && len + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money_and_numbers_per_language() {
        let m = Money::from_dong(1_000_000);
        assert_eq!(money(m, Lang::Vi), "1.000.000 đ");
        assert_eq!(money(m, Lang::En), "1,000,000 VND");
        assert_eq!(milli(9_500, Lang::Vi), "9,5");
        assert_eq!(milli(12_345_250, Lang::En), "12,345.25");
        assert_eq!(milli(12_345_250, Lang::Vi), "12.345,25");
        let p = Percent::from_basis_points(-7_744);
        assert_eq!(percent(p, Lang::Vi), "-77,44%");
        assert_eq!(signed_percent(p, Lang::Vi), "−77,44%");
        assert_eq!(
            signed_percent(Percent::from_basis_points(1_250), Lang::En),
            "+12.50%"
        );
        assert_eq!(
            duration(
                Duration::from_milli(500, DurationUnit::WorkingDays),
                Lang::Vi
            ),
            "0,5 ngày làm việc"
        );
        assert_eq!(
            duration(Duration::working_days(1), Lang::En),
            "1 working day"
        );
        assert_eq!(duration(Duration::same_day(), Lang::Vi), "trong ngày");
        assert_eq!(
            length(Length::WorkingDays(7_000), Lang::Vi),
            "7 ngày làm việc"
        );
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(ReportDate::from_unix_days(0).to_string(), "01/01/1970");
        // 2024 is a leap year: day 19_782 is 29/02/2024.
        assert_eq!(ReportDate::from_unix_days(19_782).to_string(), "29/02/2024");
        assert_eq!(ReportDate::from_unix_days(-1).to_string(), "31/12/1969");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(html_escape("a\u{0}b"), "ab");
        assert_eq!(markdown_escape("x\ny"), "x y");
        assert!(is_web_link("https://dichvucong.gov.vn/p?a=1"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://x y"));
    }

    #[test]
    fn wraps_at_spaces_without_cutting_words() {
        assert_eq!(
            wrap("Sở Thông tin và Truyền thông thẩm định", 12),
            vec!["Sở Thông tin", "và Truyền", "thông thẩm", "định"]
        );
        let long = "Siêu-dài-không-có-khoảng-trắng";
        assert_eq!(wrap(long, 5), vec![long.to_string()]);
        assert_eq!(wrap("", 5), vec![String::new()]);
        let joined: String = wrap("một hai ba bốn năm sáu", 7).join(" ");
        assert_eq!(joined, "một hai ba bốn năm sáu");
    }
}
