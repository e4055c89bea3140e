//! Paths to the elements of a procedure file (`steps.xem-xet.next[0]`).
//!
//! Paths are how a finding points into the drafter's file: the source map
//! records where each path was written, and a finding names the path it is
//! about. They are built only through [`ElementPath`]'s typed helpers and the
//! [`Key`] enumeration, so that a typo is a compile error rather than a
//! finding silently moved to its parent's line.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A key of the procedure format, as written in the file.
///
/// One variant per key the loader reads; [`Key::as_str`] is the YAML key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is the key `as_str` names
pub enum Key {
    Format,
    Code,
    Name,
    Sector,
    Level,
    Authority,
    Applicants,
    Channels,
    Deadline,
    Result,
    LegalBasis,
    Conditions,
    Fees,
    Volume,
    Sources,
    Documents,
    Steps,
    // Document keys.
    Form,
    Copies,
    Template,
    IssuedBy,
    HeldIn,
    When,
    Effort,
    // Step keys.
    Actor,
    Submits,
    Uses,
    Produces,
    Duration,
    Next,
    Choice,
    Rework,
    To,
    Probability,
    // Fee keys.
    Amount,
    OnlineAmount,
    // Effort keys.
    Hours,
    Cost,
    Trips,
    // Volume keys.
    CasesPerYear,
    Subjects,
    Frequency,
    // Other top-level keys.
    Learning,
    StaffHours,
}

impl Key {
    /// The key as written in a procedure file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Key::Format => "format",
            Key::Code => "code",
            Key::Name => "name",
            Key::Sector => "sector",
            Key::Level => "level",
            Key::Authority => "authority",
            Key::Applicants => "applicants",
            Key::Channels => "channels",
            Key::Deadline => "deadline",
            Key::Result => "result",
            Key::LegalBasis => "legal_basis",
            Key::Conditions => "conditions",
            Key::Fees => "fees",
            Key::Volume => "volume",
            Key::Sources => "sources",
            Key::Documents => "documents",
            Key::Steps => "steps",
            Key::Form => "form",
            Key::Copies => "copies",
            Key::Template => "template",
            Key::IssuedBy => "issued_by",
            Key::HeldIn => "held_in",
            Key::When => "when",
            Key::Effort => "effort",
            Key::Actor => "actor",
            Key::Submits => "submits",
            Key::Uses => "uses",
            Key::Produces => "produces",
            Key::Duration => "duration",
            Key::Next => "next",
            Key::Choice => "choice",
            Key::Rework => "rework",
            Key::To => "to",
            Key::Probability => "probability",
            Key::Amount => "amount",
            Key::OnlineAmount => "online_amount",
            Key::Hours => "hours",
            Key::Cost => "cost",
            Key::Trips => "trips",
            Key::CasesPerYear => "cases_per_year",
            Key::Subjects => "subjects",
            Key::Frequency => "frequency",
            Key::Learning => "learning",
            Key::StaffHours => "staff_hours",
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The path of one element of a procedure file: `""` for the whole file,
/// `deadline`, `steps.xem-xet`, `steps.xem-xet.next[0]`,
/// `documents.ban-sao.form`, `fees[1].amount`.
///
/// ```
/// use tthc::element::{ElementPath, Key};
/// let p = ElementPath::step("xem-xet").field(Key::Next).item(0);
/// assert_eq!(p.as_str(), "steps.xem-xet.next[0]");
/// assert_eq!(ElementPath::document("ban-sao").field(Key::Form).to_string(), "documents.ban-sao.form");
/// assert_eq!(ElementPath::key(Key::Fees).item(1).field(Key::Amount).as_str(), "fees[1].amount");
/// assert!(ElementPath::root().is_root());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ElementPath(String);

impl ElementPath {
    /// The whole file.
    pub fn root() -> ElementPath {
        ElementPath(String::new())
    }

    /// A top-level key.
    pub fn key(key: Key) -> ElementPath {
        ElementPath(key.as_str().to_string())
    }

    /// The step with this id.
    pub fn step(id: &str) -> ElementPath {
        ElementPath::key(Key::Steps).entry(id)
    }

    /// The document with this id.
    pub fn document(id: &str) -> ElementPath {
        ElementPath::key(Key::Documents).entry(id)
    }

    /// A key below this element.
    pub fn field(self, key: Key) -> ElementPath {
        self.entry(key.as_str())
    }

    /// An entry of a mapping with free keys below this element (a step or
    /// document id, a channel name, a case id).
    pub fn entry(mut self, name: &str) -> ElementPath {
        if !self.0.is_empty() {
            self.0.push('.');
        }
        self.0.push_str(name);
        self
    }

    /// Item `i` of a list.
    pub fn item(mut self, i: usize) -> ElementPath {
        use std::fmt::Write;
        let _ = write!(self.0, "[{i}]");
        self
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the whole file.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The enclosing element (`steps.a.next[2]` → `steps.a.next` →
    /// `steps.a` → `steps` → the root), or `None` for the root.
    pub fn parent(&self) -> Option<ElementPath> {
        parent_str(&self.0).map(|p| ElementPath(p.to_string()))
    }

    /// A path read back from text (e.g. a finding's JSON), taken as is.
    pub fn from_text(text: impl Into<String>) -> ElementPath {
        ElementPath(text.into())
    }
}

/// The text of the enclosing element, if any.
pub(crate) fn parent_str(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    Some(path.rfind(['.', '[']).map_or("", |cut| &path[..cut]))
}

impl fmt::Display for ElementPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ElementPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_walk_up_to_the_root() {
        let p = ElementPath::step("a").field(Key::Next).item(2);
        let mut chain = vec![p.to_string()];
        let mut cur = p;
        while let Some(up) = cur.parent() {
            chain.push(up.to_string());
            cur = up;
        }
        assert_eq!(
            chain,
            ["steps.a.next[2]", "steps.a.next", "steps.a", "steps", ""]
        );
    }
}
