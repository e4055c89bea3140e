//! Where each element of a procedure was written.

use std::collections::HashMap;

/// A position in the source: 1-based line and column (in characters), and the
/// byte range of the node when known.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Byte offset of the node in the source, when known.
    #[serde(skip)]
    pub byte_offset: Option<usize>,
    /// Byte length of the node in the source, when known.
    #[serde(skip)]
    pub byte_len: Option<usize>,
}

/// Element path (`steps.xem-xet.next[0]`, `documents.ban-sao.form`) →
/// location in the file the procedure was loaded from.
///
/// Empty for procedures built in code. Lookups fall back to the nearest
/// enclosing element, so a finding about `steps.a.duration` on a step that has
/// no duration still points at `steps.a`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// The file name or other origin given to the loader.
    pub origin: String,
    entries: HashMap<String, Location>,
    /// Where the key of each mapping entry was written (`steps.a.form` →
    /// the `form` of `form: copy`).
    keys: HashMap<String, Location>,
    /// The `allow:` entries read (suppressions written as keys).
    pub(crate) allows: Vec<crate::suppress::AllowEntry>,
    text: Option<std::sync::Arc<str>>,
}

impl SourceMap {
    /// An empty map for `origin`.
    pub fn new(origin: impl Into<String>) -> SourceMap {
        SourceMap {
            origin: origin.into(),
            entries: HashMap::new(),
            keys: HashMap::new(),
            allows: Vec::new(),
            text: None,
        }
    }

    /// Keeps the text the procedure was read from (for snippets).
    pub(crate) fn set_text(&mut self, text: &str) {
        self.text = Some(std::sync::Arc::from(text));
    }

    /// The text the procedure was loaded from, when loaded from text.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Records where `element` was written.
    pub fn insert(&mut self, element: impl Into<String>, location: Location) {
        self.entries.insert(element.into(), location);
    }

    /// Records where the key of the mapping entry `element` was written.
    pub(crate) fn insert_key(&mut self, element: impl Into<String>, location: Location) {
        self.keys.insert(element.into(), location);
    }

    /// Where the key of the mapping entry `element` was written (`form` in
    /// `form: copy` for `documents.x.form`), when it was; step and document
    /// ids are keys too.
    pub fn key(&self, element: impl AsRef<str>) -> Option<Location> {
        let element = element.as_ref();
        self.keys
            .get(element)
            .or_else(|| self.entries.get(element).filter(|_| is_id(element)))
            .copied()
    }

    /// Every recorded element with the location of its key, or of its value
    /// when it has no key (list items, the root), in no particular order.
    pub fn elements(&self) -> impl Iterator<Item = (&str, Location)> {
        self.entries.iter().map(|(path, loc)| {
            let at = self.keys.get(path).copied().unwrap_or(*loc);
            (path.as_str(), at)
        })
    }

    /// The location of `element` exactly as recorded.
    pub fn get(&self, element: impl AsRef<str>) -> Option<Location> {
        self.entries.get(element.as_ref()).copied()
    }

    /// The location of `element`, or of the nearest enclosing element
    /// (`steps.a.next[2]` → `steps.a.next` → `steps.a` → `steps`; never the
    /// root: an element absent from the file has no location of its own).
    pub fn locate(&self, element: impl AsRef<str>) -> Option<Location> {
        let mut path = element.as_ref();
        loop {
            if let Some(loc) = self.entries.get(path) {
                return Some(*loc);
            }
            path = crate::element::parent_str(path).filter(|p| !p.is_empty())?;
        }
    }

    /// Number of recorded elements.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Whether `element` is a step or document id (`steps.a`), which the
/// loader records at its key.
fn is_id(element: &str) -> bool {
    ["steps.", "documents."].iter().any(|prefix| {
        element
            .strip_prefix(prefix)
            .is_some_and(|id| !id.contains(['.', '[']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_enclosing_element() {
        let mut map = SourceMap::new("f.yaml");
        let at = |line| Location {
            line,
            column: 3,
            ..Location::default()
        };
        map.insert("steps.a", at(10));
        map.insert("steps.a.next[0]", at(12));
        assert_eq!(map.locate("steps.a.next[0]").map(|l| l.line), Some(12));
        assert_eq!(map.locate("steps.a.next[1]").map(|l| l.line), Some(10));
        assert_eq!(map.locate("steps.a.duration").map(|l| l.line), Some(10));
        assert_eq!(map.locate("documents.x"), None);
    }
}
