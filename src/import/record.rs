//! The national-portal record, and reading it from JSON text.

use crate::i18n::Text;
use serde::Deserialize;
use std::fmt;

/// One procedure record of the National Public Service Portal (Cổng Dịch vụ
/// công quốc gia), as the shared sample holds it: every field a string, the
/// tables flattened. A field absent from the input reads as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Record {
    /// Mã thủ tục: national TTHC code, e.g. `1.004222`.
    pub ma_thu_tuc: String,
    /// The record's page.
    pub detail_url: String,
    /// Usually empty.
    pub formality_id: String,
    /// Tên thủ tục.
    pub ten_thu_tuc: String,
    /// Số quyết định: the decision that announced it (often a placeholder).
    pub so_quyet_dinh: String,
    /// Cấp thực hiện (`Cấp bộ`, `Cấp tỉnh`, `Cấp xã`, comma-separated).
    pub cap_thuc_hien: String,
    /// Loại thủ tục.
    pub loai_thu_tuc: String,
    /// Lĩnh vực.
    pub linh_vuc: String,
    /// Đối tượng thực hiện, comma-separated.
    pub doi_tuong_thuc_hien: String,
    /// Cơ quan có thẩm quyền.
    pub co_quan_co_tham_quyen: String,
    /// Địa chỉ tiếp nhận hồ sơ.
    pub dia_chi_tiep_nhan: String,
    /// Cơ quan được ủy quyền.
    pub co_quan_duoc_uy_quyen: String,
    /// Cơ quan phối hợp.
    pub co_quan_phoi_hop: String,
    /// Thủ tục hành chính liên quan.
    pub thu_tuc_lien_quan: String,
    /// Trình tự thực hiện: free text with line breaks.
    pub trinh_tu_thuc_hien: String,
    /// Cách thức thực hiện: the channel table flattened.
    pub cach_thuc_thuc_hien: String,
    /// Thành phần hồ sơ: the dossier table flattened.
    pub thanh_phan_ho_so: String,
    /// Căn cứ pháp lý: the legal-basis table flattened.
    pub can_cu_phap_ly: String,
    /// Cơ quan thực hiện.
    pub co_quan_thuc_hien: String,
    /// Yêu cầu, điều kiện.
    pub yeu_cau_dieu_kien: String,
    /// Kết quả thực hiện, with page residue.
    pub ket_qua_xu_ly: String,
    /// The whole page as text.
    pub raw_text: String,
}

/// A record that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// Where the input came from (a file name, `file.jsonl:12` …).
    pub origin: String,
    /// 1-based line in the input, when known.
    pub line: Option<u64>,
    /// 1-based column in the input, when known.
    pub column: Option<u64>,
    /// What is wrong, in both languages.
    pub message: Text,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message.en)
    }
}

impl std::error::Error for RecordError {}

/// Largest JSON text read as one record (a real record is under 100 kB).
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

impl Record {
    /// Reads one record from JSON text (a JSON object with string fields),
    /// through the YAML 1.2 parser, of which JSON is a subset: escapes
    /// (`\"`, `\\`, `\/`, `\n`, `\t`, `\u00e9`, surrogate pairs) and lines of
    /// any length are read as JSON reads them. Use it for one file or one
    /// line of a JSON Lines file; `origin` names it in errors.
    ///
    /// ```
    /// use tthc::import::Record;
    /// let r = Record::from_json_str(r#"{"ma_thu_tuc":"1.004222","ten_thu_tuc":"\u0110\u0103ng k\u00fd th\u01b0\u1eddng tr\u00fa"}"#, "r.json")?;
    /// assert_eq!(r.ten_thu_tuc, "Đăng ký thường trú");
    /// assert_eq!(r.cach_thuc_thuc_hien, "");
    /// # Ok::<(), tthc::import::RecordError>(())
    /// ```
    pub fn from_json_str(text: &str, origin: &str) -> Result<Record, RecordError> {
        let fail = |line, column, vi: String, en: String| RecordError {
            origin: origin.to_string(),
            line,
            column,
            message: Text::new(vi, en),
        };
        if text.len() > MAX_RECORD_BYTES {
            return Err(fail(
                None,
                None,
                format!(
                    "bản ghi dài {} byte, quá giới hạn {MAX_RECORD_BYTES} byte",
                    text.len()
                ),
                format!(
                    "the record is {} bytes long, over the limit of {MAX_RECORD_BYTES} bytes",
                    text.len()
                ),
            ));
        }
        let body = text.trim_start_matches('\u{feff}');
        if !body.trim_start().starts_with('{') {
            return Err(fail(
                Some(1),
                Some(1),
                "bản ghi phải là một đối tượng JSON `{ … }`".to_string(),
                "a record must be a JSON object `{ … }`".to_string(),
            ));
        }
        let mut options = serde_saphyr::Options::default();
        options.with_snippet = false;
        options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
        serde_saphyr::from_str_with_options::<Record>(body, options).map_err(|e| {
            let (line, column) = e
                .location()
                .map_or((None, None), |l| (Some(l.line()), Some(l.column())));
            let msg = e.to_string();
            fail(
                line,
                column,
                format!("không đọc được bản ghi JSON: {msg}"),
                format!("cannot read the JSON record: {msg}"),
            )
        })
    }
}
