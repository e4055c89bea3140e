//! The file formats `tthc` reads, described as data: every key of a
//! procedure file, a review-test file and `tthc.yaml`, with its type and its
//! meaning in Vietnamese and English.
//!
//! The loaders accept exactly the keys listed here (an unknown key is a
//! located error), and the JSON Schemas ([`schema`]), the format reference
//! (`docs/format.md`, [`reference`]) and an editor's hover and completion
//! are generated from the same lists, so none of them can drift from what
//! the loader reads.
//!
//! ```
//! use tthc::format::{self, Value};
//! let step = format::key_at(&format::PROCEDURE, "steps.nop-ho-so.duration").unwrap();
//! assert_eq!(step.name, "duration");
//! assert!(matches!(step.value, Value::Duration));
//! assert!(step.doc.vi.contains("Thời gian"));
//! ```

mod config;
mod procedure;
mod reference;
mod review_test;
#[cfg(feature = "json")]
mod schema;

pub use config::{CONFIG, COST_BASIS, FIGURE};
pub use procedure::{
    CASE, CHANNEL, DEADLINE, DOCUMENT, EFFORT, FEE, HELD_IN, PROCEDURE, REWORK, STEP, VOLUME,
};
pub use reference::reference;
pub use review_test::REVIEW_CASE;
#[cfg(feature = "json")]
pub use schema::{SchemaKind, schema};

pub(crate) const fn doc(vi: &'static str, en: &'static str) -> Doc {
    Doc { vi, en }
}

pub(crate) const fn key(
    name: &'static str,
    value: Value,
    vi: &'static str,
    en: &'static str,
) -> Key {
    Key {
        name,
        doc: doc(vi, en),
        value,
        required: false,
    }
}

pub(crate) const fn required(
    name: &'static str,
    value: Value,
    vi: &'static str,
    en: &'static str,
) -> Key {
    Key {
        required: true,
        ..key(name, value, vi, en)
    }
}

/// A mapping whose keys the reader checks itself (rule codes, metric keys).
pub(crate) static ANY: Object = Object {
    name: "any",
    doc: doc("Ánh xạ với khóa tự do.", "A mapping with free keys."),
    keys: &[],
};

/// A text in both languages, for a key or an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Vietnamese.
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

/// A mapping with fixed keys (a step, a document, an effort).
#[derive(Debug)]
pub struct Object {
    /// Its name in the schema and the reference (`step`).
    pub name: &'static str,
    /// What it is.
    pub doc: Doc,
    /// Its keys, in the order the reference lists them.
    pub keys: &'static [Key],
}

/// One key of an [`Object`].
#[derive(Debug)]
pub struct Key {
    /// The key as written (`deadline`).
    pub name: &'static str,
    /// What it means.
    pub doc: Doc,
    /// What it takes.
    pub value: Value,
    /// Whether a file must have it.
    pub required: bool,
}

/// What a key takes. Every optional key may also be left empty (null).
#[derive(Debug)]
pub enum Value {
    /// A text (numbers are kept as written).
    Text,
    /// A list of texts.
    Texts,
    /// A constant text (`tthc/1`).
    Const(&'static str),
    /// Whole đồng: `20000`, `"20.000 đồng"`, `Miễn phí`.
    Money,
    /// A duration as published (`7 ngày làm việc`, `trong ngày`).
    Duration,
    /// A non-negative decimal number of hours (`0,5` quoted, or `0.5`).
    Hours,
    /// A whole number ≥ 0 (thousands separators accepted in quotes).
    Count,
    /// A decimal between 0 and 1.
    Share,
    /// `true` or `false`.
    Bool,
    /// One word of a fixed set.
    Word(Words),
    /// A list of words of a fixed set.
    WordList(Words),
    /// A mapping with fixed keys.
    Object(&'static Object),
    /// A mapping from ids the file chooses to entries (`steps`, `documents`).
    Entries(&'static Value),
    /// A mapping from channels to values (`{ in_person: …, online: … }`).
    ByChannel(&'static Value),
    /// A list of entries (`fees`).
    List(&'static Value),
    /// The id of a step in the same file.
    StepRef,
    /// A list of step ids.
    StepRefs,
    /// A list of document ids.
    DocumentRefs,
    /// The id of a case declared under `cases`.
    CaseRef,
    /// A mapping from rule codes or names to levels (`TT304: warn`).
    RuleLevels,
    /// A review test's expectations: metric keys to comparisons.
    Expectations,
    /// Any of these forms.
    OneOf(&'static [Value]),
}

/// The fixed word sets of the formats, each read case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// `level`: central, province, commune, district and Vietnamese words.
    Level,
    /// `applicants`.
    Applicant,
    /// `channels`.
    Channel,
    /// A document's `form`.
    Form,
    /// `lang` of `tthc.yaml`.
    Lang,
    /// `preset` of `tthc.yaml`.
    Preset,
    /// `scenario` of `tthc.yaml`.
    Scenario,
    /// A rule's level (`error`, `warn`, `info`, `off`).
    RuleLevel,
    /// The complexity of standard time values.
    Complexity,
}

impl Words {
    /// Every accepted word, the English key of each meaning first.
    pub fn words(self) -> Vec<&'static str> {
        fn firsts<T>(table: &[(&'static str, T)]) -> Vec<&'static str> {
            table.iter().map(|(w, _)| *w).collect()
        }
        match self {
            Words::Level => firsts(crate::load::convert::LEVELS),
            Words::Applicant => firsts(crate::load::convert::APPLICANTS),
            Words::Channel => firsts(crate::load::convert::CHANNELS),
            Words::Form => firsts(crate::load::convert::FORMS),
            Words::Lang => firsts(crate::analysis::settings::LANGS),
            Words::Preset => firsts(crate::analysis::settings::PRESETS),
            Words::Scenario => firsts(crate::analysis::settings::SCENARIOS),
            Words::RuleLevel => firsts(crate::rules::RuleLevel::NAMES),
            Words::Complexity => firsts(crate::cost_basis::standard_times::Complexity::WORDS),
        }
    }
}

impl Object {
    /// The key named `name`.
    pub fn key(&'static self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }

    /// Whether `name` is one of its keys.
    pub fn has(&self, name: &str) -> bool {
        self.keys.iter().any(|k| k.name == name)
    }

    /// Its key names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|k| k.name).collect()
    }
}

impl Value {
    /// The objects this value may be (itself, or the forms of a
    /// [`Value::OneOf`]), for descending a path.
    fn objects(&'static self) -> Vec<&'static Object> {
        match self {
            Value::Object(o) => vec![o],
            Value::OneOf(forms) => forms.iter().flat_map(Value::objects).collect(),
            _ => Vec::new(),
        }
    }

    /// The objects this value leads to before another key: itself, its
    /// entries (of a mapping or list) or its forms — what the reference and
    /// the schema describe next.
    pub fn nested(&'static self) -> Vec<&'static Object> {
        match self {
            Value::Object(o) => vec![o],
            Value::Entries(v) | Value::ByChannel(v) | Value::List(v) => v.nested(),
            Value::OneOf(forms) => forms.iter().flat_map(Value::nested).collect(),
            _ => Vec::new(),
        }
    }

    /// The entry value of an id- or channel-keyed mapping, or of a list.
    fn entry(&'static self) -> Vec<&'static Value> {
        match self {
            Value::Entries(v) | Value::ByChannel(v) | Value::List(v) => vec![v],
            Value::OneOf(forms) => forms.iter().flat_map(Value::entry).collect(),
            _ => Vec::new(),
        }
    }
}

/// The key an element path names (`steps.xem-xet.effort.hours`,
/// `fees[0].amount`), walking from `root`; ids and list indexes are
/// skipped. `None` for a path that is not in the format.
pub fn key_at(root: &'static Object, path: &str) -> Option<&'static Key> {
    // What the path has reached: the objects whose keys may come next, and
    // the entry values of mappings and lists whose ids or indexes may.
    let mut objects = vec![root];
    let mut entries: Vec<&'static Value> = Vec::new();
    let mut found = None;
    // Segments: `a.b[0].c` → a, b, [0], c. Ids never contain `.` or `[`.
    let segments = path
        .split('.')
        .flat_map(|s| s.split('['))
        .filter(|s| !s.is_empty());
    for segment in segments {
        if let Some(key) = objects.iter().find_map(|o| o.key(segment)) {
            found = Some(key);
            objects = key.value.objects();
            entries = key.value.entry();
        } else if !entries.is_empty() {
            // An id, a channel or an index (`0]`).
            objects = entries.iter().flat_map(|v| v.objects()).collect();
            entries = entries.iter().flat_map(|v| v.entry()).collect();
        } else if segment.ends_with(']') {
            // An index into a list of words, texts or ids: the same key.
            objects.clear();
        } else {
            return None;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every object reachable from the three roots, once each.
    pub(super) fn all_objects() -> Vec<&'static Object> {
        fn visit(o: &'static Object, out: &mut Vec<&'static Object>) {
            if out.iter().any(|seen| std::ptr::eq(*seen, o)) {
                return;
            }
            out.push(o);
            for k in o.keys {
                k.value.nested().into_iter().for_each(|n| visit(n, out));
            }
        }
        let mut out = Vec::new();
        for root in [&PROCEDURE, &REVIEW_CASE, &CONFIG] {
            visit(root, &mut out);
        }
        out
    }

    #[test]
    fn every_key_and_object_is_described_in_both_languages() {
        for o in all_objects() {
            assert!(!o.doc.vi.is_empty() && !o.doc.en.is_empty(), "{}", o.name);
            for k in o.keys {
                assert!(
                    k.doc.vi.len() > 3 && k.doc.en.len() > 3,
                    "{}.{} lacks a description",
                    o.name,
                    k.name
                );
                assert_ne!(k.doc.vi, k.doc.en, "{}.{}: not translated", o.name, k.name);
            }
            let mut names = o.names();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), o.keys.len(), "{} lists a key twice", o.name);
        }
    }

    #[test]
    fn object_names_are_unique() {
        let objects = all_objects();
        for (i, a) in objects.iter().enumerate() {
            for b in &objects[i + 1..] {
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn paths_resolve_through_ids_lists_and_forms() {
        let at = |p: &str| key_at(&PROCEDURE, p).map(|k| k.name);
        assert_eq!(at("steps.a.effort.hours"), Some("hours"));
        assert_eq!(at("documents.giay.held_in.database"), Some("database"));
        assert_eq!(at("fees[0].amount"), Some("amount"));
        assert_eq!(at("deadline.from"), Some("from"));
        assert_eq!(at("cases.muon.share"), Some("share"));
        assert_eq!(at("channels.online.main"), Some("main"));
        assert_eq!(at("steps.a.next[0]"), Some("next"));
        assert_eq!(at("steps"), Some("steps"));
        assert_eq!(at("steps.a.nonsense"), None);
        assert_eq!(at("nonsense"), None);
        assert_eq!(
            key_at(&CONFIG, "cost_basis.trip_cost.source").map(|k| k.name),
            Some("source")
        );
    }

    #[test]
    fn word_sets_are_not_empty_and_start_with_the_english_key() {
        for (w, first) in [
            (Words::Level, "central"),
            (Words::Channel, "in_person"),
            (Words::Form, "original"),
            (Words::RuleLevel, "off"),
            (Words::Complexity, "simple"),
        ] {
            assert_eq!(w.words().first().copied(), Some(first));
        }
    }
}
