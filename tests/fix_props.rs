//! Property tests for fixes and suppressions: applying edits matches a
//! simple model and never panics; dropping state-held documents from lists
//! of any shape leaves exactly the others; a suppression keeps any reason
//! as written; mutated files with comments never make the analysis panic.

use proptest::prelude::*;
use tthc::fix::Applicability;
use tthc::fix::{apply_all, fix_text};
use tthc::rules::{Preset, ReviewOptions};
use tthc::{Analysis, Edit, Fix, Settings, Text};

fn settings() -> Settings {
    Settings::default().with_review(ReviewOptions::preset(Preset::All))
}

/// The model: edits sorted and applied from the end; `None` when two
/// overlap or one does not fit.
fn model(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted = edits.to_vec();
    sorted.sort_by_key(|e| (e.start, e.end));
    for w in sorted.windows(2) {
        if w[1].start < w[0].end
            || (w[1].start == w[0].start && w[0].start == w[0].end && w[1].start == w[1].end)
        {
            return None;
        }
    }
    let mut out = text.to_string();
    for e in sorted.iter().rev() {
        if e.start > e.end
            || e.end > out.len()
            || !out.is_char_boundary(e.start)
            || !out.is_char_boundary(e.end)
        {
            return None;
        }
        out.replace_range(e.start..e.end, &e.replacement);
    }
    Some(out)
}

/// A procedure with documents `d0…dn`, those in `held` held by a
/// database, all submitted by step `a` in a flow or a block list.
fn dossier(n: usize, held: &[bool], block: bool) -> String {
    let mut s =
        String::from("format: tthc/1\nname: X\nlegal_basis: [Luật X]\nfees: []\ndocuments:\n");
    for i in 0..n {
        s.push_str(&format!("  d{i}: {{ name: Giấy {i}, form: copy"));
        if held.get(i).copied().unwrap_or(false) {
            s.push_str(", held_in: Cơ sở dữ liệu");
        }
        s.push_str(" }\n");
    }
    s.push_str("steps:\n  a:\n    name: Nộp\n    actor: applicant\n    submits:");
    let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    if block {
        for id in &ids {
            s.push_str(&format!("\n      - {id}"));
        }
        s.push('\n');
    } else {
        s.push_str(&format!(" [{}]\n", ids.join(", ")));
    }
    s.push_str("    next: [b]\n  b: { name: Xử lý, actor: Sở X, duration: 1 ngày làm việc }\n");
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn apply_matches_the_model(
        text in "[a-zộđ \n]{0,40}",
        edits in proptest::collection::vec((0usize..50, 0usize..6, "[xy]{0,3}"), 0..5),
    ) {
        let edits: Vec<Edit> = edits
            .into_iter()
            .map(|(start, len, r)| Edit::new(start, start + len, r))
            .collect();
        let fix = Fix::new(Text::new("vi", "en"), edits.clone());
        prop_assert_eq!(fix.apply(&text).ok(), model(&text, &edits));
        // Applying edits one fix each never panics and counts every fix.
        let fixes: Vec<Fix> = edits
            .iter()
            .map(|e| Fix::new(Text::new("vi", "en"), vec![e.clone()]))
            .collect();
        let out = apply_all(&text, &fixes);
        prop_assert_eq!(out.applied + out.skipped, fixes.len());
        // The text is what a greedy model gives: each fix taken in order
        // when it is valid and touches none taken before (an identical edit
        // is merged, which leaves the same text). Ranges clash when they
        // overlap, and two insertions at one point clash (no order); an
        // insertion at the start of a range goes before it, either way round.
        let mut taken: Vec<Edit> = Vec::new();
        for e in &edits {
            if taken.contains(e) {
                continue;
            }
            let valid = model(&text, std::slice::from_ref(e)).is_some();
            let clashes = taken.iter().any(|t| {
                (t.start < e.end && e.start < t.end)
                    || (t.start == e.start && t.start == t.end && e.start == e.end)
            });
            if valid && !clashes {
                taken.push(e.clone());
            }
        }
        prop_assert_eq!(Some(out.text), model(&text, &taken));
    }

    #[test]
    fn dropping_held_documents_leaves_exactly_the_others(
        held in proptest::collection::vec(any::<bool>(), 1..7),
        block in any::<bool>(),
    ) {
        let n = held.len();
        let text = dossier(n, &held, block);
        let out = fix_text(&text, "p.yaml", &settings(), Applicability::ChangesMeaning);
        let a = out.outcome.map_err(|e| TestCaseError::fail(format!("{e:?}\n{}", out.text)))?;
        prop_assert!(a.findings().iter().all(|f| f.code != "TT303"), "{}", out.text);
        let left = &a.procedure().steps[0].submits;
        let expected: Vec<String> = (0..n).filter(|&i| !held[i]).map(|i| format!("d{i}")).collect();
        prop_assert_eq!(left, &expected, "{}", out.text);
    }

    #[test]
    fn a_suppression_keeps_its_reason_as_written(reason in "[^\n\r\u{0}-\u{1f}\u{7f}-\u{9f}\u{2028}\u{2029}\u{feff}]{1,40}") {
        prop_assume!(!reason.trim().is_empty());
        let text = dossier(1, &[true], false)
            .replace("  d0: {", &format!("  # tthc: allow TT303 — {reason}\n  d0: {{"));
        let a = Analysis::from_yaml_str(&text, "p.yaml", &settings())
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(a.suppressed().len(), 1, "{}", text);
        prop_assert_eq!(&a.suppressed()[0].reason, reason.trim());
        prop_assert!(a.findings().iter().all(|f| f.code != "TT303" && f.code != "TT006" && f.code != "TT007"));
    }

    #[test]
    fn mutated_files_with_comments_never_panic(
        edits in proptest::collection::vec((0usize..2000, 0u8..4, prop::sample::select(vec!['#', '"', '\'', '|', '>', ' ', '\n', ':', '-', '—', 'T'])), 1..10)
    ) {
        let base = dossier(3, &[true, false, true], true)
            .replace("  d0: {", "  # tthc: allow TT303 — lý do\n  d0: {")
            .replace("name: X\n", "name: \"X # q\" # tthc: bỏ qua TT002 — x\n");
        let mut text: Vec<char> = base.chars().collect();
        for (pos, op, ch) in edits {
            if text.is_empty() { break; }
            let at = pos % text.len();
            match op {
                0 => { text.remove(at); }
                1 => text.insert(at, ch),
                _ => text[at] = ch,
            }
        }
        let text: String = text.into_iter().collect();
        let _ = fix_text(&text, "m.yaml", &settings(), Applicability::ChangesMeaning);
    }
}
