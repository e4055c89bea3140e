//! TT403 multiple-trips: more than one in-person trip on the main path.

use crate::element::{ElementPath, Key};
use super::helpers::effort_saving;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::Money;

/// The rule.
pub struct MultipleTrips;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT403",
    name: "multiple-trips",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Interaction,
    summary: StaticText {
        vi: "người nộp phải đi lại trực tiếp nhiều hơn một lần trên đường chính",
        en: "the applicant travels in person more than once on the main path",
    },
    why: StaticText {
        vi: "Mỗi lượt đi lại tốn thời gian và tiền của người nộp; cơ chế một cửa tiếp nhận hồ sơ và trả kết quả tại một đầu mối, kết quả có thể gửi qua bưu chính hoặc trả trực tuyến.",
        en: "Each trip costs the applicant time and money; the one-stop shop receives dossiers and returns results at one place, and results can be posted or delivered online.",
    },
    example: StaticText {
        vi: "Bước nộp hồ sơ `trips: 1` và bước nhận kết quả `trips: 1`: hai lượt.",
        en: "Submission with `trips: 1` and collection with `trips: 1`: two trips.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 118/2025/NĐ-CP (thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông; thay Nghị định 61/2018/NĐ-CP từ 1/7/2025); Nghị định 45/2020/NĐ-CP, sửa đổi bởi Nghị định 118/2025/NĐ-CP (kết quả điện tử có giá trị như bản giấy)",
        en: "Decree 118/2025/NĐ-CP (one-stop and inter-agency one-stop mechanism; replaces Decree 61/2018/NĐ-CP from 1 July 2025); Decree 45/2020/NĐ-CP as amended by Decree 118/2025/NĐ-CP (electronic results have the same value as paper ones)",
    }),
};

impl Rule for MultipleTrips {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let steps = &ctx.procedure.steps;
        let (g, f) = ctx.graph_facts();
        let order: Vec<usize> = g
            .topological_order()
            .iter()
            .copied()
            .filter(|&i| f.main_path.get(i).copied().unwrap_or(false))
            .collect();
        // Trips are per person (`people: 2`, trips: 1 is each spouse coming
        // once, not two trips); a step of a case is not in the base case.
        let mut total: u64 = 0;
        let mut second: Option<usize> = None;
        for i in order {
            let trips = steps
                .get(i)
                .filter(|s| s.condition.is_base())
                .map_or(0, |s| u64::from(s.effort.trips));
            total = total.saturating_add(trips);
            if total > 1 && second.is_none() {
                second = Some(i);
            }
        }
        let Some(at) = second else {
            return;
        };
        let id = ctx.step_id(at);
        let extra = u32::try_from(total - 1).unwrap_or(u32::MAX);
        out.push(
            ctx.finding(
                &INFO,
                ElementPath::step(id).field(Key::Effort),
                format!("người nộp phải đến trực tiếp {total} lần trên đường chính; bước `{id}` thêm lượt thứ hai"),
                format!("the applicant travels in person {total} times on the main path; step `{id}` adds the second trip"),
            )
            .suggest(
                "nhận hồ sơ và trả kết quả trong một lượt, hoặc trả kết quả qua bưu chính hay trực tuyến",
                "receive the dossier and return the result in one visit, or deliver the result by post or online",
            )
            .with_saving(effort_saving(ctx, 0, extra, Money::ZERO)),
        );
    }
}
