//! Node tree → [`Procedure`], with every error located.

use crate::checked::CheckedProcedure;
use crate::format;
use crate::graph::{GraphError, StepGraph};
use crate::load::error::LoadErrorKind;
use crate::load::node::{Node, NodeKind};
use crate::load::reader::{Fields, Reader, index, join};
use crate::load::suggest::closest;
use crate::model::*;
use std::collections::HashSet;

// Each enumeration accepts its English key and the Vietnamese words the
// records use; the English key comes first (it is what errors suggest).
pub(crate) const LEVELS: &[(&str, Level)] = &[
    ("central", Level::Central),
    ("province", Level::Province),
    ("commune", Level::Commune),
    ("district", Level::District),
    ("cấp bộ", Level::Central),
    ("trung ương", Level::Central),
    ("cấp trung ương", Level::Central),
    ("cấp tỉnh", Level::Province),
    ("tỉnh", Level::Province),
    ("cấp xã", Level::Commune),
    ("xã", Level::Commune),
    ("cấp huyện", Level::District),
    ("huyện", Level::District),
];
pub(crate) const APPLICANTS: &[(&str, ApplicantKind)] = &[
    ("citizen", ApplicantKind::Citizen),
    ("business", ApplicantKind::Business),
    ("organization", ApplicantKind::Organization),
    ("organisation", ApplicantKind::Organization),
    ("công dân", ApplicantKind::Citizen),
    ("cá nhân", ApplicantKind::Citizen),
    ("công dân việt nam", ApplicantKind::Citizen),
    ("doanh nghiệp", ApplicantKind::Business),
    ("tổ chức", ApplicantKind::Organization),
];
pub(crate) const CHANNELS: &[(&str, Channel)] = &[
    ("in_person", Channel::InPerson),
    ("online", Channel::Online),
    ("post", Channel::Post),
    ("trực tiếp", Channel::InPerson),
    ("trực tuyến", Channel::Online),
    ("bưu chính", Channel::Post),
    ("qua bưu chính", Channel::Post),
    ("dịch vụ bưu chính", Channel::Post),
    ("bưu chính công ích", Channel::Post),
];
pub(crate) const FORMS: &[(&str, DocumentForm)] = &[
    ("original", DocumentForm::Original),
    ("copy", DocumentForm::Copy),
    ("certified_copy", DocumentForm::CertifiedCopy),
    ("signature_certified", DocumentForm::SignatureCertified),
    ("electronic", DocumentForm::Electronic),
    ("presented", DocumentForm::Presented),
    ("bản chính", DocumentForm::Original),
    ("bản sao", DocumentForm::Copy),
    ("bản sao có chứng thực", DocumentForm::CertifiedCopy),
    ("bản sao chứng thực", DocumentForm::CertifiedCopy),
    ("chứng thực chữ ký", DocumentForm::SignatureCertified),
    ("bản điện tử", DocumentForm::Electronic),
    ("xuất trình", DocumentForm::Presented),
];

/// The largest count accepted for copies, trips, subjects and frequency.
const MAX_COUNT: u64 = 1_000_000_000_000;

pub(crate) fn procedure(r: &mut Reader<'_>, root: &Node) -> Option<CheckedProcedure> {
    let f = r.fields(root, "", &format::PROCEDURE)?;
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
    let channels = opt(&f, "channels", |n| channels(r, n));
    let cases = opt(&f, "cases", |n| cases(r, n)).unwrap_or_default();
    let deadline = opt(&f, "deadline", |n| deadline(r, n));
    let coordinating =
        opt(&f, "coordinating", |n| r.text_list(n, "coordinating")).unwrap_or_default();
    let learning = opt(&f, "learning", |n| effort(r, n, "learning"));
    let complexity = opt(&f, "complexity", |n| {
        r.choice(
            n,
            "complexity",
            crate::cost_basis::standard_times::Complexity::WORDS,
        )
    });
    let result = r.opt_text(f.get("result"), "result");
    let legal_basis = opt(&f, "legal_basis", |n| r.text_list(n, "legal_basis"));
    let conditions = opt(&f, "conditions", |n| r.text_list(n, "conditions"));
    let fees = opt(&f, "fees", |n| fees(r, n));
    let volume = opt(&f, "volume", |n| volume(r, n));
    let sources = opt(&f, "sources", |n| r.text_list(n, "sources")).unwrap_or_default();
    if let Some(n) = f.get("allow") {
        crate::suppress::read_allow(r, n, "");
    }
    let documents = opt(&f, "documents", |n| documents(r, n)).unwrap_or_default();
    let steps = steps_node.and_then(|n| steps(r, n)).unwrap_or_default();

    let (channels, channel_shares, main_channel) = match channels {
        Some((list, shares, main)) => (Some(list), shares, main),
        None => (None, Vec::new(), None),
    };
    let mut procedure = Procedure {
        code,
        name: name?,
        sector,
        level,
        authority,
        applicants,
        channels,
        deadline: None,
        deadlines: Deadlines::default(),
        coordinating,
        cases,
        main_channel,
        channel_shares,
        learning,
        complexity,
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
    if let Some((base, detail)) = deadline {
        // The headline deadline: the headline channel's, else the one given.
        let headline = detail.of_channel(procedure.headline_channel());
        procedure.deadline = headline
            .or(base)
            .or_else(|| detail.by_channel.first().map(|(_, d)| *d));
        procedure.deadlines = detail;
    }
    // Entries that exist but could not be read (a misspelt key, a missing
    // `actor:`) were reported already; references to them are not errors.
    let declared = |key: &str| -> HashSet<&str> {
        match f.get(key).map(|n| &n.kind) {
            Some(NodeKind::Map(entries)) => entries
                .iter()
                .filter_map(|(k, _)| match &k.kind {
                    NodeKind::Str(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect(),
            _ => HashSet::new(),
        }
    };
    check_references(r, &procedure, &declared("steps"), &declared("documents"));
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
    let f = r.fields(node, path, &format::EFFORT)?;
    r.map.insert(path, node.loc);
    let milli_hours = opt(&f, "hours", |n| r.milli(n, &join(path, "hours"))).unwrap_or(0);
    let cost = opt(&f, "cost", |n| r.money(n, &join(path, "cost"))).unwrap_or_default();
    let trips = opt(&f, "trips", |n| {
        r.count(n, &join(path, "trips"), u64::from(u32::MAX))
    })
    .and_then(|t| u32::try_from(t).ok())
    .unwrap_or(0);
    let people = opt(&f, "people", |n| r.count(n, &join(path, "people"), 10_000))
        .and_then(|p| u32::try_from(p).ok())
        .unwrap_or(1);
    Some(Effort {
        milli_hours,
        cost,
        trips,
        people,
    })
}

/// `held_in: <database>`, `held_in: { database, basis, inferred }`, or null
/// (none).
fn held_in(r: &mut Reader<'_>, node: &Node, path: &str) -> Option<HeldIn> {
    if !matches!(node.kind, NodeKind::Map(_)) {
        return r.opt_text(Some(node), path).map(HeldIn::stated);
    }
    let f = r.fields(node, path, &format::HELD_IN)?;
    r.map.insert(path, node.loc);
    let database = r
        .required(&f, "database", path)
        .and_then(|n| r.text(n, &join(path, "database")))?;
    let basis = r.opt_text(f.get("basis"), &join(path, "basis"));
    let inferred = opt(&f, "inferred", |n| r.boolean(n, &join(path, "inferred"))).unwrap_or(false);
    Some(HeldIn {
        database,
        basis,
        inferred,
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
        let Some(f) = r.fields(item, &path, &format::FEE) else {
            continue;
        };
        let name = r
            .required(&f, "name", &path)
            .and_then(|n| r.text(n, &join(&path, "name")));
        let amount = r
            .required(&f, "amount", &path)
            .and_then(|n| amount(r, n, &join(&path, "amount")));
        let online_amount = opt(&f, "online_amount", |n| {
            r.money(n, &join(&path, "online_amount"))
        });
        let case = r.opt_text(f.get("case"), &join(&path, "case"));
        let when = r.opt_text(f.get("when"), &join(&path, "when"));
        let exempt_when = r.opt_text(f.get("exempt_when"), &join(&path, "exempt_when"));
        if let (Some(name), Some((amount, by_channel))) = (name, amount) {
            out.push(Fee {
                name,
                amount,
                online_amount,
                by_channel,
                condition: Condition { case, when },
                exempt_when,
            });
        }
    }
    Some(out)
}

fn volume(r: &mut Reader<'_>, node: &Node) -> Option<Volume> {
    let f = r.fields(node, "volume", &format::VOLUME)?;
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
        let Some(f) = r.fields(value, &path, &format::DOCUMENT) else {
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
        let pages = opt(&f, "pages", |n| r.count(n, &join(&path, "pages"), 100_000))
            .and_then(|c| u32::try_from(c).ok());
        let template = r.opt_text(f.get("template"), &join(&path, "template"));
        let issued_by = actor(r.opt_text(f.get("issued_by"), &join(&path, "issued_by")));
        let held_in = f
            .get("held_in")
            .and_then(|n| held_in(r, n, &join(&path, "held_in")));
        let when = r.opt_text(f.get("when"), &join(&path, "when"));
        let case = r.opt_text(f.get("case"), &join(&path, "case"));
        let effort =
            opt(&f, "effort", |n| effort(r, n, &join(&path, "effort"))).unwrap_or_default();
        if let Some(n) = f.get("allow") {
            crate::suppress::read_allow(r, n, &path);
        }
        if let Some(name) = name {
            out.push(Document {
                id,
                name,
                form,
                copies,
                pages,
                template,
                issued_by,
                held_in,
                when,
                case,
                effort,
            });
        }
    }
    Some(out)
}

/// The words that name the applicant rather than an agency.
const APPLICANT_WORDS: &[&str] = &[
    "applicant",
    "người nộp",
    "người nộp hồ sơ",
    "người yêu cầu",
    "người đề nghị",
    "tổ chức, cá nhân",
    "cá nhân, tổ chức",
    "công dân",
    "cá nhân",
    "tổ chức",
    "doanh nghiệp",
];

fn actor(text: Option<String>) -> Actor {
    match text {
        None => Actor::Applicant,
        Some(t) if APPLICANT_WORDS.contains(&t.trim().to_lowercase().as_str()) => Actor::Applicant,
        Some(t) => Actor::Agency(t.trim().to_string()),
    }
}

/// The channels offered, the declared shares (ppm) and the main channel.
type ChannelsDecl = (Vec<Channel>, Vec<(Channel, u32)>, Option<Channel>);

/// `channels: [in_person, online]`, or a mapping channel → `{ share, main }`
/// (or null): the list, the declared shares (ppm) and the main channel.
fn channels(r: &mut Reader<'_>, node: &Node) -> Option<ChannelsDecl> {
    let NodeKind::Map(entries) = &node.kind else {
        return r
            .choice_list(node, "channels", CHANNELS)
            .map(|l| (l, Vec::new(), None));
    };
    r.map.insert("channels", node.loc);
    let (mut list, mut shares, mut main) = (Vec::new(), Vec::new(), None);
    for (key, value) in entries {
        let Some(channel) = r.choice(key, "channels", CHANNELS) else {
            continue;
        };
        let path = join("channels", &channel_key(channel));
        list.push(channel);
        if matches!(value.kind, NodeKind::Null) {
            continue;
        }
        let Some(f) = r.fields(value, &path, &format::CHANNEL) else {
            continue;
        };
        if let Some(n) = f.get("share")
            && let Some(p) = r.probability(n, &join(&path, "share"))
        {
            shares.push((channel, p));
        }
        if let Some(n) = f.get("main")
            && r.boolean(n, &join(&path, "main")) == Some(true)
        {
            main = Some(channel);
        }
    }
    Some((list, shares, main))
}

fn channel_key(c: Channel) -> String {
    CHANNELS
        .iter()
        .find(|(_, x)| *x == c)
        .map_or("in_person", |(k, _)| *k)
        .to_string()
}

/// `cases: { id: { name: …, share: 0.1 } }` (or `id: name`).
/// The most cases a procedure may declare. Each is measured on its own
/// (cost and time over the whole graph), so the count bounds that work;
/// real procedures have a handful.
const MAX_CASES: usize = 100;

fn cases(r: &mut Reader<'_>, node: &Node) -> Option<Vec<Case>> {
    let mut entries = id_entries(r, node, "cases");
    if entries.len() > MAX_CASES {
        r.error(
            "cases",
            node.loc,
            LoadErrorKind::Invalid {
                en: format!(
                    "{} cases are declared, at most {MAX_CASES} are supported: merge the cases that differ in nothing the procedure charges or times",
                    entries.len()
                ),
                vi: format!(
                    "khai báo {} trường hợp, tối đa {MAX_CASES}: gộp các trường hợp không khác nhau về phí, giấy tờ, bước hay thời hạn",
                    entries.len()
                ),
            },
        );
        entries.truncate(MAX_CASES);
    }
    let mut out = Vec::with_capacity(entries.len());
    for (id, _key, value) in entries {
        let path = join("cases", &id);
        if let NodeKind::Str(name) = &value.kind {
            r.map.insert(&path, value.loc);
            out.push(Case {
                id,
                name: name.clone(),
                share_ppm: None,
            });
            continue;
        }
        let Some(f) = r.fields(value, &path, &format::CASE) else {
            continue;
        };
        let name = r
            .required(&f, "name", &path)
            .and_then(|n| r.text(n, &join(&path, "name")));
        let share_ppm = f
            .get("share")
            .and_then(|n| r.probability(n, &join(&path, "share")));
        if let Some(name) = name {
            out.push(Case {
                id,
                name,
                share_ppm,
            });
        }
    }
    // The shares are of one dossier population: together at most 100%.
    let total: u64 = out.iter().filter_map(|c| c.share_ppm).map(u64::from).sum();
    if total > 1_000_000 {
        let percent = crate::metrics::milli_text(u128::from(total / 10));
        r.error(
            "cases",
            node.loc,
            LoadErrorKind::Invalid {
                en: format!("the shares of the cases add up to {percent}%, more than 100%: each `share` is the part of all dossiers in that case (the rest is the base case)"),
                vi: format!("tỷ lệ của các trường hợp cộng lại là {}%, quá 100%: mỗi `share` là phần hồ sơ thuộc trường hợp đó (phần còn lại là trường hợp cơ bản)", percent.replace('.', ",")),
            },
        );
    }
    Some(out)
}

/// A deadline: published wording (`không quá 05 ngày làm việc kể từ …`), a
/// mapping by channel, or `{ duration, from, cases, <channel>: … }`.
fn deadline(r: &mut Reader<'_>, node: &Node) -> Option<(Option<Duration>, Deadlines)> {
    r.map.insert("deadline", node.loc);
    let mut detail = Deadlines::default();
    if !matches!(node.kind, NodeKind::Map(_)) {
        let (d, from) = r.published_duration(node, "deadline")?;
        detail.from = from;
        return Some((Some(d), detail));
    }
    let f = r.fields(node, "deadline", &format::DEADLINE)?;
    let mut base = None;
    if let Some(n) = f.get("duration")
        && let Some((d, from)) = r.published_duration(n, "deadline.duration")
    {
        base = Some(d);
        detail.from = from;
    }
    for channel in Channel::ALL {
        let key = channel.key();
        if let Some(n) = f.get(key)
            && let Some((d, from)) = r.published_duration(n, &join("deadline", key))
        {
            detail.by_channel.push((channel, d));
            if detail.from.is_none() {
                detail.from = from;
            }
        }
    }
    if let Some(n) = f.get("from") {
        detail.from = r.text(n, "deadline.from");
    }
    if let Some(n) = f.get("cases") {
        for (id, _k, v) in id_entries(r, n, "deadline.cases") {
            let path = join("deadline.cases", &id);
            if let Some((d, _)) = r.published_duration(v, &path) {
                detail.by_case.push((id, d));
            }
        }
    }
    // A `duration:` or channel key that is there but unreadable was
    // reported already.
    let given = ["duration", "in_person", "online", "post"]
        .iter()
        .any(|k| f.get(k).is_some());
    if base.is_none() && detail.by_channel.is_empty() && !given {
        r.error(
            "deadline",
            node.loc,
            LoadErrorKind::Invalid {
                en: "a deadline mapping needs `duration:` or a deadline per channel (`in_person:`, `online:`, `post:`)".into(),
                vi: "thời hạn dạng ánh xạ cần `duration:` hoặc thời hạn theo từng cách thức (`in_person:`, `online:`, `post:`)".into(),
            },
        );
        return None;
    }
    Some((base, detail))
}

/// An amount: whole đồng, or a mapping by channel. The headline amount is
/// the in-person one, else the first given.
fn amount(r: &mut Reader<'_>, node: &Node, path: &str) -> Option<(Money, Vec<(Channel, Money)>)> {
    let NodeKind::Map(entries) = &node.kind else {
        return r.money(node, path).map(|m| (m, Vec::new()));
    };
    r.map.insert(path, node.loc);
    let mut by_channel = Vec::new();
    for (key, value) in entries {
        let Some(channel) = r.choice(key, path, CHANNELS) else {
            continue;
        };
        if let Some(m) = r.money(value, &join(path, &channel_key(channel))) {
            by_channel.push((channel, m));
        }
    }
    let headline = by_channel
        .iter()
        .find(|(c, _)| *c == Channel::InPerson)
        .or(by_channel.first())
        .map(|(_, m)| *m)?;
    Some((headline, by_channel))
}

fn steps(r: &mut Reader<'_>, node: &Node) -> Option<Vec<Step>> {
    let entries = id_entries(r, node, "steps");
    let mut out = Vec::with_capacity(entries.len());
    for (id, _key, value) in entries {
        let path = join("steps", &id);
        let Some(f) = r.fields(value, &path, &format::STEP) else {
            continue;
        };
        let name = r
            .required(&f, "name", &path)
            .and_then(|n| r.text(n, &join(&path, "name")));
        // One actor, or several agencies doing the step together.
        let actor_list = r.required(&f, "actor", &path).and_then(|n| match n.kind {
            NodeKind::Seq(_) => joint_actors(r, n, &join(&path, "actor")),
            _ => r.text(n, &join(&path, "actor")).map(|t| vec![t]),
        });
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
        let staff_milli_hours = opt(&f, "staff_hours", |n| {
            r.milli(n, &join(&path, "staff_hours"))
        });
        let case = r.opt_text(f.get("case"), &join(&path, "case"));
        let when = r.opt_text(f.get("when"), &join(&path, "when"));
        if let Some(n) = f.get("allow") {
            crate::suppress::read_allow(r, n, &path);
        }
        if let (Some(name), Some(mut actors)) = (name, actor_list) {
            let lead = if actors.is_empty() {
                None
            } else {
                Some(actors.remove(0))
            };
            out.push(Step {
                id,
                name,
                actor: actor(lead),
                joint: actors,
                submits,
                uses,
                produces,
                effort,
                duration,
                next,
                choice,
                rework,
                staff_milli_hours,
                condition: Condition { case, when },
            });
        }
    }
    Some(out)
}

/// `actor: [A, B]`: two or more agencies, none of them the applicant.
fn joint_actors(r: &mut Reader<'_>, node: &Node, path: &str) -> Option<Vec<String>> {
    let list = r.text_list(node, path)?;
    let names: Vec<String> = list.iter().map(|t| t.trim().to_string()).collect();
    let applicant = names
        .iter()
        .position(|t| APPLICANT_WORDS.contains(&t.to_lowercase().as_str()));
    if names.len() < 2 || applicant.is_some() {
        let (en, vi) = if names.len() < 2 {
            (
                "a list of actors is joint work of two or more agencies: write one actor as `actor: <agency>`".to_string(),
                "danh sách cơ quan thực hiện là việc làm chung của từ hai cơ quan trở lên: một cơ quan thì ghi `actor: <cơ quan>`".to_string(),
            )
        } else {
            (
                "the applicant cannot do a step jointly with agencies: make the applicant's part its own step (`actor: applicant`)".to_string(),
                "người nộp không thể cùng làm một bước với cơ quan: tách phần việc của người nộp thành bước riêng (`actor: applicant`)".to_string(),
            )
        };
        let at = applicant.map_or(path.to_string(), |i| index(path, i));
        let loc = r.map.locate(&at).unwrap_or(node.loc);
        r.error(&at, loc, LoadErrorKind::Invalid { en, vi });
        // The step is kept (the file is refused anyway), so that its id
        // raises no further "unknown step" errors.
    }
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    Some(out)
}

fn rework(r: &mut Reader<'_>, node: &Node, path: &str) -> Option<Rework> {
    let f = r.fields(node, path, &format::REWORK)?;
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

/// Every `case:` must name a declared case (`cases:`).
fn check_cases(r: &mut Reader<'_>, p: &Procedure) {
    let ids: HashSet<&str> = p.cases.iter().map(|c| c.id.as_str()).collect();
    let mut used: Vec<(String, &str)> = Vec::new();
    for d in &p.documents {
        if let Some(c) = &d.case {
            used.push((join(&join("documents", &d.id), "case"), c));
        }
    }
    for s in &p.steps {
        if let Some(c) = &s.condition.case {
            used.push((join(&join("steps", &s.id), "case"), c));
        }
    }
    for (i, f) in p.fees.iter().flatten().enumerate() {
        if let Some(c) = &f.condition.case {
            used.push((join(&index("fees", i), "case"), c));
        }
    }
    for (c, _) in &p.deadlines.by_case {
        used.push((join("deadline.cases", c), c));
    }
    let mut budget = crate::load::suggest::MAX_SUGGESTIONS;
    for (path, case) in used {
        if ids.contains(case) {
            continue;
        }
        let loc = r.map.locate(&path).unwrap_or_default();
        let suggestion = (budget > 0)
            .then(|| {
                budget -= 1;
                closest(case, p.cases.iter().map(|c| c.id.as_str()))
            })
            .flatten();
        let (hint_en, hint_vi) = match &suggestion {
            Some(s) => (
                format!(" (did you mean `{s}`?)"),
                format!(" (có phải `{s}`?)"),
            ),
            None if ids.is_empty() => (
                ": declare it under `cases:` (`cases: { id: name }`)".to_string(),
                ": khai báo nó trong `cases:` (`cases: { mã: tên }`)".to_string(),
            ),
            None => (String::new(), String::new()),
        };
        r.error(
            &path,
            loc,
            LoadErrorKind::Invalid {
                en: format!("unknown case `{case}`{hint_en}"),
                vi: format!("không có trường hợp `{case}`{hint_vi}"),
            },
        );
    }
}

/// Every step and document id used must be declared (`step_ids`,
/// `doc_ids`: the ids under `steps` and `documents`, read or not).
fn check_references(
    r: &mut Reader<'_>,
    p: &Procedure,
    step_ids: &HashSet<&str>,
    doc_ids: &HashSet<&str>,
) {
    check_cases(r, p);
    // Suggestions in file order (deterministic), for the first
    // MAX_SUGGESTIONS unknown references only.
    let mut budget = crate::load::suggest::MAX_SUGGESTIONS;
    let mut suggest = |word: &str, ids: &mut dyn Iterator<Item = &str>| {
        if budget == 0 {
            return None;
        }
        budget -= 1;
        closest(word, ids)
    };
    let steps_in_order = || p.steps.iter().map(|s| s.id.as_str());
    let docs_in_order = || p.documents.iter().map(|d| d.id.as_str());
    for step in &p.steps {
        let base = join("steps", &step.id);
        for (key, list) in [("next", &step.next), ("choice", &step.choice)] {
            for (i, target) in list.iter().enumerate() {
                if !step_ids.contains(target.as_str()) {
                    let path = index(&join(&base, key), i);
                    let loc = r.map.locate(&path).unwrap_or_default();
                    let suggestion = suggest(target, &mut steps_in_order());
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
            let suggestion = suggest(&rw.to, &mut steps_in_order());
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
                    let suggestion = suggest(doc, &mut docs_in_order());
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
