//! Small scanning helpers shared by the table readers. All work on byte
//! offsets that are char boundaries; nothing here allocates per character.

/// `Không có thông tin`: the portal's "not given".
pub(crate) const NOT_GIVEN: &str = "Không có thông tin";

/// Number of non-blank characters of `s` (what coverage is counted in).
pub fn nonblank(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// True for an empty text or the portal's "not given".
pub(crate) fn is_not_given(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || t.eq_ignore_ascii_case(NOT_GIVEN) || t == "--"
}

/// The trimmed text, or `None` when not given.
pub(crate) fn given(text: &str) -> Option<String> {
    if is_not_given(text) {
        None
    } else {
        Some(squeeze(text.trim()))
    }
}

/// Collapses runs of spaces and tabs (not line breaks) into one space, and
/// no-break spaces into spaces.
pub(crate) fn squeeze(text: &str) -> String {
    if !text.contains(['\t', '\u{a0}']) && !text.contains("  ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if c == ' ' || c == '\t' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The char at byte `i`, if any.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The char just before byte `i`, if any.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// Byte length of the run of ASCII digits at the start of `s`.
pub(crate) fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Byte length of the run of ASCII digits that ends `s`.
pub(crate) fn trailing_digits_len(s: &str) -> usize {
    s.bytes().rev().take_while(u8::is_ascii_digit).count()
}

/// Reads an amount written with thousands separators (`20,000`,
/// `5.700.000`, `150`) at the start of `s`: its value and byte length.
/// `None` when the grouping is not that of thousands (`1,5`) or the value
/// does not fit.
pub(crate) fn parse_amount(s: &str) -> Option<(u64, usize)> {
    let first = digits_len(s);
    if first == 0 {
        return None;
    }
    let mut value: u64 = s[..first].parse().ok()?;
    let mut end = first;
    let bytes = s.as_bytes();
    let mut separator: Option<u8> = None;
    while end < bytes.len() && (bytes[end] == b',' || bytes[end] == b'.') {
        let group = digits_len(&s[end + 1..]);
        if group == 0 {
            break;
        }
        if group != 3 || first > 3 || separator.is_some_and(|c| c != bytes[end]) {
            // `0,5`, `1.5`, a date: not a thousands grouping.
            if separator.is_none() {
                break;
            }
            return None;
        }
        separator = Some(bytes[end]);
        let g: u64 = s[end + 1..end + 4].parse().ok()?;
        value = value.checked_mul(1000)?.checked_add(g)?;
        end += 4;
    }
    Some((value, end))
}

/// Currency words after an amount, longest first.
const CURRENCIES: [&str; 7] = [
    "Việt Nam Đồng",
    "Việt Nam đồng",
    "VNĐ",
    "VND",
    "đồng",
    "Đồng",
    "đ",
];

/// If `s` starts (after spaces) with a currency word, its byte length
/// including the spaces.
pub(crate) fn currency_len(s: &str) -> Option<usize> {
    let t = s.trim_start_matches([' ', '\u{a0}']);
    let skipped = s.len() - t.len();
    CURRENCIES.iter().find_map(|c| {
        if !t.starts_with(c) {
            return None;
        }
        // `đ` must end a word (`đ/hộ chiếu`, `đ)`), not start one (`đối`).
        let after = char_at(t, c.len());
        if *c == "đ" && after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some(skipped + c.len())
    })
}

/// Every amount of money the text names (`10.000 đồng`, `320.000đ`,
/// `5.700.000 đồng/01 cơ sở`), in đồng, in order.
pub(crate) fn money_mentions(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        let starts_number = c.is_ascii_digit()
            && !char_before(text, i).is_some_and(|p| p.is_ascii_digit() || p == '.' || p == ',');
        if starts_number && let Some((value, len)) = parse_amount(&text[i..]) {
            if currency_len(&text[i + len..]).is_some() {
                out.push(value);
            }
            i += len;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// Splits a portal list (`Công dân Việt Nam, Doanh nghiệp, Tổ chức (không
/// bao gồm doanh nghiệp, HTX)`) on commas outside brackets; a piece that
/// starts with a lower-case letter continues the previous one (`Cán bộ,
/// công chức, viên chức`, `Bộ, cơ quan ngang Bộ`).
pub(crate) fn split_list(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let push = |piece: &str, pieces: &mut Vec<String>| {
        let p = squeeze(piece.trim());
        if p.is_empty() {
            return;
        }
        let lower = p.chars().next().is_some_and(char::is_lowercase);
        match pieces.last_mut() {
            Some(last) if lower => {
                last.push_str(", ");
                last.push_str(&p);
            }
            _ => pieces.push(p),
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' | '\n' if depth <= 0 => {
                push(&text[start..i], &mut pieces);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(&text[start..], &mut pieces);
    pieces
}

/// Byte offset just past the bracket group that opens at `open` (which must
/// be `(`), or `None` when it never closes.
pub(crate) fn close_bracket(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Compares one letter of the text with one of a lower-case word.
fn same_letter(c: char, wc: char) -> bool {
    if c == wc {
        true
    } else if c.is_ascii() {
        c.to_ascii_lowercase() == wc
    } else {
        c.to_lowercase().eq(std::iter::once(wc))
    }
}

/// If `s` starts with the lower-case word `w`, compared letter by letter
/// ignoring case, the byte length of that start of `s`.
pub(crate) fn starts_with_ci(s: &str, w: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    for wc in w.chars() {
        let (_, c) = chars.next()?;
        if !same_letter(c, wc) {
            return None;
        }
    }
    Some(chars.next().map_or(s.len(), |(i, _)| i))
}

/// If `s` ends with the lower-case word `w`, ignoring case, the byte
/// length of that end of `s`.
pub(crate) fn ends_with_ci(s: &str, w: &str) -> Option<usize> {
    let mut chars = s.char_indices().rev();
    let mut start = s.len();
    for wc in w.chars().rev() {
        let (i, c) = chars.next()?;
        if !same_letter(c, wc) {
            return None;
        }
        start = i;
    }
    Some(s.len() - start)
}

/// Lower-cases the first `max` bytes of `s` (at a char boundary) for
/// label matching.
pub(crate) fn lower_prefix(s: &str, max: usize) -> String {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_with_thousands_separators() {
        assert_eq!(parse_amount("20,000 Việt Nam Đồng"), Some((20_000, 6)));
        assert_eq!(parse_amount("5.700.000 đồng"), Some((5_700_000, 9)));
        assert_eq!(parse_amount("150 VNĐ"), Some((150, 3)));
        assert_eq!(parse_amount("1,5 ngày"), Some((1, 1)));
        assert_eq!(parse_amount("1,000.000"), None);
        assert_eq!(parse_amount("99999999999999999999999"), None);
        assert_eq!(parse_amount("abc"), None);
    }

    #[test]
    fn money_is_found_only_with_a_currency() {
        assert_eq!(
            money_mentions(
                "thu 10.000 đồng/lần; 320.000đ/hộ chiếu; Thông tư 44/2023/TT-BTC; 160.000/hộ chiếu"
            ),
            vec![10_000, 320_000]
        );
        assert_eq!(money_mentions("05 ngày đối với"), Vec::<u64>::new());
    }

    #[test]
    fn lists_keep_brackets_and_lower_case_continuations() {
        assert_eq!(
            split_list(
                "Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức"
            ),
            vec![
                "Công dân Việt Nam",
                "Tổ chức (không bao gồm doanh nghiệp, HTX)",
                "Cán bộ, công chức, viên chức"
            ]
        );
    }

    #[test]
    fn case_insensitive_words() {
        assert_eq!(starts_with_ci("BƯỚC 1", "bước"), Some("BƯỚC".len()));
        assert_eq!(starts_with_ci("Bướ", "bước"), None);
        assert_eq!(ends_with_ci("xx Trong ", "trong "), Some(6));
        assert_eq!(ends_with_ci("g ", "trong "), None);
    }

    #[test]
    fn brackets_close_or_not() {
        assert_eq!(close_bracket("(a (b) c)d", 0), Some(9));
        assert_eq!(close_bracket("(a (b c", 0), None);
    }
}
