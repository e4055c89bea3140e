//! The one message catalogue for report labels, in Vietnamese and English.
//!
//! Every fixed word a report or a picture shows comes from here, so the two
//! languages stay side by side and complete.

use crate::analysis::Target;
use crate::i18n::Lang;
use crate::model::{ApplicantKind, Channel, Level};

/// A fixed label of the reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each variant is named after its English text
pub enum Label {
    Title,
    Draft,
    Code,
    Sector,
    Authority,
    Level,
    Applicants,
    Channels,
    Deadline,
    Result,
    LegalBasis,
    Sources,
    File,
    NotDeclared,
    None,
    Headline,
    CostPerCase,
    CostPerYear,
    CutPerCase,
    ProcessingTime,
    DeclaredDeadline,
    Exceeded,
    Within,
    EqualDeadline,
    OtherUnit,
    Steps,
    Documents,
    Trips,
    VolumeMissing,
    Cases,
    CostTitle,
    CostIntro,
    No,
    Activity,
    Hours,
    TimeCost,
    OutOfPocket,
    Fees,
    Total,
    PerCase,
    PerYear,
    ScenarioInPerson,
    ScenarioOnline,
    Scenario,
    CostBasis,
    HourlyIncome,
    TripTime,
    TripCost,
    CertificationFee,
    LearningTime,
    Assumption,
    Year,
    Source,
    Value,
    Notes,
    FindingsTitle,
    NoFindings,
    SuppressedTitle,
    ByChannelTitle,
    ByChannelIntro,
    ByCaseTitle,
    ByCaseIntro,
    Case,
    CaseExtra,
    BaseCase,
    Channel,
    Reason,
    Severity,
    Rule,
    Message,
    Location,
    Suggestion,
    Saving,
    ComparisonTitle,
    Baseline,
    Metric,
    AllMetrics,
    Change,
    ChartTitle,
    Before,
    After,
    TargetsTitle,
    Target,
    Required,
    Achieved,
    Met,
    NotMet,
    ComplianceCost,
    StepsChanged,
    DocumentsChanged,
    Removed,
    Added,
    Changed,
    Unchanged,
    GraphTitle,
    GraphIntro,
    GraphActualSize,
    GraphScrollArea,
    Applicant,
    LegendApplicantStep,
    LegendAgencyStep,
    LegendCritical,
    LegendChoice,
    LegendRework,
    LegendFindings,
    Or,
    Rework,
    CriticalPath,
    GeneratedBy,
    GeneratedOn,
    Summary,
    Reduction,
    WorkingDaysShort,
    CalendarDaysShort,
    Trip,
    Hour,
    SameDay,
}

impl Label {
    /// The label in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = self.pair();
        lang.pick(vi, en)
    }

    fn pair(self) -> (&'static str, &'static str) {
        use Label::*;
        match self {
            Title => (
                "Báo cáo rà soát thủ tục hành chính",
                "Administrative procedure review",
            ),
            Draft => ("dự thảo", "draft"),
            Code => ("Mã thủ tục", "Procedure code"),
            Sector => ("Lĩnh vực", "Sector"),
            Authority => ("Cơ quan thực hiện", "Authority"),
            Level => ("Cấp thực hiện", "Level"),
            Applicants => ("Đối tượng thực hiện", "Applicants"),
            Channels => ("Cách thức thực hiện", "Channels"),
            Deadline => ("Thời hạn giải quyết", "Deadline"),
            Result => ("Kết quả", "Result"),
            LegalBasis => ("Căn cứ pháp lý", "Legal basis"),
            Sources => ("Nguồn", "Sources"),
            File => ("Tệp", "File"),
            NotDeclared => ("chưa khai báo", "not declared"),
            None => ("không có", "none"),
            Headline => ("Chỉ số chính", "Headline figures"),
            CostPerCase => ("Chi phí tuân thủ mỗi hồ sơ", "Compliance cost per case"),
            CostPerYear => ("Chi phí tuân thủ mỗi năm", "Compliance cost per year"),
            CutPerCase => ("cắt giảm mỗi hồ sơ", "cut per case"),
            ProcessingTime => ("Thời gian giải quyết", "Processing time"),
            DeclaredDeadline => ("thời hạn công bố", "declared deadline"),
            Exceeded => ("vượt thời hạn", "exceeds the deadline"),
            Within => ("trong thời hạn", "within the deadline"),
            EqualDeadline => ("bằng thời hạn", "equals the deadline"),
            OtherUnit => (
                "khác đơn vị, cần lịch làm việc",
                "other unit, needs the calendar",
            ),
            Steps => ("Số bước", "Steps"),
            Documents => ("Số giấy tờ", "Documents"),
            Trips => ("Số lượt đi lại", "In-person trips"),
            VolumeMissing => (
                "chưa khai báo số hồ sơ mỗi năm (volume)",
                "cases per year (volume) not declared",
            ),
            Cases => ("hồ sơ", "cases"),
            CostTitle => (
                "Chi phí tuân thủ theo hoạt động",
                "Compliance cost by activity",
            ),
            CostIntro => (
                "Tính theo Mô hình chi phí chuẩn (SCM), biểu mẫu tính chi phí tuân thủ của Thông tư 07/2014/TT-BTP; chi phí cho một hồ sơ, làm tròn đến đồng ở từng dòng.",
                "Standard Cost Model (SCM), in the layout of the compliance-cost calculation form of Circular 07/2014/TT-BTP; cost of one case, rounded to whole đồng on each row.",
            ),
            No => ("STT", "No."),
            Activity => ("Hoạt động", "Activity"),
            Hours => ("Số giờ", "Hours"),
            TimeCost => ("Chi phí thời gian", "Time cost"),
            OutOfPocket => ("Chi phí khác", "Out-of-pocket"),
            Fees => ("Phí, lệ phí", "Fees"),
            Total => ("Tổng cộng", "Total"),
            PerCase => ("Mỗi hồ sơ", "Per case"),
            PerYear => ("Mỗi năm", "Per year"),
            ScenarioInPerson => ("nộp trực tiếp", "filed in person"),
            ScenarioOnline => ("nộp trực tuyến", "filed online"),
            Scenario => ("Kịch bản", "Scenario"),
            CostBasis => ("Cơ sở tính chi phí", "Cost basis"),
            HourlyIncome => ("Thu nhập bình quân mỗi giờ", "Average income per hour"),
            TripTime => ("Thời gian mỗi lượt đi lại", "Time per in-person trip"),
            TripCost => ("Chi phí mỗi lượt đi lại", "Cost per in-person trip"),
            CertificationFee => (
                "Phí chứng thực mỗi trang (hai trang đầu; từ trang thứ ba 1.000 đ, tối đa 200.000 đ một bản)",
                "Certification fee a page (first two pages; 1,000 đ from the third, at most 200,000 đ a copy)",
            ),
            LearningTime => (
                "Thời gian tìm hiểu thủ tục",
                "Time to learn about the procedure",
            ),
            Assumption => ("giả định", "assumption"),
            Year => ("năm", "year"),
            Source => ("Nguồn", "Source"),
            Value => ("Giá trị", "Value"),
            Notes => ("Ghi chú", "Notes"),
            FindingsTitle => ("Phát hiện rà soát", "Review findings"),
            NoFindings => ("Không có phát hiện.", "No findings."),
            SuppressedTitle => ("Phát hiện được bỏ qua", "Suppressed findings"),
            ByChannelTitle => ("Theo cách thức thực hiện", "By channel"),
            ByChannelIntro => (
                "* = số liệu tiêu đề. Chi phí khác nhau theo phí, lệ phí của mỗi cách thức; công sức và lượt đi lại như tệp khai.",
                "* = the headline figures. Costs differ by each channel's fees; effort and trips as the file declares them.",
            ),
            ByCaseTitle => ("Theo trường hợp", "By case"),
            ByCaseIntro => (
                "Số liệu tiêu đề là của trường hợp cơ bản (không có giấy tờ, phí hay bước chỉ áp dụng trong một trường hợp). Mỗi trường hợp cộng thêm những gì áp dụng trong trường hợp đó.",
                "The headline figures are the base case's (no document, fee or step that applies only in a case). Each case adds what applies in it.",
            ),
            Case => ("Trường hợp", "Case"),
            CaseExtra => ("Thêm so với cơ sở", "Added to the base case"),
            BaseCase => ("Trường hợp cơ bản", "Base case"),
            Channel => ("Cách thức", "Channel"),
            Reason => ("Lý do", "Reason"),
            Severity => ("Mức độ", "Severity"),
            Rule => ("Quy tắc", "Rule"),
            Message => ("Nội dung", "Message"),
            Location => ("Vị trí", "Location"),
            Suggestion => ("Đề xuất", "Suggestion"),
            Saving => ("Tiết kiệm", "Saving"),
            ComparisonTitle => ("So sánh với bản hiện hành", "Comparison with the baseline"),
            Baseline => ("Hiện hành", "Baseline"),
            Metric => ("Chỉ số", "Metric"),
            AllMetrics => ("Tất cả chỉ số", "All metrics"),
            Change => ("Thay đổi", "Change"),
            ChartTitle => ("Trước và sau", "Before and after"),
            Before => ("Hiện hành", "Baseline"),
            After => ("Dự thảo", "Draft"),
            TargetsTitle => ("Mục tiêu cắt giảm", "Reduction targets"),
            Target => ("Mục tiêu", "Target"),
            Required => ("Yêu cầu giảm", "Required cut"),
            Achieved => ("Đạt được", "Achieved"),
            Met => ("Đạt", "Met"),
            NotMet => ("Không đạt", "Not met"),
            ComplianceCost => ("Chi phí tuân thủ", "Compliance cost"),
            StepsChanged => ("Thay đổi các bước", "Changes to the steps"),
            DocumentsChanged => ("Thay đổi giấy tờ", "Changes to the documents"),
            Removed => ("Bỏ", "Removed"),
            Added => ("Thêm", "Added"),
            Changed => ("Sửa", "Changed"),
            Unchanged => ("Không đổi", "Unchanged"),
            GraphTitle => ("Sơ đồ các bước", "Step graph"),
            GraphIntro => (
                "Các bước từ trái sang phải theo trình tự; mỗi làn là một bên thực hiện.",
                "Steps run left to right; each lane is one actor.",
            ),
            GraphActualSize => (
                "Xem sơ đồ theo kích thước thật (cuộn ngang bằng phím mũi tên)",
                "Show the graph at full size (scroll it with the arrow keys)",
            ),
            GraphScrollArea => ("Sơ đồ các bước, cuộn được", "Step graph, scrollable"),
            Applicant => ("Người nộp hồ sơ", "Applicant"),
            LegendApplicantStep => ("Bước của người nộp hồ sơ", "Applicant step"),
            LegendAgencyStep => ("Bước của cơ quan", "Agency step"),
            LegendCritical => ("Đường găng (thời gian dài nhất)", "Critical path"),
            LegendChoice => ("Phương án thay thế", "Alternative (choice)"),
            LegendRework => ("Yêu cầu bổ sung hồ sơ", "Rework (supplement)"),
            LegendFindings => ("Số phát hiện", "Number of findings"),
            Or => ("hoặc", "or"),
            Rework => ("bổ sung", "rework"),
            CriticalPath => ("Đường găng", "Critical path"),
            GeneratedBy => ("Lập bằng tthc", "Generated by tthc"),
            GeneratedOn => ("Ngày lập", "Date"),
            Summary => ("Tóm tắt", "Summary"),
            Reduction => ("cắt giảm", "reduction"),
            WorkingDaysShort => ("ngày làm việc", "working days"),
            CalendarDaysShort => ("ngày", "days"),
            Trip => ("lượt đi lại", "trips"),
            Hour => ("giờ", "h"),
            SameDay => ("trong ngày", "same day"),
        }
    }
}

/// `N phát hiện` / `N finding(s)`.
pub fn findings_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Vi, n) => format!("{n} phát hiện"),
        (Lang::En, 1) => "1 finding".to_string(),
        (Lang::En, n) => format!("{n} findings"),
    }
}

/// Cấp thực hiện in `lang`.
pub fn level(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::Central => lang.pick("Trung ương", "Central"),
        Level::Province => lang.pick("Cấp tỉnh", "Province"),
        Level::Commune => lang.pick("Cấp xã", "Commune"),
        Level::District => lang.pick(
            "Cấp huyện (đã bãi bỏ từ 01/07/2025)",
            "District (abolished from 01/07/2025)",
        ),
    }
}

/// Đối tượng thực hiện in `lang`.
pub fn applicant(a: ApplicantKind, lang: Lang) -> &'static str {
    match a {
        ApplicantKind::Citizen => lang.pick("Công dân", "Citizens"),
        ApplicantKind::Business => lang.pick("Doanh nghiệp", "Businesses"),
        ApplicantKind::Organization => lang.pick("Tổ chức", "Organisations"),
    }
}

/// Cách thức thực hiện in `lang`.
pub fn channel(c: Channel, lang: Lang) -> &'static str {
    match c {
        Channel::InPerson => lang.pick("Trực tiếp", "In person"),
        Channel::Online => lang.pick("Trực tuyến", "Online"),
        Channel::Post => lang.pick("Qua dịch vụ bưu chính công ích", "By public post"),
    }
}

/// A reduction target with what it requires, in `lang`.
pub fn target(t: Target, lang: Lang) -> String {
    match t {
        Target::Nq68_2020 => lang
            .pick(
                "Nghị quyết 68/NQ-CP (2020): giảm ≥ 20% chi phí tuân thủ",
                "Resolution 68/NQ-CP (2020): compliance cost −20%",
            )
            .to_string(),
        Target::Nq66_2025 => lang
            .pick(
                "Nghị quyết 66/NQ-CP, năm 2025: giảm ≥ 30% chi phí tuân thủ và thời gian giải quyết",
                "Resolution 66/NQ-CP, 2025: compliance cost and processing time −30%",
            )
            .to_string(),
        Target::Nq66_2026 => lang
            .pick(
                "Nghị quyết 66/NQ-CP, năm 2026: giảm ≥ 50% chi phí tuân thủ và thời gian giải quyết",
                "Resolution 66/NQ-CP, 2026: compliance cost and processing time −50%",
            )
            .to_string(),
        custom @ Target::Custom { .. } => {
            format!("{} {custom}", lang.pick("Mục tiêu riêng", "Custom target"))
        }
    }
}

/// The compared field names of a changed step or document, in `lang`.
pub fn field(name: &str, lang: Lang) -> &str {
    let (vi, en) = match name {
        "id" => ("mã", "id"),
        "name" => ("tên", "name"),
        "actor" => ("bên thực hiện", "actor"),
        "duration" => ("thời hạn", "duration"),
        "effort" => ("công sức", "effort"),
        "next" => ("bước tiếp theo", "next steps"),
        "choice" => ("phương án", "alternatives"),
        "submits" => ("giấy tờ nộp", "documents submitted"),
        "uses" => ("giấy tờ xem xét", "documents examined"),
        "produces" => ("kết quả tạo ra", "documents produced"),
        "rework" => ("bổ sung hồ sơ", "rework"),
        "form" => ("hình thức", "form"),
        "copies" => ("số bản", "copies"),
        "template" => ("mẫu", "template"),
        "issued_by" => ("nơi cấp", "issued by"),
        "held_in" => ("cơ sở dữ liệu", "held in"),
        "when" => ("điều kiện", "condition"),
        other => return other,
    };
    lang.pick(vi, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_filled_and_vietnamese_is_translated() {
        // A sample of labels whose two texts must differ; the match in `pair`
        // makes every variant have both.
        for l in [
            Label::Title,
            Label::CostPerCase,
            Label::GraphTitle,
            Label::Met,
        ] {
            assert!(!l.get(Lang::Vi).is_empty());
            assert_ne!(l.get(Lang::Vi), l.get(Lang::En));
        }
        assert!(target(Target::Nq66_2025, Lang::Vi).contains("30%"));
    }
}
