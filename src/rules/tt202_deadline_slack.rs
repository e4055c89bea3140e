//! TT202 deadline-slack: the declared deadline is much longer than the steps need.

use crate::element::{ElementPath, Key};
use super::timing::{Clock, deadline_and_path, deadline_phrase};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::{Finding, Saving};
use crate::model::format_milli;

/// Slack from which the deadline is "much longer": this share of the
/// deadline (in percent), the Resolution 66/NQ-CP 2025 target for cuts.
pub(crate) const SLACK_PERCENT: u64 = 30;
/// And at least this much slack, in thousandths of a day.
pub(crate) const MIN_SLACK_MILLI: u64 = 1000;

/// The rule.
pub struct DeadlineSlack;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT202",
    name: "deadline-slack",
    severity: Severity::Info,
    recommended: true,
    family: Family::Time,
    summary: StaticText {
        vi: "thời hạn công bố dài hơn nhiều so với đường găng của các bước (từ 30% và ít nhất 1 ngày)",
        en: "the declared deadline is much longer than the critical path of the steps (30% or more, and at least 1 day)",
    },
    why: StaticText {
        vi: "Phần thời hạn không gắn với bước nào là khoảng chờ có thể cắt ngay, góp vào mục tiêu cắt giảm thời gian giải quyết.",
        en: "The part of the deadline no step needs is waiting time that can be cut at once, counting towards the processing-time reduction target.",
    },
    example: StaticText {
        vi: "`deadline: 15 ngày làm việc` nhưng các bước chỉ cần 7 ngày làm việc.",
        en: "`deadline: 15 working days` but the steps need 7 working days.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị quyết 66/NQ-CP ngày 26/3/2025 (thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh: năm 2025 cắt giảm ít nhất 30% thời gian giải quyết; năm 2026 50% so với năm 2024)",
        en: "Resolution 66/NQ-CP of 26 March 2025 (procedures related to production and business: cut processing time by at least 30% in 2025 and 50% in 2026 against 2024)",
    }),
};

impl Rule for DeadlineSlack {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let Some((clock, declared, cp)) = deadline_and_path(ctx) else {
            return;
        };
        // A same-day deadline cannot be shortened further.
        if ctx.procedure.deadline.is_some_and(|d| d.is_same_day()) {
            return;
        }
        // With a duration missing or in the other clock the critical path
        // is understated, and the slack would be overstated.
        let Some(length) = cp.milli_days.filter(|&m| m > 0) else {
            return;
        };
        if !cp.missing.is_empty() || !cp.other_clock.is_empty() {
            return;
        }
        let slack = declared.saturating_sub(length);
        if slack < MIN_SLACK_MILLI
            || u128::from(slack) * 100 < u128::from(declared) * u128::from(SLACK_PERCENT)
        {
            return;
        }
        let (unit_vi, unit_en) = clock.units();
        let percent = u128::from(slack) * 100 / u128::from(declared.max(1));
        let Some(deadline) = ctx.procedure.deadline else {
            return;
        };
        let (dl_vi, dl_en) = deadline_phrase(ctx, deadline, declared, clock);
        out.push(
            ctx.finding(
                &INFO,
                ElementPath::key(Key::Deadline),
                format!(
                    "thời hạn {dl_vi} dư {percent}%: đường găng chỉ mất {} {unit_vi}",
                    format_milli(length, ',')
                ),
                format!(
                    "{percent}% of the deadline of {dl_en} is unused: the critical path takes {} {unit_en}",
                    format_milli(length, '.')
                ),
            )
            .suggest(
                format!("rút thời hạn xuống {} {unit_vi}", format_milli(length, ',')),
                format!("cut the deadline to {} {unit_en}", format_milli(length, '.')),
            )
            .with_saving(Saving {
                working_milli_days: (clock == Clock::Working).then_some(slack),
                ..Saving::default()
            }),
        );
    }
}
