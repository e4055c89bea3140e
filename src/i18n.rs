//! The two languages every message is available in.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language for messages, findings and reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese (tiếng Việt).
    Vi,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Ok(Lang::Vi),
            "en" | "eng" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}': use vi or en")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        })
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its two translations.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The translation for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// The English text, as every `Display` in tthc.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A [`Text`] can be the message of an [`std::io::Error`]
/// (`io::Error::new(kind, Text::new(vi, en))`), so that [`io_error_text`]
/// gives it in either language.
impl std::error::Error for Text {}

/// An input/output error in `lang`.
///
/// An error made with a [`Text`] as its message gives that text; an error
/// of the operating system is told in Vietnamese by its kind (every kind
/// the standard library names), with the system's error number, so that no
/// English sentence reaches a Vietnamese reader whatever the system's
/// locale. English is the error's own text.
///
/// ```
/// use tthc::{Lang, io_error_text};
/// let e = std::io::Error::from_raw_os_error(2); // ENOENT on Linux
/// assert_eq!(io_error_text(&e, Lang::Vi), "không có tệp hoặc thư mục này (mã lỗi hệ thống 2)");
/// assert!(io_error_text(&e, Lang::En).starts_with("No such file or directory"));
/// ```
pub fn io_error_text(e: &std::io::Error, lang: Lang) -> String {
    if let Some(text) = e.get_ref().and_then(|inner| inner.downcast_ref::<Text>()) {
        return text.get(lang).to_string();
    }
    if lang == Lang::En {
        return e.to_string();
    }
    let what = io_kind_vi(e.kind()).unwrap_or_else(|| io_message_vi(&e.to_string()));
    match (e.raw_os_error(), e.get_ref()) {
        (Some(code), _) => format!("{what} (mã lỗi hệ thống {code})"),
        // A library's own message (a JSON or spreadsheet writer): kept,
        // quoted, after what kind of error it is.
        (None, Some(inner)) => format!("{what} (thông báo gốc: “{inner}”)"),
        (None, None) => what.to_string(),
    }
}

/// What kind of error, in Vietnamese; `None` for the kinds the standard
/// library leaves uncategorised (then [`io_message_vi`] reads the text).
fn io_kind_vi(kind: std::io::ErrorKind) -> Option<&'static str> {
    use std::io::ErrorKind::*;
    Some(match kind {
        NotFound => "không có tệp hoặc thư mục này",
        PermissionDenied => "không có quyền truy cập",
        ConnectionRefused => "kết nối bị từ chối",
        ConnectionReset => "kết nối bị ngắt giữa chừng",
        HostUnreachable => "không tới được máy chủ",
        NetworkUnreachable => "không tới được mạng",
        ConnectionAborted => "kết nối bị hủy",
        NotConnected => "chưa kết nối",
        AddrInUse => "địa chỉ đang được dùng",
        AddrNotAvailable => "địa chỉ không dùng được",
        NetworkDown => "mạng không hoạt động",
        BrokenPipe => "nơi nhận đã đóng (ống dẫn bị ngắt)",
        AlreadyExists => "tệp hoặc thư mục đã có",
        WouldBlock => "thao tác phải chờ (tệp hoặc ống dẫn chưa sẵn sàng)",
        NotADirectory => "một phần của đường dẫn không phải thư mục",
        IsADirectory => "đây là một thư mục, không phải một tệp",
        DirectoryNotEmpty => "thư mục không trống",
        ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc, không ghi được",
        StaleNetworkFileHandle => "tệp trên ổ mạng không còn hiệu lực",
        InvalidInput => "giá trị không hợp lệ cho hệ thống",
        InvalidData => "dữ liệu không hợp lệ",
        TimedOut => "hết thời gian chờ",
        WriteZero => "không ghi thêm được dữ liệu",
        StorageFull => "ổ đĩa đã đầy",
        NotSeekable => "không di chuyển được vị trí đọc trong tệp này",
        QuotaExceeded => "vượt hạn mức dung lượng được cấp",
        FileTooLarge => "tệp quá lớn",
        ResourceBusy => "thiết bị hoặc tài nguyên đang bận",
        ExecutableFileBusy => "tệp chương trình đang chạy, không ghi được",
        Deadlock => "thao tác bị khóa lẫn nhau",
        CrossesDevices => "không chuyển được sang ổ đĩa khác",
        TooManyLinks => "quá nhiều liên kết",
        InvalidFilename => "tên tệp không hợp lệ (quá dài hoặc có ký tự không được phép)",
        ArgumentListTooLong => "danh sách tham số quá dài",
        Interrupted => "thao tác bị ngắt",
        Unsupported => "hệ thống không hỗ trợ thao tác này",
        UnexpectedEof => "tệp kết thúc sớm hơn dự kiến",
        OutOfMemory => "hết bộ nhớ",
        _ => return None,
    })
}

/// The operating system's message for the kinds the standard library does
/// not name (`Too many open files`, `Input/output error`, …) in Vietnamese;
/// any other as "lỗi hệ thống" with the system's own text quoted.
fn io_message_vi(message: &str) -> &'static str {
    const KNOWN: [(&str, &str); 6] = [
        (
            "Input/output error",
            "lỗi đọc ghi của thiết bị (ổ đĩa hỏng hoặc bị ngắt)",
        ),
        ("Too many open files", "đang mở quá nhiều tệp cùng lúc"),
        ("File name too long", "tên tệp quá dài"),
        (
            "Too many levels of symbolic links",
            "đường dẫn có quá nhiều liên kết tượng trưng (có thể lặp vòng)",
        ),
        (
            "No such device or address",
            "không có thiết bị hoặc địa chỉ này",
        ),
        (
            "Operation not permitted",
            "hệ thống không cho phép thao tác này",
        ),
    ];
    let text = message
        .rsplit_once(" (os error ")
        .map_or(message, |(text, _)| text);
    KNOWN
        .iter()
        .find(|(en, _)| *en == text)
        .map_or("lỗi hệ thống", |(_, vi)| vi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    #[test]
    fn named_kinds_are_told_in_vietnamese() {
        for kind in [
            io::ErrorKind::NotFound,
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::StorageFull,
            io::ErrorKind::IsADirectory,
            io::ErrorKind::OutOfMemory,
            io::ErrorKind::InvalidFilename,
        ] {
            let text = io_error_text(&io::Error::from(kind), Lang::Vi);
            assert!(
                !text.is_empty() && text != "lỗi hệ thống",
                "{kind:?}: {text}"
            );
            assert!(!text.is_ascii(), "{kind:?} left in English: {text}");
        }
    }

    // The error numbers are Linux's.
    #[cfg(target_os = "linux")]
    #[test]
    fn os_errors_keep_their_number_and_drop_the_english() {
        // Linux numbers: ENOENT, EACCES, ENOSPC, EMFILE (uncategorised), ELOOP.
        for (code, vi) in [
            (2, "không có tệp hoặc thư mục này (mã lỗi hệ thống 2)"),
            (13, "không có quyền truy cập (mã lỗi hệ thống 13)"),
            (28, "ổ đĩa đã đầy (mã lỗi hệ thống 28)"),
            (24, "đang mở quá nhiều tệp cùng lúc (mã lỗi hệ thống 24)"),
            (
                40,
                "đường dẫn có quá nhiều liên kết tượng trưng (có thể lặp vòng) (mã lỗi hệ thống 40)",
            ),
        ] {
            let e = io::Error::from_raw_os_error(code);
            assert_eq!(io_error_text(&e, Lang::Vi), vi);
            assert!(io_error_text(&e, Lang::En).contains(&format!("(os error {code})")));
        }
        let unknown = io::Error::from_raw_os_error(133); // EHWPOISON: no kind, no table entry
        assert_eq!(
            io_error_text(&unknown, Lang::Vi),
            "lỗi hệ thống (mã lỗi hệ thống 133)"
        );
    }

    #[test]
    fn a_bilingual_message_is_given_in_either_language() {
        let e = io::Error::new(
            io::ErrorKind::InvalidInput,
            Text::new("không phải tệp", "not a file"),
        );
        assert_eq!(io_error_text(&e, Lang::Vi), "không phải tệp");
        assert_eq!(io_error_text(&e, Lang::En), "not a file");
        assert_eq!(e.to_string(), "not a file");
        let other = io::Error::other("output already committed");
        assert_eq!(
            io_error_text(&other, Lang::Vi),
            "lỗi hệ thống (thông báo gốc: “output already committed”)"
        );
    }
}
