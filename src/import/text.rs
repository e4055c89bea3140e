//! The plain text of a record, or of Part II of a quyết định công bố TTHC:
//! labelled sections (`Trình tự thực hiện:`, `Cách thức thực hiện:` …),
//! several procedures one after another under numbered headings.

use super::model::{
    ChannelFee, ChannelRow, DocumentGroup, FeeAmount, FieldName, FormCount, ImportedDocument,
    ImportedProcedure, ImportedResult, LegalText, Note, PaperForm, Status,
};
use super::record::Record;
use super::scan::{digits_len, is_not_given, lower_prefix, money_mentions, squeeze};
use crate::i18n::Text;
use crate::model::Channel;
use std::fmt;

/// A text in which no procedure section could be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    /// Where the text came from.
    pub origin: String,
    /// What is wrong, in both languages.
    pub message: Text,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message.en)
    }
}

impl std::error::Error for TextError {}

/// The sections a procedure text may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Name,
    Code,
    Sector,
    Levels,
    Steps,
    Channels,
    Documents,
    Deadline,
    Applicants,
    Agency,
    Result,
    Fee,
    Forms,
    Conditions,
    Legal,
    Related,
}

/// Labels, lower-case, longest first within a section.
const LABELS: [(&str, Section); 25] = [
    ("thủ tục hành chính liên quan", Section::Related),
    ("tên thủ tục", Section::Name),
    ("mã thủ tục", Section::Code),
    ("mã số thủ tục", Section::Code),
    ("lĩnh vực", Section::Sector),
    ("cấp thực hiện", Section::Levels),
    ("trình tự thực hiện", Section::Steps),
    ("cách thức thực hiện", Section::Channels),
    ("thành phần, số lượng hồ sơ", Section::Documents),
    ("thành phần và số lượng hồ sơ", Section::Documents),
    ("thành phần hồ sơ", Section::Documents),
    ("thời hạn giải quyết", Section::Deadline),
    ("đối tượng thực hiện", Section::Applicants),
    ("cơ quan thực hiện", Section::Agency),
    ("cơ quan giải quyết", Section::Agency),
    ("kết quả thực hiện", Section::Result),
    ("kết quả", Section::Result),
    ("phí, lệ phí", Section::Fee),
    ("lệ phí", Section::Fee),
    ("phí", Section::Fee),
    ("tên mẫu đơn, mẫu tờ khai", Section::Forms),
    ("mẫu đơn, mẫu tờ khai", Section::Forms),
    ("mẫu đơn, tờ khai", Section::Forms),
    ("yêu cầu, điều kiện", Section::Conditions),
    ("căn cứ pháp lý", Section::Legal),
];

/// Strips a leading enumerator (`a)`, `1.`, `1.2.`, `-`, `+`, `*`, `II.`) and spaces.
fn strip_enumerator(line: &str) -> &str {
    let mut t = line.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '+' | '*' | '•' | '–')
    });
    loop {
        let d = digits_len(t);
        let roman = t
            .bytes()
            .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
            .count();
        let letter = usize::from(t.starts_with(|c: char| c.is_ascii_lowercase() || c == 'đ'))
            * t.chars().next().map_or(0, char::len_utf8);
        let n = if d > 0 {
            d
        } else if roman > 0 {
            roman
        } else {
            letter
        };
        if n == 0 {
            break;
        }
        let rest = &t[n..];
        if let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
            t = r.trim_start();
            if d == 0 {
                break;
            }
        } else {
            break;
        }
    }
    t
}

/// The section a line opens, and the content after its label.
fn label(line: &str) -> Option<(Section, &str)> {
    let t = strip_enumerator(line);
    let head = lower_prefix(t, 96);
    for (l, section) in LABELS {
        if !head.starts_with(l) {
            continue;
        }
        let at = t
            .char_indices()
            .nth(l.chars().count())
            .map_or(t.len(), |(i, _)| i);
        let mut rest = t[at..].trim_start();
        // `… thủ tục hành chính`, `… của thủ tục hành chính`, `(nếu có)`.
        for tail in [
            " thực hiện thủ tục hành chính",
            " thực hiện",
            " của thủ tục hành chính",
            " thủ tục hành chính",
            " TTHC",
            " thủ tục",
        ] {
            let lower_rest = lower_prefix(&t[at..], 64);
            if lower_rest.starts_with(tail.to_lowercase().as_str()) {
                let n = t[at..]
                    .char_indices()
                    .nth(tail.chars().count())
                    .map_or(t.len() - at, |(i, _)| i);
                rest = t[at + n..].trim_start();
                break;
            }
        }
        if rest.starts_with('(')
            && let Some(close) = rest.find(')')
            && close < 40
        {
            rest = rest[close + 1..].trim_start();
        }
        if rest.is_empty() {
            return Some((section, rest));
        }
        if let Some(r) = rest.strip_prefix(':') {
            return Some((section, r.trim_start()));
        }
    }
    None
}

/// A numbered heading of a procedure: `1. Thủ tục …`, `Thủ tục 2: …`.
fn heading(line: &str) -> bool {
    let t = line.trim();
    let d = digits_len(t);
    let numbered = d > 0 && t[d..].starts_with(['.', ')']) && t.len() > d + 2;
    numbered || lower_prefix(t, 16).starts_with("thủ tục")
}

/// One procedure's sections, in order.
#[derive(Default)]
struct Block {
    heading: Option<String>,
    sections: Vec<(Section, String)>,
}

/// Sections that open a new procedure when they repeat.
const REPEATING: [Section; 6] = [
    Section::Name,
    Section::Steps,
    Section::Channels,
    Section::Documents,
    Section::Deadline,
    Section::Legal,
];

impl Block {
    /// Takes a heading line off the end of the last section.
    fn take_trailing_heading(&mut self) -> Option<String> {
        let (_, last) = self.sections.last_mut()?;
        let trimmed = last.trim_end();
        let (keep, line) = match trimmed.rfind('\n') {
            Some(nl) => (&trimmed[..nl], &trimmed[nl + 1..]),
            None => ("", trimmed),
        };
        if !heading(line) {
            return None;
        }
        let h = line.trim().to_string();
        *last = keep.to_string();
        Some(h)
    }

    fn has(&self, s: Section) -> bool {
        self.sections.iter().any(|(x, _)| *x == s)
    }
    fn get(&self, s: Section) -> String {
        let parts: Vec<&str> = self
            .sections
            .iter()
            .filter(|(x, _)| *x == s)
            .map(|(_, t)| t.trim())
            .collect();
        parts.join("\n")
    }
}

/// Reads the plain text of a record, or of Part II of a decision
/// announcing procedures, into one [`ImportedProcedure`] per procedure.
/// Sections are the labelled ones of the decision template (Trình tự thực
/// hiện, Cách thức thực hiện, Thành phần, số lượng hồ sơ, Thời hạn giải
/// quyết, Đối tượng thực hiện, Cơ quan thực hiện, Kết quả, Phí/Lệ phí, Tên
/// mẫu đơn, mẫu tờ khai, Yêu cầu, điều kiện, Căn cứ pháp lý); a section
/// label that repeats starts the next procedure, named by the numbered
/// heading before it. `decision` is the announcing decision's number, when
/// the caller knows it.
///
/// ```
/// let text = "1. Thủ tục cấp bản sao trích lục hộ tịch\na) Trình tự thực hiện: Người yêu cầu nộp hồ sơ.\nb) Cách thức thực hiện: Trực tiếp hoặc qua bưu chính.\nd) Thời hạn giải quyết: Trong ngày.\nh) Phí, lệ phí: 8.000 đồng/bản sao.\n2. Thủ tục thứ hai\na) Trình tự thực hiện: Nộp hồ sơ.\n";
/// let procedures = tthc::import::read_text(text, "qd.txt", None)?;
/// assert_eq!(procedures.len(), 2);
/// assert_eq!(procedures[0].name.as_deref(), Some("Thủ tục cấp bản sao trích lục hộ tịch"));
/// assert_eq!(procedures[0].channels.len(), 2);
/// assert_eq!(procedures[0].channels[0].deadline.as_deref(), Some("Trong ngày."));
/// # Ok::<(), tthc::import::TextError>(())
/// ```
pub fn read_text(
    text: &str,
    origin: &str,
    decision: Option<&str>,
) -> Result<Vec<ImportedProcedure>, TextError> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = Block::default();
    let mut preamble: Vec<&str> = Vec::new();
    for line in text.lines() {
        if let Some((section, rest)) = label(line) {
            if current.has(section) && REPEATING.contains(&section) {
                // A new procedure: its heading ends the previous one's last section.
                let h = current.take_trailing_heading();
                blocks.push(std::mem::take(&mut current));
                current.heading = h;
            } else if current.sections.is_empty() && blocks.is_empty() {
                // The heading before the first label; a record's text opens
                // with its name on a line of its own.
                let lines: Vec<&&str> = preamble.iter().filter(|l| !l.trim().is_empty()).collect();
                current.heading = lines
                    .iter()
                    .rev()
                    .find(|l| heading(l))
                    .or(if lines.len() == 1 {
                        lines.first()
                    } else {
                        None
                    })
                    .map(|l| l.trim().to_string());
            }
            current.sections.push((section, rest.to_string()));
        } else if let Some((_, last)) = current.sections.last_mut() {
            last.push('\n');
            last.push_str(line);
        } else {
            preamble.push(line);
        }
    }
    if current.sections.is_empty() && blocks.is_empty() {
        return Err(TextError {
            origin: origin.to_string(),
            message: Text::new(
                "không tìm thấy mục nào của thủ tục (Trình tự thực hiện, Cách thức thực hiện, Thành phần hồ sơ …)",
                "no procedure section found (Trình tự thực hiện, Cách thức thực hiện, Thành phần hồ sơ …)",
            ),
        });
    }
    if !current.sections.is_empty() {
        blocks.push(current);
    }
    let many = blocks.len() > 1;
    Ok(blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let o = if many {
                format!("{origin}#{}", k + 1)
            } else {
                origin.to_string()
            };
            procedure(b, &o, decision)
        })
        .collect())
}

/// Strips the number of a heading (`1. `, `Thủ tục 2: `).
fn heading_name(h: &str) -> String {
    let t = h.trim();
    let d = digits_len(t);
    let t = if d > 0 {
        t[d..].trim_start_matches(['.', ')']).trim()
    } else {
        t
    };
    squeeze(t)
}

fn note(notes: &mut Vec<Note>, field: FieldName, vi: &str, en: &str) {
    notes.push(Note {
        field,
        text: Text::new(vi, en),
    });
}

fn procedure(b: &Block, origin: &str, decision: Option<&str>) -> ImportedProcedure {
    let name = Some(b.get(Section::Name))
        .filter(|n| !n.trim().is_empty())
        .or_else(|| b.heading.as_deref().map(heading_name))
        .unwrap_or_default();
    let code_text = b.get(Section::Code);
    let code = if code_text.trim().is_empty() {
        find_code(&name).unwrap_or_default()
    } else {
        code_text
    };
    let record = Record {
        ma_thu_tuc: code,
        ten_thu_tuc: name,
        linh_vuc: b.get(Section::Sector),
        cap_thuc_hien: b.get(Section::Levels),
        trinh_tu_thuc_hien: b.get(Section::Steps),
        doi_tuong_thuc_hien: b.get(Section::Applicants),
        co_quan_thuc_hien: b.get(Section::Agency),
        yeu_cau_dieu_kien: b.get(Section::Conditions),
        so_quyet_dinh: decision.unwrap_or_default().to_string(),
        ..Record::default()
    };
    let mut p = super::import_record(&record, origin);
    let mut notes = std::mem::take(&mut p.notes);
    notes.retain(|n| {
        !matches!(
            n.field,
            FieldName::Channels
                | FieldName::Deadlines
                | FieldName::Fees
                | FieldName::Documents
                | FieldName::Results
                | FieldName::LegalBasis
        )
    });
    let set = |p: &mut ImportedProcedure, field: FieldName, status: Status| {
        if let Some(s) = p.status.iter_mut().find(|(f, _)| *f == field) {
            s.1 = status;
        }
    };
    // Channels: a portal table if the section holds one, else the channels it names.
    let channels_text = b.get(Section::Channels);
    let deadline = b.get(Section::Deadline);
    let fee = b.get(Section::Fee);
    if channels_text.contains(super::channels::HEADER) || channels_text.contains("Hình thức nộp")
    {
        let before = notes.len();
        let c = super::channels::read(
            &channels_text.replace(
                "Hình thức nộp Thời hạn giải quyết Phí, lệ phí Mô tả",
                super::channels::HEADER,
            ),
            &mut notes,
        );
        p.channels = c.rows;
        let noted = notes[before..]
            .iter()
            .any(|n| n.field == FieldName::Channels);
        let st = super::table_status(p.channels.is_empty(), noted);
        set(&mut p, FieldName::Channels, st);
    } else {
        p.channels = prose_channels(&channels_text, &deadline, &fee, &mut notes);
        let st = super::table_status(p.channels.is_empty(), true);
        set(&mut p, FieldName::Channels, st);
    }
    let deadlines = p.channels.iter().filter(|r| r.deadline.is_some()).count();
    let st = super::table_status(
        deadlines == 0,
        notes.iter().any(|n| n.field == FieldName::Deadlines),
    );
    set(&mut p, FieldName::Deadlines, st);
    let fees = p
        .channels
        .iter()
        .filter(|r| !matches!(r.fee.amount, FeeAmount::NotGiven))
        .count();
    let st = super::table_status(fees == 0, notes.iter().any(|n| n.field == FieldName::Fees));
    set(&mut p, FieldName::Fees, st);
    // Documents.
    let docs_text = b.get(Section::Documents);
    if docs_text.contains(super::documents::HEADER) {
        let before = notes.len();
        let d = super::documents::read(&docs_text, &mut notes);
        p.documents = d.groups;
        let noted = notes[before..]
            .iter()
            .any(|n| n.field == FieldName::Documents);
        let st = super::table_status(p.all_documents().next().is_none(), noted);
        set(&mut p, FieldName::Documents, st);
    } else {
        p.documents = prose_documents(&docs_text, &mut notes);
        let uncertain = p.all_documents().any(|d| d.uncertain);
        let st = super::table_status(p.all_documents().next().is_none(), uncertain);
        set(&mut p, FieldName::Documents, st);
    }
    // Results, legal basis, forms: one per line.
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| squeeze(strip_enumerator(l).trim()))
            .filter(|l| !l.is_empty() && !is_not_given(l))
            .collect()
    };
    p.results = lines(&b.get(Section::Result))
        .into_iter()
        .map(|name| ImportedResult { name, code: None })
        .collect();
    let st = super::table_status(p.results.is_empty(), false);
    set(&mut p, FieldName::Results, st);
    let mut legal_partial = false;
    p.legal_basis = lines(&b.get(Section::Legal))
        .into_iter()
        .map(|line| {
            let number = super::legal::first_number(&line);
            legal_partial |= number.is_none();
            LegalText {
                number,
                cell: None,
                title: line,
                listed: 1,
            }
        })
        .collect();
    if legal_partial {
        note(
            &mut notes,
            FieldName::LegalBasis,
            "một dòng căn cứ pháp lý không có số hiệu văn bản",
            "a legal-basis line has no document number",
        );
    }
    let st = super::table_status(p.legal_basis.is_empty(), legal_partial);
    set(&mut p, FieldName::LegalBasis, st);
    p.forms = lines(&b.get(Section::Forms));
    if p.sources.detail_url.is_none() && p.sources.decision.is_some() {
        set(&mut p, FieldName::Sources, Status::Partial);
    }
    p.notes = notes;
    p
}

/// A national code (`1.004222`) in a text.
fn find_code(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(7)).find_map(|i| {
        let w = &b[i..i + 8];
        let ok = w[0].is_ascii_digit() && w[1] == b'.' && w[2..].iter().all(u8::is_ascii_digit);
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 8).is_none_or(|c| !c.is_ascii_digit());
        (ok && bounded).then(|| text[i..i + 8].to_string())
    })
}

/// Channels named in a prose section, each with the deadline and fee sections' text.
fn prose_channels(text: &str, deadline: &str, fee: &str, notes: &mut Vec<Note>) -> Vec<ChannelRow> {
    let lower = text.to_lowercase();
    let mut found: Vec<(usize, Channel)> = Vec::new();
    for (words, channel) in [
        (&["trực tiếp"][..], Channel::InPerson),
        (
            &[
                "trực tuyến",
                "dịch vụ công trực tuyến",
                "môi trường điện tử",
                "qua mạng",
            ][..],
            Channel::Online,
        ),
        (&["bưu chính", "bưu điện"][..], Channel::Post),
    ] {
        if let Some(at) = words.iter().filter_map(|w| lower.find(w)).min() {
            found.push((at, channel));
        }
    }
    found.sort_by_key(|f| f.0);
    if found.is_empty() {
        if !text.trim().is_empty() {
            note(
                notes,
                FieldName::Channels,
                "mục cách thức thực hiện không nêu kênh nào (trực tiếp, trực tuyến, bưu chính)",
                "the channel section names no channel (in person, online, post)",
            );
        }
        return Vec::new();
    }
    note(
        notes,
        FieldName::Channels,
        "các kênh được đọc từ văn xuôi; thời hạn và phí của mục riêng được gán cho mọi kênh",
        "channels read from prose; the deadline and fee sections are given to every channel",
    );
    let deadline = (!is_not_given(deadline)).then(|| squeeze(deadline.trim()));
    if deadline.is_some() && found.len() > 1 {
        note(
            notes,
            FieldName::Deadlines,
            "một thời hạn chung cho mọi kênh (văn bản không nêu thời hạn riêng từng kênh)",
            "one deadline for every channel (the text gives none per channel)",
        );
    }
    let fee_t = squeeze(fee.trim());
    let lower_fee = fee_t.to_lowercase();
    let amounts = money_mentions(&fee_t);
    let amount = if is_not_given(&fee_t) {
        FeeAmount::NotGiven
    } else if ["không", "không có", "miễn phí", "miễn", "không thu"]
        .contains(&lower_fee.trim_end_matches('.'))
    {
        FeeAmount::Free
    } else if amounts.len() == 1 {
        note(
            notes,
            FieldName::Fees,
            "số tiền của mục phí, lệ phí được gán cho mọi kênh; điều kiện (nếu có) nằm trong ghi chú",
            "the amount of the fee section is given to every channel; its conditions, if any, are in the note",
        );
        FeeAmount::Dong(amounts[0])
    } else {
        note(
            notes,
            FieldName::Fees,
            "mục phí, lệ phí không phải một số tiền duy nhất; giữ nguyên văn bản",
            "the fee section is not one single amount; the text is kept",
        );
        FeeAmount::Uncertain
    };
    found
        .into_iter()
        .map(|(_, channel)| ChannelRow {
            channel,
            deadline: deadline.clone(),
            deadline_unit_missing: false,
            fee: ChannelFee {
                text: (!fee_t.is_empty() && !is_not_given(&fee_t)).then(|| fee_t.clone()),
                amount: amount.clone(),
                note: None,
                mentioned_amounts: amounts.clone(),
            },
            description: (!text.trim().is_empty()).then(|| squeeze(text.trim())),
            unsplit: None,
        })
        .collect()
}

/// `… thẩm quyền. 1 0`: a row of the older table, its originals and copies.
fn trailing_counts(line: &str) -> Option<(&str, u32, u32)> {
    let mut words = line.rsplitn(3, ' ');
    let copies: u32 = words.next()?.parse().ok()?;
    let originals: u32 = words.next()?.parse().ok()?;
    let name = words.next()?.trim_end();
    (!name.is_empty()).then_some((name, originals, copies))
}

/// Documents listed in a prose section: one per item line; a line ending
/// in `:` heads a case.
fn prose_documents(text: &str, notes: &mut Vec<Note>) -> Vec<DocumentGroup> {
    let mut groups: Vec<DocumentGroup> = vec![DocumentGroup {
        case: None,
        documents: Vec::new(),
    }];
    // The older portal layout: `Loại giấy tờ Bản chính Bản sao …`, rows ending `1 0`.
    let mut table = false;
    let mut counted = false;
    for line in text.lines() {
        let t = squeeze(strip_enumerator(line).trim());
        if t.is_empty() || is_not_given(&t) {
            continue;
        }
        let lower = t.to_lowercase();
        if lower.starts_with("loại giấy tờ") || lower.starts_with("tên giấy tờ") {
            table = true;
            // The line before a table header, if not a counted row, heads its case.
            let heading = groups
                .last_mut()
                .filter(|_| !counted)
                .and_then(|g| g.documents.pop())
                .map(|d| d.name);
            groups.push(DocumentGroup {
                case: heading,
                documents: Vec::new(),
            });
            counted = false;
            continue;
        }
        if table && let Some((name, originals, copies)) = trailing_counts(&t) {
            if let Some(g) = groups.last_mut() {
                g.documents.push(ImportedDocument {
                    mentioned_forms: super::documents::forms_in(name),
                    name: name.to_string(),
                    templates: Vec::new(),
                    count_text: t[name.len()..].trim().to_string(),
                    counts: vec![
                        FormCount {
                            form: PaperForm::Original,
                            count: originals,
                        },
                        FormCount {
                            form: PaperForm::Copy,
                            count: copies,
                        },
                    ],
                    uncertain: false,
                    held: None,
                });
            }
            counted = true;
            continue;
        }
        counted = false;
        if lower.starts_with("số lượng hồ sơ") || lower.starts_with("số lượng") {
            note(
                notes,
                FieldName::Documents,
                &format!("số lượng chung cho cả hồ sơ: «{t}»"),
                &format!("one count for the whole dossier: «{t}»"),
            );
            continue;
        }
        if t.ends_with(':') {
            groups.push(DocumentGroup {
                case: Some(t.trim_end_matches(':').trim().to_string()),
                documents: Vec::new(),
            });
            continue;
        }
        let forms = super::documents::forms_in(&t);
        if let Some(g) = groups.last_mut() {
            g.documents.push(ImportedDocument {
                name: t,
                templates: Vec::new(),
                count_text: String::new(),
                counts: Vec::new(),
                mentioned_forms: forms,
                uncertain: true,
                held: None,
            });
        }
    }
    groups.retain(|g| !g.documents.is_empty() || g.case.is_some());
    if groups
        .iter()
        .any(|g| g.documents.iter().any(|d| d.uncertain))
    {
        note(
            notes,
            FieldName::Documents,
            "giấy tờ được đọc từ văn xuôi, mỗi dòng một giấy tờ; số lượng từng giấy tờ không có cột riêng",
            "documents read from prose, one per line; there is no count column per document",
        );
    }
    groups
}
