//! The result field (`ket_qua_xu_ly`): names each followed by `Mã: KQ.…`,
//! then page residue (`Từ khóa…`, `Chọn cơ quan thực hiện…`).

use super::channels::short;
use super::model::{FieldName, ImportedResult, Note};
use super::scan::{char_at, digits_len, nonblank, squeeze};
use crate::i18n::Text;

/// The code marker after each result name.
const MARKER: &str = "Mã: ";
/// Where the page residue starts.
const RESIDUE: [&str; 3] = ["Từ khóa", "Chọn cơ quan thực hiện", "Hệ thống chỉ hiển thị"];

/// What the result field gave.
#[derive(Debug, Default)]
pub(crate) struct Results {
    pub results: Vec<ImportedResult>,
    pub residue: Vec<String>,
    /// Non-blank characters consumed as markup: `Mã:` markers and
    /// undetermined-code words.
    pub markup_chars: usize,
}

/// Length of a KQ code at the start of `s`: `KQ.G01.000064` — `KQ.`, a
/// letter and digits, `.`, digits.
fn code_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("KQ.")?;
    let letter = char_at(rest, 0).filter(char::is_ascii_uppercase)?;
    let mut n = 3 + letter.len_utf8();
    let d = digits_len(&s[n..]);
    if d == 0 {
        return None;
    }
    n += d;
    if s[n..].starts_with('.') {
        let d2 = digits_len(&s[n + 1..]);
        if d2 == 0 {
            return None;
        }
        n += 1 + d2;
    }
    Some(n)
}

/// Reads the result field.
pub(crate) fn read(text: &str, notes: &mut Vec<Note>) -> Results {
    let mut out = Results::default();
    let mut note = |vi: String, en: String| {
        notes.push(Note {
            field: FieldName::Results,
            text: Text::new(vi, en),
        })
    };
    // The residue starts at the first residue label after the last code.
    let last_marker = text.rfind(MARKER).map_or(0, |i| i + MARKER.len());
    let residue_at = RESIDUE
        .iter()
        .filter_map(|r| text[last_marker..].find(r).map(|i| last_marker + i))
        .min()
        .unwrap_or(text.len());
    let body = &text[..residue_at];
    let residue = text[residue_at..].trim();
    if !residue.is_empty() {
        out.residue.push(residue.to_string());
    }
    let mut from = 0;
    while let Some(off) = body[from..].find(MARKER) {
        let at = from + off;
        let name = body[from..at].trim();
        let after = at + MARKER.len();
        out.markup_chars += nonblank(MARKER);
        let (code, end) = match code_len(&body[after..]) {
            Some(n) => (Some(body[after..after + n].to_string()), after + n),
            None => {
                let rest = &body[after..];
                let undetermined = ["Chưa xác định", "Không có thông tin"]
                    .iter()
                    .find(|w| rest.starts_with(**w))
                    .map(|w| w.len());
                match undetermined {
                    Some(len) => {
                        note(
                            format!("kết quả «{}»: mã kết quả «{}»", short(name), &rest[..len]),
                            format!(
                                "result «{}»: the result code is «{}»",
                                short(name),
                                &rest[..len]
                            ),
                        );
                        out.markup_chars += nonblank(&rest[..len]);
                        (None, after + len)
                    }
                    None => {
                        // Another code form (`VBTT`): capitals, digits and dots,
                        // up to where a capitalised word starts.
                        let mut len = rest
                            .char_indices()
                            .find(|(_, c)| !(c.is_uppercase() || c.is_ascii_digit() || *c == '.'))
                            .map_or(rest.len(), |(i, _)| i);
                        if rest[len..].starts_with(char::is_lowercase) {
                            len = rest[..len].char_indices().next_back().map_or(0, |(i, _)| i);
                        }
                        let code = rest[..len].to_string();
                        note(
                            format!(
                                "kết quả «{}»: mã kết quả «{code}» không theo dạng KQ.…",
                                short(name)
                            ),
                            format!(
                                "result «{}»: the result code «{code}» is not of the form KQ.…",
                                short(name)
                            ),
                        );
                        ((!code.is_empty()).then_some(code), after + len)
                    }
                }
            }
        };
        if name.is_empty() {
            if let Some(c) = &code {
                out.residue.push(c.clone());
            }
            note(
                "một mã kết quả không có tên kết quả đi trước".to_string(),
                "a result code has no result name before it".to_string(),
            );
        } else {
            out.results.push(ImportedResult {
                name: squeeze(name),
                code,
            });
        }
        from = end;
    }
    let tail = body[from..].trim();
    if !tail.is_empty() {
        if out.results.is_empty() {
            // No code at all: one result, named by the whole text.
            note(
                "kết quả không có mã KQ; cả đoạn được coi là tên một kết quả".to_string(),
                "the result has no KQ code; the whole text is taken as one result name".to_string(),
            );
            out.results.push(ImportedResult {
                name: squeeze(tail),
                code: None,
            });
        } else {
            out.residue.push(tail.to_string());
            note(
                format!(
                    "văn bản sau mã kết quả cuối cùng không đọc được: «{}»",
                    short(tail)
                ),
                format!(
                    "text after the last result code could not be placed: «{}»",
                    short(tail)
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_residue() {
        let mut notes = Vec::new();
        let r = read(
            "Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cưMã: KQ.G01.000064Phiếu từ chốiMã: KQ.G01.000067Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện",
            &mut notes,
        );
        assert!(notes.is_empty());
        assert_eq!(r.results.len(), 2);
        assert_eq!(r.results[0].code.as_deref(), Some("KQ.G01.000064"));
        assert_eq!(r.results[1].name, "Phiếu từ chối");
        assert!(r.residue[0].starts_with("Từ khóa"));
    }

    #[test]
    fn an_undetermined_code() {
        let mut notes = Vec::new();
        let r = read("Mã số cơ sở chăn nuôi.Mã: Chưa xác địnhTừ khóa", &mut notes);
        assert_eq!(r.results[0].name, "Mã số cơ sở chăn nuôi.");
        assert_eq!(r.results[0].code, None);
        assert_eq!(notes.len(), 1);
    }
}
