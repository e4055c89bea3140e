//! Where each element of a procedure was written.
//!
//! The loader records a location for nearly every node it reads, and most
//! of them are never asked for: only findings, metrics' cost lines and
//! editors look locations up. So recording is an append (the path's text
//! into one shared buffer, the location into a list: no allocation and no
//! hashing per node), and the index that lookups use is built once, on the
//! first lookup, over the recorded paths (a `hashbrown::HashTable` of
//! positions). The index hashes each path once with the standard library's
//! keyed SipHash (a per-map random key): paths
//! hold ids the file chooses, so an unkeyed fast hash would let a crafted
//! file put every path in one bucket and make the index quadratic.

use hashbrown::HashTable;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;

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
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    /// The file name or other origin given to the loader.
    pub origin: String,
    /// The text of every recorded path, one after another.
    paths: String,
    /// What was recorded, in order: a later record of a path replaces an
    /// earlier one of the same kind.
    records: Vec<Record>,
    /// Built from `records` on the first lookup; a later record is added
    /// to it.
    index: OnceLock<Index>,
    /// The `allow:` entries read (suppressions written as keys).
    pub(crate) allows: Vec<crate::suppress::AllowEntry>,
    text: Option<std::sync::Arc<str>>,
}

/// One recorded location: of an element, or of the key of a mapping entry
/// (`steps.a.form` → the `form` of `form: copy`).
#[derive(Clone, Debug)]
struct Record {
    /// The path's bytes in [`SourceMap::paths`].
    start: usize,
    end: usize,
    loc: Location,
    key: bool,
}

/// One path with its latest locations.
#[derive(Clone, Debug)]
struct Entry {
    start: usize,
    end: usize,
    value: Option<Location>,
    key: Option<Location>,
}

/// Paths → entries, each path hashed once with a keyed SipHash.
#[derive(Clone, Debug)]
struct Index {
    hasher: RandomState,
    /// Positions in `entries`, by the hash of their path.
    table: HashTable<usize>,
    entries: Vec<Entry>,
}

impl Index {
    fn build(paths: &str, records: &[Record]) -> Index {
        let mut index = Index {
            hasher: RandomState::new(),
            table: HashTable::with_capacity(records.len()),
            entries: Vec::with_capacity(records.len()),
        };
        for r in records {
            index.add(paths, r);
        }
        index
    }

    /// Adds one record: a later record of a path replaces the earlier one
    /// of the same kind.
    fn add(&mut self, paths: &str, r: &Record) {
        let Index {
            hasher,
            table,
            entries,
        } = self;
        let text = |e: &Entry| paths.get(e.start..e.end).unwrap_or_default();
        let path = paths.get(r.start..r.end).unwrap_or_default();
        let found = table.entry(
            hasher.hash_one(path),
            |&i| entries.get(i).is_some_and(|e| text(e) == path),
            |&i| entries.get(i).map_or(0, |e| hasher.hash_one(text(e))),
        );
        let at = match found {
            hashbrown::hash_table::Entry::Occupied(o) => *o.get(),
            hashbrown::hash_table::Entry::Vacant(v) => {
                v.insert(entries.len());
                entries.push(Entry {
                    start: r.start,
                    end: r.end,
                    value: None,
                    key: None,
                });
                entries.len() - 1
            }
        };
        if let Some(e) = entries.get_mut(at) {
            if r.key {
                e.key = Some(r.loc);
            } else {
                e.value = Some(r.loc);
            }
        }
    }

    fn get(&self, paths: &str, path: &str) -> Option<&Entry> {
        let at = self.table.find(self.hasher.hash_one(path), |&i| {
            self.entries
                .get(i)
                .is_some_and(|e| paths.get(e.start..e.end) == Some(path))
        })?;
        self.entries.get(*at)
    }
}

impl SourceMap {
    /// An empty map for `origin`.
    pub fn new(origin: impl Into<String>) -> SourceMap {
        SourceMap {
            origin: origin.into(),
            ..SourceMap::default()
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
    pub fn insert(&mut self, element: impl AsRef<str>, location: Location) {
        self.record(element.as_ref(), location, false);
    }

    /// Records where the key of the mapping entry `element` was written.
    pub(crate) fn insert_key(&mut self, element: impl AsRef<str>, location: Location) {
        self.record(element.as_ref(), location, true);
    }

    fn record(&mut self, path: &str, loc: Location, key: bool) {
        // The same path recorded twice in a row (an entry's key, then its
        // value) keeps one copy of its text.
        let (start, end) = match self.records.last() {
            Some(last) if self.paths.get(last.start..last.end) == Some(path) => {
                (last.start, last.end)
            }
            _ => {
                let start = self.paths.len();
                self.paths.push_str(path);
                (start, self.paths.len())
            }
        };
        let record = Record {
            start,
            end,
            loc,
            key,
        };
        // An index built by an earlier lookup (the loader looks locations
        // up while it still records) takes the record in: rebuilding it
        // would make every lookup between records cost all records so far.
        if let Some(index) = self.index.get_mut() {
            index.add(&self.paths, &record);
        }
        self.records.push(record);
    }

    /// The index, built on the first call; none while nothing is
    /// recorded (a map built in code is never indexed).
    fn index(&self) -> Option<&Index> {
        if self.records.is_empty() {
            return None;
        }
        Some(
            self.index
                .get_or_init(|| Index::build(&self.paths, &self.records)),
        )
    }

    /// Every path with its latest locations (building the index).
    fn entries(&self) -> &[Entry] {
        self.index().map_or(&[], |index| &index.entries)
    }

    fn entry(&self, element: &str) -> Option<&Entry> {
        self.index()?.get(&self.paths, element)
    }

    /// Where the key of the mapping entry `element` was written (`form` in
    /// `form: copy` for `documents.x.form`), when it was; step and document
    /// ids are keys too.
    pub fn key(&self, element: impl AsRef<str>) -> Option<Location> {
        let element = element.as_ref();
        let entry = self.entry(element)?;
        entry.key.or(entry.value.filter(|_| is_id(element)))
    }

    /// Every recorded element with the location of its key, or of its value
    /// when it has no key (list items, the root), in no particular order.
    pub fn elements(&self) -> impl Iterator<Item = (&str, Location)> {
        self.entries().iter().filter_map(|e| {
            let value = e.value?;
            let path = self.paths.get(e.start..e.end)?;
            Some((path, e.key.unwrap_or(value)))
        })
    }

    /// The location of `element` exactly as recorded.
    pub fn get(&self, element: impl AsRef<str>) -> Option<Location> {
        self.entry(element.as_ref())?.value
    }

    /// The location of `element`, or of the nearest enclosing element
    /// (`steps.a.next[2]` → `steps.a.next` → `steps.a` → `steps`; never the
    /// root: an element absent from the file has no location of its own).
    pub fn locate(&self, element: impl AsRef<str>) -> Option<Location> {
        let mut path = element.as_ref();
        loop {
            if let Some(loc) = self.get(path) {
                return Some(loc);
            }
            path = crate::element::parent_str(path).filter(|p| !p.is_empty())?;
        }
    }

    /// Number of recorded elements (distinct paths with a location of
    /// their own). Does not build the index: counted from it when a lookup
    /// already built it, else from the records with a set of their paths.
    pub fn len(&self) -> usize {
        if let Some(index) = self.index.get() {
            return index.entries.iter().filter(|e| e.value.is_some()).count();
        }
        let mut paths = std::collections::HashSet::new();
        for r in self.records.iter().filter(|r| !r.key) {
            paths.insert(self.paths.get(r.start..r.end).unwrap_or_default());
        }
        paths.len()
    }

    /// Whether no element is recorded (a key alone is no element). Does
    /// not build the index.
    pub fn is_empty(&self) -> bool {
        self.records.iter().all(|r| r.key)
    }

    /// Every element with its value's and its key's location, sorted (for
    /// comparing maps whatever order they were recorded in).
    fn sorted(&self) -> Vec<(&str, Option<Location>, Option<Location>)> {
        let mut all: Vec<_> = self
            .entries()
            .iter()
            .map(|e| {
                let path = self.paths.get(e.start..e.end).unwrap_or_default();
                (path, e.value, e.key)
            })
            .collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all
    }
}

impl PartialEq for SourceMap {
    fn eq(&self, other: &SourceMap) -> bool {
        self.origin == other.origin
            && self.allows == other.allows
            && self.text == other.text
            && self.sorted() == other.sorted()
    }
}

impl Eq for SourceMap {}
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

    #[test]
    fn records_after_a_lookup_reach_the_index() {
        let at = |line| Location {
            line,
            column: 1,
            ..Location::default()
        };
        let mut map = SourceMap::new("f.yaml");
        map.insert("steps.a", at(1));
        assert_eq!(map.get("steps.a").map(|l| l.line), Some(1)); // index built
        map.insert("steps.b", at(2));
        map.insert_key("steps.b", at(3));
        map.insert("steps.a", at(4)); // a later record replaces the earlier
        assert_eq!(map.get("steps.b").map(|l| l.line), Some(2));
        assert_eq!(map.key("steps.b").map(|l| l.line), Some(3));
        assert_eq!(map.get("steps.a").map(|l| l.line), Some(4));
        // The same as a map that recorded everything before its first lookup.
        let mut fresh = SourceMap::new("f.yaml");
        fresh.insert("steps.a", at(1));
        fresh.insert("steps.b", at(2));
        fresh.insert_key("steps.b", at(3));
        fresh.insert("steps.a", at(4));
        assert_eq!(fresh, map);
    }

    #[test]
    fn length_is_counted_without_building_the_index() {
        let at = |line| Location {
            line,
            column: 1,
            ..Location::default()
        };
        let mut map = SourceMap::new("f.yaml");
        assert!(map.is_empty());
        assert_eq!(map.len(), 0);
        map.insert_key("steps.a", at(1));
        assert!(map.is_empty(), "a key alone is no element");
        assert_eq!(map.len(), 0);
        map.insert("steps.a", at(1));
        map.insert("steps.b", at(2));
        map.insert("steps.a", at(3)); // the same element again
        assert!(!map.is_empty());
        assert_eq!(map.len(), 2);
        assert!(
            map.index.get().is_none(),
            "len and is_empty built the index"
        );
        // The same count once a lookup built it.
        assert_eq!(map.get("steps.a").map(|l| l.line), Some(3));
        assert!(map.index.get().is_some());
        assert_eq!(map.len(), 2);
        assert_eq!(map.len(), map.elements().count());
    }
}
