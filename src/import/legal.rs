//! The legal-basis table (`can_cu_phap_ly`): header `Tên văn bản pháp
//! lýMã văn bản`, then per text its title glued to its number.

use super::channels::short;
use super::model::{FieldName, LegalText, Note};
use super::scan::{char_at, char_before, digits_len, nonblank, squeeze};
use crate::i18n::Text;

/// The header of the flattened legal-basis table.
pub(crate) const HEADER: &str = "Tên văn bản pháp lýMã văn bản";

/// Codes of document kinds and issuing bodies that end or make up the
/// last part of a Vietnamese legal document number (`NĐ-CP`, `TT-BTC`,
/// `QĐ-TTg`, `QH14`…). Used only to find where a number glued to the next
/// title ends.
const CODES: [&str; 68] = [
    "CP", "TTG", "QH", "UBTVQH", "NĐ", "TT", "QĐ", "NQ", "PL", "CT", "TTLT", "VBHN", "BTC", "BCA",
    "BTP", "BXD", "BNNMT", "BNNPTNT", "BTNMT", "NHNN", "BLĐTBXH", "HĐND", "UBND", "BYT", "BGDĐT",
    "BGTVT", "BCT", "BKHĐT", "BNV", "BQP", "BNG", "BVHTTDL", "BTTTT", "BKHCN", "VPCP", "TANDTC",
    "VKSNDTC", "KTNN", "TTCP", "UBDT", "HĐTP", "BKH", "BTM", "BTS", "BCN", "BBCVT", "BVHTT", "BDT",
    "BGD", "BLĐ", "UBCKNN", "TCHQ", "TCT", "KBNN", "BHXH", "TLĐ", "MTTQ", "TW", "BNN", "BTNMT",
    "TTG", "NĐCP", "HĐTĐKT", "BQL", "SXD", "STC", "CTN", "VPQH",
];

/// Kinds of documents numbered without a year (`48/VBHN-VPQH`, `66/NQ-CP`).
const YEARLESS: [&str; 6] = ["VBHN", "NQ", "QĐ", "CT", "CĐ", "TB"];

/// One legal document number found in the table.
#[derive(Debug, Clone)]
struct Number {
    start: usize,
    end: usize,
    /// The number's digits were glued to digits of the title.
    glued_digits: bool,
    /// The boundary with the following text was inferred (see the note).
    inferred: Option<Text>,
}

fn is_code_letter(c: char) -> bool {
    c.is_uppercase() && c.is_alphabetic()
}

/// Reads the issuer part after `NN/YYYY/` at `i`: its end and whether the
/// end was inferred.
fn suffix_end(s: &str, mut i: usize) -> (usize, Option<Text>) {
    let mut inferred = None;
    loop {
        let seg_start = i;
        while let Some(c) = char_at(s, i).filter(|c| is_code_letter(*c)) {
            i += c.len_utf8();
        }
        if i == seg_start {
            break;
        }
        let seg = &s[seg_start..i];
        if seg == "TT" && char_at(s, i) == Some('g') {
            i += 1;
        } else if !CODES.contains(&seg) {
            let next = char_at(s, i);
            // The longest known code the segment starts with.
            let prefix = CODES
                .iter()
                .filter(|c| seg.starts_with(**c) && c.len() < seg.len())
                .max_by_key(|c| c.len());
            let lower_next = next.is_some_and(char::is_lowercase);
            if let Some(p) = prefix {
                let cut = seg_start + p.len();
                if !lower_next || seg.len() - p.len() > 1 {
                    inferred = Some(Text::new(
                        format!(
                            "số hiệu có đoạn «{seg}» dính vào tên văn bản sau; cắt sau mã «{p}»"
                        ),
                        format!(
                            "the number's part «{seg}» runs into the next title; cut after the code «{p}»"
                        ),
                    ));
                }
                return (cut, inferred);
            }
            if lower_next && seg.chars().count() > 1 {
                // `…CPThông`: the last capital starts the next word.
                let last = seg.chars().next_back().map_or(0, char::len_utf8);
                inferred = Some(Text::new(
                    format!(
                        "mã «{seg}» không có trong danh mục; chữ hoa cuối được coi là đầu tên văn bản sau"
                    ),
                    format!(
                        "the code «{seg}» is not a known one; its last capital is taken as the start of the next title"
                    ),
                ));
                return (i - last, inferred);
            }
        }
        // Digits after the letters (`QH14`, `UBTVQH11`, `C06`): at most two
        // when more digits and a `/` follow (the next number's start).
        // Only a legislature code (`QH14`, `UBTVQH11`) or an unknown unit
        // code (`C06`) carries digits; `NĐ-CP193/…` starts the next number.
        let d = if CODES.contains(&seg) && !seg.ends_with("QH") {
            0
        } else {
            digits_len(&s[i..])
        };
        if d > 0 {
            let followed_by_number = s[i + d..].starts_with('/');
            let take = if followed_by_number && d > 2 { 2 } else { d };
            if char_before(s, i) != Some('g') {
                i += take;
            }
            if take < d {
                return (i, inferred);
            }
        }
        match (char_at(s, i), char_at(s, i + 1)) {
            (Some('-' | '_'), Some(c)) if is_code_letter(c) => i += 1,
            _ => break,
        }
    }
    (i, inferred)
}

/// Every document number in `s` (`66.7/2025/NQ-CP`, `04/2012/UBTVQH13`).
fn numbers(s: &str) -> Vec<Number> {
    let bytes = s.as_bytes();
    let mut out: Vec<Number> = Vec::new();
    let mut from = 0;
    while let Some(off) = s[from..].find('/') {
        let slash = from + off;
        from = slash + 1;
        // NN/YYYY/X…
        let year = digits_len(&s[slash + 1..]);
        // `NN/YYYY/X…`, or without a year `48/VBHN-VPQH`, `66/NQ-CP`.
        let suffix_at = if year == 4
            && bytes.get(slash + 5) == Some(&b'/')
            && char_at(s, slash + 6).is_some_and(is_code_letter)
        {
            slash + 6
        } else if YEARLESS
            .iter()
            .any(|k| s[slash + 1..].starts_with(k) && s[slash + 1 + k.len()..].starts_with('-'))
        {
            slash + 1
        } else {
            continue;
        };
        // The number before the slash, with an optional `.7` part.
        let floor = out.last().map_or(0, |n| n.end);
        if floor > slash {
            continue;
        }
        let mut start = slash;
        // `09b/2013/…`, `08.a/2010/…`: a short letter or `.x` part after the digits.
        let tail = s[floor..start]
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'.')
            .count();
        if tail > 2 || (tail > 0 && bytes[start - tail].is_ascii_lowercase() && tail > 1) {
            continue;
        }
        let lead = s[floor..start - tail]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        if lead == 0 {
            continue;
        }
        start -= tail + lead;
        let int_len = slash - tail - start;
        if tail == 0
            && start >= floor + 2
            && bytes[start - 1] == b'.'
            && bytes[start - 2].is_ascii_digit()
            && int_len <= 2
            && s[floor..start - 1]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count()
                <= 3
        {
            let more = s[floor..start - 1]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count();
            start -= 1 + more;
        }
        let mut inferred = None;
        let lead_run = &s[start..slash];
        let year_text = if suffix_at == slash + 6 {
            &s[slash + 1..slash + 5]
        } else {
            ""
        };
        let int_part = &lead_run[..digits_len(lead_run)];
        if int_part.len() > 4 {
            let head = &int_part[..4];
            if (!year_text.is_empty() && int_part.starts_with(year_text))
                || head.starts_with("19")
                || head.starts_with("20")
            {
                // `…sửa đổi 202323/2023/QH15`: a year ending the title.
                start += 4;
                inferred = Some(Text::new(
                    format!(
                        "số hiệu «{}» dính vào năm cuối tên văn bản; tách sau năm {head}",
                        &s[start - 4..slash]
                    ),
                    format!(
                        "the number «{}» is glued to a year ending the title; split after the year {head}",
                        &s[start - 4..slash]
                    ),
                ));
            } else {
                inferred = Some(Text::new(
                    format!(
                        "số hiệu «{lead_run}/{year_text}/…» dính vào chữ số của tên văn bản; không tách được chắc chắn"
                    ),
                    format!(
                        "the number «{lead_run}/{year_text}/…» is glued to digits of the title; it cannot be split with certainty"
                    ),
                ));
            }
        }
        let (end, suffix_note) = suffix_end(s, suffix_at);
        out.push(Number {
            start,
            end,
            glued_digits: int_part.len() > 4,
            inferred: inferred.or(suffix_note),
        });
        from = end.max(from);
    }
    out
}

/// The first document number in a line of text (`Nghị định số
/// 123/2015/NĐ-CP ngày …` → `123/2015/NĐ-CP`).
pub(crate) fn first_number(line: &str) -> Option<String> {
    numbers(line)
        .first()
        .map(|n| line[n.start..n.end].to_string())
}

/// A doc-kind word glued before `số N/…` or `N/…` makes the number a cell
/// (`…thực vậtNghị định số 33/2026/NĐ-CP`). Returns the cell start.
fn glued_start(s: &str, body_start: usize, n: &Number) -> Option<usize> {
    let at = n.start;
    if at == body_start || n.glued_digits {
        return Some(at);
    }
    let prev = char_before(s, at)?;
    if !prev.is_whitespace() || prev == '\n' {
        return Some(at);
    }
    // `số 07/2026/…` or `Nghị định số 33/…` glued to the previous title.
    let before = &s[body_start..at];
    for prefix in [
        "số ",
        "Luật số ",
        "Nghị định số ",
        "Nghị định ",
        "Thông tư số ",
        "Thông tư ",
        "Quyết định số ",
        "Quyết định ",
        "Nghị quyết số ",
        "Nghị quyết ",
    ] {
        if let Some(head) = before.strip_suffix(prefix) {
            let p_start = body_start + head.len();
            if p_start == body_start || char_before(s, p_start).is_some_and(|c| !c.is_whitespace())
            {
                return Some(p_start);
            }
        }
    }
    None
}

/// Normalised form of a number for deduplication.
fn key(number: &str) -> String {
    let n = number.trim();
    let n = n.rsplit(' ').next().unwrap_or(n);
    n.to_uppercase().replace('_', "-")
}

/// What the legal-basis table gave.
#[derive(Debug, Default)]
pub(crate) struct Legal {
    pub texts: Vec<LegalText>,
    /// Text before the header.
    pub residue: Vec<String>,
    /// Non-blank characters consumed as markup: the header and the
    /// repeated listings merged away.
    pub markup_chars: usize,
}

/// Reads the legal-basis table.
pub(crate) fn read(text: &str, notes: &mut Vec<Note>) -> Legal {
    let mut out = Legal::default();
    let mut note = |t: Text| {
        notes.push(Note {
            field: FieldName::LegalBasis,
            text: t,
        })
    };
    if super::scan::is_not_given(text) {
        out.markup_chars += nonblank(text);
        return out;
    }
    let body_start = match text.find(HEADER) {
        Some(at) => {
            out.markup_chars += nonblank(HEADER);
            let before = text[..at].trim();
            if !before.is_empty() {
                out.residue.push(before.to_string());
                note(Text::new(
                    format!(
                        "văn bản trước dòng tiêu đề không đọc được: «{}»",
                        short(before)
                    ),
                    format!(
                        "text before the header could not be placed: «{}»",
                        short(before)
                    ),
                ));
            }
            at + HEADER.len()
        }
        None => {
            if !text.trim().is_empty() {
                note(Text::new(
                    "bảng căn cứ pháp lý không có dòng tiêu đề `Tên văn bản pháp lý…Mã văn bản`",
                    "the legal-basis table has no header `Tên văn bản pháp lý…Mã văn bản`",
                ));
            }
            0
        }
    };
    let nums = numbers(text);
    let cells: Vec<(usize, &Number)> = nums
        .iter()
        .filter(|n| n.start >= body_start)
        .filter_map(|n| {
            let after = char_at(text, n.end);
            // A space and a capital after a number: the next title starts.
            let next_word = text[n.end..].trim_start();
            let mut chars = next_word.chars();
            let spaced_title = after.is_some_and(char::is_whitespace)
                && chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_some_and(char::is_lowercase);
            let start = match glued_start(text, body_start, n) {
                Some(start) => start,
                None if spaced_title => n.start,
                None => return None,
            };
            // A cell ends where the next title starts, never inside a sentence.
            let ends_cell = spaced_title
                || after.is_none_or(|c| {
                    !(c.is_whitespace() || matches!(c, ',' | ';' | ')' | '.' | ':'))
                });
            ends_cell.then_some((start, n))
        })
        .collect();
    let mut raw: Vec<LegalText> = Vec::new();
    let mut from = body_start;
    for (k, (start, n)) in cells.iter().enumerate() {
        let title = text[from..*start].trim();
        let last = k + 1 == cells.len();
        if title.is_empty() && !last {
            // `193/2025/NĐ-CP193/2025/NĐ-CP`: a title that is only a number.
            continue;
        }
        if let Some(t) = &n.inferred {
            note(t.clone());
        }
        let cell = squeeze(text[*start..n.end].trim());
        let number = text[n.start..n.end].to_string();
        raw.push(LegalText {
            cell: (cell != number).then_some(cell),
            number: Some(number),
            title: squeeze(title),
            listed: 1,
        });
        from = n.end;
    }
    let tail = text[from..].trim();
    if !tail.is_empty() {
        note(Text::new(
            format!("văn bản không có số hiệu ở cuối bảng: «{}»", short(tail)),
            format!("a text without a number ends the table: «{}»", short(tail)),
        ));
        raw.push(LegalText {
            number: None,
            cell: None,
            title: squeeze(tail),
            listed: 1,
        });
    }
    // Deduplicate by number, keeping the first (longest non-empty) title.
    for t in raw {
        let k = t.number.as_deref().map(key);
        match k.as_ref().and_then(|k| {
            out.texts
                .iter_mut()
                .find(|o| o.number.as_deref().map(key).as_ref() == Some(k))
        }) {
            Some(existing) => {
                existing.listed += 1;
                out.markup_chars += match &t.cell {
                    Some(c) => nonblank(c),
                    None => t.number.as_deref().map_or(0, nonblank),
                };
                if existing.title.is_empty() {
                    existing.title = t.title;
                } else {
                    out.markup_chars += nonblank(&t.title);
                }
            }
            None => out.texts.push(t),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Vec<LegalText>, Vec<Note>) {
        let mut notes = Vec::new();
        (read(text, &mut notes).texts, notes)
    }

    fn numbers_of(texts: &[LegalText]) -> Vec<&str> {
        texts.iter().filter_map(|t| t.number.as_deref()).collect()
    }

    #[test]
    fn titles_and_numbers() {
        let (t, notes) = read_all(
            "Tên văn bản pháp lýMã văn bảnNghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm66.7/2025/NQ-CPThông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an53/2025/TT-BCALuật Cư trú 202068/2020/QH14",
        );
        assert_eq!(
            numbers_of(&t),
            vec!["66.7/2025/NQ-CP", "53/2025/TT-BCA", "68/2020/QH14"]
        );
        assert_eq!(t[2].title, "Luật Cư trú 2020");
        assert_eq!(notes.len(), 1, "{notes:?}");
    }

    #[test]
    fn glued_issuer_codes_and_duplicates() {
        let (t, _) = read_all(
            "Tên văn bản pháp lýMã văn bản193/2025/NĐ-CP193/2025/NĐ-CPSửa đổi Pháp lệnh04/2012/UBTVQH1326/2005/PL-UBTVQH11 - Ưu đãi26/2005/PL-UBTVQH11Thông tư 43/2024/TT-BTC43/2024/TT-BTCQuyết định số 09/2023/QĐ-TTg09/2023/QĐ-TTgThông tư 43/2024/TT-BTC43/2024/TT-BTC",
        );
        assert_eq!(
            numbers_of(&t),
            vec![
                "193/2025/NĐ-CP",
                "04/2012/UBTVQH13",
                "26/2005/PL-UBTVQH11",
                "43/2024/TT-BTC",
                "09/2023/QĐ-TTg"
            ]
        );
        assert_eq!(t[0].title, "193/2025/NĐ-CP");
        assert_eq!(t[3].listed, 2);
    }

    #[test]
    fn numbers_without_a_year() {
        let (t, _) = read_all(
            "Tên văn bản pháp lýMã văn bảnhợp nhất Luật Xây dựng48/VBHN-VPQHNghị quyết về cắt giảm66/NQ-CP",
        );
        assert_eq!(numbers_of(&t), vec!["48/VBHN-VPQH", "66/NQ-CP"]);
    }

    #[test]
    fn capital_titles_after_numbers() {
        let (t, _) = read_all(
            "Tên văn bản pháp lýMã văn bảnVề an ninh92/2015/NĐ-CPThông tư số 02/2022/TT-BTNMT02/2022/TT-BTNMT",
        );
        assert_eq!(numbers_of(&t), vec!["92/2015/NĐ-CP", "02/2022/TT-BTNMT"]);
        assert_eq!(t[1].title, "Thông tư số 02/2022/TT-BTNMT");
    }
}
