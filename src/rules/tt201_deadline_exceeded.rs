//! TT201 deadline-exceeded: the critical path is longer than the declared deadline.

use crate::element::{ElementPath, Key};
use super::timing::{Clock, deadline_and_path, deadline_milli_days, deadline_phrase, describe_path};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::{Channel, format_milli};
use crate::i18n::Lang;
use crate::report::labels::channel;

/// The rule.
pub struct DeadlineExceeded;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT201",
    name: "deadline-exceeded",
    severity: Severity::Error,
    recommended: true,
    family: Family::Time,
    summary: StaticText {
        vi: "đường găng (chuỗi bước dài nhất của cơ quan) dài hơn thời hạn giải quyết đã công bố",
        en: "the critical path (longest chain of agency steps) is longer than the declared deadline",
    },
    why: StaticText {
        vi: "Nếu các bước cộng lại vượt thời hạn thì hoặc thời hạn công bố không thực hiện được, hoặc thời gian các bước ghi sai; hồ sơ sẽ bị trễ hẹn.",
        en: "If the steps add up to more than the deadline, either the published deadline cannot be met or the step durations are wrong; dossiers will be late.",
    },
    example: StaticText {
        vi: "`deadline: 5 ngày làm việc` nhưng thẩm định 3 ngày rồi phê duyệt 3 ngày.",
        en: "`deadline: 5 working days` but appraisal takes 3 days, then approval 3 days.",
    },
    legal_basis: None,
};

impl Rule for DeadlineExceeded {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        check_cases(ctx, out);
        let Some((clock, declared, cp)) = deadline_and_path(ctx) else {
            return;
        };
        if let Some(&skipped) = cp.other_clock.first() {
            let id = ctx.step_id(skipped);
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(id).field(Key::Duration),
                    format!("thời hạn tính theo một loại ngày nhưng {} bước (như `{id}`) tính theo loại ngày khác; cần lịch để so đường găng với thời hạn", cp.other_clock.len()),
                    format!("the deadline is in one kind of day but {} step(s) (such as `{id}`) use the other (working vs calendar days); the critical path cannot be compared with it without the calendar", cp.other_clock.len()),
                )
                .suggest(
                    "ghi thời gian các bước cùng loại ngày với thời hạn",
                    "give step durations in the same kind of day as the deadline",
                )
                .with_severity(Severity::Info),
            );
        }
        let Some(length) = cp.milli_days else {
            return;
        };
        let path = describe_path(ctx, &cp.path);
        check_channels(ctx, length, clock, &path, out);
        if length <= declared {
            may_exceed(ctx, &path, declared, clock, out);
            return;
        }
        let Some(deadline) = ctx.procedure.deadline else {
            return;
        };
        let (vi, en) = exceeded(ctx, Scope::Base, &path, length, deadline, declared, clock);
        out.push(
            ctx.finding(&INFO, ElementPath::key(Key::Deadline), vi, en)
                .suggest(
                    "rút ngắn các bước trên đường găng, cho các bước độc lập chạy song song, hoặc sửa thời hạn công bố",
                    "shorten the steps on the critical path, run independent steps in parallel, or correct the published deadline",
                ),
        );
    }
}

/// Each channel's own deadline (`deadline: { online: … }`) against the
/// base critical path: the steps have no channel, so the path is the same
/// on every channel, and a shorter deadline of a channel that is not the
/// headline one cannot be met either. A channel whose deadline is the
/// headline one was judged above.
fn check_channels(ctx: &RuleContext<'_>, length: u64, clock: Clock, path: &str, out: &mut Vec<Finding>) {
    for &(channel, deadline) in &ctx.procedure.deadlines.by_channel {
        if Some(deadline) == ctx.procedure.deadline {
            continue;
        }
        let Some((own_clock, declared)) = deadline_milli_days(ctx, deadline) else {
            continue;
        };
        if own_clock != clock || length <= declared {
            continue;
        }
        let (vi, en) = exceeded(ctx, Scope::Channel(channel), path, length, deadline, declared, clock);
        out.push(
            ctx.finding(&INFO, ElementPath::key(Key::Deadline).entry(channel.key()), vi, en)
                .suggest(
                    "rút ngắn các bước trên đường găng, hoặc sửa thời hạn công bố cho cách thức này",
                    "shorten the steps on the critical path, or correct the deadline published for this channel",
                ),
        );
    }
}

/// A path through a step in months that meets the deadline at the months'
/// least working days but not at their most: whether the deadline is met
/// depends on the start date (a warning, not an error).
fn may_exceed(ctx: &RuleContext<'_>, path: &str, declared: u64, clock: Clock, out: &mut Vec<Finding>) {
    let time = &ctx.metrics.processing_time;
    let (Some(deadline), Some(crate::metrics::Length::WorkingDays(upper))) =
        (ctx.procedure.deadline, time.upper_bound)
    else {
        return;
    };
    if !time.may_exceed(deadline) {
        return;
    }
    let (unit_vi, unit_en) = clock.units();
    let (dl_vi, dl_en) = deadline_phrase(ctx, deadline, declared, clock);
    out.push(
        ctx.finding(
            &INFO,
            ElementPath::key(Key::Deadline),
            format!(
                "đường găng {path} có bước tính bằng tháng: tùy ngày bắt đầu, nó có thể mất đến {} {unit_vi}, dài hơn thời hạn {dl_vi}",
                format_milli(upper, ',')
            ),
            format!(
                "the critical path {path} has a step in months: depending on the start date it can take up to {} {unit_en}, longer than the deadline of {dl_en}",
                format_milli(upper, '.')
            ),
        )
        .suggest(
            "ghi thời gian của bước đó bằng ngày làm việc, rút ngắn các bước trên đường găng, hoặc sửa thời hạn công bố",
            "give that step's duration in working days, shorten the steps on the critical path, or correct the published deadline",
        )
        .with_severity(Severity::Warn),
    );
}

/// Whose deadline a message is about.
#[derive(Clone, Copy)]
enum Scope<'a> {
    /// The headline deadline, in the base case.
    Base,
    /// A declared case's.
    Case(&'a str),
    /// A channel's own deadline, in the base case.
    Channel(Channel),
}

/// Each declared case whose deadline or steps differ from the base case:
/// its own critical path against its own deadline (`deadline.cases`, else
/// the base one). A case that changes neither is the base case's check.
fn check_cases(ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
    let Some(k) = &ctx.metrics.by_case else {
        return;
    };
    let base = &ctx.metrics.processing_time;
    for f in &k.cases {
        let own_steps = ctx
            .procedure
            .steps
            .iter()
            .any(|s| s.condition.case.as_deref() == Some(f.case.as_str()));
        if !(f.own_deadline || own_steps) {
            continue;
        }
        let Some(deadline) = f.deadline else {
            continue;
        };
        let Some((clock, declared)) = deadline_milli_days(ctx, deadline) else {
            continue;
        };
        let length = match (f.processing_time, clock) {
            (crate::metrics::Length::WorkingDays(m), Clock::Working)
            | (crate::metrics::Length::CalendarDays(m), Clock::Calendar) => m,
            _ => continue,
        };
        // The same path and deadline as the base case: reported there once.
        if length <= declared || (!f.own_deadline && f.processing_time == base.length) {
            continue;
        }
        let path = f.critical_path.join(" → ");
        let element = if f.own_deadline {
            ElementPath::key(Key::Deadline).entry("cases").entry(&f.case)
        } else {
            ElementPath::key(Key::Deadline)
        };
        let (vi, en) = exceeded(ctx, Scope::Case(&f.case), &path, length, deadline, declared, clock);
        out.push(
            ctx.finding(&INFO, element, vi, en)
                .suggest(
                    "rút ngắn các bước của trường hợp này, hoặc công bố thời hạn riêng cho nó (`deadline.cases`)",
                    "shorten this case's steps, or publish its own deadline (`deadline.cases`)",
                ),
        );
    }
}

/// The message of a critical path longer than its deadline, in the base
/// case, a declared case or on one channel: one wording for all.
fn exceeded(
    ctx: &RuleContext<'_>,
    scope: Scope<'_>,
    path: &str,
    length: u64,
    deadline: crate::model::Duration,
    declared: u64,
    clock: Clock,
) -> (String, String) {
    let (unit_vi, unit_en) = clock.units();
    let (len_vi, len_en) = (format_milli(length, ','), format_milli(length, '.'));
    let (dl_vi, dl_en) = deadline_phrase(ctx, deadline, declared, clock);
    let (in_vi, in_en) = match scope {
        Scope::Case(id) => (format!("trong trường hợp `{id}`, "), format!("in case `{id}`, ")),
        Scope::Channel(c) => (
            format!("với hồ sơ nộp theo cách thức {}, ", channel(c, Lang::Vi).to_lowercase()),
            format!("for dossiers filed {}, ", channel(c, Lang::En).to_lowercase()),
        ),
        Scope::Base => (String::new(), String::new()),
    };
    (
        format!("{in_vi}đường găng {path} mất {len_vi} {unit_vi}, dài hơn thời hạn {dl_vi}"),
        format!("{in_en}the critical path {path} takes {len_en} {unit_en}, longer than the deadline of {dl_en}"),
    )
}
