//! Typed reading of located nodes, collecting errors instead of stopping.

use crate::load::error::{LoadError, LoadErrorKind};
use crate::load::node::{Location, Node, NodeKind};
use crate::load::suggest::closest;
use crate::model::{Duration, Money};
use crate::source_map::SourceMap;

/// The keys of one mapping, after unknown keys were reported.
pub(crate) struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
    /// Known keys that an unknown key of this mapping was taken for
    /// (`ten` → `name`): not reported missing a second time.
    misspelt: Vec<String>,
    object: &'static crate::format::Object,
    /// Location of the mapping itself (for "missing key" errors).
    pub loc: Location,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        // The loader reads only keys the format lists, so the schema, the
        // reference and the editor's completion know every key it reads.
        debug_assert!(
            self.object.keys.is_empty() || self.object.has(key),
            "{key} is read but not in format::{}",
            self.object.name
        );
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| *v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Reading state: the source text (for raw scalars), errors so far and the
/// source map being built.
pub(crate) struct Reader<'s> {
    pub origin: &'s str,
    pub src: &'s str,
    /// At most [`MAX_ERRORS`]; the rest are only counted in `omitted`.
    pub errors: Vec<LoadError>,
    /// Errors found beyond [`MAX_ERRORS`].
    pub omitted: usize,
    pub map: SourceMap,
}

/// The most errors kept for one input: a file with a million broken keys
/// is reported with its first errors and the count of the rest, in bounded
/// memory and time.
pub(crate) const MAX_ERRORS: usize = 1_000;

/// `1.200` or `1.000.000` (groups of three digits after the first, joined
/// by `.`) as a whole number; `None` for anything else (`1.5`, `1,200`).
pub(crate) fn grouped_thousands(text: &str) -> Option<u64> {
    let mut groups = text.split('.');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut n: u64 = first.parse().ok()?;
    let mut any = false;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n = n.checked_mul(1000)?.checked_add(g.parse().ok()?)?;
        any = true;
    }
    any.then_some(n)
}

/// Joins a path and a key: `steps` + `a` → `steps.a`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        let mut s = String::with_capacity(path.len() + key.len() + 1);
        s.push_str(path);
        s.push('.');
        s.push_str(key);
        s
    }
}

/// `steps.a.next` + 2 → `steps.a.next[2]`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl<'s> Reader<'s> {
    pub fn new(origin: &'s str, src: &'s str) -> Reader<'s> {
        Reader {
            origin,
            src,
            errors: Vec::new(),
            omitted: 0,
            map: SourceMap::new(origin),
        }
    }

    pub fn error(&mut self, path: &str, loc: Location, kind: LoadErrorKind) {
        if self.errors.len() >= MAX_ERRORS {
            self.omitted += 1;
            return;
        }
        self.errors
            .push(LoadError::new(self.origin, kind).at(path, loc));
    }

    /// Every error found so far, kept or only counted.
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.omitted
    }

    /// The errors about `src`, sorted, with the count of those not kept.
    pub fn into_errors(self, src: &str) -> crate::load::LoadErrors {
        let mut e = crate::load::LoadErrors::from_errors(self.errors, Some(src));
        e.omitted = self.omitted;
        e
    }

    fn wrong_type(
        &mut self,
        path: &str,
        node: &Node,
        expected: &'static str,
        expected_vi: &'static str,
    ) {
        self.error(
            path,
            node.loc,
            LoadErrorKind::WrongType {
                expected,
                expected_vi,
                found: node.kind.describe(),
            },
        );
    }

    /// The scalar's text as written in the file (so `1.010900` stays
    /// `1.010900` rather than becoming the number 1.0109).
    fn raw_text(&self, node: &Node) -> Option<String> {
        // An alias (`effort: *e`) is located where it is written, not at
        // its anchor: its text there is not the value.
        if node.alias {
            return None;
        }
        let (off, len) = (node.loc.byte_offset?, node.loc.byte_len?);
        let raw = self.src.get(off..off.checked_add(len)?)?;
        let raw = raw.trim();
        (!raw.is_empty()).then(|| raw.to_string())
    }

    /// A mapping with only `allowed` keys; unknown keys are reported with a
    /// suggestion. Keys that are not text are reported too.
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        object: &'static crate::format::Object,
    ) -> Option<Fields<'n>> {
        let NodeKind::Map(entries) = &node.kind else {
            self.wrong_type(
                path,
                node,
                "a mapping (key: value)",
                "một ánh xạ (khóa: giá trị)",
            );
            return None;
        };
        let mut fields = Vec::with_capacity(entries.len());
        let mut misspelt = Vec::new();
        for (key, value) in entries {
            // `{ hours: 0,5 }`: the comma cut `0,5` into `hours: 0` and a key `5`.
            if matches!(value.kind, NodeKind::Null)
                && let Some((number, loc)) = crate::load::syntax::decimal_comma(self.src, key.loc)
            {
                self.error(path, loc, LoadErrorKind::decimal_comma(number));
                continue;
            }
            let Some(name) = self.key_text(key, path) else {
                continue;
            };
            if !object.keys.is_empty() && !object.has(name) {
                let allowed = object.names();
                let suggestion = crate::load::suggest::vietnamese_key(name)
                    .filter(|k| object.has(k))
                    .map(str::to_string)
                    .or_else(|| closest(name, allowed.iter().copied()));
                if let Some(s) = &suggestion {
                    misspelt.push(s.clone());
                }
                self.error(
                    &join(path, name),
                    key.loc,
                    LoadErrorKind::UnknownKey {
                        key: name.to_string(),
                        suggestion,
                        allowed,
                    },
                );
                continue;
            }
            let element = join(path, name);
            if matches!(value.kind, NodeKind::Null) {
                // An empty value is located at its key (`deadline:`).
                self.map.insert(&element, key.loc);
            }
            self.map.insert_key(&element, key.loc);
            fields.push((name, key, value));
        }
        Some(Fields {
            entries: fields,
            misspelt,
            object,
            loc: node.loc,
        })
    }

    fn key_text<'n>(&mut self, key: &'n Node, path: &str) -> Option<&'n str> {
        match &key.kind {
            NodeKind::Str(s) => Some(s.as_str()),
            _ => {
                self.wrong_type(path, key, "a text key", "khóa dạng văn bản");
                None
            }
        }
    }

    /// A key whose value must be present.
    pub fn required<'n>(&mut self, fields: &Fields<'n>, key: &str, path: &str) -> Option<&'n Node> {
        let found = fields.get(key);
        if found.is_none() && !fields.misspelt.iter().any(|m| m == key) {
            // Point at the element's own key (`nop:`) rather than its first field.
            let loc = self.map.get(path).unwrap_or(fields.loc);
            self.error(
                path,
                loc,
                LoadErrorKind::MissingKey {
                    key: key.to_string(),
                },
            );
        }
        found
    }

    /// Text; numbers and booleans are taken as written.
    pub fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        self.map.insert(path, node.loc);
        match &node.kind {
            NodeKind::Str(s) => Some(s.clone()),
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => {
                self.raw_text(node).or_else(|| match &node.kind {
                    NodeKind::Int(i) => Some(i.to_string()),
                    NodeKind::Float(f) => Some(f.to_string()),
                    NodeKind::Bool(b) => Some(b.to_string()),
                    _ => None,
                })
            }
            _ => {
                self.wrong_type(path, node, "text", "văn bản");
                None
            }
        }
    }

    /// Text, or `None` when absent or null.
    pub fn opt_text(&mut self, node: Option<&Node>, path: &str) -> Option<String> {
        match node {
            None => None,
            Some(n) if matches!(n.kind, NodeKind::Null) => {
                self.map.insert(path, n.loc);
                None
            }
            Some(n) => self.text(n, path),
        }
    }

    /// A list of texts; null is an empty list.
    pub fn text_list(&mut self, node: &Node, path: &str) -> Option<Vec<String>> {
        self.map.insert(path, node.loc);
        match &node.kind {
            NodeKind::Null => Some(Vec::new()),
            NodeKind::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let Some(t) = self.text(item, &index(path, i)) {
                        out.push(t);
                    }
                }
                Some(out)
            }
            _ => {
                self.wrong_type(
                    path,
                    node,
                    "a list, e.g. [a, b]",
                    "một danh sách, ví dụ [a, b]",
                );
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub fn choice<T: Copy>(
        &mut self,
        node: &Node,
        path: &str,
        table: &[(&'static str, T)],
    ) -> Option<T> {
        let text = self.text(node, path)?;
        let key = text.trim().to_lowercase();
        if let Some((_, v)) = table.iter().find(|(k, _)| *k == key) {
            return Some(*v);
        }
        let allowed: Vec<&'static str> = table.iter().map(|(k, _)| *k).collect();
        self.error(
            path,
            node.loc,
            LoadErrorKind::BadValue {
                value: text,
                suggestion: closest(&key, allowed.iter().copied()),
                allowed,
            },
        );
        None
    }

    /// A list of words from a fixed set.
    pub fn choice_list<T: Copy>(
        &mut self,
        node: &Node,
        path: &str,
        table: &[(&'static str, T)],
    ) -> Option<Vec<T>> {
        self.map.insert(path, node.loc);
        match &node.kind {
            NodeKind::Null => Some(Vec::new()),
            NodeKind::Seq(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| self.choice(item, &index(path, i), table))
                    .collect(),
            ),
            _ => {
                self.wrong_type(
                    path,
                    node,
                    "a list, e.g. [a, b]",
                    "một danh sách, ví dụ [a, b]",
                );
                None
            }
        }
    }

    /// A duration such as `7 working days` or `0,5 ngày làm việc`.
    pub fn duration(&mut self, node: &Node, path: &str) -> Option<Duration> {
        if matches!(node.kind, NodeKind::Int(_) | NodeKind::Float(_)) {
            self.map.insert(path, node.loc);
            if crate::load::syntax::decimal_comma_after(self.src, node.loc) {
                // Reported once, on the number, by `fields`.
                return None;
            }
            let text = self.raw_text(node).unwrap_or_default();
            self.error(
                path,
                node.loc,
                LoadErrorKind::BadDuration {
                    text: text.clone(),
                    detail: "a duration needs a unit (working days, days or working hours), e.g. `5 working days`".into(),
                    detail_vi: "thời hạn cần có đơn vị (ngày làm việc, ngày hoặc giờ làm việc), ví dụ `5 ngày làm việc`".into(),
                },
            );
            return None;
        }
        let text = self.text(node, path)?;
        match Duration::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(
                    path,
                    node.loc,
                    LoadErrorKind::BadDuration {
                        text,
                        detail: e.to_string(),
                        detail_vi: e.vi(),
                    },
                );
                None
            }
        }
    }

    /// A duration as legal texts word it, and the event it counts from.
    pub fn published_duration(
        &mut self,
        node: &Node,
        path: &str,
    ) -> Option<(Duration, Option<String>)> {
        self.map.insert(path, node.loc);
        let text = self.text(node, path)?;
        match Duration::parse_published(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(
                    path,
                    node.loc,
                    LoadErrorKind::BadDuration {
                        text,
                        detail: e.to_string(),
                        detail_vi: e.vi(),
                    },
                );
                None
            }
        }
    }

    /// Whole đồng: an integer, or text such as `1.000.000 đồng`. An unquoted
    /// `500.000` is read the Vietnamese way, as five hundred thousand.
    pub fn money(&mut self, node: &Node, path: &str) -> Option<Money> {
        self.map.insert(path, node.loc);
        if self.rejected_sign(node, path) {
            return None;
        }
        match &node.kind {
            NodeKind::Int(i) if i.unsigned_abs() > Money::MAX_AMOUNT.dong() => {
                self.too_much_money(path, node, i.to_string());
                None
            }
            NodeKind::Int(i) => Some(Money::from_dong(i.unsigned_abs())),
            NodeKind::Float(_) | NodeKind::Str(_) => {
                let text = match &node.kind {
                    NodeKind::Str(s) => s.clone(),
                    _ => self.raw_text(node).unwrap_or_default(),
                };
                if text.trim_start().starts_with('-') {
                    self.error(path, node.loc, LoadErrorKind::Negative { value: text });
                    return None;
                }
                let free = matches!(
                    text.trim().to_lowercase().trim_end_matches('.'),
                    "miễn phí" | "miễn" | "không thu" | "không thu phí" | "free" | "none"
                );
                let parsed = if free {
                    Some(Money::ZERO)
                } else {
                    Money::parse(&text)
                };
                match parsed {
                    Some(m) if m > Money::MAX_AMOUNT => {
                        self.too_much_money(path, node, text);
                        None
                    }
                    Some(m) => Some(m),
                    // Written like an amount, but more digits than any
                    // amount holds.
                    None if Money::parse_wide(&text) => {
                        self.too_much_money(path, node, text);
                        None
                    }
                    None => {
                        self.error(path, node.loc, LoadErrorKind::BadMoney { text });
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(path, node, "an amount in đồng", "số tiền (đồng)");
                None
            }
        }
    }

    /// A non-negative decimal in thousandths (hours: `0.5`, `1`, `"0,25"`).
    pub fn milli(&mut self, node: &Node, path: &str) -> Option<u64> {
        self.map.insert(path, node.loc);
        if self.rejected_sign(node, path) {
            return None;
        }
        let text = match &node.kind {
            NodeKind::Int(i) => i.to_string(),
            NodeKind::Float(f) => self.raw_text(node).unwrap_or_else(|| f.to_string()),
            NodeKind::Str(s) => s.trim().to_string(),
            _ => {
                self.wrong_type(path, node, "a number", "một số");
                return None;
            }
        };
        if text.starts_with('-') {
            self.error(path, node.loc, LoadErrorKind::Negative { value: text });
            return None;
        }
        match crate::model::parse_milli_amount(&text) {
            Ok(v) => Some(v),
            Err(crate::model::DurationError::OutOfRange(_)) => {
                self.error(
                    path,
                    node.loc,
                    LoadErrorKind::TooBig {
                        value: text,
                        max: None,
                    },
                );
                None
            }
            Err(_) => {
                self.wrong_type(
                    path,
                    node,
                    "a number such as 1 or 0.5",
                    "một số, ví dụ 1 hoặc 0,5",
                );
                None
            }
        }
    }

    /// Reports a negative or non-finite number; true if it did.
    fn rejected_sign(&mut self, node: &Node, path: &str) -> bool {
        let kind = match &node.kind {
            NodeKind::Int(i) if *i < 0 => LoadErrorKind::Negative {
                value: i.to_string(),
            },
            NodeKind::Float(f) if !f.is_finite() => LoadErrorKind::NonFinite,
            NodeKind::Float(f) if *f < 0.0 => LoadErrorKind::Negative {
                value: self.raw_text(node).unwrap_or_else(|| f.to_string()),
            },
            _ => return false,
        };
        self.error(path, node.loc, kind);
        true
    }

    /// A non-negative whole number no larger than `max`.
    pub fn count(&mut self, node: &Node, path: &str, max: u64) -> Option<u64> {
        self.map.insert(path, node.loc);
        if self.rejected_sign(node, path) {
            return None;
        }
        match &node.kind {
            NodeKind::Int(i) if *i > i128::from(max) => {
                self.error(
                    path,
                    node.loc,
                    LoadErrorKind::TooBig {
                        value: i.to_string(),
                        max: Some(u128::from(max)),
                    },
                );
                None
            }
            NodeKind::Int(i) => u64::try_from(*i).ok(),
            // `1.200` (unquoted, which YAML reads as 1.2) or "1.200": a
            // whole number with Vietnamese thousands separators.
            NodeKind::Float(_) | NodeKind::Str(_) => {
                let raw = match &node.kind {
                    NodeKind::Str(s) => Some(s.trim().to_string()),
                    _ => self.raw_text(node),
                };
                // Digits only, yet not an integer node: more digits than
                // the parser's integers hold.
                if let Some(digits) = raw.as_deref().filter(|r| is_digits(r)) {
                    self.error(
                        path,
                        node.loc,
                        LoadErrorKind::TooBig {
                            value: digits.to_string(),
                            max: Some(u128::from(max)),
                        },
                    );
                    return None;
                }
                match raw.as_deref().and_then(grouped_thousands) {
                    Some(n) if n <= max => Some(n),
                    Some(n) => {
                        self.error(
                            path,
                            node.loc,
                            LoadErrorKind::TooBig {
                                value: n.to_string(),
                                max: Some(u128::from(max)),
                            },
                        );
                        None
                    }
                    None => {
                        self.wrong_type(path, node, "a whole number", "một số nguyên");
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(path, node, "a whole number", "một số nguyên");
                None
            }
        }
    }

    fn too_much_money(&mut self, path: &str, node: &Node, text: String) {
        self.error(
            path,
            node.loc,
            LoadErrorKind::TooBig {
                value: text,
                max: Some(Money::MAX_AMOUNT.dong()),
            },
        );
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, node: &Node, path: &str) -> Option<bool> {
        self.map.insert(path, node.loc);
        match node.kind {
            NodeKind::Bool(b) => Some(b),
            _ => {
                self.wrong_type(path, node, "true or false", "true hoặc false");
                None
            }
        }
    }

    /// A probability in [0, 1], returned in millionths.
    pub fn probability(&mut self, node: &Node, path: &str) -> Option<u32> {
        self.map.insert(path, node.loc);
        let value = match &node.kind {
            NodeKind::Int(i) => *i as f64,
            NodeKind::Float(f) => *f,
            _ => {
                self.wrong_type(path, node, "a number from 0 to 1", "một số từ 0 đến 1");
                return None;
            }
        };
        if !value.is_finite() {
            self.error(path, node.loc, LoadErrorKind::NonFinite);
            return None;
        }
        if !(0.0..=1.0).contains(&value) {
            let text = self.raw_text(node).unwrap_or_else(|| value.to_string());
            self.error(path, node.loc, LoadErrorKind::Probability { value: text });
            return None;
        }
        Some((value * 1_000_000.0).round() as u32)
    }
}

/// Whether `text` is one or more ASCII digits.
fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::grouped_thousands;

    #[test]
    fn vietnamese_thousands_separators() {
        assert_eq!(grouped_thousands("1.200"), Some(1200));
        assert_eq!(grouped_thousands("1.000.000"), Some(1_000_000));
        assert_eq!(grouped_thousands("12.345.678"), Some(12_345_678));
        for bad in [
            "1.5", "1.20", "1,200", "1200", "", ".200", "1234.567", "1.2345", "-1.200",
        ] {
            assert_eq!(grouped_thousands(bad), None, "{bad}");
        }
        assert_eq!(
            grouped_thousands("18.446.744.073.709.551.616"),
            None,
            "overflow"
        );
    }
}
