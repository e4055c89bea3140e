//! Node tree → [`Procedure`], with every error located.

use crate::checked::CheckedProcedure;
use crate::graph::{GraphError, StepGraph};
use crate::load::error::LoadErrorKind;
use crate::load::node::{Node, NodeKind};
use crate::load::reader::{Fields, Reader, index, join};
use crate::load::suggest::closest;
use crate::model::*;
use std::collections::HashSet;

pub(crate) const TOP_KEYS: &[&str] = &[
    "format",
    "code",
    "name",
    "sector",
    "level",
    "authority",
    "applicants",
    "channels",
    "deadline",
    "result",
    "legal_basis",
    "conditions",
    "fees",
    "volume",
    "sources",
    "documents",
    "steps",
];
const DOCUMENT_KEYS: &[&str] = &[
    "name",
    "form",
    "copies",
    "template",
    "issued_by",
    "held_in",
    "when",
    "effort",
];
const STEP_KEYS: &[&str] = &[
    "name", "actor", "submits", "uses", "produces", "effort", "duration", "next", "choice",
    "rework",
];
const EFFORT_KEYS: &[&str] = &["hours", "cost", "trips"];
const FEE_KEYS: &[&str] = &["name", "amount", "online_amount"];
const VOLUME_KEYS: &[&str] = &["cases_per_year", "subjects", "frequency"];
const REWORK_KEYS: &[&str] = &["to", "probability"];

const LEVELS: &[(&str, Level)] = &[
    ("central", Level::Central),
    ("province", Level::Province),
    ("commune", Level::Commune),
    ("district", Level::District),
];
const APPLICANTS: &[(&str, ApplicantKind)] = &[
    ("citizen", ApplicantKind::Citizen),
    ("business", ApplicantKind::Business),
    ("organization", ApplicantKind::Organization),
    ("organisation", ApplicantKind::Organization),
];
const CHANNELS: &[(&str, Channel)] = &[
    ("in_person", Channel::InPerson),
    ("online", Channel::Online),
    ("post", Channel::Post),
];
const FORMS: &[(&str, DocumentForm)] = &[
    ("original", DocumentForm::Original),
    ("copy", DocumentForm::Copy),
    ("certified_copy", DocumentForm::CertifiedCopy),
    ("electronic", DocumentForm::Electronic),
    ("presented", DocumentForm::Presented),
];

/// The largest count accepted for copies, trips, subjects and frequency.
const MAX_COUNT: u64 = 1_000_000_000_000;

pub(crate) fn procedure(r: &mut Reader<'_>, root: &Node) -> Option<CheckedProcedure> {
    let f = r.fields(root, "", TOP_KEYS)?;
    r.map.insert("", root.loc);

    // `format` is checked first: another format's keys would only confuse.
    if let Some(node) = r.required(&f, "format", "")
        && let Some(text) = r.text(node, "format")
        && text.trim() != "tthc/1"
    {
        r.error(
            "format",
            node.loc,
            LoadErrorKind::UnsupportedFormat { found: text },
        );
        return None;
    }
    let name = r.required(&f, "name", "").and_then(|n| r.text(n, "name"));
    let steps_node = r.required(&f, "steps", "");

    let code = r.opt_text(f.get("code"), "code");
    let sector = r.opt_text(f.get("sector"), "sector");
    let level = opt(&f, "level", |n| r.choice(n, "level", LEVELS));
    let authority = r.opt_text(f.get("authority"), "authority");
    let applicants = opt(&f, "applicants", |n| {
        r.choice_list(n, "applicants", APPLICANTS)
    });
    let channels = opt(&f, "channels", |n| r.choice_list(n, "channels", CHANNELS));
    let deadline = opt(&f, "deadline", |n| r.duration(n, "deadline"));
    let result = r.opt_text(f.get("result"), "result");
    let legal_basis = opt(&f, "legal_basis", |n| r.text_list(n, "legal_basis"));
    let conditions = opt(&f, "conditions", |n| r.text_list(n, "conditions"));
    let fees = opt(&f, "fees", |n| fees(r, n));
    let volume = opt(&f, "volume", |n| volume(r, n));
    let sources = opt(&f, "sources", |n| r.text_list(n, "sources")).unwrap_or_default();
    let documents = opt(&f, "documents", |n| documents(r, n)).unwrap_or_default();
    let steps = steps_node.and_then(|n| steps(r, n)).unwrap_or_default();

    let procedure = Procedure {
        code,
        name: name?,
        sector,
        level,
        authority,
        applicants,
        channels,
        deadline,
        result,
        legal_basis,
        conditions,
        fees,
        volume,
        sources,
        documents,
        steps,
        source_map: Default::default(),
    };
    check_references(r, &procedure);
    if !r.errors.is_empty() {
        return None;
    }
    let graph = check_graph(r, &procedure)?;
    Some(CheckedProcedure::from_parts(procedure, graph))
}

/// Applies `read` to the key's node when the key is present and not null.
fn opt<'n, T>(f: &Fields<'n>, key: &str, read: impl FnOnce(&'n Node) -> Option<T>) -> Option<T> {
    f.get(key)
        .filter(|n| !matches!(n.kind, NodeKind::Null))
        .and_then(read)
}

fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '.' | '[' | ']'))
}

/// The entries of a `documents` or `steps` mapping: (id, key node, value node).
fn id_entries<'n>(
    r: &mut Reader<'_>,
    node: &'n Node,
    path: &str,
) -> Vec<(String, &'n Node, &'n Node)> {
    r.map.insert(path, node.loc);
    let entries = match &node.kind {
        NodeKind::Map(entries) => entries,
        NodeKind::Null => return Vec::new(),
        _ => {
            r.error(
                path,
                node.loc,
                LoadErrorKind::WrongType {
                    expected: "a mapping from id to entry",
                    expected_vi: "một ánh xạ từ mã tới mục",
                    found: node.kind.describe(),
                },
            );
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let Some(id) = r.text(key, path) else {
            continue;
        };
        if !id_ok(&id) {
            r.error(&join(path, &id), key.loc, LoadErrorKind::BadId { id });
            continue;
        }
        r.map.insert(join(path, &id), key.loc);
        out.push((id, key, value));
    }
    out
}

fn effort(r: &mut Reader<'_>, node: &Node, path: &str) -> Option<Effort> {
    let f = r.fields(node, path, EFFORT_KEYS)?;
    r.map.insert(path, node.loc);
    let milli_hours = opt(&f, "hours", |n| r.milli(n, &join(path, "hours"))).unwrap_or(0);
    let cost = opt(&f, "cost", |n| r.money(n, &join(path, "cost"))).unwrap_or_default();
    let trips = opt(&f, "trips", |n| {
        r.count(n, &join(path, "trips"), u64::from(u32::MAX))
    })
    .and_then(|t| u32::try_from(t).ok())
    .unwrap_or(0);
    Some(Effort {
        milli_hours,
        cost,
        trips,
    })
}

fn fees(r: &mut Reader<'_>, node: &Node) -> Option<Vec<Fee>> {
    r.map.insert("fees", node.loc);
    let NodeKind::Seq(items) = &node.kind else {
        r.error(
            "fees",
            node.loc,
            LoadErrorKind::WrongType {
                expected: "a list of fees (write [] for none)",
                expected_vi: "một danh sách phí, lệ phí (ghi [] nếu không có)",
                found: node.kind.describe(),
            },
        );
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("fees", i);
        r.map.insert(&path, item.loc);
        let Some(f) = r.fields(item, &path, FEE_KEYS) else {
            continue;
        };
        let name = r
            .required(&f, "name", &path)
            .and_then(|n| r.text(n, &join(&path, "name")));
        let amount = r
            .required(&f, "amount", &path)
            .and_then(|n| r.money(n, &join(&path, "amount")));
        let online_amount = opt(&f, "online_amount", |n| {
            r.money(n, &join(&path, "online_amount"))
        });
        if let (Some(name), Some(amount)) = (name, amount) {
            out.push(Fee {
                name,
                amount,
                online_amount,
            });
        }
    }
    Some(out)
}

fn volume(r: &mut Reader<'_>, node: &Node) -> Option<Volume> {
    let f = r.fields(node, "volume", VOLUME_KEYS)?;
    r.map.insert("volume", node.loc);
    let cases = opt(&f, "cases_per_year", |n| {
        r.count(n, "volume.cases_per_year", MAX_COUNT)
    });
    let subjects = opt(&f, "subjects", |n| r.count(n, "volume.subjects", MAX_COUNT));
    let frequency = opt(&f, "frequency", |n| {
        r.count(n, "volume.frequency", MAX_COUNT)
    });
    match (cases, subjects, frequency) {
        (Some(c), None, None) => Some(Volume {
            subjects: c,
            frequency: 1,
        }),
        (None, Some(s), Some(fq)) => Some(Volume {
            subjects: s,
            frequency: fq,
        }),
        (None, Some(s), None) => Some(Volume {
            subjects: s,
            frequency: 1,
        }),
        _ if f.len() == 0
            || (cases.is_some() && (subjects.is_some() || frequency.is_some()))
            || (cases.is_none() && subjects.is_none() && frequency.is_some()) =>
        {
            r.error(
                "volume",
                node.loc,
                LoadErrorKind::Invalid {
                    en: "write either `cases_per_year: N` or `subjects: N` with `frequency: N` (times a year)".into(),
                    vi: "ghi `cases_per_year: N`, hoặc `subjects: N` cùng `frequency: N` (số lần một năm)".into(),
                },
            );
            None
        }
        _ => None,
    }
}

fn documents(r: &mut Reader<'_>, node: &Node) -> Option<Vec<Document>> {
    let entries = id_entries(r, node, "documents");
    let mut out = Vec::with_capacity(entries.len());
    for (id, _key, value) in entries {
        let path = join("documents", &id);
        let Some(f) = r.fields(value, &path, DOCUMENT_KEYS) else {
            continue;
        };
        let name = r
            .required(&f, "name", &path)
            .and_then(|n| r.text(n, &join(&path, "name")));
        let form = opt(&f, "form", |n| r.choice(n, &join(&path, "form"), FORMS))
            .unwrap_or(DocumentForm::Original);
        let copies = opt(&f, "copies", |n| {
            r.count(n, &join(&path, "copies"), 1_000_000)
        })
        .and_then(|c| u32::try_from(c).ok())
        .unwrap_or(1);
        let template = r.opt_text(f.get("template"), &join(&path, "template"));
        let issued_by = actor(r.opt_text(f.get("issued_by"), &join(&path, "issued_by")));
        let held_in = r.opt_text(f.get("held_in"), &join(&path, "held_in"));
        let when = r.opt_text(f.get("when"), &join(&path, "when"));
        let effort =
            opt(&f, "effort", |n| effort(r, n, &join(&path, "effort"))).unwrap_or_default();
        if let Some(name) = name {
            out.push(Document {
                id,
                name,
                form,
                copies,
                template,
                issued_by,
                held_in,
                when,
                effort,
            });
        }
    }
    Some(out)
}

fn actor(text: Option<String>) -> Actor {
    match text {
        None => Actor::Applicant,
        Some(t)
            if matches!(
                t.trim().to_lowercase().as_str(),
                "applicant" | "người nộp" | "tổ chức, cá nhân"
            ) =>
        {
            Actor::Applicant
        }
        Some(t) => Actor::Agency(t.trim().to_string()),
    }
}

fn steps(r: &mut Reader<'_>, node: &Node) -> Option<Vec<Step>> {
    let entries = id_entries(r, node, "steps");
    let mut out = Vec::with_capacity(entries.len());
    for (id, _key, value) in entries {
        let path = join("steps", &id);
        let Some(f) = r.fields(value, &path, STEP_KEYS) else {
            continue;
        };
        let name = r
            .required(&f, "name", &path)
            .and_then(|n| r.text(n, &join(&path, "name")));
        let actor_text = r
            .required(&f, "actor", &path)
            .and_then(|n| r.text(n, &join(&path, "actor")));
        let list = |r: &mut Reader<'_>, key: &str| {
            opt(&f, key, |n| r.text_list(n, &join(&path, key))).unwrap_or_default()
        };
        let submits = list(r, "submits");
        let uses = list(r, "uses");
        let produces = list(r, "produces");
        let next = list(r, "next");
        let choice = list(r, "choice");
        let effort =
            opt(&f, "effort", |n| effort(r, n, &join(&path, "effort"))).unwrap_or_default();
        let duration = opt(&f, "duration", |n| r.duration(n, &join(&path, "duration")));
        let rework = opt(&f, "rework", |n| rework(r, n, &join(&path, "rework")));
        if let (Some(name), Some(actor_text)) = (name, actor_text) {
            out.push(Step {
                id,
                name,
                actor: actor(Some(actor_text)),
                submits,
                uses,
                produces,
                effort,
                duration,
                next,
                choice,
                rework,
            });
        }
    }
    Some(out)
}

fn rework(r: &mut Reader<'_>, node: &Node, path: &str) -> Option<Rework> {
    let f = r.fields(node, path, REWORK_KEYS)?;
    r.map.insert(path, node.loc);
    let to = r
        .required(&f, "to", path)
        .and_then(|n| r.text(n, &join(path, "to")));
    let probability = r
        .required(&f, "probability", path)
        .and_then(|n| r.probability(n, &join(path, "probability")));
    Some(Rework {
        to: to?,
        probability_ppm: probability?,
    })
}

/// Every step and document id used must exist.
fn check_references(r: &mut Reader<'_>, p: &Procedure) {
    let step_ids: HashSet<&str> = p.steps.iter().map(|s| s.id.as_str()).collect();
    let doc_ids: HashSet<&str> = p.documents.iter().map(|d| d.id.as_str()).collect();
    for step in &p.steps {
        let base = join("steps", &step.id);
        for (key, list) in [("next", &step.next), ("choice", &step.choice)] {
            for (i, target) in list.iter().enumerate() {
                if !step_ids.contains(target.as_str()) {
                    let path = index(&join(&base, key), i);
                    let loc = r.map.locate(&path).unwrap_or_default();
                    let suggestion = closest(target, step_ids.iter().copied());
                    r.error(
                        &path,
                        loc,
                        LoadErrorKind::UnknownStep {
                            id: target.clone(),
                            suggestion,
                        },
                    );
                }
            }
        }
        if let Some(rw) = &step.rework
            && !step_ids.contains(rw.to.as_str())
        {
            let path = join(&base, "rework.to");
            let loc = r.map.locate(&path).unwrap_or_default();
            let suggestion = closest(&rw.to, step_ids.iter().copied());
            r.error(
                &path,
                loc,
                LoadErrorKind::UnknownStep {
                    id: rw.to.clone(),
                    suggestion,
                },
            );
        }
        for (key, list) in [
            ("submits", &step.submits),
            ("uses", &step.uses),
            ("produces", &step.produces),
        ] {
            for (i, doc) in list.iter().enumerate() {
                if !doc_ids.contains(doc.as_str()) {
                    let path = index(&join(&base, key), i);
                    let loc = r.map.locate(&path).unwrap_or_default();
                    let suggestion = closest(doc, doc_ids.iter().copied());
                    r.error(
                        &path,
                        loc,
                        LoadErrorKind::UnknownDocument {
                            id: doc.clone(),
                            suggestion,
                        },
                    );
                }
            }
        }
    }
}

/// `next`/`choice` must form a DAG: the graph, or a located cycle error.
fn check_graph(r: &mut Reader<'_>, p: &Procedure) -> Option<StepGraph> {
    let steps = match StepGraph::build(p) {
        Ok(graph) => return Some(graph),
        Err(GraphError::Cycle { steps }) => steps,
        // Unknown ids were reported by `check_references`.
        Err(_) => return None,
    };
    {
        let first = steps.first().cloned().unwrap_or_default();
        let second = steps.get(1).cloned().unwrap_or_default();
        // Point at the edge that closes the cycle from its first step.
        let element = p
            .step(&first)
            .and_then(|s| {
                s.next
                    .iter()
                    .position(|n| *n == second)
                    .map(|i| index(&join(&join("steps", &first), "next"), i))
                    .or_else(|| {
                        s.choice
                            .iter()
                            .position(|n| *n == second)
                            .map(|i| index(&join(&join("steps", &first), "choice"), i))
                    })
            })
            .unwrap_or_else(|| join("steps", &first));
        let loc = r.map.locate(&element).unwrap_or_default();
        r.error(&element, loc, LoadErrorKind::Cycle { steps });
    }
    None
}
