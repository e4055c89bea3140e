//! TT302 requested-after-produced: the applicant must submit what an agency
//! in the procedure produces or issues.

use crate::element::{ElementPath, Key};
use super::helpers::{agency_key, normalise};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::{Actor, DocumentForm};
use std::collections::HashSet;

/// The rule.
pub struct RequestedAfterProduced;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT302",
    name: "requested-after-produced",
    severity: Severity::Error,
    recommended: true,
    family: Family::Dossier,
    summary: StaticText {
        vi: "người nộp phải nộp giấy tờ do chính một cơ quan trong thủ tục tạo ra hoặc cấp",
        en: "the applicant must submit a paper that an agency in the procedure produces or issues",
    },
    why: StaticText {
        vi: "Cơ quan đã có giấy tờ do mình tạo ra hoặc cấp; bắt người nộp đi xin rồi nộp lại là chuyển việc của cơ quan sang người dân.",
        en: "An agency already has what it produces or issues; making the applicant obtain it and hand it back shifts the agency's work onto the applicant.",
    },
    example: StaticText {
        vi: "Hồ sơ xin cấp phép của Sở Xây dựng yêu cầu \"Giấy xác nhận của Sở Xây dựng\".",
        en: "A Department of Construction licence asks for a \"Certificate of the Department of Construction\".",
    },
    legal_basis: None,
};

impl Rule for RequestedAfterProduced {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let p = ctx.procedure;
        let mut agencies: HashSet<String> = p.steps.iter().filter_map(agency_key).collect();
        if let Some(a) = &p.authority {
            agencies.insert(normalise(a));
        }
        let mut reported = HashSet::new();
        for step in &p.steps {
            for (pos, id) in step.submits.iter().enumerate() {
                let Some(&d) = ctx.documents.index.get(id.as_str()) else {
                    continue;
                };
                let Some(doc) = p.documents.get(d) else {
                    continue;
                };
                let producer = ctx.documents.produced_by.get(d).copied().flatten();
                let (vi, en) = match (producer, &doc.issued_by) {
                    // A receipt the agency gave the applicant, shown back to
                    // identify the case, is not a request for a paper.
                    (Some(_), _) if doc.form == DocumentForm::Presented => continue,
                    (Some(s), _) => {
                        let by = ctx.step_id(s);
                        (
                            format!(
                                "người nộp phải nộp `{id}`, giấy tờ do bước `{by}` của thủ tục tạo ra"
                            ),
                            format!(
                                "the applicant must submit `{id}`, which step `{by}` of this procedure produces"
                            ),
                        )
                    }
                    (None, Actor::Agency(name)) if agencies.contains(&normalise(name)) => (
                        format!(
                            "người nộp phải nộp `{id}`, giấy tờ do {name} cấp — một cơ quan trong thủ tục này"
                        ),
                        format!(
                            "the applicant must submit `{id}`, issued by {name} — an agency in this procedure"
                        ),
                    ),
                    _ => continue,
                };
                if !reported.insert((step.id.as_str(), id.as_str())) {
                    continue;
                }
                out.push(
                    ctx.finding(&INFO, ElementPath::step(&step.id).field(Key::Submits).item(pos), vi, en)
                        .suggest(
                            format!("bỏ `{id}` khỏi hồ sơ; cơ quan tự lấy hoặc tra cứu giấy tờ của mình"),
                            format!("drop `{id}` from the dossier; the agency retrieves or looks up its own paper"),
                        ),
                );
            }
        }
    }
}
