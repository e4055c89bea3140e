//! TT008 cost-out-of-range: the compliance cost is too large to compute
//! exactly.

use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct CostOutOfRange;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT008",
    name: "cost-out-of-range",
    severity: Severity::Error,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "chi phí tuân thủ quá lớn để tính chính xác (vượt phạm vi số học 128 bit)",
        en: "the compliance cost is too large to compute exactly (beyond 128-bit arithmetic)",
    },
    why: StaticText {
        vi: "Mỗi số tiền trong tệp không quá 10¹⁸ đồng, nhưng tổng theo hồ sơ hoặc theo năm (nhân với số hồ sơ) vẫn có thể vượt phạm vi tính chính xác. Khi đó không có con số nào được báo cáo thay cho con số đúng: chi phí bị bỏ trống và lỗi này chỉ ra khoản lớn nhất, thường là một số tiền hoặc số hồ sơ ghi nhầm đơn vị hay thừa chữ số.",
        en: "Each amount in a file is at most 10¹⁸ đồng, but the total per case or per year (times the number of cases) can still exceed what is computed exactly. No other figure is then reported in place of the right one: the cost is left empty and this error points at the largest input, usually an amount or a number of cases with a wrong unit or extra digits.",
    },
    example: StaticText {
        vi: "Hai khoản lệ phí 900.000.000.000.000.000 đồng với `cases_per_year: 1000000000000`.",
        en: "Two fees of 900,000,000,000,000,000 đồng with `cases_per_year: 1000000000000`.",
    },
    legal_basis: Some(StaticText {
        vi: "Thông tư 02/2017/TT-VPCP, Điều 27 (chi phí tuân thủ tính bằng tiền theo từng hồ sơ và theo năm)",
        en: "Circular 02/2017/TT-VPCP, Art. 27 (compliance cost in money, per case and per year)",
    }),
};

impl Rule for CostOutOfRange {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let cost = &ctx.metrics.compliance_cost;
        if !cost.overflow {
            return;
        }
        // The largest input is where a mistyped figure most likely is.
        let largest = cost.lines.iter().max_by_key(|l| l.total);
        let element = largest.map(|l| l.element.clone()).unwrap_or_default();
        let mut finding = ctx
            .finding(
                &INFO,
                element,
                "chi phí tuân thủ vượt phạm vi tính chính xác nên không được báo cáo",
                "the compliance cost exceeds the range computed exactly and is not reported",
            )
            .suggest(
                "kiểm tra đơn vị và số chữ số của số tiền lớn nhất và của `volume` (số hồ sơ mỗi năm)",
                "check the unit and the number of digits of the largest amount and of `volume` (cases a year)",
            );
        if cost.cases_per_year.is_some() {
            finding = finding.with_related(ctx.related(
                crate::element::ElementPath::key(crate::element::Key::Volume),
                "số hồ sơ mỗi năm nhân với chi phí một hồ sơ",
                "cases a year, multiplied by the cost of one case",
            ));
        }
        out.push(finding);
    }
}
