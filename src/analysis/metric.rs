//! The one typed list of metrics: each with its key, unit, labels and
//! whether it needs a baseline. Review tests, comparisons, audit columns,
//! JSON and reports all read it, so a quantity has one name everywhere.
//!
//! Adding a metric is one line in the `metrics!` list below and one arm in
//! [`Metric::of`] or [`Metric::of_comparison`] (the compiler asks for it).

use crate::analysis::{Analysis, Comparison};
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::metrics::{Activity, Length, Percent};
use crate::metrics::{Quantity, Unit};
use crate::model::Channel;
use serde::{Serialize, Serializer};
use std::fmt;

/// Which side a metric is measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Needs {
    /// One procedure.
    Own,
    /// A baseline and a draft.
    Baseline,
}

macro_rules! metrics {
    ($($variant:ident => ($key:literal, $unit:ident, $needs:ident, $vi:literal, $en:literal),)+) => {
        /// A metric of a procedure, or of a draft against its baseline.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Metric {
            $(
                #[doc = $en]
                $variant,
            )+
        }

        impl Metric {
            /// Every metric, in report order.
            pub const ALL: &'static [Metric] = &[$(Metric::$variant),+];

            /// The stable key (`compliance_cost.per_case`): review tests,
            /// JSON and CSV use it.
            pub const fn key(self) -> &'static str {
                match self { $(Metric::$variant => $key),+ }
            }

            /// The unit of its value.
            pub const fn unit(self) -> Unit {
                match self { $(Metric::$variant => Unit::$unit),+ }
            }

            /// Whether it needs a baseline (a reduction, what was removed).
            pub const fn needs_baseline(self) -> bool {
                match self { $(Metric::$variant => matches!(Needs::$needs, Needs::Baseline)),+ }
            }

            /// Its name for a person, in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $(Metric::$variant => lang.pick($vi, $en)),+ }
            }
        }
    };
}

metrics! {
    Steps => ("structure.steps", Count, Own, "Số bước", "Steps"),
    ApplicantSteps => ("structure.applicant_steps", Count, Own, "Bước của người nộp", "Applicant steps"),
    AgencySteps => ("structure.agency_steps", Count, Own, "Bước của cơ quan", "Agency steps"),
    MainPathSteps => ("structure.main_path_steps", Count, Own, "Bước trên đường chính", "Main-path steps"),
    Agencies => ("structure.agencies", Count, Own, "Số cơ quan", "Agencies"),
    Handoffs => ("structure.handoffs", Count, Own, "Lần chuyển hồ sơ giữa cơ quan", "Hand-offs between agencies"),
    Documents => ("structure.documents", Count, Own, "Số giấy tờ", "Documents"),
    Copies => ("structure.copies", Count, Own, "Số bản", "Copies"),
    CertifiedCopies => ("structure.certified_copies", Count, Own, "Bản sao có chứng thực", "Certified copies"),
    PresentedDocuments => ("structure.presented_documents", Count, Own, "Giấy tờ xuất trình", "Documents shown"),
    StateHeldDocuments => ("structure.state_held_documents", Count, Own, "Giấy tờ đã có trong cơ sở dữ liệu", "Documents a database holds"),
    Trips => ("structure.trips", Count, Own, "Lượt đi lại", "In-person trips"),
    WorkingDays => ("processing_time.working_days", WorkingDays, Own, "Thời gian giải quyết (đường găng)", "Processing time (critical path)"),
    CalendarDays => ("processing_time.calendar_days", CalendarDays, Own, "Thời gian giải quyết (ngày)", "Processing time (calendar days)"),
    DeclaredWorkingDays => ("processing_time.declared_working_days", WorkingDays, Own, "Thời hạn công bố", "Declared deadline"),
    DeclaredCalendarDays => ("processing_time.declared_calendar_days", CalendarDays, Own, "Thời hạn công bố (ngày)", "Declared deadline (calendar days)"),
    DeclaredInPerson => ("processing_time.declared_working_days.in_person", WorkingDays, Own, "Thời hạn công bố khi nộp trực tiếp", "Declared deadline filed in person"),
    DeclaredOnline => ("processing_time.declared_working_days.online", WorkingDays, Own, "Thời hạn công bố khi nộp trực tuyến", "Declared deadline filed online"),
    DeclaredPost => ("processing_time.declared_working_days.post", WorkingDays, Own, "Thời hạn công bố khi gửi qua bưu chính", "Declared deadline sent by post"),
    WorkingDaysWorst => ("processing_time.working_days.worst", WorkingDays, Own, "Thời gian giải quyết trong trường hợp dài nhất", "Processing time in the longest case"),
    DeclaredWorkingDaysWorst => ("processing_time.declared_working_days.worst", WorkingDays, Own, "Thời hạn công bố dài nhất theo trường hợp", "Longest declared deadline over the cases"),
    WithReworkWorkingDays => ("processing_time.with_rework_working_days", WorkingDays, Own, "Thời gian khi phải bổ sung một lần", "Time with one supplement request"),
    CostPerCase => ("compliance_cost.per_case", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ", "Compliance cost per case"),
    CostPerCaseInPerson => ("compliance_cost.per_case.in_person", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ nộp trực tiếp", "Compliance cost per case filed in person"),
    CostPerCaseOnline => ("compliance_cost.per_case.online", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ nộp trực tuyến", "Compliance cost per case filed online"),
    CostPerCasePost => ("compliance_cost.per_case.post", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ gửi qua bưu chính", "Compliance cost per case sent by post"),
    CostPerCaseExpected => ("compliance_cost.per_case.expected", Dong, Own, "Chi phí tuân thủ kỳ vọng mỗi hồ sơ (theo tỷ lệ các trường hợp)", "Expected compliance cost per case (over the case shares)"),
    CostPerCaseWorst => ("compliance_cost.per_case.worst", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ trong trường hợp tốn nhất", "Compliance cost per case in the costliest case"),
    CostPerCaseExpectedInPerson => ("compliance_cost.per_case.expected.in_person", Dong, Own, "Chi phí tuân thủ kỳ vọng mỗi hồ sơ nộp trực tiếp", "Expected compliance cost per case filed in person"),
    CostPerCaseExpectedOnline => ("compliance_cost.per_case.expected.online", Dong, Own, "Chi phí tuân thủ kỳ vọng mỗi hồ sơ nộp trực tuyến", "Expected compliance cost per case filed online"),
    CostPerCaseExpectedPost => ("compliance_cost.per_case.expected.post", Dong, Own, "Chi phí tuân thủ kỳ vọng mỗi hồ sơ gửi qua bưu chính", "Expected compliance cost per case sent by post"),
    CostPerCaseWorstInPerson => ("compliance_cost.per_case.worst.in_person", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ nộp trực tiếp trong trường hợp tốn nhất", "Compliance cost per case filed in person in the costliest case"),
    CostPerCaseWorstOnline => ("compliance_cost.per_case.worst.online", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ nộp trực tuyến trong trường hợp tốn nhất", "Compliance cost per case filed online in the costliest case"),
    CostPerCaseWorstPost => ("compliance_cost.per_case.worst.post", Dong, Own, "Chi phí tuân thủ mỗi hồ sơ gửi qua bưu chính trong trường hợp tốn nhất", "Compliance cost per case sent by post in the costliest case"),
    CostAnnualExpected => ("compliance_cost.annual.expected", Dong, Own, "Chi phí tuân thủ kỳ vọng mỗi năm", "Expected compliance cost per year"),
    CaseShares => ("cases.declared_share_percent", Percent, Own, "Tổng tỷ lệ hồ sơ của các trường hợp đã khai", "Sum of the declared case shares"),
    CostAnnual => ("compliance_cost.annual", Dong, Own, "Chi phí tuân thủ mỗi năm", "Compliance cost per year"),
    CostHours => ("compliance_cost.hours", Hours, Own, "Thời gian của người nộp mỗi hồ sơ", "Applicant hours per case"),
    CasesPerYear => ("compliance_cost.cases_per_year", Count, Own, "Số hồ sơ mỗi năm", "Cases per year"),
    CostLearning => ("compliance_cost.breakdown.learning", Dong, Own, "Chi phí: tìm hiểu thủ tục", "Cost: learning about the procedure"),
    CostPreparing => ("compliance_cost.breakdown.preparing", Dong, Own, "Chi phí: chuẩn bị hồ sơ", "Cost: preparing documents"),
    CostObtaining => ("compliance_cost.breakdown.obtaining", Dong, Own, "Chi phí: xin giấy tờ từ cơ quan khác", "Cost: obtaining documents from others"),
    CostSubmitting => ("compliance_cost.breakdown.submitting", Dong, Own, "Chi phí: nộp hồ sơ", "Cost: submitting"),
    CostPaying => ("compliance_cost.breakdown.paying", Dong, Own, "Chi phí: nộp phí, lệ phí", "Cost: paying fees"),
    CostSupplementing => ("compliance_cost.breakdown.supplementing", Dong, Own, "Chi phí: bổ sung hồ sơ", "Cost: supplementing"),
    CostReceiving => ("compliance_cost.breakdown.receiving", Dong, Own, "Chi phí: nhận kết quả", "Cost: receiving the result"),
    AdminCostPerCase => ("administration_cost.per_case", Dong, Own, "Chi phí của cơ quan mỗi hồ sơ", "Administration cost per case"),
    AdminHours => ("administration_cost.hours", Hours, Own, "Giờ làm việc của cán bộ mỗi hồ sơ", "Staff hours per case"),
    Findings => ("findings.count", Count, Own, "Số phát hiện", "Findings"),
    FindingErrors => ("findings.errors", Count, Own, "Phát hiện mức lỗi", "Findings at error"),
    FindingWarnings => ("findings.warnings", Count, Own, "Phát hiện mức cảnh báo", "Findings at warning"),
    FindingInfos => ("findings.infos", Count, Own, "Phát hiện mức thông tin", "Findings at info"),
    TimeReduction => ("processing_time.reduction_percent", Percent, Baseline, "Giảm thời gian giải quyết", "Processing-time cut"),
    CostReduction => ("compliance_cost.reduction_percent", Percent, Baseline, "Giảm chi phí mỗi hồ sơ", "Cost cut per case"),
    AnnualCostReduction => ("compliance_cost.annual_reduction_percent", Percent, Baseline, "Giảm chi phí mỗi năm", "Cost cut per year"),
    SavingPerCase => ("compliance_cost.saving_per_case", Dong, Baseline, "Tiết kiệm mỗi hồ sơ", "Saving per case"),
    AnnualSaving => ("compliance_cost.annual_saving", Dong, Baseline, "Tiết kiệm mỗi năm", "Saving per year"),
    StepsRemoved => ("steps.removed", Count, Baseline, "Bước bị bỏ", "Steps removed"),
    StepsAdded => ("steps.added", Count, Baseline, "Bước thêm", "Steps added"),
    DocumentsRemoved => ("documents.removed", Count, Baseline, "Giấy tờ bị bỏ", "Documents removed"),
    DocumentsAdded => ("documents.added", Count, Baseline, "Giấy tờ thêm", "Documents added"),
}

impl Metric {
    /// The metric with this key.
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.iter().copied().find(|m| m.key() == key)
    }

    /// The breakdown metric of an SCM activity.
    pub const fn of_activity(activity: Activity) -> Metric {
        match activity {
            Activity::Learning => Metric::CostLearning,
            Activity::Preparing => Metric::CostPreparing,
            Activity::Obtaining => Metric::CostObtaining,
            Activity::Submitting => Metric::CostSubmitting,
            Activity::Paying => Metric::CostPaying,
            Activity::Supplementing => Metric::CostSupplementing,
            Activity::Receiving => Metric::CostReceiving,
        }
    }

    /// The value of a metric of one procedure (`None` for a metric that
    /// needs a baseline, or when an input it needs is not declared, such as
    /// the volume for annual costs).
    pub fn of(self, a: &Analysis) -> Option<Quantity> {
        let m = a.metrics();
        let s = &m.structure;
        let t = &m.processing_time;
        let c = &m.compliance_cost;
        let of = |d| Length::of_with(d, &t.month_bounds);
        let declared = t.declared.map(of);
        let cases = m.by_case.as_ref();
        // A case figure on a channel: only when several channels are declared.
        let case_channel =
            |ch: Channel| cases.and_then(|k| k.by_channel.iter().find(|f| f.channel == ch));
        let expected = cases.and_then(|k| k.expected.as_ref());
        let severity = |sev| a.findings().iter().filter(|f| f.severity == sev).count();
        let dong = |v: u128| i128::try_from(v).ok().map(|v| Quantity::new(v, Unit::Dong));
        // A channel's figures, when the procedure declares that channel.
        let channel = |ch: Channel| m.by_channel.iter().find(|f| f.channel == ch);
        let activity = |act: Activity| {
            c.breakdown
                .iter()
                .find(|r| r.activity == act)
                .and_then(|r| dong(r.total.dong()))
        };
        match self {
            Metric::Steps => Quantity::count(s.steps),
            Metric::ApplicantSteps => Quantity::count(s.applicant_steps),
            Metric::AgencySteps => Quantity::count(s.agency_steps),
            Metric::MainPathSteps => Quantity::count(s.main_path_steps),
            Metric::Agencies => Quantity::count(s.agencies),
            Metric::Handoffs => Quantity::count(s.handoffs),
            Metric::Documents => Quantity::count(s.documents),
            Metric::Copies => Quantity::count(s.copies),
            Metric::CertifiedCopies => Quantity::count(s.certified_copies),
            Metric::PresentedDocuments => Quantity::count(s.presented_documents),
            Metric::StateHeldDocuments => Quantity::count(s.state_held_documents),
            Metric::Trips => Quantity::count(s.trips),
            // A mix of calendar and working days is counted on the calendar.
            Metric::WorkingDays => working(t.length).or_else(|| {
                m.on_calendar
                    .as_ref()
                    .map(|c| Quantity::new(c.working_milli_days.into(), Unit::WorkingDays))
            }),
            Metric::CalendarDays => calendar(t.length),
            Metric::DeclaredWorkingDays => declared.and_then(working),
            Metric::DeclaredCalendarDays => declared.and_then(calendar),
            Metric::WithReworkWorkingDays => t.with_rework.as_ref().and_then(|r| working(r.length)),
            Metric::CostPerCase => dong(c.per_case.dong()),
            Metric::CostPerCaseInPerson => {
                channel(Channel::InPerson).and_then(|f| dong(f.per_case.dong()))
            }
            Metric::CostPerCaseOnline => {
                channel(Channel::Online).and_then(|f| dong(f.per_case.dong()))
            }
            Metric::CostPerCasePost => channel(Channel::Post).and_then(|f| dong(f.per_case.dong())),
            Metric::DeclaredInPerson => channel(Channel::InPerson)
                .and_then(|f| f.deadline)
                .map(of)
                .and_then(working),
            Metric::DeclaredOnline => channel(Channel::Online)
                .and_then(|f| f.deadline)
                .map(of)
                .and_then(working),
            Metric::DeclaredPost => channel(Channel::Post)
                .and_then(|f| f.deadline)
                .map(of)
                .and_then(working),
            Metric::CostAnnual => c.annual.and_then(|v| dong(v.dong())),
            Metric::CostPerCaseExpected => expected
                .and_then(|e| e.per_case)
                .and_then(|v| dong(v.dong())),
            Metric::CostAnnualExpected => {
                expected.and_then(|e| e.annual).and_then(|v| dong(v.dong()))
            }
            Metric::CaseShares => expected
                .map(|e| Quantity::new(i128::from(e.declared_share_ppm / 100), Unit::Percent)),
            Metric::CostPerCaseWorst => cases.and_then(|k| dong(k.worst_cost.per_case.dong())),
            Metric::CostPerCaseExpectedInPerson => case_channel(Channel::InPerson)
                .and_then(|f| f.expected.as_ref())
                .and_then(|e| e.per_case)
                .and_then(|v| dong(v.dong())),
            Metric::CostPerCaseExpectedOnline => case_channel(Channel::Online)
                .and_then(|f| f.expected.as_ref())
                .and_then(|e| e.per_case)
                .and_then(|v| dong(v.dong())),
            Metric::CostPerCaseExpectedPost => case_channel(Channel::Post)
                .and_then(|f| f.expected.as_ref())
                .and_then(|e| e.per_case)
                .and_then(|v| dong(v.dong())),
            Metric::CostPerCaseWorstInPerson => {
                case_channel(Channel::InPerson).and_then(|f| dong(f.worst_cost.per_case.dong()))
            }
            Metric::CostPerCaseWorstOnline => {
                case_channel(Channel::Online).and_then(|f| dong(f.worst_cost.per_case.dong()))
            }
            Metric::CostPerCaseWorstPost => {
                case_channel(Channel::Post).and_then(|f| dong(f.worst_cost.per_case.dong()))
            }
            Metric::WorkingDaysWorst => cases.and_then(|k| working(k.worst_time.length)),
            Metric::DeclaredWorkingDaysWorst => cases
                .and_then(|k| k.worst_deadline.as_ref())
                .and_then(|w| working(of(w.deadline))),
            Metric::CostHours => i128::try_from(c.milli_hours)
                .ok()
                .map(|v| Quantity::new(v, Unit::Hours)),
            Metric::CasesPerYear => c.cases_per_year.and_then(Quantity::count),
            Metric::CostLearning => activity(Activity::Learning),
            Metric::CostPreparing => activity(Activity::Preparing),
            Metric::CostObtaining => activity(Activity::Obtaining),
            Metric::CostSubmitting => activity(Activity::Submitting),
            Metric::CostPaying => activity(Activity::Paying),
            Metric::CostSupplementing => activity(Activity::Supplementing),
            Metric::CostReceiving => activity(Activity::Receiving),
            Metric::AdminCostPerCase => m
                .administration_cost
                .as_ref()
                .and_then(|x| dong(x.per_case.dong())),
            Metric::AdminHours => m
                .administration_cost
                .as_ref()
                .and_then(|x| i128::try_from(x.milli_hours).ok())
                .map(|v| Quantity::new(v, Unit::Hours)),
            Metric::Findings => Quantity::count(a.findings().len()),
            Metric::FindingErrors => Quantity::count(severity(Severity::Error)),
            Metric::FindingWarnings => Quantity::count(severity(Severity::Warn)),
            Metric::FindingInfos => Quantity::count(severity(Severity::Info)),
            Metric::TimeReduction
            | Metric::CostReduction
            | Metric::AnnualCostReduction
            | Metric::SavingPerCase
            | Metric::AnnualSaving
            | Metric::StepsRemoved
            | Metric::StepsAdded
            | Metric::DocumentsRemoved
            | Metric::DocumentsAdded => None,
        }
    }

    /// The value of a metric for a comparison: a metric that needs a
    /// baseline, or else the draft's value.
    pub fn of_comparison(self, c: &Comparison) -> Option<Quantity> {
        let percent =
            |p: Option<Percent>| p.map(|p| Quantity::new(p.basis_points(), Unit::Percent));
        let saving = |own: Metric| {
            let row = c.metrics.iter().find(|r| r.metric == own)?;
            let (b, d) = (row.baseline?, row.draft?);
            Some(Quantity::new(
                b.scaled().checked_sub(d.scaled())?,
                Unit::Dong,
            ))
        };
        match self {
            Metric::TimeReduction => percent(c.processing_time.reduction_percent),
            Metric::CostReduction => percent(c.compliance_cost.reduction_percent),
            Metric::AnnualCostReduction => percent(c.compliance_cost.annual_reduction_percent),
            Metric::SavingPerCase => saving(Metric::CostPerCase),
            Metric::AnnualSaving => saving(Metric::CostAnnual),
            Metric::StepsRemoved => Quantity::count(c.steps.removed.len()),
            Metric::StepsAdded => Quantity::count(c.steps.added.len()),
            Metric::DocumentsRemoved => Quantity::count(c.documents.removed.len()),
            Metric::DocumentsAdded => Quantity::count(c.documents.added.len()),
            own => c.metrics.iter().find(|r| r.metric == own)?.draft,
        }
    }
}

fn working(l: Length) -> Option<Quantity> {
    l.working_milli_days()
        .map(|v| Quantity::new(v.into(), Unit::WorkingDays))
}

fn calendar(l: Length) -> Option<Quantity> {
    l.calendar_milli_days()
        .map(|v| Quantity::new(v.into(), Unit::CalendarDays))
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_round_trip() {
        let mut keys = HashSet::new();
        for m in Metric::ALL {
            assert!(keys.insert(m.key()), "duplicate key {}", m.key());
            assert_eq!(Metric::from_key(m.key()), Some(*m));
            assert_ne!(m.label(Lang::Vi), m.label(Lang::En), "{m}");
        }
        for a in Activity::ALL {
            assert!(Metric::ALL.contains(&Metric::of_activity(a)));
        }
    }
}
