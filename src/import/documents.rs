//! The dossier table (`thanh_phan_ho_so`): optional case headings, the
//! header `Tên giấy tờMẫu đơn, tờ khaiSố lượng`, then per document its
//! name, form files and count, all glued together.

use super::channels::short;
use super::model::{DocumentGroup, FieldName, FormCount, ImportedDocument, Note, PaperForm};
use super::scan::{char_at, char_before, digits_len, nonblank, squeeze, trailing_digits_len};
use crate::i18n::Text;

/// The header of each block of the flattened dossier table.
pub(crate) const HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";

/// Form words of the count column.
const COUNT_FORMS: [(&str, PaperForm); 2] = [
    ("bản chính", PaperForm::Original),
    ("bản sao", PaperForm::Copy),
];

/// Extensions of form files, longest first where one is a prefix of another.
const EXTENSIONS: [&str; 11] = [
    ".docx", ".doc", ".xlsx", ".xls", ".pdf", ".odt", ".rtf", ".zip", ".rar", ".jpg", ".png",
];

/// What the dossier table gave.
#[derive(Debug, Default)]
pub(crate) struct Documents {
    pub groups: Vec<DocumentGroup>,
    pub residue: Vec<String>,
    /// Non-blank characters consumed as markup: headers and `--` headings.
    pub markup_chars: usize,
}

/// A count cell found in a block: `[start, end)` and its forms.
struct CountCell {
    start: usize,
    end: usize,
    counts: Vec<FormCount>,
    /// The number was glued to digits of the name: only its last digit is read.
    glued: Option<String>,
}

/// Reads `N bản chính` / `N bản sao` (and `,N bản sao` after it) ending
/// just before `word_at`, where `s[word_at..]` starts with a form word.
fn count_at(s: &str, word_at: usize, row_start: usize) -> Option<CountCell> {
    let before = &s[row_start..word_at];
    let before = before.strip_suffix(' ')?;
    let run = trailing_digits_len(before);
    if run == 0 {
        return None;
    }
    let run_start = row_start + before.len() - run;
    let digits = &s[run_start..run_start + run];
    // Digits right after the name may end it (`Nghị định 116` + `1 bản
    // chính`): only a run that opens the row is certainly the count.
    let glued_to_text = run > 1 && !s[row_start..run_start].trim().is_empty();
    let (number_start, number) = if glued_to_text {
        (run_start + run - 1, &digits[run - 1..])
    } else {
        (run_start, digits)
    };
    let mut counts = Vec::new();
    let mut pos = word_at;
    let first: u32 = number.parse().ok()?;
    let form = COUNT_FORMS
        .iter()
        .find(|(w, _)| s[pos..].starts_with(w))
        .map(|(w, f)| (w.len(), *f))?;
    counts.push(FormCount {
        form: form.1,
        count: first,
    });
    pos += form.0;
    // `,1 bản sao` continuations.
    loop {
        let rest = &s[pos..];
        let Some(r) = rest.strip_prefix(',') else {
            break;
        };
        let r2 = r.trim_start_matches(' ');
        let d = digits_len(r2);
        if d == 0 {
            break;
        }
        let after = &r2[d..];
        let Some(after) = after.strip_prefix(' ') else {
            break;
        };
        let Some((w, f)) = COUNT_FORMS.iter().find(|(w, _)| after.starts_with(w)) else {
            break;
        };
        let Ok(n) = r2[..d].parse::<u32>() else { break };
        counts.push(FormCount { form: *f, count: n });
        pos += rest.len() - after.len() + w.len();
    }
    // A count cell ends the row: it is followed by the next cell, never by
    // a space or a punctuation mark that continues a sentence.
    match char_at(s, pos) {
        None | Some('\n') => {}
        Some(c) if c.is_whitespace() || matches!(c, ';' | '.' | ':' | ',' | ')' | '/') => {
            return None;
        }
        Some(_) => {}
    }
    Some(CountCell {
        start: number_start,
        end: pos,
        counts,
        glued: glued_to_text.then(|| digits.to_string()),
    })
}

/// Every count cell of a block, in order, not overlapping.
fn count_cells(s: &str) -> Vec<CountCell> {
    let mut hits: Vec<usize> = Vec::new();
    for (w, _) in COUNT_FORMS {
        hits.extend(s.match_indices(w).map(|(i, _)| i));
    }
    hits.sort_unstable();
    let mut cells: Vec<CountCell> = Vec::new();
    let mut row_start = 0;
    for at in hits {
        if at < row_start {
            continue;
        }
        if let Some(cell) = count_at(s, at, row_start) {
            row_start = cell.end;
            cells.push(cell);
        }
    }
    cells
}

/// Is byte `i` of `s` a place where a form file name may start?
fn file_start_candidate(s: &str, i: usize) -> bool {
    let (Some(prev), Some(c)) = (char_before(s, i), char_at(s, i)) else {
        return false;
    };
    if c.is_whitespace() || prev.is_whitespace() {
        return false;
    }
    let next = char_at(s, i + c.len_utf8());
    let punct = matches!(prev, '.' | ')' | ';' | ']' | ',' | '”' | '"')
        && (c.is_uppercase() || c.is_ascii_digit())
        && !((prev == '.' || prev == ',')
            && char_before(s, i - 1).is_some_and(|p| p.is_ascii_digit()));
    let camel = c.is_uppercase() && (prev.is_lowercase() || prev.is_ascii_digit());
    let after_next = next.and_then(|n| char_at(s, i + c.len_utf8() + n.len_utf8()));
    let caps_word = c.is_uppercase()
        && prev.is_uppercase()
        && next.is_some_and(char::is_lowercase)
        && after_next.is_some_and(char::is_lowercase);
    let digit_after_word = c.is_ascii_digit() && prev.is_lowercase();
    punct || camel || caps_word || digit_after_word
}

/// Splits the form file names off the end of a row's name text: the files
/// and whether the start of the first was the only candidate.
fn split_templates(row: &str) -> (String, Vec<String>, Option<bool>) {
    let lower = row.to_ascii_lowercase();
    let mut ends: Vec<(usize, usize)> = Vec::new(); // (ext start, ext end)
    let mut i = 0;
    while i < lower.len() {
        let Some(off) = lower[i..].find('.') else {
            break;
        };
        let at = i + off;
        let found = EXTENSIONS.iter().find(|e| {
            lower[at..].starts_with(**e)
                && !char_at(row, at + e.len()).is_some_and(|c| c.is_ascii_lowercase())
                && at > 0
        });
        match found {
            Some(e) => {
                ends.push((at, at + e.len()));
                i = at + e.len();
            }
            None => i = at + 1,
        }
    }
    let Some(&(first_ext, _)) = ends.first() else {
        return (squeeze(row.trim()), Vec::new(), None);
    };
    // The first file starts at the first candidate before its extension.
    let candidates: Vec<usize> = row[..first_ext]
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| file_start_candidate(row, i))
        .collect();
    let Some(&start) = candidates.first() else {
        // No visible boundary: the file name cannot be told from the name.
        return (squeeze(row.trim()), Vec::new(), Some(false));
    };
    let unique = candidates.len() == 1;
    let mut files = Vec::new();
    let mut from = start;
    for &(_, end) in &ends {
        files.push(squeeze(row[from..end].trim()));
        from = end;
    }
    let tail = row[from..].trim();
    let mut name = squeeze(row[..start].trim());
    if !tail.is_empty() {
        // Text after the last file belongs to no column we know: keep it in the name.
        name.push(' ');
        name.push_str(&squeeze(tail));
    }
    (name, files, Some(unique))
}

/// Forms that a document's name mentions, in order of first mention.
pub(crate) fn forms_in(name: &str) -> Vec<PaperForm> {
    const WORDS: [(&str, PaperForm); 9] = [
        ("chứng thực chữ ký", PaperForm::SignatureCertified),
        ("bản sao có chứng thực", PaperForm::CertifiedCopy),
        ("bản sao chứng thực", PaperForm::CertifiedCopy),
        ("bản sao điện tử", PaperForm::Electronic),
        ("bản điện tử", PaperForm::Electronic),
        ("bản chụp", PaperForm::Photocopy),
        ("xuất trình", PaperForm::Presented),
        ("bản chính", PaperForm::Original),
        ("bản sao", PaperForm::Copy),
    ];
    let lower = name.to_lowercase();
    let mut found: Vec<(usize, PaperForm)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (w, f) in WORDS {
        for (at, _) in lower.match_indices(w) {
            if taken.iter().any(|&(s, e)| at >= s && at < e) {
                continue;
            }
            taken.push((at, at + w.len()));
            found.push((at, f));
        }
    }
    found.sort_by_key(|x| x.0);
    let mut out: Vec<PaperForm> = Vec::new();
    for (_, f) in found {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

fn heading(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.chars().all(|c| c == '-' || c.is_whitespace()) {
        None
    } else {
        Some(squeeze(t))
    }
}

/// Reads the dossier table.
pub(crate) fn read(text: &str, notes: &mut Vec<Note>) -> Documents {
    let mut out = Documents::default();
    let mut note = |vi: String, en: String| {
        notes.push(Note {
            field: FieldName::Documents,
            text: Text::new(vi, en),
        })
    };
    let headers: Vec<usize> = text.match_indices(HEADER).map(|(i, _)| i).collect();
    if headers.is_empty() {
        if !text.trim().is_empty() {
            note(
                "bảng thành phần hồ sơ không có dòng tiêu đề `Tên giấy tờ…Số lượng`; đọc như một danh sách".to_string(),
                "the dossier table has no header `Tên giấy tờ…Số lượng`; read as one list".to_string(),
            );
            read_block(text, None, None, &mut out, &mut note);
        }
        return out;
    }
    out.markup_chars += nonblank(HEADER) * headers.len();
    let first = &text[..headers[0]];
    let mut pending_case = heading(first);
    if pending_case.is_none() {
        out.markup_chars += nonblank(first);
    }
    for (k, &h) in headers.iter().enumerate() {
        let start = h + HEADER.len();
        let end = headers.get(k + 1).copied().unwrap_or(text.len());
        let next_exists = k + 1 < headers.len();
        pending_case = read_block(
            &text[start..end],
            pending_case.take(),
            Some(next_exists),
            &mut out,
            &mut note,
        );
    }
    out
}

/// Reads one block (after a header); returns the heading of the next
/// block (the text after the last count), when a next block exists.
fn read_block(
    block: &str,
    case: Option<String>,
    next_exists: Option<bool>,
    out: &mut Documents,
    note: &mut impl FnMut(String, String),
) -> Option<String> {
    let cells = count_cells(block);
    let mut documents = Vec::new();
    let mut from = 0;
    for cell in &cells {
        let row = &block[from..cell.start];
        from = cell.end;
        let (name, templates, boundary) = split_templates(row);
        let mut uncertain = false;
        let count_text = squeeze(&block[cell.start..cell.end]);
        if let Some(digits) = &cell.glued {
            uncertain = true;
            note(
                format!(
                    "«{}»: số lượng dính vào chữ số cuối của tên («{digits}…»); đọc là «{count_text}», phần còn lại giữ trong tên",
                    short(&name)
                ),
                format!(
                    "«{}»: the count is glued to digits ending the name («{digits}…»); read as «{count_text}», the rest kept in the name",
                    short(&name)
                ),
            );
        }
        match boundary {
            Some(false) if templates.is_empty() => {
                uncertain = true;
                note(
                    format!(
                        "«{}»: có tên tệp mẫu đơn dính vào tên giấy tờ nhưng không thấy chỗ bắt đầu; giữ cả trong tên",
                        short(&name)
                    ),
                    format!(
                        "«{}»: a form file name is glued to the document name but its start cannot be seen; kept whole in the name",
                        short(&name)
                    ),
                );
            }
            Some(false) => {
                uncertain = true;
                note(
                    format!(
                        "«{}»: ranh giới giữa tên giấy tờ và tên tệp mẫu «{}» được suy ra, không chắc chắn",
                        short(&name),
                        templates.join(", ")
                    ),
                    format!(
                        "«{}»: the boundary between the document name and the form file «{}» is inferred, not certain",
                        short(&name),
                        templates.join(", ")
                    ),
                );
            }
            _ => {}
        }
        if name.is_empty() {
            uncertain = true;
            note(
                format!("một dòng chỉ có số lượng «{count_text}», không có tên giấy tờ"),
                format!("a row has only the count «{count_text}» and no document name"),
            );
        }
        let mentioned_forms = forms_in(&name);
        documents.push(ImportedDocument {
            name,
            templates,
            count_text,
            counts: cell.counts.clone(),
            mentioned_forms,
            uncertain,
            held: None,
        });
    }
    let tail = &block[from..];
    let next_case = match next_exists {
        Some(true) => {
            let h = heading(tail);
            if h.is_none() {
                out.markup_chars += nonblank(tail);
            }
            h
        }
        _ => {
            let h = heading(tail);
            if h.is_none() {
                out.markup_chars += nonblank(tail);
            }
            if let Some(t) = h {
                out.residue.push(t.clone());
                note(
                    format!(
                        "văn bản sau số lượng cuối cùng không thuộc giấy tờ nào: «{}»",
                        short(&t)
                    ),
                    format!(
                        "text after the last count belongs to no document: «{}»",
                        short(&t)
                    ),
                );
            }
            None
        }
    };
    if documents.is_empty() && case.is_none() && next_exists.is_some() {
        // An empty block (`--` with no rows): nothing to keep.
    } else {
        out.groups.push(DocumentGroup { case, documents });
    }
    next_case
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Documents, Vec<Note>) {
        let mut notes = Vec::new();
        let d = read(text, &mut notes);
        (d, notes)
    }

    #[test]
    fn cases_documents_counts_and_templates() {
        let (d, notes) = read_all(
            "Trường hợp AĐăng kýTên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai (mẫu CT01).Mau CT01.doc1 bản chínhBản sao giấy khai sinh0 bản chính,1 bản saoTrường hợp BTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy tờ khác1 bản chính",
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(d.groups.len(), 2);
        assert_eq!(d.groups[0].case.as_deref(), Some("Trường hợp AĐăng ký"));
        let docs = &d.groups[0].documents;
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].name, "Tờ khai (mẫu CT01).");
        assert_eq!(docs[0].templates, vec!["Mau CT01.doc"]);
        assert_eq!(docs[1].count_text, "0 bản chính,1 bản sao");
        assert_eq!(
            docs[1].counts,
            vec![
                FormCount {
                    form: PaperForm::Original,
                    count: 0
                },
                FormCount {
                    form: PaperForm::Copy,
                    count: 1
                }
            ]
        );
        assert_eq!(docs[1].mentioned_forms, vec![PaperForm::Copy]);
        assert_eq!(d.groups[1].case.as_deref(), Some("Trường hợp B"));
    }

    #[test]
    fn counts_inside_names_are_not_cells() {
        let (d, _) =
            read_all("--Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy đăng ký: 01 bản chính;1 bản chính");
        let docs = &d.groups[0].documents;
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "Giấy đăng ký: 01 bản chính;");
    }

    #[test]
    fn a_count_glued_to_digits_is_uncertain() {
        let (d, notes) =
            read_all("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐiều 12 Nghị định 1161 bản chính");
        let doc = &d.groups[0].documents[0];
        assert_eq!(doc.name, "Điều 12 Nghị định 116");
        assert!(doc.uncertain);
        assert_eq!(notes.len(), 1);
    }
}
