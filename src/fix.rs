//! Fixes: the mechanical change that resolves a finding or a load error,
//! as edits of the file's text.
//!
//! A [`Fix`] is plain data (serializable), computed from the source text the
//! procedure was loaded from, so an editor can offer it as a code action and
//! `tthc check --fix` can apply it. Offsets are byte offsets into that text.
//!
//! ```
//! use tthc::{Edit, Fix, Text};
//! let fix = Fix {
//!     title: Text::new("đổi thành `copy`", "change to `copy`"),
//!     edits: vec![Edit { start: 6, end: 20, replacement: "copy".into() }],
//!     applicability: tthc::fix::Applicability::ChangesMeaning,
//! };
//! assert_eq!(fix.apply("form: certified_copy\n")?, "form: copy\n");
//! # Ok::<(), tthc::FixError>(())
//! ```

use crate::i18n::{Lang, Text};
use crate::source_map::Location;
use serde::{Deserialize, Serialize};

/// One replacement of the byte range `start..end` of the source text
/// (`start == end` inserts).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    /// Byte offset where the replaced range starts.
    pub start: usize,
    /// Byte offset just after the replaced range.
    pub end: usize,
    /// The text put in its place.
    pub replacement: String,
}

impl Edit {
    /// Replaces `start..end` by `replacement`.
    pub fn new(start: usize, end: usize, replacement: impl Into<String>) -> Edit {
        Edit {
            start,
            end,
            replacement: replacement.into(),
        }
    }

    /// Inserts `text` at `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit::new(at, at, text)
    }

    fn is_insertion(&self) -> bool {
        self.start == self.end
    }
}

/// Whether applying a fix keeps what the procedure says (as ruff's safe and
/// unsafe fixes): `tthc check --fix` applies only [`Applicability::Safe`]
/// fixes unless asked for the others with `--unsafe-fixes`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Changes only how the file is written (a key's spelling, a number's
    /// quoting), never what the procedure requires or charges.
    #[default]
    Safe,
    /// Changes what the procedure says — declares that no fee is charged,
    /// asks for a plain copy instead of a certified one, drops a paper from
    /// the dossier. Right when the finding is right, but the drafter must
    /// decide: a file's silence may be an omission, and a requirement may
    /// have a basis the rule cannot see.
    ChangesMeaning,
}

fn changes_meaning() -> Applicability {
    Applicability::ChangesMeaning
}

/// A mechanical change that resolves a finding or a load error: what it
/// does (in both languages), the text edits that do it, and whether it
/// keeps the procedure's meaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the fix does (`đổi thành `copy`` / `change to `copy``).
    pub title: Text,
    /// The edits, in any order; they never overlap.
    pub edits: Vec<Edit>,
    /// Whether it keeps what the procedure says. A fix read without it
    /// (older JSON, an editor's data) is taken as changing the meaning, so
    /// that it is never applied unasked.
    #[serde(default = "changes_meaning")]
    pub applicability: Applicability,
}

/// Why a fix could not be applied to a text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FixError {
    /// An edit reaches outside the text, or does not start and end on a
    /// character boundary.
    #[error("edit {start}..{end} does not fit a text of {len} bytes")]
    OutOfRange {
        /// Start of the edit.
        start: usize,
        /// End of the edit.
        end: usize,
        /// Length of the text.
        len: usize,
    },
    /// Two edits change the same bytes (or insert at the same place).
    #[error("edits {first_start}..{first_end} and {second_start}..{second_end} overlap")]
    Overlap {
        /// Start of the first edit.
        first_start: usize,
        /// End of the first edit.
        first_end: usize,
        /// Start of the second edit.
        second_start: usize,
        /// End of the second edit.
        second_end: usize,
    },
}

impl FixError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FixError::OutOfRange { .. }, Lang::Vi) => {
                "bản sửa không khớp với nội dung tệp (tệp đã thay đổi?)".into()
            }
            (FixError::Overlap { .. }, Lang::Vi) => "các chỗ sửa chồng lên nhau".into(),
            (e, Lang::En) => e.to_string(),
        }
    }
}

impl Fix {
    /// A [safe](Applicability::Safe) fix made of `edits`.
    pub fn new(title: Text, edits: Vec<Edit>) -> Fix {
        Fix {
            title,
            edits,
            applicability: Applicability::Safe,
        }
    }

    /// A [safe](Applicability::Safe) fix with one edit.
    pub fn one(vi: impl Into<String>, en: impl Into<String>, edit: Edit) -> Fix {
        Fix::new(Text::new(vi, en), vec![edit])
    }

    /// The same fix, marked as [changing what the procedure
    /// says](Applicability::ChangesMeaning).
    pub fn changing_meaning(self) -> Fix {
        Fix {
            applicability: Applicability::ChangesMeaning,
            ..self
        }
    }

    /// Whether it keeps what the procedure says.
    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }

    /// The edits sorted by position, checked against `text`: inside it, on
    /// character boundaries and not overlapping.
    fn checked_edits(&self, text: &str) -> Result<Vec<&Edit>, FixError> {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|e| (e.start, e.end));
        for e in &edits {
            if e.start > e.end
                || e.end > text.len()
                || !text.is_char_boundary(e.start)
                || !text.is_char_boundary(e.end)
            {
                return Err(FixError::OutOfRange {
                    start: e.start,
                    end: e.end,
                    len: text.len(),
                });
            }
        }
        for pair in edits.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.start < a.end || (b.start == a.start && a.is_insertion() && b.is_insertion()) {
                return Err(FixError::Overlap {
                    first_start: a.start,
                    first_end: a.end,
                    second_start: b.start,
                    second_end: b.end,
                });
            }
        }
        Ok(edits)
    }

    /// `text` with every edit applied; refuses edits outside the text, off
    /// a character boundary, or overlapping each other.
    pub fn apply(&self, text: &str) -> Result<String, FixError> {
        let edits = self.checked_edits(text)?;
        Ok(splice(text, &edits))
    }
}

fn splice(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

/// What [`apply_all`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The text with the applied fixes.
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// How many were left out because they overlap an applied one or do
    /// not fit the text (apply them to the new text's own fixes).
    pub skipped: usize,
}

/// Applies as many of `fixes` as can go together, in the order given: a
/// fix whose edits overlap those of a fix already taken (or do not fit the
/// text) is skipped; an edit identical to one already taken counts as done.
/// Sorting makes it O(E log E) in the number of edits.
pub fn apply_all<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Applied {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    apply_all_tracked(text, fixes.iter().copied(), &mut Vec::new())
}

/// [`apply_all`], pushing the index of each fix applied onto `taken_fixes`.
fn apply_all_tracked<'a>(
    text: &str,
    fixes: impl IntoIterator<Item = &'a Fix>,
    taken_fixes: &mut Vec<usize>,
) -> Applied {
    let mut taken: Vec<&Edit> = Vec::new();
    // Ranges taken so far, kept sorted by start, for overlap checks.
    let mut ranges: std::collections::BTreeMap<(usize, usize), &Edit> = Default::default();
    let (mut applied, mut skipped) = (0, 0);
    for (index, fix) in fixes.into_iter().enumerate() {
        let Ok(edits) = fix.checked_edits(text) else {
            skipped += 1;
            continue;
        };
        let fresh: Vec<&Edit> = edits
            .into_iter()
            .filter(|e| ranges.get(&(e.start, e.end)) != Some(e))
            .collect();
        let clashes = fresh.iter().any(|e| {
            // The nearest taken range starting at or before e, and the one after.
            let before = ranges.range(..=(e.start, usize::MAX)).next_back();
            let after = ranges.range((e.start, usize::MAX)..).next();
            // An insertion at the start of a taken range goes before it;
            // two insertions at one point have no order.
            (e.is_insertion() && ranges.contains_key(&(e.start, e.start)))
                || before.is_some_and(|(&(s, end), _)| {
                    end > e.start && !(s == e.start && e.is_insertion())
                })
                || after.is_some_and(|(&(s, _), _)| s < e.end)
        });
        if clashes {
            skipped += 1;
            continue;
        }
        for e in fresh {
            ranges.insert((e.start, e.end), e);
            taken.push(e);
        }
        taken_fixes.push(index);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.start, e.end));
    Applied {
        text: splice(text, &taken),
        applied,
        skipped,
    }
}

/// What [`fix_text`] did to a procedure's text.
#[derive(Clone, Debug)]
pub struct Fixed {
    /// The text with every fix applied.
    pub text: String,
    /// The titles of the fixes applied, in order.
    pub applied: Vec<Text>,
    /// How many fixes the fixed text still offers that were left out
    /// because they change what the procedure says.
    pub withheld: usize,
    /// The text's analysis, or why it still does not load.
    pub outcome: Result<crate::Analysis, crate::LoadErrors>,
}

impl Fixed {
    /// Whether the fixed text loads.
    pub fn loads(&self) -> bool {
        self.outcome.is_ok()
    }
}

/// The most rounds [`fix_text`] runs: a fix may make another one possible
/// (two items dropped from one list), never more than a few times over.
pub const MAX_FIX_ROUNDS: usize = 8;

/// Applies every available fix up to `upto` to `text` (of the load errors
/// while it does not load, then of the findings): with
/// [`Applicability::Safe`] only the fixes that keep the procedure's meaning,
/// with [`Applicability::ChangesMeaning`] all. In rounds: the fixes that go
/// together are applied, the text is loaded and analysed again, and the
/// next round applies what the new text offers, until nothing is left to
/// apply (at most [`MAX_FIX_ROUNDS`] rounds, each one load and analysis).
/// The fixes left out are counted in [`Fixed::withheld`].
pub fn fix_text(
    text: &str,
    origin: &str,
    settings: &crate::Settings,
    upto: Applicability,
) -> Fixed {
    let mut current = text.to_string();
    let mut applied = Vec::new();
    let mut outcome = crate::Analysis::from_yaml_str(&current, origin, settings);
    for _ in 0..MAX_FIX_ROUNDS {
        let available: Vec<Fix> = match &outcome {
            Ok(a) => a.findings().iter().filter_map(|f| f.fix.clone()).collect(),
            Err(e) => e.errors.iter().filter_map(|e| e.fix(&current)).collect(),
        };
        let fixes: Vec<Fix> = available
            .into_iter()
            .filter(|f| f.applicability <= upto)
            .collect();
        let mut taken = Vec::new();
        let out = apply_all_tracked(&current, &fixes, &mut taken);
        if out.applied == 0 || out.text == current {
            break;
        }
        applied.extend(taken.into_iter().map(|i| fixes[i].title.clone()));
        current = out.text;
        outcome = crate::Analysis::from_yaml_str(&current, origin, settings);
    }
    // Counted on the text as it ends (the last round may have changed it).
    let withheld = match &outcome {
        Ok(a) => a
            .findings()
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .filter(|f| f.applicability > upto)
            .count(),
        Err(e) => e
            .errors
            .iter()
            .filter_map(|e| e.fix(&current))
            .filter(|f| f.applicability > upto)
            .count(),
    };
    Fixed {
        text: current,
        applied,
        withheld,
        outcome,
    }
}

/// The byte range of a located node in `text`, when the location has one
/// and it fits.
pub(crate) fn span(text: &str, loc: Location) -> Option<(usize, usize)> {
    let start = loc.byte_offset?;
    let end = start.checked_add(loc.byte_len?)?;
    text.get(start..end)?;
    Some((start, end))
}

/// The start of the line holding byte `at`.
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The end of the line holding byte `at`, after its line break.
pub(crate) fn line_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i + 1)
}

/// The scalar at `loc` replaced by `replacement` (quotes included in the span
/// are replaced too).
pub(crate) fn replace_scalar(text: &str, loc: Location, replacement: &str) -> Option<Edit> {
    let (start, end) = span(text, loc)?;
    Some(Edit::new(start, end, replacement))
}

/// Removes the list item at `loc`: in a flow list (`[a, b, c]`) the item and
/// one separating comma; in a block list (`- b`) its whole line.
pub(crate) fn remove_list_item(text: &str, loc: Location) -> Option<Edit> {
    let (start, end) = span(text, loc)?;
    let before = text[..start].trim_end();
    match before.chars().last()? {
        '-' => {
            // Block item: the line must hold only this item (and a comment).
            let from = line_start(text, start);
            let dash = before.len() - 1;
            let rest = text[end..line_end(text, end)].trim();
            if dash < from
                || !text[from..dash].trim().is_empty()
                || !(rest.is_empty() || rest.starts_with('#'))
            {
                return None;
            }
            Some(Edit::new(from, line_end(text, end), ""))
        }
        '[' | ',' => {
            let after = &text[end..];
            let gap = after.len() - after.trim_start().len();
            match after[gap..].chars().next()? {
                // Not the last item: drop it and the comma after it.
                ',' => {
                    let next = &after[gap + 1..];
                    let space = next.len() - next.trim_start().len();
                    Some(Edit::new(start, end + gap + 1 + space, ""))
                }
                // The last item: drop the comma before it (if any).
                ']' => {
                    let cut = if before.ends_with(',') {
                        before.len() - 1
                    } else {
                        start
                    };
                    Some(Edit::new(cut, end, ""))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Inserts `key_value` (`fees: []`) as a sibling just before the key at
/// `key`: its own line with the same indentation in a block mapping, or
/// `key_value, ` in a flow mapping.
pub(crate) fn insert_before_key(text: &str, key: Location, key_value: &str) -> Option<Edit> {
    let (start, _) = span(text, key)?;
    let head = text.get(..start)?;
    // In a flow mapping (`{ …, key` even when it spans lines) the pair
    // goes in with a comma; in a block mapping on a line of its own.
    if matches!(head.trim_end().chars().last(), Some('{') | Some(',')) {
        return Some(Edit::insert(start, format!("{key_value}, ")));
    }
    let before = head.trim_end_matches([' ', '\t']);
    match before.chars().last() {
        None | Some('\n') | Some('\r') => {
            let indent = &text[before.len()..start];
            Some(Edit::insert(start, format!("{key_value}\n{indent}")))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Location {
        let off = text.find(needle).unwrap_or(usize::MAX);
        Location {
            line: 1,
            column: 1,
            byte_offset: Some(off),
            byte_len: Some(needle.len()),
        }
    }

    fn edit(text: &str, e: Option<Edit>) -> String {
        let fix = Fix::one("vi", "en", e.expect("an edit"));
        fix.apply(text).expect("applies")
    }

    #[test]
    fn apply_refuses_overlap_and_out_of_range() {
        let fix = Fix::new(
            Text::new("vi", "en"),
            vec![Edit::new(0, 3, "x"), Edit::new(2, 4, "y")],
        );
        assert!(matches!(fix.apply("abcdef"), Err(FixError::Overlap { .. })));
        let fix = Fix::one("vi", "en", Edit::new(4, 9, ""));
        assert!(matches!(fix.apply("abc"), Err(FixError::OutOfRange { .. })));
        // Inside a multi-byte character.
        let fix = Fix::one("vi", "en", Edit::new(1, 2, ""));
        assert!(matches!(fix.apply("ộ"), Err(FixError::OutOfRange { .. })));
        let fix = Fix::new(
            Text::new("vi", "en"),
            vec![Edit::insert(1, "x"), Edit::insert(1, "y")],
        );
        assert!(fix.apply("ab").is_err());
        assert!(!fix.apply("ab").unwrap_err().message(Lang::Vi).is_empty());
    }

    #[test]
    fn apply_edits_in_any_order() {
        let fix = Fix::new(
            Text::new("vi", "en"),
            vec![
                Edit::new(4, 5, "E"),
                Edit::insert(0, ">"),
                Edit::new(1, 2, ""),
            ],
        );
        assert_eq!(fix.apply("abcdef").unwrap(), ">acdEf");
    }

    #[test]
    fn apply_all_skips_clashing_fixes_and_merges_identical_edits() {
        let a = Fix::one("a", "a", Edit::new(0, 2, "X"));
        let b = Fix::one("b", "b", Edit::new(1, 3, "Y"));
        let c = Fix::one("c", "c", Edit::new(0, 2, "X"));
        let d = Fix::one("d", "d", Edit::insert(4, "!"));
        let out = apply_all("abcdef", [&a, &b, &c, &d]);
        assert_eq!(out.text, "Xcd!ef");
        assert_eq!((out.applied, out.skipped), (3, 1));
    }

    /// `text` without the list item `needle`.
    fn removed(text: &str, needle: &str) -> String {
        edit(text, remove_list_item(text, at(text, needle)))
    }

    #[test]
    fn removes_flow_items_first_middle_last_and_only() {
        let t = "submits: [a, bb, c]\n";
        let cases = [("a", "[bb, c]"), ("bb", "[a, c]"), ("c", "[a, bb]")];
        for (item, left) in cases {
            assert_eq!(removed(t, item), format!("submits: {left}\n"));
        }
        assert_eq!(removed("submits: [ a ]\n", "a"), "submits: [  ]\n");
        assert_eq!(removed("s: [a,\n   b]\n", "a"), "s: [b]\n");
    }

    #[test]
    fn removes_block_items_with_their_line() {
        let t = "submits:\n  - a\n  - bb # note\nnext: []\n";
        assert_eq!(removed(t, "bb"), "submits:\n  - a\nnext: []\n");
        assert_eq!(removed("submits:\n  - a", "a"), "submits:\n");
        // `key: - a` is not a list item the fix understands.
        assert!(remove_list_item("x: y - a\n", at("x: y - a\n", "a")).is_none());
    }

    #[test]
    fn inserts_before_block_and_flow_keys() {
        let t = "name: X\nsteps:\n  a: {}\n";
        assert_eq!(
            edit(t, insert_before_key(t, at(t, "steps"), "fees: []")),
            "name: X\nfees: []\nsteps:\n  a: {}\n"
        );
        let t = "  inner: 1\n  steps: 2\n";
        assert_eq!(
            edit(t, insert_before_key(t, at(t, "steps"), "fees: []")),
            "  inner: 1\n  fees: []\n  steps: 2\n"
        );
        let t = "{ name: X, steps: {} }";
        assert_eq!(
            edit(t, insert_before_key(t, at(t, "steps"), "fees: []")),
            "{ name: X, fees: [], steps: {} }"
        );
        // A flow mapping over several lines: still a comma, not a new line.
        let t = "{ format: tthc/1, name: X,\n  steps: {} }";
        assert_eq!(
            edit(t, insert_before_key(t, at(t, "steps"), "fees: []")),
            "{ format: tthc/1, name: X,\n  fees: [], steps: {} }"
        );
    }
}
