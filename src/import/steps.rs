//! The steps (`trinh_tu_thuc_hien`): `Bước N:` markers, else list items,
//! else one block; who acts and durations only where the text says them.

use super::model::{FieldName, ImportedStep, Note, Status, StepActor};
use super::scan::{
    char_at, char_before, digits_len, ends_with_ci, lower_prefix, squeeze, starts_with_ci,
};
use crate::i18n::Text;

/// Words that open a step done by the applicant.
const APPLICANT: [&str; 34] = [
    "cá nhân",
    "tổ chức",
    "công dân",
    "người nộp",
    "người đề nghị",
    "người yêu cầu",
    "người có yêu cầu",
    "người khai",
    "người lao động",
    "người dân",
    "người đăng ký",
    "người sử dụng",
    "người được",
    "người đứng đầu tổ chức",
    "doanh nghiệp",
    "nhà đầu tư",
    "chủ đầu tư",
    "chủ hàng",
    "chủ vật thể",
    "chủ cơ sở",
    "chủ giấy phép",
    "chủ phương tiện",
    "chủ tàu",
    "chủ dự án",
    "hộ kinh doanh",
    "thương nhân",
    "ngân hàng thương mại",
    "ngân hàng hợp tác xã",
    "công ty",
    "hợp tác xã",
    "đơn vị giao dịch",
    "đối tượng",
    "bên ",
    "tổ chức, cá nhân",
];

/// Words that open a step done by an agency.
const AGENCY: [&str; 37] = [
    "người thực hiện chứng thực",
    "công chứng viên",
    "cơ quan",
    "cán bộ",
    "công chức",
    "bộ phận",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "sở ",
    "cục ",
    "chi cục",
    "phòng ",
    "công an",
    "bộ ",
    "bộ trưởng",
    "ngân hàng nhà nước",
    "kho bạc",
    "ubcknn",
    "hải quan",
    "chi cục hải quan",
    "tòa án",
    "toà án",
    "chủ tịch",
    "thủ tướng",
    "văn phòng",
    "trung tâm phục vụ hành chính công",
    "ban quản lý",
    "vụ ",
    "hội đồng",
    "tổng cục",
    "bảo hiểm xã hội",
    "cảng vụ",
    "viên chức",
    "người có thẩm quyền",
    "người tiếp nhận",
    "thủ trưởng",
];

/// Who opens `text`, if its first words say it.
fn actor(text: &str) -> Option<(StepActor, String)> {
    let mut t = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '+' | '*' | '•' | '–')
    });
    let head = lower_prefix(t, 240);
    // `Trong thời hạn …, Sở …`, `Khi tiếp nhận …, cán bộ …`: the subject follows the clause.
    for opener in [
        "trong thời hạn",
        "trong vòng",
        "trong ",
        "sau khi",
        "khi ",
        "nếu ",
        "căn cứ",
        "sau ",
    ] {
        if head.starts_with(opener) {
            // The subject follows one of the clause's commas (`Trong thời
            // hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Sở …`): the
            // first comma within reach after which the words name an actor.
            let reach = t.char_indices().nth(240).map_or(t.len(), |(i, _)| i);
            let after = t[..reach]
                .match_indices(", ")
                .map(|(i, _)| &t[i + 2..])
                .find(|rest| opening_actor(rest).is_some());
            if let Some(rest) = after {
                t = rest;
            }
            break;
        }
    }
    opening_actor(t)
}

/// The actor named by the first words of `t`.
fn opening_actor(t: &str) -> Option<(StepActor, String)> {
    let head = lower_prefix(t, 64);
    let best = APPLICANT
        .iter()
        .map(|w| (StepActor::Applicant, *w))
        .chain(AGENCY.iter().map(|w| (StepActor::Agency, *w)))
        .filter(|(_, w)| head.starts_with(w))
        .max_by_key(|(_, w)| w.len())?;
    let chars = best.1.trim_end().chars().count();
    let end = t.char_indices().nth(chars).map_or(t.len(), |(i, _)| i);
    Some((best.0, t[..end].to_string()))
}

/// Durations the text states, as written (`trong thời hạn 03 ngày làm việc`).
fn durations(text: &str) -> Vec<String> {
    const UNITS: [&str; 5] = ["ngày làm việc", "ngày", "giờ làm việc", "giờ", "tháng"];
    const QUALIFIERS: [&str; 6] = [
        "trong thời hạn ",
        "trong vòng ",
        "không quá ",
        "tối đa ",
        "chậm nhất ",
        "trong ",
    ];
    let mut out = Vec::new();
    // One pass over the text; each check looks at a bounded window.
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        if !c.is_ascii_digit()
            || char_before(text, i).is_some_and(|p| p.is_ascii_digit() || p == '/' || p == '.')
        {
            i += c.len_utf8();
            continue;
        }
        let d = digits_len(&text[i..]);
        let mut j = i + d;
        let before = &text[..i];
        let ends = |w: &str| ends_with_ci(before, w).is_some();
        let is_date = text[j..].starts_with('/') || ends("ngày ") || ends("tháng ") || ends("năm ");
        // `10 (mười) ngày`
        if text[j..].starts_with(" (")
            && let Some(close) = text[j..].find(')')
            && close < 40
        {
            j += close + 1;
        }
        let unit = text[j..].strip_prefix(' ').and_then(|r| {
            UNITS
                .iter()
                .find_map(|u| starts_with_ci(r, u).map(|len| (*u, len)))
        });
        // `sau 15 giờ`, `trước 16 giờ`: a time of day, not a duration.
        let clock = unit.is_some_and(|(u, _)| u.starts_with("giờ"))
            && ["sau ", "trước ", "lúc ", "từ ", "đến "]
                .iter()
                .any(|w| ends(w));
        // `nhận hồ sơ trước 06 tháng` (six months ahead of retirement): a
        // lead time before an event, not how long the step takes.
        let lead = ends("trước ");
        if let (Some((_, len)), false, false, false) = (unit, is_date, clock, lead) {
            let end = j + 1 + len;
            let start = QUALIFIERS
                .iter()
                .find_map(|q| ends_with_ci(before, q))
                .map_or(i, |len| i - len);
            out.push(squeeze(&text[start..end]));
            i = end;
            continue;
        }
        i = j.max(i + 1);
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// A `Bước N` marker at `i`: its byte length (with `:`, `.`, `)` …).
fn step_marker(s: &str, i: usize) -> Option<usize> {
    let mut n = starts_with_ci(&s[i..], "bước")?;
    if char_before(s, i).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let rest = &s[i + n..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    n += spaces;
    let d = digits_len(&s[i + n..]);
    if d == 0 {
        return None;
    }
    n += d;
    if let Some(c) = char_at(s, i + n).filter(|c| matches!(c, ':' | '.' | ')' | '-' | '–')) {
        n += c.len_utf8();
    }
    Some(n)
}

/// A list marker at the start of `line`: its kind and byte length.
fn list_marker(line: &str) -> Option<(&'static str, usize)> {
    let t = line.trim_start_matches([' ', '\t', '\u{a0}']);
    let lead = line.len() - t.len();
    for (kind, m) in [
        ("-", "- "),
        ("-", "-\t"),
        ("+", "+ "),
        ("*", "* "),
        ("•", "•"),
    ] {
        if t.starts_with(m) {
            return Some((kind, lead + m.len()));
        }
    }
    // `a) `, `1. `, `1) `, `(1) `.
    let open = usize::from(t.starts_with('('));
    let d = digits_len(&t[open..]);
    let (kind, body) = if d > 0 {
        ("1", d)
    } else if t[open..].starts_with(|c: char| c.is_ascii_lowercase()) {
        ("a", 1)
    } else {
        return None;
    };
    let after = open + body;
    let close = char_at(t, after)?;
    if (close == ')' || (close == '.' && kind == "1"))
        && char_at(t, after + 1).is_some_and(char::is_whitespace)
    {
        return Some((kind, lead + after + 1));
    }
    None
}

fn step(marker: Option<&str>, text: &str) -> Option<ImportedStep> {
    let text = squeeze(text.trim());
    if text.is_empty() && marker.is_none() {
        return None;
    }
    // Who acts: the first words, or the first words after a short title line.
    let mut who = actor(&text);
    if who.is_none()
        && let Some(nl) = text.find('\n')
        && nl < 120
    {
        who = actor(&text[nl + 1..]);
    }
    if who.is_none()
        && let Some(colon) = text.find(':')
        && colon < 80
    {
        who = actor(&text[colon + 1..]);
    }
    let (actor_kind, actor_text) = match who {
        Some((k, t)) => (Some(k), Some(t)),
        None => (None, None),
    };
    Some(ImportedStep {
        marker: marker.map(|m| squeeze(m.trim())),
        durations: durations(&text),
        text,
        actor: actor_kind,
        actor_text,
    })
}

/// Reads the steps and their status.
pub(crate) fn read(text: &str, notes: &mut Vec<Note>) -> (Vec<ImportedStep>, Status) {
    let mut note = |vi: &str, en: &str| {
        notes.push(Note {
            field: FieldName::Steps,
            text: Text::new(vi, en),
        })
    };
    if text.trim().is_empty() || super::scan::is_not_given(text) {
        return (Vec::new(), Status::Missing);
    }
    let mut markers: Vec<(usize, usize)> = Vec::new();
    for (i, _) in text.char_indices() {
        if markers.last().is_some_and(|&(s, l)| i < s + l) {
            continue;
        }
        if let Some(len) = step_marker(text, i) {
            markers.push((i, len));
        }
    }
    let mut steps = Vec::new();
    if !markers.is_empty() {
        let lead = text[..markers[0].0]
            .trim()
            .trim_end_matches(['-', '+', '*'])
            .trim();
        if !lead.is_empty() {
            note(
                "văn bản trước «Bước 1» được giữ như một mục không đánh số",
                "the text before «Bước 1» is kept as an unnumbered item",
            );
            steps.extend(step(None, lead));
        }
        for (k, &(at, len)) in markers.iter().enumerate() {
            let end = markers.get(k + 1).map_or(text.len(), |m| m.0);
            let body = text[at + len..end]
                .trim_end()
                .trim_end_matches(['-', '+', '*']);
            steps.extend(step(Some(&text[at..at + len]), body));
        }
        let numbers: Vec<u64> = markers
            .iter()
            .filter_map(|&(at, len)| {
                let m = &text[at..at + len];
                let d: String = m.chars().filter(char::is_ascii_digit).collect();
                d.parse().ok()
            })
            .collect();
        let in_order = numbers.windows(2).all(|w| w[1] == w[0] + 1);
        if !in_order {
            note(
                "các bước không đánh số liên tục (có thể mỗi trường hợp một dãy bước); thứ tự giữ như văn bản",
                "the steps are not numbered in sequence (perhaps one series per case); the order is kept as written",
            );
        }
        let status = if lead.is_empty() && in_order {
            Status::Complete
        } else {
            Status::Partial
        };
        return (steps, status);
    }
    // List items at line starts, of the kind of the first marked line.
    let lines: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            v.push((at, line));
            at += line.len() + 1;
        }
        v
    };
    let kind = lines.iter().find_map(|(_, l)| list_marker(l).map(|m| m.0));
    if let Some(kind) = kind {
        let mut current: Option<(Option<String>, String)> = None;
        let mut lead = String::new();
        for (_, line) in &lines {
            match list_marker(line) {
                Some((k, len)) if k == kind => {
                    if let Some((m, t)) = current.take() {
                        steps.extend(step(m.as_deref(), &t));
                    }
                    current = Some((Some(line[..len].to_string()), line[len..].to_string()));
                }
                _ => match current.as_mut() {
                    Some((_, t)) => {
                        t.push('\n');
                        t.push_str(line);
                    }
                    None => {
                        lead.push_str(line);
                        lead.push('\n');
                    }
                },
            }
        }
        if let Some((m, t)) = current.take() {
            steps.extend(step(m.as_deref(), &t));
        }
        if !lead.trim().is_empty()
            && let Some(first) = step(None, &lead)
        {
            steps.insert(0, first);
        }
        note(
            "không có «Bước N»; các mục đầu dòng được coi là các bước, nhưng có thể là các trường hợp thay vì các bước nối tiếp",
            "no «Bước N»; list items are taken as steps, but they may be cases rather than successive steps",
        );
        return (steps, Status::Partial);
    }
    note(
        "không có «Bước N» hay mục đầu dòng; cả đoạn là một bước",
        "no «Bước N» and no list items; the whole text is one step",
    );
    steps.extend(step(None, text));
    (steps, Status::Partial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_time_is_not_a_duration() {
        // 2.001538: papers are received six months before retirement.
        let text = "Ngân hàng Nhà nước nhận hồ sơ trước 06 tháng đối với cán bộ chuẩn bị nghỉ hưu; trả lời trong 05 ngày làm việc.";
        assert_eq!(durations(text), vec!["trong 05 ngày làm việc"]);
    }

    #[test]
    fn numbered_steps_with_actors_and_durations() {
        let mut notes = Vec::new();
        let (s, status) = read(
            "Bước 1: Cá nhân, tổ chức chuẩn bị hồ sơ.\n Bước 2: Nộp hồ sơ\nNgười đề nghị nộp hồ sơ.\nBước 3: Khi tiếp nhận hồ sơ, cán bộ kiểm tra trong thời hạn 03 ngày làm việc kể từ ngày 01/7/2025.",
            &mut notes,
        );
        assert_eq!(status, Status::Complete);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].actor, Some(StepActor::Applicant));
        assert_eq!(s[0].actor_text.as_deref(), Some("Cá nhân"));
        assert_eq!(s[1].actor, Some(StepActor::Applicant));
        assert_eq!(s[2].actor, Some(StepActor::Agency));
        assert_eq!(s[2].durations, vec!["trong thời hạn 03 ngày làm việc"]);
        assert_eq!(s[1].durations, Vec::<String>::new());
    }

    #[test]
    fn list_items_and_no_actor() {
        let mut notes = Vec::new();
        let (s, status) = read(
            "- Hồ sơ được xem xét.\n+ chi tiết\n- Trong 10 (mười) ngày, Sở Tư pháp cấp.",
            &mut notes,
        );
        assert_eq!(status, Status::Partial);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].actor, None);
        assert!(s[0].text.contains("chi tiết"));
        assert_eq!(s[1].actor, Some(StepActor::Agency));
        assert_eq!(s[1].durations, vec!["Trong 10 (mười) ngày"]);
    }
}
