//! `tthc.yaml`: the settings of a folder of procedures, and the cost basis
//! it (or a file it names) may override.

use super::{Object, Value, Words, doc, key};

/// `tthc.yaml`.
pub static CONFIG: Object = Object {
    name: "config",
    doc: doc(
        "Tệp cấu hình `tthc.yaml`: áp dụng cho các thủ tục trong thư mục của nó và các thư mục con.",
        "The configuration file `tthc.yaml`: applies to the procedures in its folder and below.",
    ),
    keys: &[
        key(
            "lang",
            Value::Word(Words::Lang),
            "Ngôn ngữ của thông báo: vi hoặc en.",
            "The language of messages: vi or en.",
        ),
        key(
            "preset",
            Value::Word(Words::Preset),
            "Bộ quy tắc: recommended (khuyến nghị), all (tất cả), none (không quy tắc nào).",
            "The rule set: recommended, all, none.",
        ),
        key(
            "rules",
            Value::RuleLevels,
            "Mức của từng quy tắc (`TT304: off`, `certified-copy-required: error`).",
            "Rule levels (`TT304: off`, `certified-copy-required: error`).",
        ),
        key(
            "cost_basis",
            Value::OneOf(&[Value::Text, Value::Object(&COST_BASIS)]),
            "Cơ sở tính chi phí: đường dẫn tới tệp, hoặc các giá trị thay cho mặc định.",
            "The cost basis: a file's path, or values replacing the defaults.",
        ),
        key(
            "holidays",
            Value::Text,
            "Tệp ngày nghỉ bổ sung (ngày nghỉ, hoán đổi ngày làm việc đã công bố).",
            "An extra holiday file (announced days off and swaps).",
        ),
        key(
            "scenario",
            Value::Word(Words::Scenario),
            "Kênh của số liệu tiêu đề: auto (kênh chính), in_person, online.",
            "The channel of the headline figures: auto (the main channel), in_person, online.",
        ),
        key(
            "max_file_size",
            Value::Count,
            "Kích thước tối đa của một tệp thủ tục, byte.",
            "The largest procedure file read, in bytes.",
        ),
    ],
};

static MONEY_OR_FIGURE: [Value; 2] = [Value::Money, Value::Object(&FIGURE)];
static HOURS_OR_FIGURE: [Value; 2] = [Value::Hours, Value::Object(&FIGURE)];

/// A cost-basis value: bare, or with its source.
const fn figure(name: &'static str, vi: &'static str, en: &'static str) -> super::Key {
    key(name, Value::OneOf(&MONEY_OR_FIGURE), vi, en)
}

/// A cost-basis value in hours.
const fn hours_figure(name: &'static str, vi: &'static str, en: &'static str) -> super::Key {
    key(name, Value::OneOf(&HOURS_OR_FIGURE), vi, en)
}

/// The cost basis (a file, or `cost_basis:` in `tthc.yaml`).
pub static COST_BASIS: Object = Object {
    name: "cost_basis",
    doc: doc(
        "Cơ sở tính chi phí tuân thủ: mỗi giá trị là một số, hoặc `{ value, source, year, assumption }`.",
        "The compliance cost basis: each value a number, or `{ value, source, year, assumption }`.",
    ),
    keys: &[
        key(
            "income",
            Value::Text,
            "Kỳ số liệu thu nhập bình quân (`2025`, `Q3/2025`) trong danh sách có nguồn của tthc.",
            "The period of the average income figure (`2025`, `Q3/2025`) from tthc's sourced list.",
        ),
        key(
            "standard_times",
            Value::Word(Words::Complexity),
            "Áp dụng thời gian chuẩn cho hoạt động chưa ước tính, theo độ phức tạp.",
            "Apply standard time values to activities without an estimate, at this complexity.",
        ),
        figure(
            "hourly_income",
            "Thu nhập bình quân một giờ, đồng.",
            "Average income per hour, in đồng.",
        ),
        hours_figure(
            "trip_hours",
            "Số giờ cho một lượt đi lại đến cơ quan.",
            "Hours per trip to an office.",
        ),
        figure(
            "trip_cost",
            "Chi phí đi lại một lượt, đồng.",
            "Travel cost per trip, in đồng.",
        ),
        figure(
            "certification_fee",
            "Phí chứng thực bản sao mỗi trang, cho hai trang đầu, đồng.",
            "Certification fee per page for the first two pages, in đồng.",
        ),
        figure(
            "certification_fee_later_page",
            "Phí chứng thực mỗi trang từ trang thứ ba, đồng.",
            "Certification fee per page from the third page, in đồng.",
        ),
        figure(
            "certification_fee_cap",
            "Mức tối đa phí chứng thực một bản, đồng.",
            "The most a certified copy costs, in đồng.",
        ),
        figure(
            "public_hourly_wage",
            "Tiền lương một giờ công của cán bộ, đồng (chi phí hành chính).",
            "A civil servant's hourly wage, in đồng (the administration's cost).",
        ),
    ],
};

/// The `figure` mapping.
pub static FIGURE: Object = Object {
    name: "figure",
    doc: doc(
        "Một giá trị của cơ sở tính chi phí, với nguồn.",
        "One value of the cost basis, with its source.",
    ),
    keys: &[
        super::required(
            "value",
            Value::OneOf(&[Value::Money, Value::Hours]),
            "Giá trị (số; giờ có thể có phần thập phân).",
            "The value (a number; hours may have decimals).",
        ),
        key(
            "source",
            Value::Text,
            "Nguồn của giá trị (văn bản, cơ quan thống kê).",
            "Where the value comes from (a legal text, a statistics office).",
        ),
        key(
            "year",
            Value::Count,
            "Năm của giá trị.",
            "The value's year.",
        ),
        key(
            "assumption",
            Value::Bool,
            "Đây là giả định, không phải số liệu có nguồn.",
            "The value is an assumption, not a sourced figure.",
        ),
    ],
};
