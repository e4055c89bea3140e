//! YAML syntax errors a drafter can act on.
//!
//! The YAML parser describes what *it* could not do ("did not find expected
//! key"), in English, at the place where it gave up — often the line after
//! the mistake. [`classify`] reads the parser's message, its position and
//! the source text, and names the drafter's mistake instead: a tab used for
//! indentation, a line indented differently from its neighbours, `key:value`
//! without a space, a quote or bracket left open, `: ` inside a value, …,
//! each located on the line the drafter wrote wrong, with the change to
//! make, in Vietnamese and in English.
//!
//! It takes plain text (the message, a line and column, the source), not
//! the parser's types, so any parser can feed it. One pass over the lines
//! up to the error (and, for tabs, over the whole file): linear.

use crate::i18n::Lang;
use crate::load::node::Location;
use crate::load::{LoadError, LoadErrorKind};

/// What the drafter got wrong in the YAML itself.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxCause {
    /// A tab character in the indentation (YAML indents with spaces only).
    Tab,
    /// A line indented differently from the lines of its level.
    Indentation {
        /// The line's indentation, in spaces.
        found: u32,
        /// The indentations that would fit here (the levels open at this
        /// line), smallest first.
        levels: Vec<u32>,
    },
    /// `key:value` without the space after `:`.
    NoSpaceAfterColon {
        /// The key before the colon.
        key: String,
    },
    /// A quote opened and not closed on the line.
    UnclosedQuote {
        /// `"` or `'`.
        quote: char,
    },
    /// A `[` or `{` that is not closed.
    UnclosedBracket {
        /// `[` or `{`.
        open: char,
    },
    /// A closing bracket that closes nothing, or the wrong bracket.
    StrayBracket {
        /// The bracket found.
        found: char,
        /// The bracket that would close what is open, if any.
        expected: Option<char>,
    },
    /// A decimal comma inside `{ ... }` (`{ hours: 0,5 }`): the comma
    /// separates entries there, so the number was cut in two.
    DecimalComma {
        /// The number as written (`0,5`).
        number: String,
    },
    /// `: ` inside a value that is not quoted (`name: Bước 1: nộp hồ sơ`).
    ColonInValue,
    /// A `- ` list item where the level holds `key: value` entries.
    ListItemInMapping,
    /// `key: value` entries where the level is a `- ` list.
    MappingInList,
    /// A line of text at a key's place, without `:`.
    KeyWithoutColon {
        /// The text of the line.
        text: String,
    },
    /// A value starts with a character YAML reserves (`@`, `` ` ``, `%`).
    ReservedCharacter {
        /// The character.
        character: char,
    },
    /// Text after a closing quote (`name: "Cấp" giấy phép`).
    TextAfterQuote,
    /// An alias (`*name`) whose anchor (`&name`) is not defined.
    UnknownAlias,
    /// A key the typed reader does not know (configuration, calendar data).
    UnknownField {
        /// The key as written.
        key: String,
        /// Keys allowed here, as the parser lists them.
        allowed: String,
    },
    /// A key the typed reader requires.
    MissingField {
        /// The key.
        key: String,
    },
    /// A typed reader refused the value written here; its message (in
    /// English) is the English message.
    InvalidValue {
        /// The value as written.
        value: String,
    },
    /// Anything else: the parser's message is kept as a detail of the
    /// English message.
    Other,
}

/// One located syntax mistake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxIssue {
    pub cause: SyntaxCause,
    pub location: Location,
}

impl SyntaxCause {
    /// What is wrong, in one sentence. `detail` is the parser's message,
    /// shown only in the English message of [`SyntaxCause::Other`].
    pub(crate) fn message(&self, lang: Lang, detail: &str) -> String {
        use SyntaxCause::*;
        let vi = lang == Lang::Vi;
        match self {
            Tab if vi => "dòng này thụt lề bằng phím Tab; YAML chỉ thụt lề bằng dấu cách".into(),
            Tab => "this line is indented with a tab; YAML indents with spaces only".into(),
            Indentation { found, levels } if vi => format!(
                "dòng này thụt lề {found} dấu cách, không khớp với các dòng cùng cấp ({})",
                spaces(levels, lang)
            ),
            Indentation { found, levels } => format!(
                "this line is indented by {found} {}, which matches no level here ({})",
                if *found == 1 { "space" } else { "spaces" },
                spaces(levels, lang)
            ),
            NoSpaceAfterColon { key } if vi => {
                format!("thiếu dấu cách sau dấu `:` của khóa `{key}`")
            }
            NoSpaceAfterColon { key } => format!("no space after the `:` of the key `{key}`"),
            UnclosedQuote { quote } if vi => {
                format!("dấu ngoặc `{quote}` mở ở đây nhưng không được đóng trên dòng này")
            }
            UnclosedQuote { quote } => {
                format!("the quote `{quote}` opened here is not closed on this line")
            }
            UnclosedBracket { open } if vi => {
                format!("dấu ngoặc `{open}` mở ở đây nhưng không được đóng")
            }
            UnclosedBracket { open } => format!("the bracket `{open}` opened here is not closed"),
            StrayBracket {
                found,
                expected: Some(e),
            } if vi => format!("gặp dấu `{found}` trong khi ngoặc đang mở cần đóng bằng `{e}`"),
            StrayBracket {
                found,
                expected: Some(e),
            } => format!("found `{found}` where the open bracket needs `{e}`"),
            StrayBracket { found, .. } if vi => {
                format!("dấu `{found}` thừa: không có ngoặc nào đang mở")
            }
            StrayBracket { found, .. } => format!("the `{found}` closes no open bracket"),
            DecimalComma { number } if vi => format!(
                "số `{number}` viết dấu phẩy thập phân trong `{{ ... }}`: ở đó dấu phẩy ngăn cách các mục, nên số bị cắt làm hai"
            ),
            DecimalComma { number } => format!(
                "`{number}` has a decimal comma inside `{{ ... }}`, where a comma separates entries, so the number was cut in two"
            ),
            ColonInValue if vi => {
                "giá trị có dấu `: ` ở giữa nên YAML hiểu nhầm là một khóa mới".into()
            }
            ColonInValue => "the value contains `: `, which YAML reads as a new key".into(),
            ListItemInMapping if vi => {
                "dòng bắt đầu bằng `- ` (mục danh sách) ở chỗ cần `khóa: giá trị`".into()
            }
            ListItemInMapping => {
                "a `- ` list item where this level holds `key: value` entries".into()
            }
            MappingInList if vi => {
                "dòng `khóa: giá trị` ở chỗ các dòng cùng cấp là mục danh sách `- `".into()
            }
            MappingInList => "a `key: value` line where this level is a `- ` list".into(),
            KeyWithoutColon { text } if vi => {
                format!("dòng `{text}` nằm ở vị trí của một khóa nhưng thiếu dấu `:`")
            }
            KeyWithoutColon { text } => {
                format!("the line `{text}` stands where a key goes, but has no `:`")
            }
            ReservedCharacter { character } if vi => format!(
                "giá trị không được bắt đầu bằng ký tự \"{character}\" nếu không đặt trong ngoặc kép"
            ),
            ReservedCharacter { character } => {
                format!("a value cannot start with \"{character}\" unless it is quoted")
            }
            TextAfterQuote if vi => "có chữ viết tiếp sau dấu ngoặc kép đóng".into(),
            TextAfterQuote => "there is text after the closing quote".into(),
            UnknownAlias if vi => {
                "`*` ở đầu giá trị là tham chiếu (alias) tới một neo `&` chưa được khai báo".into()
            }
            UnknownAlias => {
                "a value starting with `*` refers to an anchor `&` that is not defined".into()
            }
            UnknownField { key, .. } if vi => format!("khóa `{key}` không có trong định dạng"),
            UnknownField { key, .. } => format!("unknown key `{key}`"),
            MissingField { key } if vi => format!("thiếu khóa bắt buộc `{key}`"),
            MissingField { key } => format!("the required key `{key}` is missing"),
            InvalidValue { value } if vi => format!("giá trị `{value}` không hợp lệ ở đây"),
            InvalidValue { .. } => detail.to_string(),
            Other if vi => "YAML không hợp lệ: trình đọc không hiểu cấu trúc ở chỗ này".into(),
            Other => format!("malformed YAML: {detail}"),
        }
    }

    /// What to change, in one sentence.
    pub(crate) fn help(&self, lang: Lang) -> String {
        use SyntaxCause::*;
        let vi = lang == Lang::Vi;
        match self {
            Tab if vi => "xóa ký tự Tab ở đầu dòng và thụt lề bằng dấu cách (mỗi cấp 2 dấu cách)".into(),
            Tab => "delete the tab at the start of the line and indent with spaces (2 per level)".into(),
            Indentation { levels, .. } if vi => format!(
                "thụt lề dòng này đúng bằng các dòng cùng cấp với nó: {}",
                spaces(levels, lang)
            ),
            Indentation { levels, .. } => format!(
                "indent this line exactly like the lines of its level: {}",
                spaces(levels, lang)
            ),
            NoSpaceAfterColon { key } if vi => {
                format!("thêm một dấu cách sau dấu hai chấm: `{key}: ...`")
            }
            NoSpaceAfterColon { key } => format!("add a space after the colon: `{key}: ...`"),
            UnclosedQuote { quote } if vi => {
                format!("thêm `{quote}` ở cuối giá trị, hoặc bỏ dấu `{quote}` ở đầu")
            }
            UnclosedQuote { quote } => {
                format!("add `{quote}` at the end of the value, or remove the opening `{quote}`")
            }
            UnclosedBracket { open } if vi => format!(
                "thêm `{}` ở cuối danh sách/ánh xạ (trên cùng dòng), hoặc bỏ `{open}`",
                closing(*open)
            ),
            UnclosedBracket { open } => format!(
                "add `{}` at the end of the list or mapping (on the same line), or remove the `{open}`",
                closing(*open)
            ),
            StrayBracket {
                expected: Some(e), ..
            } if vi => format!("đóng ngoặc theo đúng thứ tự: thêm `{e}` trước dấu này"),
            StrayBracket {
                expected: Some(e), ..
            } => format!("close the brackets in order: add `{e}` before this one"),
            StrayBracket { .. } if vi => {
                "xóa dấu ngoặc thừa, hoặc đặt cả giá trị trong ngoặc kép".into()
            }
            StrayBracket { .. } => "remove the extra bracket, or quote the whole value".into(),
            DecimalComma { number } if vi => format!(
                "ghi `{}` (dấu chấm thập phân) hoặc đặt số trong ngoặc đơn: '{number}'",
                number.replace(',', ".")
            ),
            DecimalComma { number } => format!(
                "write `{}` (decimal point) or put the number in quotes: '{number}'",
                number.replace(',', ".")
            ),
            ColonInValue if vi => {
                "đặt cả giá trị trong ngoặc kép, ví dụ `name: \"Bước 1: nộp hồ sơ\"`".into()
            }
            ColonInValue => {
                "put the whole value in quotes, e.g. `name: \"Step 1: submit the dossier\"`".into()
            }
            ListItemInMapping if vi => {
                "bỏ `- ` ở đầu dòng: ở cấp này mỗi dòng là `khóa: giá trị`".into()
            }
            ListItemInMapping => {
                "remove the `- ` at the start of the line: at this level each line is `key: value`"
                    .into()
            }
            MappingInList if vi => {
                "thêm `- ` ở đầu dòng, hoặc thụt lề dòng này vào trong mục phía trên".into()
            }
            MappingInList => {
                "start the line with `- `, or indent it into the item above".into()
            }
            KeyWithoutColon { text } if vi && text.contains('：') => {
                "thay dấu hai chấm toàn độ rộng `：` bằng dấu hai chấm thường `:` và một dấu cách".into()
            }
            KeyWithoutColon { text } if text.contains('：') => {
                "replace the full-width colon `：` with an ordinary `:` and a space".into()
            }
            KeyWithoutColon { text }
                if let Some((key, rest)) = text.split_once(' ')
                    && is_known_key(key) =>
            {
                if vi {
                    format!("thêm `:` sau tên khóa: `{key}: {}`", rest.trim())
                } else {
                    format!("add `:` after the key: `{key}: {}`", rest.trim())
                }
            }
            KeyWithoutColon { text } if vi => format!(
                "thêm `:` sau tên khóa (`{text}: ...`), hoặc nếu đây là phần tiếp của giá trị ở dòng trên, thụt lề nó sâu hơn khóa"
            ),
            KeyWithoutColon { text } => format!(
                "add `:` after the key (`{text}: ...`), or, if it continues the value above, indent it deeper than the key"
            ),
            ReservedCharacter { character } if vi => {
                format!("đặt cả giá trị trong ngoặc kép, ví dụ \"{character}...\"")
            }
            ReservedCharacter { character } => {
                format!("put the whole value in quotes, e.g. \"{character}...\"")
            }
            TextAfterQuote if vi => {
                "đặt cả giá trị trong một cặp ngoặc kép, hoặc bỏ các dấu ngoặc kép".into()
            }
            TextAfterQuote => "put the whole value inside one pair of quotes, or none".into(),
            UnknownAlias if vi => {
                "nếu `*` là một phần của văn bản, đặt cả giá trị trong ngoặc kép".into()
            }
            UnknownAlias => "if the `*` is part of the text, put the whole value in quotes".into(),
            UnknownField { allowed, .. } if vi && !allowed.is_empty() => {
                format!("các khóa hợp lệ: {allowed}")
            }
            UnknownField { allowed, .. } if !allowed.is_empty() => {
                format!("allowed keys: {allowed}")
            }
            UnknownField { .. } if vi => "xóa khóa này hoặc sửa tên khóa".into(),
            UnknownField { .. } => "remove the key or fix its name".into(),
            MissingField { key } if vi => format!("thêm `{key}:`"),
            MissingField { key } => format!("add `{key}:`"),
            InvalidValue { .. } if vi => {
                "kiểm tra lại giá trị này: cách viết, chính tả và ngày tháng có tồn tại".into()
            }
            InvalidValue { .. } => {
                "check this value: its form, spelling, and that the date exists".into()
            }
            Other if vi => {
                "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu `:` ở dòng này và dòng trên; giá trị có dấu `:`, `#`, `[`, `{` hay bắt đầu bằng dấu ngoặc cần đặt trong ngoặc kép"
                    .into()
            }
            Other => {
                "check the indentation (spaces only) and the `:` on this line and the one above; quote values that contain `:`, `#`, `[`, `{` or start with a quote"
                    .into()
            }
        }
    }
}

fn closing(open: char) -> char {
    if open == '{' { '}' } else { ']' }
}

/// `0, 2 hoặc 4 dấu cách` / `0, 2 or 4 spaces`.
fn spaces(levels: &[u32], lang: Lang) -> String {
    let words: Vec<String> = levels.iter().map(u32::to_string).collect();
    let (or, unit) = match lang {
        Lang::Vi => ("hoặc", "dấu cách"),
        Lang::En => ("or", "spaces"),
    };
    match words.as_slice() {
        [] => format!("0 {unit}"),
        [one] => format!("{one} {unit}"),
        [init @ .., last] => format!("{} {or} {last} {unit}", init.join(", ")),
    }
}

/// One line of the source, as the scan saw it.
#[derive(Clone, Debug, Default)]
struct Line {
    /// Byte offset of the line's first character.
    start: usize,
    /// Leading spaces (up to the first tab or other character).
    indent: u32,
    /// Character column (0-based) of a tab in the leading whitespace.
    tab: Option<u32>,
    /// Empty, or only a comment.
    blank: bool,
    /// The line starts inside a block scalar, a quoted scalar or a flow
    /// collection opened on an earlier line.
    continued: bool,
    /// The line, read on its own, starts with `key:` or `- `.
    entry_like: bool,
    /// What the line holds at block level (for lines not continued).
    shape: Shape,
    /// A bracket opened on this line and still open at its end.
    opens_flow: Option<(char, u32)>,
    /// No bracket is open at the end of the line.
    flow_closed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Shape {
    /// Nothing structural.
    #[default]
    None,
    /// `- …`: a list item, its content's column and what follows `- `.
    Item { inner: u32, rest: Box<Shape> },
    /// `key: value`.
    Entry {
        /// Nothing after `:` (a nested block follows, or null).
        opens: bool,
        /// Column of a further `: ` in a plain value.
        colon_in_value: Option<u32>,
    },
    /// Text without `: `.
    Plain {
        text: String,
        /// Column just after the colon and the key of `key:value`.
        no_space: Option<(u32, String)>,
    },
}

/// What the scan found.
#[derive(Default)]
struct Scan {
    lines: Vec<Line>,
    /// Each quote left open at the end of its line: (line, column, quote,
    /// the line where it closes, if it does). One per line at most.
    open_quotes: Vec<(usize, u32, char, Option<usize>)>,
    /// A closing bracket that closes nothing or the wrong one.
    stray_bracket: Option<(usize, u32, char, Option<char>)>,
    /// A plain value starting with a reserved character.
    reserved: Option<(usize, u32, char)>,
    /// Text after a closing quote: (line, column).
    after_quote: Option<(usize, u32)>,
}

/// State carried from one line to the next.
#[derive(Default)]
struct Carry {
    /// Inside a quoted scalar opened earlier.
    quote: Option<char>,
    /// Open flow brackets.
    flow: Vec<char>,
    /// Inside a block scalar (`|`, `>`) under a line indented this much.
    block_parent: Option<u32>,
}

/// A line quoted in a message: at most 60 characters, then `…` (a line of
/// megabytes is not printed, twice, in a message and its help).
fn shortened(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// The lines of `src` as YAML counts them, each with its line end: `\r\n`,
/// `\n` and a lone `\r` (old Mac files) each end a line.
fn yaml_lines(src: &str) -> impl Iterator<Item = &str> {
    let mut rest = src;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
            None => rest.len(),
            Some(i) if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') => i + 2,
            Some(i) => i + 1,
        };
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// One pass over the lines: indentation, shape, quotes and brackets.
fn scan(src: &str) -> Scan {
    let mut out = Scan::default();
    let mut carry = Carry::default();
    let mut start = 0usize;
    for (index, raw) in yaml_lines(src).enumerate() {
        let text = raw.trim_end_matches(['\n', '\r']);
        let line = scan_line(text, start, index, &mut carry, &mut out);
        out.lines.push(line);
        start += raw.len();
    }
    out
}

fn scan_line(text: &str, start: usize, index: usize, carry: &mut Carry, out: &mut Scan) -> Line {
    let chars: Vec<char> = text.chars().collect();
    let mut line = Line {
        start,
        ..Line::default()
    };
    let mut pos = 0usize;
    while let Some(&c) = chars.get(pos) {
        match c {
            ' ' if line.tab.is_none() => line.indent += 1,
            ' ' => {}
            '\t' => {
                line.tab.get_or_insert(pos as u32);
            }
            _ => break,
        }
        pos += 1;
    }
    let first = chars.get(pos).copied();
    line.blank = matches!(first, None | Some('#'));
    if let Some(parent) = carry.block_parent {
        if first.is_none() || line.indent > parent {
            line.continued = true;
            line.flow_closed = true;
            return line;
        }
        carry.block_parent = None;
    }
    line.entry_like = entry_like(&chars[pos..]);
    line.continued = carry.quote.is_some() || !carry.flow.is_empty();
    let mut cur = Cursor {
        chars: &chars,
        pos,
        index,
        quote_open: None,
        first_open: None,
        block_scalar: false,
    };
    if line.continued {
        if carry.quote.is_some() {
            cur.quoted(carry, out);
        }
        if !carry.flow.is_empty() {
            cur.flow(carry, out);
        }
    } else if !line.blank {
        let flow_before = carry.flow.len();
        line.shape = cur.block(carry, out);
        if carry.flow.len() > flow_before
            && let Some((open, col)) = cur.first_open
        {
            line.opens_flow = Some((open, col));
        }
        if cur.block_scalar {
            carry.block_parent = Some(line.indent);
        }
    }
    let still_open = out.open_quotes.last().is_some_and(|q| q.3.is_none());
    if carry.quote.is_none() && still_open {
        if let Some(last) = out.open_quotes.last_mut() {
            last.3 = Some(index);
        }
    } else if carry.quote.is_some()
        && !still_open
        && let Some((col, q)) = cur.quote_open
    {
        out.open_quotes.push((index, col, q, None));
    }
    line.flow_closed = carry.flow.is_empty() && carry.quote.is_none();
    line
}

/// `key:` or `- ` at the start of `body`.
fn entry_like(body: &[char]) -> bool {
    match body {
        ['-', ' ', ..] | ['-'] => true,
        ['"' | '\'' | '[' | '{' | '#', ..] | [] => false,
        _ => body
            .windows(2)
            .position(|w| w[0] == ':' && w[1] == ' ')
            .or_else(|| (body.last() == Some(&':')).then(|| body.len() - 1))
            .is_some_and(|i| {
                !body[..i]
                    .iter()
                    .any(|c| matches!(c, ',' | '[' | ']' | '{' | '}' | '#'))
            }),
    }
}

struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
    index: usize,
    /// A quote opened on this line: (column, quote).
    quote_open: Option<(u32, char)>,
    /// The first bracket opened on this line: (bracket, column).
    first_open: Option<(char, u32)>,
    /// The value is `|` or `>`: a block scalar follows.
    block_scalar: bool,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn col(&self) -> u32 {
        u32::try_from(self.pos).unwrap_or(u32::MAX)
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    fn at_comment_or_end(&self) -> bool {
        matches!(self.peek(), None | Some('#'))
    }

    /// The rest of a quoted scalar; the quote is in `carry.quote`.
    fn quoted(&mut self, carry: &mut Carry, _out: &mut Scan) {
        let Some(q) = carry.quote else { return };
        while let Some(c) = self.peek() {
            self.pos += 1;
            if q == '"' && c == '\\' {
                self.pos += 1;
            } else if c == q {
                if q == '\'' && self.peek() == Some('\'') {
                    self.pos += 1;
                } else {
                    carry.quote = None;
                    return;
                }
            }
        }
    }

    /// Inside brackets: until they close or the line ends.
    fn flow(&mut self, carry: &mut Carry, out: &mut Scan) {
        let mut token_start = true;
        while let Some(c) = self.peek() {
            if carry.flow.is_empty() {
                return;
            }
            match c {
                '#' if self.pos == 0
                    || matches!(self.chars.get(self.pos - 1), Some(' ' | '\t')) =>
                {
                    self.pos = self.chars.len();
                    return;
                }
                '"' | '\'' if token_start => {
                    carry.quote = Some(c);
                    self.quote_open = Some((self.col(), c));
                    self.pos += 1;
                    self.quoted(carry, out);
                    if carry.quote.is_some() {
                        return;
                    }
                    token_start = false;
                    continue;
                }
                '[' | '{' => {
                    carry.flow.push(c);
                    self.first_open.get_or_insert((c, self.col()));
                    token_start = true;
                }
                ']' | '}' => {
                    let want = carry.flow.last().map(|o| closing(*o));
                    if want != Some(c) && out.stray_bracket.is_none() {
                        out.stray_bracket = Some((self.index, self.col(), c, want));
                    }
                    carry.flow.pop();
                    token_start = false;
                }
                ',' => token_start = true,
                ':' => token_start = true,
                ' ' | '\t' => {}
                _ => token_start = false,
            }
            self.pos += 1;
        }
    }

    /// A line at block level: `- ` markers, a key, a value.
    fn block(&mut self, carry: &mut Carry, out: &mut Scan) -> Shape {
        let mut items = Vec::new();
        while self.peek() == Some('-') && matches!(self.at(1), None | Some(' ' | '\t')) {
            items.push(self.col());
            self.pos += 1;
            self.skip_spaces();
        }
        let rest = self.node(carry, out, true);
        items.into_iter().rev().fold(rest, |rest, col| Shape::Item {
            inner: col + 2,
            rest: Box::new(rest),
        })
    }

    /// A key and its value, or a value alone (`key_allowed` false after `key: `).
    fn node(&mut self, carry: &mut Carry, out: &mut Scan, key_allowed: bool) -> Shape {
        if self.at_comment_or_end() {
            return Shape::None;
        }
        let start = self.pos;
        match self.peek() {
            Some(q @ ('"' | '\'')) => {
                self.quote_open = Some((self.col(), q));
                carry.quote = Some(q);
                self.pos += 1;
                self.quoted(carry, out);
                if carry.quote.is_some() {
                    return Shape::None;
                }
                self.skip_spaces();
                if key_allowed
                    && self.peek() == Some(':')
                    && matches!(self.at(1), None | Some(' ' | '\t'))
                {
                    self.pos += 1;
                    return self.value(carry, out);
                }
                if !self.at_comment_or_end() && out.after_quote.is_none() {
                    out.after_quote = Some((self.index, self.col()));
                }
                Shape::None
            }
            Some(c @ ('[' | '{')) => {
                carry.flow.push(c);
                self.first_open.get_or_insert((c, self.col()));
                self.pos += 1;
                self.flow(carry, out);
                self.skip_spaces();
                if key_allowed && self.peek() == Some(':') && carry.flow.is_empty() {
                    self.pos += 1;
                    return self.value(carry, out);
                }
                if let Some(c @ (']' | '}')) = self.peek()
                    && carry.flow.is_empty()
                    && out.stray_bracket.is_none()
                {
                    out.stray_bracket = Some((self.index, self.col(), c, None));
                }
                Shape::None
            }
            Some('|' | '>') if !key_allowed => {
                self.block_scalar = true;
                Shape::None
            }
            Some(c @ ('@' | '`' | '%')) => {
                if out.reserved.is_none() {
                    out.reserved = Some((self.index, self.col(), c));
                }
                self.pos = self.chars.len();
                Shape::None
            }
            Some(']' | '}') => {
                if out.stray_bracket.is_none() {
                    out.stray_bracket =
                        Some((self.index, self.col(), self.peek().unwrap_or(']'), None));
                }
                self.pos = self.chars.len();
                Shape::None
            }
            _ => {
                // A plain scalar: up to `: `, ` #` or the end.
                let mut colon = None;
                while let Some(c) = self.peek() {
                    if c == ':' && matches!(self.at(1), None | Some(' ' | '\t')) {
                        colon = Some(self.pos);
                        break;
                    }
                    if c == '#'
                        && matches!(self.chars.get(self.pos.wrapping_sub(1)), Some(' ' | '\t'))
                    {
                        break;
                    }
                    self.pos += 1;
                }
                match colon {
                    Some(_) if key_allowed => {
                        self.pos += 1;
                        self.value(carry, out)
                    }
                    Some(at) => {
                        // A second `: ` inside a value.
                        self.pos = self.chars.len();
                        Shape::Entry {
                            opens: false,
                            colon_in_value: Some(u32::try_from(at).unwrap_or(u32::MAX)),
                        }
                    }
                    None => {
                        let text: String = self.chars[start..self.pos].iter().collect();
                        let text = text.trim().to_string();
                        let no_space = no_space_key(&text).map(|k| {
                            let col =
                                u32::try_from(start + k.chars().count() + 1).unwrap_or(u32::MAX);
                            (col, k.to_string())
                        });
                        Shape::Plain { text, no_space }
                    }
                }
            }
        }
    }

    /// After `key:`: the value, if any, on the same line.
    fn value(&mut self, carry: &mut Carry, out: &mut Scan) -> Shape {
        self.skip_spaces();
        if self.at_comment_or_end() {
            return Shape::Entry {
                opens: true,
                colon_in_value: None,
            };
        }
        let colon_in_value = match self.node(carry, out, false) {
            Shape::Entry { colon_in_value, .. } => colon_in_value,
            _ => None,
        };
        Shape::Entry {
            opens: false,
            colon_in_value,
        }
    }
}

/// `name:Nộp` → `name`, when `name` is a key of a format `tthc` reads.
fn no_space_key(text: &str) -> Option<&str> {
    let (key, rest) = text.split_once(':')?;
    let next = rest.chars().next()?;
    if next == '/' || next == ':' || next.is_whitespace() {
        return None;
    }
    is_known_key(key).then_some(key)
}

/// A key of any file format `tthc` reads.
fn is_known_key(word: &str) -> bool {
    use crate::format::*;
    [
        &PROCEDURE,
        &STEP,
        &DOCUMENT,
        &EFFORT,
        &FEE,
        &HELD_IN,
        &REWORK,
        &VOLUME,
        &DEADLINE,
        &CASE,
        &CHANNEL,
        &REVIEW_CASE,
        &CONFIG,
    ]
    .iter()
    .any(|o| o.has(word))
}

/// The parser's message, read as one of a few families.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Tab,
    Quote,
    Bracket,
    Alias,
    Structure,
}

fn family(message: &str) -> Family {
    let m = message.to_ascii_lowercase();
    // Whole words: "tab" inside "table" or "stable" is no tab.
    let tab = m
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "tab" || w == "tabs");
    if tab {
        Family::Tab
    } else if m.contains("quote") {
        Family::Quote
    } else if m.contains("bracket") || m.contains("flow") {
        Family::Bracket
    } else if m.contains("anchor") || m.contains("alias") {
        Family::Alias
    } else {
        Family::Structure
    }
}

/// Keeps the first [`crate::load::MAX_ERRORS`] of `issues`, counting the rest.
fn capped(issues: impl Iterator<Item = SyntaxIssue>) -> (Vec<SyntaxIssue>, usize) {
    let mut kept = Vec::new();
    let mut rest = 0usize;
    for issue in issues {
        if kept.len() < crate::load::MAX_ERRORS {
            kept.push(issue);
        } else {
            rest += 1;
        }
    }
    (kept, rest)
}

/// Names the drafter's mistake behind a parser `message` at `line`:`column`
/// (1-based, as the parser gave them; the column in characters) in `src`.
///
/// The first issue is the mistake itself, located where the drafter must
/// change the text; any others are independent mistakes of the same kind
/// found in the same pass (every line indented with a tab, every known key
/// written `key:value`).
/// The mistakes, at most [`crate::load::MAX_ERRORS`], and how many more of
/// the same kind the file has.
pub(crate) fn classify(
    message: &str,
    line: u32,
    column: u32,
    src: &str,
) -> (Vec<SyntaxIssue>, usize) {
    let one = |cause, location| (vec![SyntaxIssue { cause, location }], 0);
    if let Some(cause) = typed_field(message) {
        return one(cause, locate(src, line, column));
    }
    let family = family(message);
    let scan = scan(src);
    let at = |index: usize, col: u32| location_at(&scan, src, index, col);
    let upto = usize::try_from(line.max(1) - 1)
        .unwrap_or(usize::MAX)
        .min(scan.lines.len().saturating_sub(1));
    if scan.lines.is_empty() {
        return one(SyntaxCause::Other, locate(src, line, column));
    }

    if family == Family::Tab {
        let tabs = capped(
            scan.lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.continued && !l.blank)
                .filter_map(|(i, l)| l.tab.map(|t| (i, t)))
                .map(|(i, t)| SyntaxIssue {
                    cause: SyntaxCause::Tab,
                    location: at(i, t),
                }),
        );
        if !tabs.0.is_empty() {
            return tabs;
        }
        let location = tab_on_line(src, &scan, upto).unwrap_or_else(|| locate(src, line, column));
        return one(SyntaxCause::Tab, location);
    }
    // A quote or a bracket left open confuses everything after it.
    // The quote still open on the line of the error (a quoted value over
    // several lines that closes before it is no mistake).
    if let Some(&(i, col, quote, _)) = scan
        .open_quotes
        .iter()
        .find(|q| q.0 <= upto && q.3.is_none_or(|closed| closed > upto))
    {
        return one(SyntaxCause::UnclosedQuote { quote }, at(i, col));
    }
    if let Some((i, col, found, expected)) = scan.stray_bracket
        && i <= upto
    {
        return one(SyntaxCause::StrayBracket { found, expected }, at(i, col));
    }
    if let Some((i, col, open)) = unclosed_bracket(&scan, upto, family) {
        return one(SyntaxCause::UnclosedBracket { open }, at(i, col));
    }
    if family == Family::Alias {
        return one(SyntaxCause::UnknownAlias, locate(src, line, column));
    }
    let near = nearby(&scan, upto);
    if let Some((i, col)) = scan.after_quote
        && near.contains(&i)
    {
        return one(SyntaxCause::TextAfterQuote, at(i, col));
    }
    if let Some((i, col, character)) = scan.reserved
        && near.contains(&i)
    {
        return one(SyntaxCause::ReservedCharacter { character }, at(i, col));
    }
    if near
        .iter()
        .any(|&i| no_space(&scan.lines[i].shape).is_some())
    {
        // Every `key:value` with a key the formats know: each is a mistake
        // on its own.
        return capped(
            scan.lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.continued)
                .filter_map(|(i, l)| no_space(&l.shape).map(|(col, key)| (i, col, key)))
                .map(|(i, col, key)| SyntaxIssue {
                    cause: SyntaxCause::NoSpaceAfterColon { key },
                    location: at(i, col),
                }),
        );
    }
    if message.contains("mapping values") {
        for &i in &near {
            if let Some(col) = colon_in_value(&scan.lines[i].shape) {
                return one(SyntaxCause::ColonInValue, at(i, col));
            }
        }
    }
    if let Some((i, cause)) = misfit(&scan, upto) {
        let col = scan.lines[i].indent;
        return one(cause, at(i, col));
    }
    // A typed reader's message about the value written here (`invalid
    // date 2027-02-30`): name the value.
    let location = locate(src, line, column);
    if let Some(value) = value_at(src, location).filter(|v| message.contains(v.as_str())) {
        return one(SyntaxCause::InvalidValue { value }, location);
    }
    one(SyntaxCause::Other, location)
}

/// `unknown field `x`, expected one of `a`, `b`` and `missing field `x``,
/// from a typed reader.
fn typed_field(message: &str) -> Option<SyntaxCause> {
    let ticked = |s: &str| -> Option<String> {
        let start = s.find('`')? + 1;
        let end = start + s.get(start..)?.find('`')?;
        s.get(start..end).map(str::to_string)
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let key = ticked(rest)?;
        let allowed = rest
            .split_once("expected one of ")
            .or_else(|| rest.split_once("expected "))
            .map(|(_, a)| a.replace('`', ""))
            .unwrap_or_default();
        return Some(SyntaxCause::UnknownField { key, allowed });
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Some(SyntaxCause::MissingField { key: ticked(rest)? });
    }
    None
}

fn no_space(shape: &Shape) -> Option<(u32, String)> {
    match shape {
        Shape::Item { rest, .. } => no_space(rest),
        Shape::Plain {
            no_space: Some((col, key)),
            ..
        } => Some((*col, key.clone())),
        _ => None,
    }
}

fn colon_in_value(shape: &Shape) -> Option<u32> {
    match shape {
        Shape::Item { rest, .. } => colon_in_value(rest),
        Shape::Entry { colon_in_value, .. } => *colon_in_value,
        _ => None,
    }
}

/// The parser's line and the line of text before it (the parser often
/// stops on the line after the mistake).
fn nearby(scan: &Scan, upto: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(2);
    let mut i = upto + 1;
    while i > 0 && out.len() < 2 {
        i -= 1;
        if scan.lines.get(i).is_some_and(|l| !l.blank && !l.continued) {
            out.push(i);
        }
    }
    out
}

/// A bracket still open where a line at its level starts a block entry
/// (`key:` or `- ` indented no deeper than the bracket's line): it was
/// never closed. For a parser message about brackets, also a bracket
/// still open at the parser's line.
fn unclosed_bracket(scan: &Scan, upto: usize, family: Family) -> Option<(usize, u32, char)> {
    let mut opener: Option<(usize, char, u32)> = None;
    for (i, l) in scan.lines.iter().enumerate().take(upto + 1) {
        if l.continued
            && !l.blank
            && let Some((oi, open, col)) = opener
            && l.entry_like
            && scan.lines.get(oi).is_some_and(|o| l.indent <= o.indent)
        {
            return Some((oi, col, open));
        }
        if let Some((open, col)) = l.opens_flow {
            opener = Some((i, open, col));
        } else if l.flow_closed {
            opener = None;
        }
    }
    if family == Family::Bracket {
        return opener.map(|(i, open, col)| (i, col, open));
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LevelKind {
    Map,
    Seq,
}

/// The last line, at or before the parser's line, that does not fit the
/// indentation of the lines around it: indented between two levels, deeper
/// than its level without a `key:` that opens one, a `- ` item among
/// `key:` lines (or the reverse), or text without `:` at a key's place.
fn misfit(scan: &Scan, upto: usize) -> Option<(usize, SyntaxCause)> {
    let mut stack: Vec<(u32, LevelKind)> = Vec::new();
    // The indentation of a `key:` that opened a nested block on its line.
    let mut pending: Option<(u32, LevelKind)> = None;
    // The indentation under which a scalar may continue on the next lines.
    let mut scalar: Option<u32> = None;
    let mut found = None;
    for (i, l) in scan.lines.iter().enumerate().take(upto + 1) {
        if l.blank || l.continued {
            continue;
        }
        let indent = l.indent;
        let (kind, shape) = match &l.shape {
            Shape::Item { .. } => (LevelKind::Seq, &l.shape),
            Shape::Entry { .. } => (LevelKind::Map, &l.shape),
            Shape::Plain { text, .. } => {
                let continues =
                    pending.is_some_and(|(p, _)| indent > p) || scalar.is_some_and(|s| indent > s);
                if continues {
                    // A value on the line after its key, or a long value
                    // continued over lines.
                    scalar = pending.take().map(|(p, _)| p).or(scalar);
                } else if !stack.is_empty() {
                    found = Some((
                        i,
                        SyntaxCause::KeyWithoutColon {
                            text: shortened(text),
                        },
                    ));
                }
                continue;
            }
            Shape::None => continue,
        };
        scalar = None;
        let open_levels: Vec<u32> = stack.iter().map(|(d, _)| *d).collect();
        match pending.take() {
            Some((p, parent))
                if indent > p
                    || (indent == p && kind == LevelKind::Seq && parent == LevelKind::Map) =>
            {
                stack.push((indent, kind));
            }
            _ => {
                while stack.last().is_some_and(|(d, _)| *d > indent) {
                    stack.pop();
                }
                match stack.last() {
                    None => stack.push((indent, kind)),
                    Some(&(d, k)) if d == indent => {
                        if k != kind {
                            let cause = if kind == LevelKind::Seq {
                                SyntaxCause::ListItemInMapping
                            } else {
                                SyntaxCause::MappingInList
                            };
                            found = Some((i, cause));
                        }
                    }
                    Some(_) => {
                        found = Some((
                            i,
                            SyntaxCause::Indentation {
                                found: indent,
                                levels: open_levels,
                            },
                        ));
                        // Read on as if the line were at its closest level.
                        continue;
                    }
                }
            }
        }
        // What the line opens for the next ones.
        let mut shape = shape;
        let mut depth = indent;
        while let Shape::Item { inner, rest } = shape {
            match rest.as_ref() {
                Shape::Item { .. } => stack.push((*inner, LevelKind::Seq)),
                Shape::Entry { .. } => stack.push((*inner, LevelKind::Map)),
                Shape::None => pending = Some((depth, LevelKind::Seq)),
                Shape::Plain { .. } => scalar = Some(depth),
            }
            depth = *inner;
            shape = rest;
        }
        match shape {
            Shape::Entry { opens: true, .. } => pending = Some((depth, LevelKind::Map)),
            Shape::Entry { opens: false, .. } => scalar = Some(depth),
            _ => {}
        }
    }
    found
}

fn tab_on_line(src: &str, scan: &Scan, index: usize) -> Option<Location> {
    let l = scan.lines.get(index)?;
    let text = src.get(l.start..)?;
    let text = text.split(['\n', '\r']).next().unwrap_or(text);
    let col = text.chars().position(|c| c == '\t')?;
    Some(location_at(scan, src, index, u32::try_from(col).ok()?))
}

/// Line `index` (0-based), character column `col` (0-based) → a location
/// with its byte range (one character).
fn location_at(scan: &Scan, src: &str, index: usize, col: u32) -> Location {
    let Some(l) = scan.lines.get(index) else {
        return Location::default();
    };
    let text = src.get(l.start..).unwrap_or_default();
    let text = text.split(['\n', '\r']).next().unwrap_or(text);
    char_location(
        text,
        l.start,
        u32::try_from(index + 1).unwrap_or(u32::MAX),
        col,
    )
}

fn char_location(text: &str, start: usize, line: u32, col: u32) -> Location {
    let byte = text
        .char_indices()
        .nth(col as usize)
        .map_or(text.len(), |(b, _)| b);
    let len = text
        .get(byte..)
        .and_then(|t| t.chars().next())
        .map_or(1, char::len_utf8);
    Location {
        line,
        column: col.saturating_add(1),
        byte_offset: Some(start + byte),
        byte_len: Some(len),
    }
}

/// The parser's own position, with the byte offset read from the text.
fn locate(src: &str, line: u32, column: u32) -> Location {
    let mut start = 0usize;
    for (i, raw) in yaml_lines(src).enumerate() {
        if i + 1 == line as usize {
            let text = raw.trim_end_matches(['\n', '\r']);
            return char_location(text, start, line, column.max(1) - 1);
        }
        start += raw.len();
    }
    Location {
        line: line.max(1),
        column: column.max(1),
        byte_offset: None,
        byte_len: None,
    }
}

/// The error of a file with a second YAML document, which the parser
/// reports at `at` (that document's first content): located on the `---`
/// that starts it (else on that line, after a `...`), saying to keep one
/// procedure per file and what to do with the rest.
pub(crate) fn second_document(origin: &str, src: &str, at: Option<Location>) -> LoadError {
    let at = at.filter(|l| l.line > 0);
    let marker = at.and_then(|l| second_document_start(src, l.line));
    let (vi, en) = if marker.is_some() {
        (
            "một tài liệu YAML thứ hai bắt đầu từ dòng `---` này: mỗi tệp chỉ ghi một thủ tục \
             (chuyển phần sau dòng này sang một tệp riêng, hoặc xóa dòng `---` nếu phần sau \
             thuộc thủ tục ở trên)",
            "a second YAML document starts at this `---`: keep one procedure per file (move \
             what follows to a file of its own, or remove the `---` if it belongs to the \
             procedure above)",
        )
    } else {
        (
            "một tài liệu YAML thứ hai bắt đầu từ dòng này: mỗi tệp chỉ ghi một thủ tục \
             (chuyển phần từ dòng này trở đi sang một tệp riêng)",
            "a second YAML document starts on this line: keep one procedure per file (move \
             it and what follows to a file of its own)",
        )
    };
    let error = LoadError::new(
        origin,
        LoadErrorKind::Invalid {
            en: en.into(),
            vi: vi.into(),
        },
    );
    match (marker, at) {
        (Some(m), _) => error.at("", m),
        (None, Some(l)) => error.at("", l),
        (None, None) => error,
    }
}

/// The `---` that starts the second YAML document of `src`, the one the
/// parser reports at `line` (its first content): the last document marker
/// at or before that line that follows some content (a `---` that opens
/// the file starts the first document). `None` when there is none.
///
/// One pass over the lines up to `line`, for the one error a file with
/// two documents gets.
pub(crate) fn second_document_start(src: &str, line: u32) -> Option<Location> {
    let mut start = 0usize;
    let mut content = false;
    let mut marker = None;
    for (i, raw) in yaml_lines(src).enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if number > line {
            break;
        }
        let text = raw.trim_end_matches(['\n', '\r']);
        let is_marker = text
            .strip_prefix("---")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        if is_marker && content {
            marker = Some(Location {
                line: number,
                column: 1,
                byte_offset: Some(start),
                byte_len: Some(3),
            });
        }
        let body = text.trim_start();
        if !is_marker && !body.is_empty() && !body.starts_with('#') {
            content = true;
        }
        start += raw.len();
    }
    marker
}

/// A key right after `key: <digits>,` inside `{ ... }` that starts with
/// digits: the drafter wrote a decimal comma (`{ hours: 0,5 }`,
/// `{ duration: 0,5 ngày làm việc }`), and the comma cut the value in two.
/// Returns the value as written (`0,5`, `0,5 ngày làm việc`) and its place.
pub(crate) fn decimal_comma(src: &str, key: Location) -> Option<(String, Location)> {
    let off = key.byte_offset?;
    let after = src.get(off..)?;
    if !after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let tail = after
        .find([',', '}', ']', '#', '\n'])
        .map_or(after, |i| &after[..i])
        .trim_end();
    let before = src.get(..off)?.trim_end_matches([' ', '\t']);
    let before = before.strip_suffix(',')?;
    let whole_start = before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let whole = before.get(whole_start..)?;
    let lead = before.get(..whole_start)?.trim_end_matches([' ', '\t']);
    if whole.is_empty() || !lead.ends_with(':') {
        return None;
    }
    let back = u32::try_from(src.get(whole_start..off)?.chars().count()).ok()?;
    let end = off + tail.len();
    Some((
        src.get(whole_start..end)?.to_string(),
        Location {
            line: key.line,
            column: key.column.checked_sub(back)?,
            byte_offset: Some(whole_start),
            byte_len: Some(end - whole_start),
        },
    ))
}

/// Whether the number at `node` is followed by `,<digit>`: the first half
/// of a value cut by a decimal comma (see [`decimal_comma`]).
pub(crate) fn decimal_comma_after(src: &str, node: Location) -> bool {
    let Some(end) = node.byte_offset.zip(node.byte_len).map(|(o, l)| o + l) else {
        return false;
    };
    src.get(end..)
        .and_then(|rest| rest.strip_prefix(','))
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// The plain value that starts at `location` (up to `,`, `}`, `]`, ` #` or
/// the end of the line), when there is one.
fn value_at(src: &str, location: Location) -> Option<String> {
    let rest = src.get(location.byte_offset?..)?;
    let end = rest.find([',', '}', ']', '\n', '#']).unwrap_or(rest.len());
    let value = rest.get(..end)?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_document_is_located_on_its_marker() {
        let at =
            |src: &str, line| second_document_start(src, line).map(|l| (l.line, l.byte_offset));
        // The `---` that opens the file starts the first document.
        assert_eq!(at("---\na: 1\n---\nb: 2\n", 4), Some((3, Some(9))));
        assert_eq!(at("# x\n---\na: 1\n", 3), None);
        // With a comment after it, a comment line before the content, CRLF
        // and lone-CR line ends.
        assert_eq!(at("a: 1\n--- # b\n# c\nb: 2\n", 4), Some((2, Some(5))));
        assert_eq!(at("a: 1\r\n---\r\nb: 2\r\n", 3), Some((2, Some(6))));
        assert_eq!(at("a: 1\r---\rb: 2\r", 3), Some((2, Some(5))));
        // `----` and `---x` are not markers; a document ended by `...`
        // has none.
        assert_eq!(at("a: 1\n----\nb: 2\n", 3), None);
        assert_eq!(at("a: 1\n...\nb: 2\n", 3), None);
        let e = second_document(
            "f.yaml",
            "a: 1\n---\nb: 2\n",
            Some(Location {
                line: 3,
                column: 1,
                byte_offset: Some(9),
                byte_len: Some(1),
            }),
        );
        assert_eq!(e.location.map(|l| (l.line, l.column)), Some((2, 1)));
        assert!(
            e.message(Lang::En).contains("keep one procedure per file"),
            "{e}"
        );
        assert!(
            e.message(Lang::Vi).contains("mỗi tệp chỉ ghi một thủ tục"),
            "{e}"
        );
    }
}
