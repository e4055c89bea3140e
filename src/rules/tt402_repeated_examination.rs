//! TT402 repeated-examination: two steps examine the same documents.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use std::collections::HashMap;

/// The rule.
pub struct RepeatedExamination;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT402",
    name: "repeated-examination",
    severity: Severity::Info,
    recommended: false,
    family: Family::Interaction,
    summary: StaticText {
        vi: "hai bước xem xét đúng cùng một tập giấy tờ (`uses` giống hệt nhau)",
        en: "two steps examine exactly the same documents (identical `uses`)",
    },
    why: StaticText {
        vi: "Hai lần kiểm tra cùng một bộ giấy tờ thường là việc lặp giữa bộ phận tiếp nhận và bộ phận chuyên môn; gộp lại rút ngắn thời gian. Có khi hai bước xem cùng giấy tờ vì mục đích khác nhau, nên quy tắc chỉ chạy với preset `all`.",
        en: "Checking the same papers twice is often a repeat between the reception desk and the specialist unit; merging saves time. Two steps may look at the same papers for different purposes, so the rule runs only with preset `all`.",
    },
    example: StaticText {
        vi: "`kiem-tra: { uses: [don, cccd] }` và `tham-dinh: { uses: [cccd, don] }`.",
        en: "`kiem-tra: { uses: [don, cccd] }` and `tham-dinh: { uses: [cccd, don] }`.",
    },
    legal_basis: None,
};

impl Rule for RepeatedExamination {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let mut seen: HashMap<Vec<&str>, &str> = HashMap::new();
        for step in &ctx.procedure.steps {
            if step.uses.is_empty() {
                continue;
            }
            let mut set: Vec<&str> = step.uses.iter().map(String::as_str).collect();
            set.sort_unstable();
            set.dedup();
            match seen.get(&set) {
                None => {
                    seen.insert(set, &step.id);
                }
                Some(first) => {
                    let id = &step.id;
                    out.push(
                        ctx.finding(
                            &INFO,
                            ElementPath::step(id).field(Key::Uses),
                            format!("bước `{id}` xem xét đúng những giấy tờ bước `{first}` đã xem xét"),
                            format!("step `{id}` examines exactly the documents step `{first}` examined"),
                        )
                        .suggest(
                            format!("gộp việc xem xét của `{id}` vào `{first}`, hoặc ghi rõ mỗi bước xem giấy tờ nào"),
                            format!("merge the examination of `{id}` into `{first}`, or say which papers each step examines"),
                        )
                        .with_related(ctx.related(
                            ElementPath::step(first).field(Key::Uses),
                            format!("bước `{first}` đã xem xét ở đây"),
                            format!("step `{first}` examined them here"),
                        )),
                    );
                }
            }
        }
    }
}
