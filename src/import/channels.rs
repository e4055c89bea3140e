//! The channel table (`cach_thuc_thuc_hien`): `Hình thức nộp | Thời gian |
//! Phí, lệ phí | Mô tả`, flattened into one string.

use super::model::{ChannelFee, ChannelRow, FeeAmount, FieldName, Note};
use super::scan::{
    NOT_GIVEN, char_at, char_before, close_bracket, currency_len, digits_len, money_mentions,
    nonblank, parse_amount, squeeze,
};
use crate::i18n::Text;
use crate::model::Channel;

/// The header of the flattened channel table.
pub(crate) const HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";

/// Channel names as the portal writes them.
pub(crate) const CHANNEL_NAMES: [(&str, Channel); 3] = [
    ("Dịch vụ bưu chính", Channel::Post),
    ("Trực tuyến", Channel::Online),
    ("Trực tiếp", Channel::InPerson),
];

/// Deadline units, longest first (compared case-insensitively).
pub(crate) const UNITS: [&str; 9] = [
    "ngày làm việc",
    "giờ làm việc",
    "ngày lv",
    "ngày",
    "giờ",
    "tháng",
    "tuần",
    "năm",
    "phút",
];

/// What the channel table gave.
#[derive(Debug, Default)]
pub(crate) struct Channels {
    pub rows: Vec<ChannelRow>,
    /// Text outside every row (before the first row, without the header).
    pub residue: Vec<String>,
    /// Non-blank characters consumed as markup: the header, channel names,
    /// `Không có thông tin` cells, the brackets of fee notes.
    pub markup_chars: usize,
}

/// Where channel rows start: a channel name glued to the next cell (the
/// flattened form), or at the start of a line followed by a space and a
/// number or `Không có thông tin` (the plain-text form).
fn row_starts(text: &str) -> Vec<(usize, usize, Channel)> {
    let mut starts: Vec<(usize, usize, Channel)> = Vec::new();
    for (name, channel) in CHANNEL_NAMES {
        for (at, _) in text.match_indices(name) {
            let after = at + name.len();
            let next = char_at(text, after);
            let glued = match next {
                None => true,
                Some(c) => c.is_ascii_digit() || c.is_uppercase(),
            };
            let line_start = char_before(text, at).is_none_or(|c| c == '\n');
            let spaced = line_start && {
                let rest = text[after..].trim_start_matches([' ', '\t']);
                rest.len() < text.len() - after
                    && (rest.starts_with(|c: char| c.is_ascii_digit())
                        || rest.starts_with(NOT_GIVEN))
            };
            if glued || spaced {
                starts.push((at, after, channel));
            }
        }
    }
    starts.sort_by_key(|s| s.0);
    starts
}

/// Where a fee cell may start in `s`: `Miễn phí`, `Không có thông tin`, or
/// an amount followed by a currency.
fn find_fee(s: &str) -> Option<usize> {
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("Miễn phí") || rest.starts_with(NOT_GIVEN) {
            return Some(i);
        }
        let c = rest.chars().next()?;
        if c.is_ascii_digit()
            && !char_before(s, i).is_some_and(|p| p.is_ascii_digit())
            && let Some((_, len)) = parse_amount(rest)
            && currency_len(&rest[len..]).is_some()
        {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// A known unit at the start of `s` (after spaces): its byte length with the spaces.
fn unit_len(s: &str) -> Option<usize> {
    let t = s.trim_start_matches([' ', '\u{a0}']);
    let skipped = s.len() - t.len();
    let head = super::scan::lower_prefix(t, 24);
    UNITS.iter().find_map(|u| {
        head.starts_with(u)
            // The unit is a word: `Ngày` but not `Ngàyx`; the lower-cased
            // prefix has the same byte length for these letters.
            .then(|| {
                let len = t
                    .char_indices()
                    .nth(u.chars().count())
                    .map_or(t.len(), |(i, _)| i);
                skipped + len
            })
            .filter(|len| !char_at(s, *len).is_some_and(char::is_lowercase))
    })
}

/// The number at the start of a deadline cell: digits, optionally `/digits`
/// or `,digits` (`1/2`, `0,5`).
fn number_len(s: &str) -> usize {
    let mut n = digits_len(s);
    if n > 0 && (s[n..].starts_with('/') || s[n..].starts_with(',')) {
        let more = digits_len(&s[n + 1..]);
        if more > 0 {
            n += 1 + more;
        }
    }
    n
}

/// Reads the channel table.
pub(crate) fn read(text: &str, notes: &mut Vec<Note>) -> Channels {
    let mut out = Channels::default();
    let mut body_start = 0;
    let trimmed = text.trim_start();
    if let Some(at) = text.find(HEADER) {
        body_start = at + HEADER.len();
        out.markup_chars += nonblank(HEADER);
        let before = text[..at].trim();
        if !before.is_empty() {
            out.residue.push(before.to_string());
        }
    } else if !trimmed.is_empty() {
        notes.push(Note {
            field: FieldName::Channels,
            text: Text::new(
                "bảng cách thức thực hiện không có dòng tiêu đề `Hình thức nộp…Mô tả`; các cột được tách theo tên kênh",
                "the channel table has no header `Hình thức nộp…Mô tả`; columns are split at the channel names",
            ),
        });
    }
    let body = &text[body_start..];
    let starts = row_starts(body);
    let first = starts.first().map_or(body.len(), |s| s.0);
    let lead = body[..first].trim();
    if !lead.is_empty() {
        out.residue.push(lead.to_string());
        notes.push(Note {
            field: FieldName::Channels,
            text: Text::new(
                format!(
                    "văn bản trước dòng kênh đầu tiên không đọc được: «{}»",
                    short(lead)
                ),
                format!(
                    "text before the first channel row could not be placed: «{}»",
                    short(lead)
                ),
            ),
        });
    }
    for (k, &(at, cell, channel)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(body.len(), |s| s.0);
        out.markup_chars += nonblank(&body[at..cell]);
        let row = read_row(channel, &body[cell..end], notes, &mut out.markup_chars);
        out.rows.push(row);
    }
    if starts.is_empty() && !body.trim().is_empty() {
        notes.push(Note {
            field: FieldName::Channels,
            text: Text::new(
                "không tìm thấy dòng kênh nào (Trực tiếp, Trực tuyến, Dịch vụ bưu chính)",
                "no channel row found (Trực tiếp, Trực tuyến, Dịch vụ bưu chính)",
            ),
        });
    }
    out
}

/// A short quotation of a text for a note.
pub(crate) fn short(text: &str) -> String {
    let t = squeeze(text.trim());
    match t.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t,
    }
}

fn channel_vi(channel: Channel) -> &'static str {
    match channel {
        Channel::InPerson => "Trực tiếp",
        Channel::Online => "Trực tuyến",
        Channel::Post => "Dịch vụ bưu chính",
    }
}

/// Reads one row (the text after the channel name).
fn read_row(channel: Channel, row: &str, notes: &mut Vec<Note>, markup: &mut usize) -> ChannelRow {
    let name = channel_vi(channel);
    let mut result = ChannelRow {
        channel,
        deadline: None,
        deadline_unit_missing: false,
        fee: ChannelFee {
            text: None,
            amount: FeeAmount::NotGiven,
            note: None,
            mentioned_amounts: Vec::new(),
        },
        description: None,
        unsplit: None,
    };
    let s = row.trim_start();
    let mut note = |field, vi: String, en: String| {
        notes.push(Note {
            field,
            text: Text::new(vi, en),
        })
    };
    // 1. The deadline cell.
    let rest: &str;
    if let Some(r) = s.strip_prefix(NOT_GIVEN) {
        *markup += nonblank(NOT_GIVEN);
        rest = r;
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        let n = number_len(s);
        let after = &s[n..];
        if let Some((_, amount_len)) = parse_amount(s)
            && currency_len(&s[amount_len..]).is_some()
            && unit_len(after).is_none()
        {
            // `1100 VNĐ`: a unit-less deadline glued to an amount.
            let cell_end = amount_len + currency_len(&s[amount_len..]).unwrap_or(0);
            let glued = &s[..cell_end];
            result.fee.amount = FeeAmount::Uncertain;
            result.unsplit = Some(squeeze(glued));
            note(
                FieldName::Deadlines,
                format!(
                    "{name}: thời hạn không có đơn vị và dính vào số tiền «{glued}»; không tách được chắc chắn"
                ),
                format!(
                    "{name}: the deadline has no unit and runs into the amount «{glued}»; it cannot be split with certainty"
                ),
            );
            note(
                FieldName::Fees,
                format!("{name}: số tiền dính vào thời hạn «{glued}»; không đọc được chắc chắn"),
                format!(
                    "{name}: the amount runs into the deadline «{glued}»; it cannot be read with certainty"
                ),
            );
            let tail = &s[cell_end..];
            fee_tail(&mut result, tail, name, &mut note, markup);
            return result;
        } else if let Some(u) = unit_len(after) {
            result.deadline = Some(squeeze(&s[..n + u]));
            rest = &after[u..];
        } else {
            result.deadline = Some(s[..n].to_string());
            result.deadline_unit_missing = true;
            note(
                FieldName::Deadlines,
                format!("{name}: thời hạn «{}» không có đơn vị", &s[..n]),
                format!("{name}: the deadline «{}» has no unit", &s[..n]),
            );
            let after_trim = after.trim_start();
            if !after_trim.is_empty() && find_fee(after_trim) != Some(0) {
                // Text between the number and the fee: keep it with the deadline.
                match find_fee(after) {
                    Some(f) => {
                        result.deadline = Some(squeeze(&s[..n + f]));
                        rest = &after[f..];
                    }
                    None => rest = after,
                }
            } else {
                rest = after;
            }
        }
    } else {
        match find_fee(s) {
            Some(f) if f > 0 => {
                let cell = s[..f].trim();
                result.deadline = Some(squeeze(cell));
                note(
                    FieldName::Deadlines,
                    format!(
                        "{name}: thời hạn là một đoạn văn, không phải số và đơn vị: «{}»",
                        short(cell)
                    ),
                    format!(
                        "{name}: the deadline is a text, not a number and unit: «{}»",
                        short(cell)
                    ),
                );
                rest = &s[f..];
            }
            _ => rest = s,
        }
    }
    // 2. The fee cell.
    let r = rest.trim_start();
    if let Some(t) = r.strip_prefix("Miễn phí") {
        result.fee.amount = FeeAmount::Free;
        result.fee.text = Some("Miễn phí".to_string());
        fee_tail(&mut result, t, name, &mut note, markup);
    } else if let Some(t) = r.strip_prefix(NOT_GIVEN) {
        result.fee.amount = FeeAmount::NotGiven;
        *markup += nonblank(NOT_GIVEN);
        fee_tail(&mut result, t, name, &mut note, markup);
    } else if let Some((value, len)) = parse_amount(r)
        && let Some(cur) = currency_len(&r[len..])
    {
        result.fee.amount = FeeAmount::Dong(value);
        result.fee.text = Some(squeeze(&r[..len + cur]));
        fee_tail(&mut result, &r[len + cur..], name, &mut note, markup);
    } else if !r.trim().is_empty() {
        result.fee.amount = FeeAmount::Uncertain;
        result.unsplit = Some(squeeze(r.trim()));
        note(
            FieldName::Fees,
            format!(
                "{name}: không tìm thấy ô phí (Miễn phí, Không có thông tin hoặc số tiền); giữ nguyên văn bản «{}»",
                short(r)
            ),
            format!(
                "{name}: no fee cell found (Miễn phí, Không có thông tin or an amount); the text is kept whole: «{}»",
                short(r)
            ),
        );
    }
    if result.deadline.is_none() && !s.starts_with(NOT_GIVEN) && result.unsplit.is_none() {
        note(
            FieldName::Deadlines,
            format!("{name}: dòng không có ô thời hạn"),
            format!("{name}: the row has no deadline cell"),
        );
    }
    result
}

/// After the fee token: an optional bracketed note, then the description.
fn fee_tail(
    row: &mut ChannelRow,
    tail: &str,
    name: &str,
    note: &mut impl FnMut(FieldName, String, String),
    markup: &mut usize,
) {
    let mut desc = tail;
    if tail.starts_with('(') {
        match close_bracket(tail, 0) {
            Some(end) => {
                *markup += 2;
                let inner = tail[1..end - 1].trim();
                if !inner.is_empty() {
                    row.fee.note = Some(squeeze(inner));
                }
                desc = &tail[end..];
            }
            None => {
                *markup += 1;
                row.fee.note = Some(squeeze(tail.strip_prefix('(').unwrap_or(tail).trim()));
                desc = "";
                note(
                    FieldName::Fees,
                    format!(
                        "{name}: ghi chú phí mở ngoặc mà không đóng; phần còn lại của dòng được coi là ghi chú phí"
                    ),
                    format!(
                        "{name}: the fee note opens a bracket that never closes; the rest of the row is taken as the fee note"
                    ),
                );
            }
        }
    }
    let d = desc.trim();
    if !d.is_empty() {
        row.description = Some(squeeze(d));
    }
    let mut mentioned = row
        .fee
        .note
        .as_deref()
        .map(money_mentions)
        .unwrap_or_default();
    if let Some(d) = &row.description {
        mentioned.extend(money_mentions(d));
    }
    row.fee.mentioned_amounts = mentioned;
    let others: Vec<u64> = match row.fee.amount {
        FeeAmount::Dong(v) => row
            .fee
            .mentioned_amounts
            .iter()
            .copied()
            .filter(|m| *m != v)
            .collect(),
        FeeAmount::Free | FeeAmount::NotGiven => row.fee.mentioned_amounts.clone(),
        FeeAmount::Uncertain => Vec::new(),
    };
    if !others.is_empty() {
        let list = others
            .iter()
            .map(|v| super::format_dong(*v))
            .collect::<Vec<_>>()
            .join(", ");
        let cell = row
            .fee
            .text
            .clone()
            .unwrap_or_else(|| NOT_GIVEN.to_string());
        note(
            FieldName::Fees,
            format!(
                "{name}: bảng ghi «{cell}» nhưng ghi chú nêu số tiền khác ({list} đồng): có thể là phí theo trường hợp, mức thu tạm thời hoặc ghi chú cũ"
            ),
            format!(
                "{name}: the table says «{cell}» but the note names other amounts ({list} đồng): a fee by case, a temporary rate or a stale note"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> (Vec<ChannelRow>, Vec<Note>) {
        let mut notes = Vec::new();
        let c = read(text, &mut notes);
        (c.rows, notes)
    }

    #[test]
    fn per_channel_deadline_and_fee() {
        let (r, _) = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(thu 10.000 đồng/lần)Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].channel, Channel::Online);
        assert_eq!(r[0].deadline.as_deref(), Some("7 Ngày làm việc"));
        assert_eq!(r[0].fee.amount, FeeAmount::Dong(10_000));
        assert_eq!(r[0].fee.note.as_deref(), Some("thu 10.000 đồng/lần"));
        assert_eq!(r[1].fee.amount, FeeAmount::Dong(20_000));
    }

    #[test]
    fn unit_missing_and_glued_amount() {
        let (r, notes) =
            rows("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíTrực tiếp125 VNĐ");
        assert_eq!(r[0].deadline.as_deref(), Some("1"));
        assert!(r[0].deadline_unit_missing);
        assert_eq!(r[0].fee.amount, FeeAmount::Free);
        assert_eq!(r[1].deadline, None);
        assert_eq!(r[1].fee.amount, FeeAmount::Uncertain);
        assert!(notes.iter().any(|n| n.text.en.contains("125 VNĐ")));
    }

    #[test]
    fn channel_names_inside_descriptions_do_not_start_rows() {
        let (r, _) = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí- Trực tuyến: nộp trực tuyến. - Trực tiếp: tại Cục.Trực tuyến5 Ngày làm việcMiễn phí",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].description.as_deref(),
            Some("- Trực tuyến: nộp trực tuyến. - Trực tiếp: tại Cục.")
        );
    }

    #[test]
    fn a_text_deadline_is_kept_as_text() {
        let (r, _) = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng",
        );
        assert_eq!(
            r[0].deadline.as_deref(),
            Some("Không phải trả kết quả cho người nộp thuế")
        );
        assert_eq!(r[0].fee.amount, FeeAmount::Free);
        assert_eq!(r[0].description.as_deref(), Some("Qua Cổng"));
    }
}
