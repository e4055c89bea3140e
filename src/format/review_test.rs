//! The review-test file: a list of cases, each naming a procedure (and a
//! baseline) and what a drafter expects of it.

use super::{Object, Value, doc, key, required};

/// One case of a review-test file (the file is a list of them).
pub static REVIEW_CASE: Object = Object {
    name: "review_case",
    doc: doc(
        "Một trường hợp kiểm thử: thủ tục (và bản gốc để so sánh) cùng các kỳ vọng. Tệp kiểm thử là một danh sách các trường hợp.",
        "One review-test case: a procedure (and a baseline to compare with) and what is expected of it. A review-test file is a list of cases.",
    ),
    keys: &[
        required(
            "name",
            Value::Text,
            "Tên trường hợp, hiện trong kết quả kiểm thử.",
            "The case's name, shown in the test results.",
        ),
        required(
            "procedure",
            Value::Text,
            "Đường dẫn tới tệp thủ tục (dự thảo), tính từ thư mục của tệp kiểm thử.",
            "The procedure (draft) file, relative to the review-test file's folder.",
        ),
        key(
            "baseline",
            Value::Text,
            "Đường dẫn tới thủ tục hiện hành để so sánh (cần cho các chỉ tiêu cắt giảm).",
            "The current procedure to compare with (needed for reduction metrics).",
        ),
        key(
            "cost_basis",
            Value::Text,
            "Tệp cơ sở tính chi phí dùng cho trường hợp này.",
            "A cost-basis file for this case.",
        ),
        key(
            "rules",
            Value::RuleLevels,
            "Mức của từng quy tắc trong trường hợp này (`TT304: off`).",
            "Rule levels for this case (`TT304: off`).",
        ),
        required(
            "expect",
            Value::Expectations,
            "Các kỳ vọng: chỉ tiêu → so sánh (`compliance_cost.reduction_percent: \">= 30\"`), `findings.absent`, `findings.present`, `target`.",
            "The expectations: metric → comparison (`compliance_cost.reduction_percent: \">= 30\"`), `findings.absent`, `findings.present`, `target`.",
        ),
    ],
};
