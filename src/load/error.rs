//! Load errors: what is wrong, where, and what to change — in both languages.

use crate::fix::{self, Edit, Fix};
use crate::i18n::Lang;
use crate::load::node::Location;
use crate::load::syntax::{self, SyntaxCause};
use std::fmt;

/// Why a file was rejected. Each variant carries what the message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io {
        /// The operating system's message (English).
        detail: String,
        /// The same in Vietnamese ([`crate::io_error_text`]).
        detail_vi: String,
    },
    /// The input is larger than the configured limit.
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes are not valid UTF-8.
    NotUtf8,
    /// The file is empty or holds only comments.
    Empty,
    /// The YAML itself is malformed.
    Syntax {
        /// The drafter's mistake, as [`crate::load::syntax`] read it.
        cause: SyntaxCause,
        /// The parser's own description (English).
        detail: String,
        /// Independent mistakes of the same kind elsewhere in the file
        /// (every line indented with a tab, …), found in the same pass;
        /// [`LoadErrors::from`] lists each as an error of its own.
        also: Vec<(SyntaxCause, Location)>,
        /// How many more such mistakes the file has beyond the error cap
        /// (counted, not listed).
        omitted: usize,
    },
    /// A key appears twice in the same mapping.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// The parser's safety budget was exceeded (alias bombs, deep nesting, huge node counts).
    Budget {
        /// Which budget was breached.
        detail: String,
    },
    /// A required key is missing.
    MissingKey {
        /// The missing key.
        key: String,
    },
    /// A key that the format does not know.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The closest known key, if one is close.
        suggestion: Option<String>,
        /// Every key allowed at this place.
        allowed: Vec<&'static str>,
    },
    /// A value of the wrong kind (text where a list is expected, …).
    WrongType {
        /// What was expected, in English.
        expected: &'static str,
        /// What was expected, in Vietnamese.
        expected_vi: &'static str,
        /// What was found.
        found: &'static str,
    },
    /// A value outside the allowed set (`level: provincial`).
    BadValue {
        /// The value as written.
        value: String,
        /// The closest allowed value, if one is close.
        suggestion: Option<String>,
        /// Every allowed value.
        allowed: Vec<&'static str>,
    },
    /// `format` is not `tthc/1`.
    UnsupportedFormat {
        /// The value as written.
        found: String,
    },
    /// A step or document id that is not a simple word.
    BadId {
        /// The id as written.
        id: String,
    },
    /// A rule code or name that no rule has (configuration, review tests).
    UnknownRule {
        /// The code or name as written.
        rule: String,
        /// The closest rule code or name, if one is close.
        suggestion: Option<String>,
    },
    /// A reference to a step that does not exist.
    UnknownStep {
        /// The id as written.
        id: String,
        /// The closest existing step id.
        suggestion: Option<String>,
    },
    /// A reference to a document that does not exist.
    UnknownDocument {
        /// The id as written.
        id: String,
        /// The closest existing document id.
        suggestion: Option<String>,
    },
    /// `next`/`choice` edges form a cycle.
    Cycle {
        /// The steps on the cycle, in order, the first repeated at the end.
        steps: Vec<String>,
    },
    /// A negative number where only non-negative ones make sense.
    Negative {
        /// The value as written.
        value: String,
    },
    /// NaN or infinity.
    NonFinite,
    /// A number too large to be meaningful here.
    TooBig {
        /// The value as written.
        value: String,
        /// The largest value accepted here, when there is one to name.
        max: Option<u128>,
    },
    /// A probability outside [0, 1].
    Probability {
        /// The value as written.
        value: String,
    },
    /// A duration that could not be read.
    BadDuration {
        /// The text as written.
        text: String,
        /// What was wrong with it.
        detail: String,
        /// The same, in Vietnamese.
        detail_vi: String,
    },
    /// A money amount that could not be read.
    BadMoney {
        /// The text as written.
        text: String,
    },
    /// Any other invalid value, explained in both languages.
    Invalid {
        /// English explanation.
        en: String,
        /// Vietnamese explanation.
        vi: String,
    },
}

impl LoadErrorKind {
    /// A number with a decimal comma inside `{ ... }` (`{ hours: 0,5 }`).
    pub(crate) fn decimal_comma(number: String) -> LoadErrorKind {
        LoadErrorKind::Syntax {
            cause: SyntaxCause::DecimalComma { number },
            detail: String::new(),
            also: Vec::new(),
            omitted: 0,
        }
    }
}

/// One reason a file was rejected, located in the file.
///
/// `Display` gives the English one-line form `file:line:col: message`;
/// [`LoadError::message`] and [`LoadError::help`] give either language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// Where the input came from (a file path, or a name the caller chose).
    pub origin: String,
    /// The element the error is about, as a path (`steps.xem-xet.next[0]`).
    pub element: Option<String>,
    /// Line and column in the input, when known.
    pub location: Option<Location>,
    /// What is wrong.
    pub kind: LoadErrorKind,
}

impl LoadError {
    pub(crate) fn new(origin: &str, kind: LoadErrorKind) -> LoadError {
        LoadError {
            origin: origin.to_string(),
            element: None,
            location: None,
            kind,
        }
    }

    /// A YAML syntax error from the parser's `message` at `line`:`column`
    /// (1-based; 0 when unknown) in `src`, read as the drafter's mistake
    /// and located on the line to change.
    pub(crate) fn syntax(
        origin: &str,
        message: String,
        line: u32,
        column: u32,
        src: &str,
    ) -> LoadError {
        let (issues, omitted) = if line == 0 {
            (Vec::new(), 0)
        } else {
            syntax::classify(&message, line, column, src)
        };
        let mut issues = issues.into_iter();
        let Some(first) = issues.next() else {
            return LoadError::new(
                origin,
                LoadErrorKind::Syntax {
                    cause: SyntaxCause::Other,
                    detail: message,
                    also: Vec::new(),
                    omitted: 0,
                },
            );
        };
        let also = issues.map(|i| (i.cause, i.location)).collect();
        LoadError::new(
            origin,
            LoadErrorKind::Syntax {
                cause: first.cause,
                detail: message,
                also,
                omitted,
            },
        )
        .at("", first.location)
    }

    pub(crate) fn at(mut self, element: impl Into<String>, location: Location) -> LoadError {
        let element = element.into();
        self.element = (!element.is_empty()).then_some(element);
        self.location = Some(location);
        self
    }

    /// A stable short code for the kind of error (`unknown-key`, `cycle`, …).
    pub fn code(&self) -> &'static str {
        use LoadErrorKind::*;
        match &self.kind {
            Io { .. } => "io",
            TooLarge { .. } => "too-large",
            NotUtf8 => "not-utf8",
            Empty => "empty",
            Syntax { .. } => "yaml-syntax",
            DuplicateKey { .. } => "duplicate-key",
            Budget { .. } => "yaml-budget",
            MissingKey { .. } => "missing-key",
            UnknownKey { .. } => "unknown-key",
            WrongType { .. } => "wrong-type",
            BadValue { .. } => "bad-value",
            UnsupportedFormat { .. } => "unsupported-format",
            BadId { .. } => "bad-id",
            UnknownRule { .. } => "unknown-rule",
            UnknownStep { .. } => "unknown-step",
            UnknownDocument { .. } => "unknown-document",
            Cycle { .. } => "cycle",
            Negative { .. } => "negative",
            NonFinite => "non-finite",
            TooBig { .. } => "too-big",
            Probability { .. } => "probability",
            BadDuration { .. } => "bad-duration",
            BadMoney { .. } => "bad-money",
            Invalid { .. } => "invalid",
        }
    }

    /// Every code [`LoadError::code`] can return, with what it means in
    /// English and Vietnamese (for rule lists such as SARIF's).
    pub const CODES: &'static [(&'static str, &'static str, &'static str)] = &[
        ("io", "the file could not be read", "không đọc được tệp"),
        (
            "too-large",
            "the input is over the size limit",
            "tệp vượt giới hạn kích thước",
        ),
        (
            "not-utf8",
            "the file is not UTF-8 text",
            "tệp không phải văn bản UTF-8",
        ),
        (
            "empty",
            "the file holds no procedure",
            "tệp không có thủ tục nào",
        ),
        ("yaml-syntax", "malformed YAML", "YAML không hợp lệ"),
        (
            "duplicate-key",
            "a key appears twice",
            "một khóa xuất hiện hai lần",
        ),
        (
            "yaml-budget",
            "the YAML reader's safety limits were exceeded",
            "vượt giới hạn an toàn của trình đọc YAML",
        ),
        (
            "missing-key",
            "a required key is missing",
            "thiếu khóa bắt buộc",
        ),
        (
            "unknown-key",
            "a key the format does not know",
            "khóa không có trong định dạng",
        ),
        (
            "wrong-type",
            "a value of the wrong kind",
            "giá trị sai kiểu",
        ),
        (
            "bad-value",
            "a value outside the allowed set",
            "giá trị không nằm trong danh sách cho phép",
        ),
        (
            "unsupported-format",
            "the format is not tthc/1",
            "định dạng không phải tthc/1",
        ),
        (
            "bad-id",
            "an id that is not a simple word",
            "mã không hợp lệ",
        ),
        (
            "unknown-rule",
            "no rule has this code or name",
            "không có quy tắc với mã hay tên này",
        ),
        (
            "unknown-step",
            "a reference to a step that does not exist",
            "tham chiếu tới bước không tồn tại",
        ),
        (
            "unknown-document",
            "a reference to a document that does not exist",
            "tham chiếu tới giấy tờ không tồn tại",
        ),
        (
            "cycle",
            "next/choice edges form a cycle",
            "các cạnh next/choice tạo thành vòng lặp",
        ),
        (
            "negative",
            "a negative number where only non-negative ones make sense",
            "số âm ở chỗ chỉ nhận số không âm",
        ),
        (
            "non-finite",
            "NaN or infinity",
            "giá trị không phải số hữu hạn",
        ),
        (
            "too-big",
            "a number too large to be meaningful",
            "số quá lớn",
        ),
        (
            "probability",
            "a probability outside [0, 1]",
            "xác suất nằm ngoài khoảng [0, 1]",
        ),
        (
            "bad-duration",
            "a duration that could not be read",
            "không đọc được thời hạn",
        ),
        (
            "bad-money",
            "a money amount that could not be read",
            "không đọc được số tiền",
        ),
        ("invalid", "an invalid value", "giá trị không hợp lệ"),
    ];

    /// What is wrong, in one sentence.
    pub fn message(&self, lang: Lang) -> String {
        use LoadErrorKind::*;
        let vi = lang == Lang::Vi;
        match &self.kind {
            Io { detail_vi, .. } if vi => format!("không đọc được tệp: {detail_vi}"),
            Io { detail, .. } => format!("cannot read the file: {detail}"),
            TooLarge { size, limit } if vi => {
                format!("tệp dài {size} byte, vượt giới hạn {limit} byte")
            }
            TooLarge { size, limit } => {
                format!("the input is {size} bytes, over the limit of {limit} bytes")
            }
            NotUtf8 if vi => "tệp không phải văn bản UTF-8".into(),
            NotUtf8 => "the file is not UTF-8 text".into(),
            Empty if vi => "tệp trống: không có thủ tục nào".into(),
            Empty => "the file is empty: there is no procedure in it".into(),
            Syntax { cause, detail, .. } => cause.message(lang, detail),
            DuplicateKey { key } if vi => format!("khóa `{key}` xuất hiện hai lần"),
            DuplicateKey { key } => format!("the key `{key}` appears twice"),
            Budget { detail } => {
                let (kind, count) = budget_breach(detail);
                let count = count.map(|n| n.to_string()).unwrap_or_else(|| "?".into());
                match (kind, vi) {
                    (Breach::Aliases, true) => format!(
                        "tệp dùng quá nhiều tham chiếu (alias `*`, neo `&`): {count}, vượt giới hạn an toàn của trình đọc YAML"
                    ),
                    (Breach::Aliases, false) => format!(
                        "the file uses too many aliases (`*`) or anchors (`&`): {count}, over the YAML reader's safety limit"
                    ),
                    (Breach::Depth, true) => format!(
                        "tệp lồng nhau quá sâu ({count} cấp), vượt giới hạn an toàn của trình đọc YAML"
                    ),
                    (Breach::Depth, false) => format!(
                        "the file nests too deep ({count} levels), over the YAML reader's safety limit"
                    ),
                    (Breach::Size, true) => format!(
                        "tệp có quá nhiều phần tử (ít nhất {count}), vượt giới hạn an toàn của trình đọc YAML"
                    ),
                    (Breach::Size, false) => format!(
                        "the file has too many elements (at least {count}), over the YAML reader's safety limit"
                    ),
                }
            }
            MissingKey { key } if vi => format!("thiếu khóa bắt buộc `{key}`"),
            MissingKey { key } => format!("the required key `{key}` is missing"),
            UnknownKey { key, .. } if vi => format!("khóa `{key}` không có trong định dạng"),
            UnknownKey { key, .. } => format!("unknown key `{key}`"),
            WrongType {
                expected_vi, found, ..
            } if vi => format!("cần {expected_vi}, nhưng tệp ghi {}", found_vi(found)),
            WrongType {
                expected, found, ..
            } => format!("expected {expected}, found {found}"),
            BadValue { value, .. } if vi => format!("giá trị `{value}` không hợp lệ ở đây"),
            BadValue { value, .. } => format!("`{value}` is not allowed here"),
            UnsupportedFormat { found } if vi => {
                format!("định dạng `{found}` không được hỗ trợ")
            }
            UnsupportedFormat { found } => format!("unsupported format `{found}`"),
            BadId { id } if vi => format!("mã `{id}` không hợp lệ"),
            BadId { id } => format!("`{id}` is not a valid id"),
            UnknownRule { rule, .. } if vi => format!("không có quy tắc `{rule}`"),
            UnknownRule { rule, .. } => format!("there is no rule `{rule}`"),
            UnknownStep { id, .. } if vi => format!("không có bước nào có mã `{id}`"),
            UnknownStep { id, .. } => format!("there is no step `{id}`"),
            UnknownDocument { id, .. } if vi => format!("không có giấy tờ nào có mã `{id}`"),
            UnknownDocument { id, .. } => format!("there is no document `{id}`"),
            Cycle { steps } if vi => {
                format!("các bước tạo thành vòng lặp: {}", steps.join(" → "))
            }
            Cycle { steps } => format!("the steps form a cycle: {}", steps.join(" → ")),
            Negative { value } if vi => format!("số âm `{value}` không hợp lệ ở đây"),
            Negative { value } => format!("negative number `{value}` is not allowed here"),
            NonFinite if vi => "giá trị không phải là số hữu hạn".into(),
            NonFinite => "the value is not a finite number".into(),
            TooBig { value, max: None } if vi => format!("số `{value}` quá lớn"),
            TooBig { value, max: None } => format!("the number `{value}` is too large"),
            TooBig {
                value,
                max: Some(max),
            } if vi => format!(
                "số `{value}` quá lớn: tối đa {}",
                crate::model::group_thousands(*max, '.')
            ),
            TooBig {
                value,
                max: Some(max),
            } => format!(
                "the number `{value}` is too large: at most {}",
                crate::model::group_thousands(*max, ',')
            ),
            Probability { value } if vi => format!("xác suất `{value}` nằm ngoài khoảng [0, 1]"),
            Probability { value } => format!("the probability `{value}` is outside [0, 1]"),
            BadDuration {
                text, detail_vi, ..
            } if vi => format!("không đọc được thời hạn `{text}`: {detail_vi}"),
            BadDuration { text, detail, .. } => {
                format!("cannot read the duration `{text}`: {detail}")
            }
            BadMoney { text } if vi => format!("không đọc được số tiền `{text}`"),
            BadMoney { text } => format!("cannot read the amount `{text}`"),
            Invalid { vi: v, .. } if vi => v.clone(),
            Invalid { en, .. } => en.clone(),
        }
    }

    /// What to change, in one sentence.
    pub fn help(&self, lang: Lang) -> Option<String> {
        use LoadErrorKind::*;
        let vi = lang == Lang::Vi;
        let did_you_mean = |s: &Option<String>| {
            s.as_ref().map(|s| {
                if vi {
                    format!("có phải ý bạn là `{s}`?")
                } else {
                    format!("did you mean `{s}`?")
                }
            })
        };
        let list = |items: &[&str]| items.join(", ");
        Some(match &self.kind {
            Io { .. } => return None,
            TooLarge { .. } if vi => "chia tệp ra, hoặc nâng giới hạn bằng --max-file-size".into(),
            TooLarge { .. } => "split the file, or raise the limit with --max-file-size".into(),
            NotUtf8 if vi => "lưu tệp lại với bảng mã UTF-8".into(),
            NotUtf8 => "save the file again as UTF-8".into(),
            Empty if vi => "bắt đầu tệp bằng `format: tthc/1`, rồi `name:` và `steps:`".into(),
            Empty => "start the file with `format: tthc/1`, then `name:` and `steps:`".into(),
            Syntax { cause, .. } => cause.help(lang),
            DuplicateKey { .. } if vi => "xóa một trong hai, hoặc đổi tên một khóa".into(),
            DuplicateKey { .. } => "remove one of them, or rename one".into(),
            Budget { detail } => match (budget_breach(detail).0, vi) {
                (Breach::Aliases, true) => {
                    "bỏ bớt tham chiếu (alias `*`); thủ tục thật không cần đến chúng".into()
                }
                (Breach::Aliases, false) => {
                    "remove the aliases (`*`); a real procedure never needs them".into()
                }
                (Breach::Depth, true) => {
                    "bỏ bớt mức lồng nhau; một thủ tục chỉ cần khoảng 6 cấp".into()
                }
                (Breach::Depth, false) => {
                    "remove some nesting; a procedure needs about 6 levels".into()
                }
                (Breach::Size, true) => "chia tệp thành nhiều tệp nhỏ hơn".into(),
                (Breach::Size, false) => "split the file into smaller files".into(),
            },
            MissingKey { key } if vi => format!("thêm `{key}:` vào đây"),
            MissingKey { key } => format!("add `{key}:` here"),
            UnknownKey {
                key,
                suggestion: Some(s),
                ..
            } if crate::load::suggest::vietnamese_key(key) == Some(s.as_str()) => {
                if vi {
                    format!("dùng khóa `{s}` (tên khóa viết bằng tiếng Anh; giá trị viết tiếng Việt)")
                } else {
                    format!("use `{s}` (keys are written in English; values may be Vietnamese)")
                }
            }
            UnknownKey {
                suggestion: Some(s),
                ..
            } => did_you_mean(&Some(s.clone()))?,
            UnknownKey { key, .. } if key.contains(' ') && vi => {
                "nếu đây là một phần của văn bản có dấu phẩy trong `{ ... }`, hãy đặt cả văn bản trong ngoặc kép".into()
            }
            UnknownKey { key, .. } if key.contains(' ') => {
                "if this is part of a text with a comma inside `{ ... }`, put the whole text in quotes".into()
            }
            UnknownKey { allowed, .. } if vi => format!("các khóa hợp lệ: {}", list(allowed)),
            UnknownKey { allowed, .. } => format!("allowed keys: {}", list(allowed)),
            WrongType {
                expected, found, ..
            } if *found == "a list" && expected.starts_with("a mapping") => if vi {
                "bỏ `- ` ở đầu các dòng: ở đây mỗi mục viết `mã:` rồi các khóa của nó thụt lề bên dưới".into()
            } else {
                "remove the `- ` at the start of the lines: here each entry is `id:` with its keys indented under it".into()
            },
            WrongType {
                expected, found, ..
            } if *found == "text" && expected.starts_with("a list") => if vi {
                "viết `[a, b]`, hoặc mỗi mục một dòng bắt đầu bằng `- ` (có dấu cách sau dấu `-`)".into()
            } else {
                "write `[a, b]`, or one item per line starting with `- ` (a space after the `-`)".into()
            },
            WrongType { expected_vi, .. } if vi => format!("sửa thành {expected_vi}"),
            WrongType { expected, .. } => format!("write {expected} here"),
            BadValue {
                suggestion: Some(s),
                ..
            } => did_you_mean(&Some(s.clone()))?,
            BadValue { allowed, .. } if vi => format!("dùng một trong: {}", list(allowed)),
            BadValue { allowed, .. } => format!("use one of: {}", list(allowed)),
            UnsupportedFormat { .. } if vi => "ghi `format: tthc/1`".into(),
            UnsupportedFormat { .. } => "write `format: tthc/1`".into(),
            BadId { .. } if vi => {
                "dùng chữ, số, `-` hoặc `_`, không có khoảng trắng, dấu chấm hay ngoặc vuông".into()
            }
            BadId { .. } => "use letters, digits, `-` or `_`, without spaces, dots or brackets".into(),
            UnknownStep { suggestion, .. }
            | UnknownDocument { suggestion, .. }
            | UnknownRule { suggestion, .. }
                if suggestion.is_some() =>
            {
                did_you_mean(suggestion)?
            }
            UnknownRule { .. } if vi => "xem mã và tên các quy tắc bằng `tthc rules`".into(),
            UnknownRule { .. } => "see `tthc rules` for the codes and names".into(),
            UnknownStep { .. } if vi => "khai báo bước này trong `steps`, hoặc sửa mã".into(),
            UnknownStep { .. } => "declare this step under `steps`, or fix the id".into(),
            UnknownDocument { .. } if vi => {
                "khai báo giấy tờ này trong `documents`, hoặc sửa mã".into()
            }
            UnknownDocument { .. } => "declare this document under `documents`, or fix the id".into(),
            Cycle { .. } if vi => {
                "`next`/`choice` chỉ được đi tới; để yêu cầu bổ sung hồ sơ, dùng `rework: { to: ... }`"
                    .into()
            }
            Cycle { .. } => {
                "`next`/`choice` must only go forward; to send a dossier back for supplements, use `rework: { to: ... }`"
                    .into()
            }
            Negative { .. } if vi => "ghi số không âm".into(),
            Negative { .. } => "write a number that is zero or more".into(),
            NonFinite if vi => "ghi một số cụ thể".into(),
            NonFinite => "write an ordinary number".into(),
            TooBig { .. } if vi => "kiểm tra lại đơn vị và số chữ số".into(),
            TooBig { .. } => "check the unit and the number of digits".into(),
            Probability { .. } if vi => "ghi xác suất từ 0 đến 1, ví dụ 0.1 cho 10%".into(),
            Probability { .. } => "write a probability from 0 to 1, e.g. 0.1 for 10%".into(),
            BadDuration { .. } if vi => {
                "ví dụ: `7 ngày làm việc`, `30 ngày`, `4 giờ làm việc`, `0,5 ngày làm việc`, `trong ngày`"
                    .into()
            }
            BadDuration { .. } => {
                "for example `7 working days`, `30 days`, `4 working hours`, `0.5 working days`, `same day`"
                    .into()
            }
            BadMoney { .. } if vi => "ghi số đồng nguyên, ví dụ `1000000` hoặc `1.000.000 đồng`".into(),
            BadMoney { .. } => "write whole đồng, e.g. `1000000` or `1.000.000 đồng`".into(),
            Invalid { .. } => return None,
        })
    }
}

impl LoadError {
    /// The mechanical change that resolves this error in `source` (the text
    /// it was found in), when there is one: a misspelt key with a close
    /// known key is renamed; a decimal comma that split a value inside
    /// `{ ... }` (`duration: 0,5 ngày làm việc`) is quoted.
    ///
    /// ```
    /// use tthc::CheckedProcedure;
    /// let src = "format: tthc/1\nname: X\nstep: {}\n";
    /// let err = CheckedProcedure::from_yaml_str(src, "x.yaml").unwrap_err();
    /// let fix = err.errors.iter().find_map(|e| e.fix(src)).unwrap();
    /// assert_eq!(fix.apply(src).unwrap(), "format: tthc/1\nname: X\nsteps: {}\n");
    /// ```
    pub fn fix(&self, source: &str) -> Option<Fix> {
        let loc = self.location?;
        match &self.kind {
            LoadErrorKind::UnknownKey {
                key,
                suggestion: Some(s),
                ..
            } => {
                let (start, end) = fix::span(source, loc)?;
                let written = source[start..end].trim();
                let unquoted = written
                    .strip_prefix(['"', '\''])
                    .and_then(|w| w.strip_suffix(['"', '\'']))
                    .unwrap_or(written);
                if unquoted != key {
                    return None;
                }
                Some(Fix::one(
                    format!("đổi `{key}` thành `{s}`"),
                    format!("rename `{key}` to `{s}`"),
                    Edit::new(start, end, s.clone()),
                ))
            }
            LoadErrorKind::UnknownKey { key, .. } if key.contains(' ') => {
                let (start, end) = fix::span(source, loc)?;
                // `0, 5 ngày` ← the key; the number before the comma.
                let before = source[..start].trim_end_matches([' ', '\t']);
                let before = before.strip_suffix(',')?;
                let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
                if digits.len() == before.len() || !digits.trim_end().ends_with(':') {
                    return None;
                }
                quote_decimal_comma(source, digits.len(), end)
            }
            LoadErrorKind::Syntax {
                cause: SyntaxCause::DecimalComma { .. },
                ..
            } => {
                let start = loc.byte_offset?;
                quote_decimal_comma(source, start, start.checked_add(loc.byte_len?)?)
            }
            LoadErrorKind::BadDuration { .. } => {
                let (start, end) = fix::span(source, loc)?;
                let rest = source[end..].strip_prefix(',')?;
                let tail = rest
                    .find([',', '}', ']', '#', '\n'])
                    .map_or(rest, |i| &rest[..i])
                    .trim_end();
                if !source[start..end].bytes().all(|b| b.is_ascii_digit())
                    || !tail.starts_with(|c: char| c.is_ascii_digit())
                {
                    return None;
                }
                quote_decimal_comma(source, start, end + 1 + tail.len())
            }
            _ => None,
        }
    }
}

/// What kind of safety limit a budget breach hit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Breach {
    /// Aliases, anchors, alias expansions.
    Aliases,
    /// Nesting depth.
    Depth,
    /// Nodes, events, bytes, documents: the file is too big.
    Size,
}

/// The kind of breach and the count the parser saw, from its description
/// (`Nodes { nodes: 4000001 }`, `Aliases { aliases: 1001 }`, `too many
/// alias expansions`).
fn budget_breach(detail: &str) -> (Breach, Option<u64>) {
    let lower = detail.to_ascii_lowercase();
    let kind = if lower.contains("alias") || lower.contains("anchor") {
        Breach::Aliases
    } else if lower.contains("depth") {
        Breach::Depth
    } else {
        Breach::Size
    };
    let count = detail
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|w| w.parse().ok());
    (kind, count)
}

/// Puts `source[start..end]` (`0,5 ngày làm việc`) in single quotes.
fn quote_decimal_comma(source: &str, start: usize, end: usize) -> Option<Fix> {
    let text = source.get(start..end)?;
    if text.contains(['\n', '{', '}', '[', ']']) {
        return None;
    }
    let quoted = format!("'{}'", text.replace('\'', "''"));
    Some(Fix::one(
        format!("đặt `{text}` trong ngoặc: {quoted}"),
        format!("quote `{text}`: {quoted}"),
        Edit::new(start, end, quoted),
    ))
}

fn found_vi(found: &str) -> &'static str {
    match found {
        "nothing (null)" => "giá trị rỗng",
        "true/false" => "giá trị đúng/sai",
        "a whole number" => "một số nguyên",
        "a decimal number" => "một số thập phân",
        "text" => "văn bản",
        "a list" => "một danh sách",
        _ => "một ánh xạ (khóa: giá trị)",
    }
}

impl LoadErrorKind {
    /// A file that could not be read, with the system's message in both
    /// languages.
    pub fn io(e: &std::io::Error) -> LoadErrorKind {
        LoadErrorKind::Io {
            detail: e.to_string(),
            detail_vi: crate::io_error_text(e, Lang::Vi),
        }
    }
}

impl LoadError {
    /// The error on one line in `lang`: `file:line:col: message (at
    /// element)`; [`Display`](fmt::Display) is the English one.
    ///
    /// ```
    /// use tthc::{CheckedProcedure, Lang};
    /// let errors = CheckedProcedure::from_yaml_str("format: tthc/1\nname: [x]\nsteps: {}\n", "a.yaml")
    ///     .unwrap_err();
    /// let e = &errors.errors[0];
    /// assert!(e.text(Lang::En).starts_with("a.yaml:2:7: "), "{e}");
    /// assert_eq!(e.text(Lang::En), e.to_string());
    /// assert!(e.text(Lang::Vi).starts_with("a.yaml:2:7: "));
    /// assert_ne!(e.text(Lang::Vi), e.text(Lang::En));
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let mut out = self.origin.clone();
        if let Some(loc) = self.location {
            out.push_str(&format!(":{}:{}", loc.line, loc.column));
        }
        out.push_str(": ");
        out.push_str(&self.message(lang));
        if let Some(element) = &self.element {
            out.push_str(&format!(" ({} {element})", lang.pick("tại", "at")));
        }
        out
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Every error found in one input; the input was rejected.
///
/// The loader reports as many independent errors as it can in one pass, so a
/// drafter fixes them together rather than one run at a time.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.text(Lang::En))]
pub struct LoadErrors {
    /// The errors, in the order they occur in the file.
    pub errors: Vec<LoadError>,
    /// The text of the input they are about, when it was read (for showing
    /// each error with its line).
    pub text: Option<std::sync::Arc<str>>,
    /// Errors found after the first thousand, counted but not kept (so
    /// that a broken file costs bounded memory and output).
    pub omitted: usize,
}

impl LoadErrors {
    /// Errors about one input, sorted by position, with the input's text.
    pub(crate) fn from_errors(mut errors: Vec<LoadError>, source: Option<&str>) -> LoadErrors {
        errors.sort_by_key(|e| e.location.map(|l| (l.line, l.column)));
        LoadErrors {
            errors,
            text: source.map(std::sync::Arc::from),
            omitted: 0,
        }
    }

    /// The same errors with the input's text attached.
    pub(crate) fn with_source(mut self, source: &str) -> LoadErrors {
        if self.text.is_none() {
            self.text = Some(std::sync::Arc::from(source));
        }
        self
    }
}

impl LoadErrors {
    /// The first error on one line in `lang`, with how many more there are
    /// (`… (and 2 more)` / `… (và 2 lỗi khác)`); [`Display`](fmt::Display)
    /// is the English one.
    pub fn text(&self, lang: Lang) -> String {
        match self.errors.as_slice() {
            [] => lang.pick("không có lỗi", "no errors").into(),
            [one] => one.text(lang),
            [first, rest @ ..] => match lang {
                Lang::Vi => format!("{} (và {} lỗi khác)", first.text(lang), rest.len()),
                Lang::En => format!("{} (and {} more)", first.text(lang), rest.len()),
            },
        }
    }
}

impl From<LoadError> for LoadErrors {
    /// One error, and the independent mistakes of the same kind it found
    /// elsewhere in the file (see [`LoadErrorKind::Syntax`]), each its own.
    fn from(mut error: LoadError) -> LoadErrors {
        let (also, omitted) = match &mut error.kind {
            LoadErrorKind::Syntax { also, omitted, .. } => {
                (std::mem::take(also), std::mem::take(omitted))
            }
            _ => (Vec::new(), 0),
        };
        let mut errors = Vec::with_capacity(1 + also.len());
        let (origin, detail) = match &error.kind {
            LoadErrorKind::Syntax { detail, .. } => (error.origin.clone(), detail.clone()),
            _ => (String::new(), String::new()),
        };
        errors.push(error);
        for (cause, location) in also {
            errors.push(
                LoadError::new(
                    &origin,
                    LoadErrorKind::Syntax {
                        cause,
                        detail: detail.clone(),
                        also: Vec::new(),
                        omitted: 0,
                    },
                )
                .at("", location),
            );
        }
        errors.sort_by_key(|e| e.location.map(|l| (l.line, l.column)));
        LoadErrors {
            errors,
            text: None,
            omitted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_error_is_told_in_both_languages() {
        let kind = LoadErrorKind::io(&std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        let e = LoadError::new("x.yaml", kind);
        assert_eq!(
            e.text(Lang::Vi),
            "x.yaml: không đọc được tệp: không có quyền truy cập"
        );
        assert!(
            e.text(Lang::En)
                .starts_with("x.yaml: cannot read the file: "),
            "{e}"
        );
    }

    #[test]
    fn budget_messages_name_the_limit_that_was_hit() {
        let error = |detail: &str| {
            LoadError::new(
                "x.yaml",
                LoadErrorKind::Budget {
                    detail: detail.into(),
                },
            )
        };
        let nodes = error("Nodes { nodes: 4000001 }");
        assert!(
            nodes
                .message(Lang::Vi)
                .contains("quá nhiều phần tử (ít nhất 4000001)")
        );
        assert!(nodes.message(Lang::En).contains("too many elements"));
        assert!(!nodes.help(Lang::En).unwrap_or_default().contains("alias"));
        assert!(
            nodes
                .help(Lang::Vi)
                .unwrap_or_default()
                .contains("chia tệp")
        );
        let aliases = error("too many alias expansions");
        assert!(
            aliases
                .help(Lang::En)
                .unwrap_or_default()
                .contains("aliases")
        );
        assert!(aliases.message(Lang::Vi).contains("tham chiếu"));
        let depth = error("Depth { depth: 65 }");
        assert!(depth.message(Lang::Vi).contains("65 cấp"));
    }
}
