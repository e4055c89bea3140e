//! The located node tree, built straight from the parser's events.
//!
//! The loader used to read every document through serde-saphyr into
//! `Option<Node>` (a `Spanned` value per node). This builder reads the same
//! parser's (granit-parser) events in one pass, with an explicit stack (no
//! recursion), and gives the very same tree: the same values, scalars
//! resolved as serde-saphyr resolves an untyped value (`resolve`), and the
//! same locations (line, column, byte offset and length of the node's first
//! event; for a node that an alias stands for, of the alias token, as
//! serde-saphyr's `Spanned::referenced`).
//!
//! It is fast because it does the common case only. Whenever an input might
//! be read differently by serde-saphyr — a syntax error, a budget that
//! might be exceeded, a key that might repeat another, a tag, a merge key
//! (`<<`), a key that is not a scalar, a recursive or a heavy alias, a
//! number that is not finite, more than one document — it gives up
//! ([`Built::Fallback`]) and the caller reads the input again through
//! serde-saphyr, which then decides (and gives the error, located as
//! before). So its checks are conservative: each one errs only towards
//! falling back. Valid procedures never need the fallback; a broken file is
//! read twice, still in linear time.
//!
//! `tree_oracle` (tests) checks the two paths give identical trees and
//! errors on every shipped file and fixture and on generated YAML.

use crate::load::LoadOptions;
use crate::load::node::{Location, Node, NodeKind};
use granit_parser::{Event, Parser, ScalarStyle, Span};

/// Most nodes that aliases (`*name`) may add to a document, all aliases
/// together, before the builder hands the input to serde-saphyr (which
/// applies its own, larger, replay limits).
const MAX_ALIAS_NODES: usize = 100_000;

/// The builder's result.
pub(crate) enum Built {
    /// The tree serde-saphyr would give (`None` for an empty document or a
    /// document holding only a plain null).
    Tree(Option<Node>),
    /// The input needs serde-saphyr to decide (an error, or a rare construct).
    Fallback,
}

/// The parser options serde-saphyr uses with the budget of
/// `yaml::parser_options` (`Budget::parser_options`, `Options::parser_options`).
pub(crate) fn parser_options(options: &LoadOptions) -> granit_parser::Options {
    let mut parser = granit_parser::Options::default();
    parser.block_nesting_limit = parser
        .block_nesting_limit
        .max(options.max_depth.saturating_add(1));
    parser.simple_key_max_lookahead = 1024;
    parser.flow_nesting_limit = 255;
    parser.emit_comments = false;
    parser.strict_indentation = false;
    parser.bom_inside_document_as_content = false;
    parser
}

/// Builds the located tree of `src`, or says that serde-saphyr must decide.
pub(crate) fn build(src: &str, options: &LoadOptions) -> Built {
    let mut builder = Builder::new(options);
    match builder.run(src) {
        Some(()) => Built::Tree(builder.root.filter(|n| n.kind != NodeKind::Null)),
        None => Built::Fallback,
    }
}

/// Resolves an untagged scalar as serde-saphyr's `deserialize_any` does
/// (with the default options: YAML 1.1 booleans, no legacy octal), or
/// `None` for a number that is not finite (an error there).
///
/// - quoted and block scalars are text;
/// - plain `""`, `~`, `null`, `Null`, `NULL` are null;
/// - `true`/`false`, `yes`/`no`, `on`/`off`, `y`/`n` in any case are booleans;
/// - `0X…`, `0O…`, `0B…` and `+.nan`/`-.nan` stay text;
/// - integers: decimal without a leading zero (`_` between digits allowed),
///   `0x`, `0o`, `0b`; a negative one within `i64`, a positive one within `u64`;
/// - else a decimal number as Rust reads it, `.inf`/`.nan` spellings and
///   numerals beyond `f64` being not finite;
/// - everything else is text.
pub(crate) fn resolve(value: &str, style: ScalarStyle) -> Option<NodeKind> {
    if style != ScalarStyle::Plain {
        return Some(NodeKind::Str(value.to_owned()));
    }
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Some(NodeKind::Null);
    }
    let t = trim(value);
    // Every boolean, number and special spelling starts with one of these.
    match t.as_bytes().first() {
        Some(
            b'0'..=b'9'
            | b'+'
            | b'-'
            | b'.'
            | b'y'
            | b'Y'
            | b'n'
            | b'N'
            | b'o'
            | b'O'
            | b't'
            | b'T'
            | b'f'
            | b'F',
        ) => {}
        _ => return Some(NodeKind::Str(value.to_owned())),
    }
    if let Some(b) = yaml11_bool(t) {
        return Some(NodeKind::Bool(b));
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..])
        || (unsigned.len() < t.len() && matches!(unsigned, ".nan" | ".NaN" | ".NAN"))
    {
        return Some(NodeKind::Str(value.to_owned()));
    }
    if t.starts_with('-') {
        if !leading_zero_decimal(t)
            && let Some(v) = signed(t).and_then(|v| i64::try_from(v).ok())
        {
            return Some(NodeKind::Int(i128::from(v)));
        }
    } else if let Some(v) = unsigned_int(t).and_then(|v| u64::try_from(v).ok()) {
        return Some(NodeKind::Int(i128::from(v)));
    }
    match float(t, unsigned) {
        Some(v) if v.is_finite() => Some(NodeKind::Float(v)),
        Some(_) => None,
        None => Some(NodeKind::Str(value.to_owned())),
    }
}

/// The ASCII padding serde-saphyr trims before reading a scalar.
fn trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

fn yaml11_bool(t: &str) -> Option<bool> {
    if t.len() > 5 {
        return None;
    }
    let is = |w: &str| t.eq_ignore_ascii_case(w);
    if is("true") || is("yes") || is("y") || is("on") {
        Some(true)
    } else if is("false") || is("no") || is("n") || is("off") {
        Some(false)
    } else {
        None
    }
}

/// `0127`, `+0127`, `-0127`: a decimal integer with a redundant leading zero.
fn leading_zero_decimal(t: &str) -> bool {
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Digits in `radix`, with single `_` between digits.
fn digits(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut value: u128 = 0;
    let mut saw = false;
    let mut previous_underscore = true; // no `_` first
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let next_ok = bytes.get(i + 1).is_some_and(|n| *n != b'_');
            if previous_underscore || !next_ok {
                return None;
            }
            previous_underscore = true;
            continue;
        }
        previous_underscore = false;
        let d = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'a'..=b'f' if radix > 10 => 10 + u32::from(b - b'a'),
            b'A'..=b'F' if radix > 10 => 10 + u32::from(b - b'A'),
            _ => return None,
        };
        if d >= radix {
            return None;
        }
        value = value
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(d))?;
        saw = true;
    }
    saw.then_some(value)
}

fn radix(rest: &str) -> (u32, &str) {
    if let Some(r) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = rest.strip_prefix("0o").or_else(|| rest.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = rest.strip_prefix("0b").or_else(|| rest.strip_prefix("0B")) {
        (2, r)
    } else {
        (10, rest)
    }
}

/// serde-saphyr's `parse_int_unsigned` (as a `u128`).
fn unsigned_int(t: &str) -> Option<u128> {
    if t.starts_with('-') {
        return None;
    }
    let rest = t.strip_prefix('+').unwrap_or(t);
    let (radix, ds) = radix(rest);
    if radix == 10 && ds.starts_with('0') && ds != "0" {
        return None;
    }
    digits(ds, radix)
}

/// serde-saphyr's `parse_int_signed` (as an `i128`).
fn signed(t: &str) -> Option<i128> {
    let (negative, rest) = match t.strip_prefix('+') {
        Some(r) => (false, r),
        None => match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t),
        },
    };
    let (radix, ds) = radix(rest);
    if radix == 10 && ds.starts_with('0') && ds != "0" {
        return None;
    }
    let magnitude = digits(ds, radix)?;
    if negative {
        if magnitude == i128::MAX as u128 + 1 {
            Some(i128::MIN)
        } else {
            i128::try_from(magnitude).ok()?.checked_neg()
        }
    } else {
        i128::try_from(magnitude).ok()
    }
}

/// serde-saphyr's `try_parse_float_incl_overflow`: `t` trimmed, `unsigned`
/// without its sign.
fn float(t: &str, unsigned: &str) -> Option<f64> {
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Some(v),
        Ok(v) if v.is_infinite() && unsigned.as_bytes().first()?.is_ascii_digit() => Some(v),
        _ => None,
    }
}

/// serde-saphyr's `location_from_span`, as `Location::from_saphyr` reads it.
fn span_location(span: &Span) -> Location {
    let start = span.start.byte_offset();
    let end = span.end.byte_offset();
    let (byte_offset, byte_len) = match (start, end) {
        (Some(s), Some(e))
            if u32::try_from(s).is_ok() && u32::try_from(e.saturating_sub(s)).is_ok() =>
        {
            (Some(s), Some(e.saturating_sub(s)))
        }
        _ => (None, None),
    };
    Location {
        line: u32::try_from(span.start.line()).unwrap_or(u32::MAX),
        column: u32::try_from(span.start.col().saturating_add(1)).unwrap_or(u32::MAX),
        byte_offset,
        byte_len,
    }
}

/// FNV-1a of a key's identity, for the duplicate-key check: a repeat of a
/// hash means "might be a duplicate" (serde-saphyr then decides).
fn key_hash(kind: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The keys seen in one mapping, as hashes: scanned while few, then indexed.
/// The index rehashes with the standard library's keyed SipHash: FNV's low
/// bits can be steered by a file, and used as they are they would let
/// crafted keys share buckets (quadratic probing on a million keys).
#[derive(Default)]
struct Seen {
    few: Vec<u64>,
    many: Option<std::collections::HashSet<u64>>,
}

impl Seen {
    /// Adds a hash; `false` when it was there already.
    fn insert(&mut self, h: u64) -> bool {
        if let Some(many) = &mut self.many {
            return many.insert(h);
        }
        if self.few.contains(&h) {
            return false;
        }
        self.few.push(h);
        if self.few.len() > 24 {
            self.many = Some(self.few.drain(..).collect());
        }
        true
    }
}

enum Body {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        seen: Seen,
    },
}

impl Body {
    /// Nodes in the collection so far (the position of the next one).
    fn len(&self) -> usize {
        match self {
            Body::Seq(items) => items.len(),
            Body::Map { entries, .. } => entries.len(),
        }
    }

    /// The item, or the value of the entry, at `i`.
    fn child(&self, i: usize) -> Option<&Node> {
        match self {
            Body::Seq(items) => items.get(i),
            Body::Map { entries, .. } => entries.get(i).map(|(_, v)| v),
        }
    }
}

/// The item, or the value of the entry, at `i` of a collection node.
fn child(node: &Node, i: usize) -> Option<&Node> {
    match &node.kind {
        NodeKind::Seq(items) => items.get(i),
        NodeKind::Map(entries) => entries.get(i).map(|(_, v)| v),
        _ => None,
    }
}

struct Frame {
    /// Which collection this is (frames are numbered as they open).
    serial: usize,
    body: Body,
    loc: Location,
    anchor: usize,
    /// Nodes in this collection, itself included.
    count: usize,
    /// Deepest nesting below and including this collection.
    height: usize,
    /// The scalar bytes a replay of this collection would add.
    bytes: usize,
}

/// Where an anchored node is, for its aliases: the node itself is not
/// copied (nested anchors would copy the inner nodes once per anchor), it
/// is found in the tree being built when an alias needs it.
struct Anchored {
    /// From the outermost collection in: each enclosing collection (its
    /// serial) and the node's position in it (or that of the collection
    /// holding it).
    path: Vec<(usize, usize)>,
    count: usize,
    height: usize,
    /// The scalar bytes a replay of it adds ([`replayed_bytes`] of each
    /// scalar in it), known before any copy is made.
    bytes: usize,
}

struct Builder<'o> {
    options: &'o LoadOptions,
    /// The budget serde-saphyr reads with ([`crate::load::saphyr_options`]):
    /// its limits, not copies of them, decide when to fall back, so the two
    /// paths cannot drift apart.
    budget: serde_saphyr::Budget,
    stack: Vec<Frame>,
    /// Collections opened so far (the next one's serial).
    opened: usize,
    root: Option<Node>,
    anchors: Vec<Option<Anchored>>,
    /// Anchored collections open now (each records the events inside it).
    open_anchors: usize,
    events: usize,
    nodes: usize,
    scalar_bytes: usize,
    recorded_events: usize,
    recorded_bytes: usize,
    anchor_count: usize,
    aliases: usize,
    alias_nodes: usize,
    documents: usize,
    /// Height of the node just completed (for its parent's height).
    last_height: usize,
}

impl<'o> Builder<'o> {
    fn new(options: &'o LoadOptions) -> Builder<'o> {
        Builder {
            options,
            budget: crate::load::yaml::saphyr_options(options)
                .budget
                .unwrap_or_default(),
            stack: Vec::new(),
            opened: 0,
            root: None,
            anchors: Vec::new(),
            open_anchors: 0,
            events: 0,
            nodes: 0,
            scalar_bytes: 0,
            recorded_events: 0,
            recorded_bytes: 0,
            anchor_count: 0,
            aliases: 0,
            alias_nodes: 0,
            documents: 0,
            last_height: 0,
        }
    }

    fn max_events(&self) -> usize {
        self.budget.max_events
    }

    /// `None` (fall back) on a parser error or anything uncommon.
    fn run(&mut self, src: &str) -> Option<()> {
        let mut parser = Parser::new_from_str_with_options(src, parser_options(self.options));
        while let Some(next) = parser.next_event() {
            let (event, span) = next.ok()?;
            self.events += 1;
            if self.events > self.max_events() {
                return None;
            }
            match event {
                Event::Scalar(value, style, anchor, tag) => {
                    if tag.is_some() {
                        return None;
                    }
                    self.scalar(&value, style, anchor, &span)?;
                }
                Event::SequenceStart(_, anchor, tag) => {
                    if tag.is_some() {
                        return None;
                    }
                    self.open(false, anchor, &span)?;
                }
                Event::MappingStart(_, anchor, tag) => {
                    if tag.is_some() {
                        return None;
                    }
                    self.open(true, anchor, &span)?;
                }
                Event::SequenceEnd | Event::MappingEnd => self.close()?,
                Event::Alias(id) => self.alias(id, &span)?,
                Event::DocumentStart(..) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return None;
                    }
                }
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
                _ => return None,
            }
        }
        self.stack.is_empty().then_some(())
    }

    fn count_node(&mut self, added: usize) -> Option<()> {
        self.nodes = self.nodes.saturating_add(added);
        (self.nodes <= self.options.max_nodes).then_some(())
    }

    /// Counts the recording of `events` events (of `bytes` text) into every
    /// open anchor, as serde-saphyr's anchor buffers do.
    fn record(&mut self, events: usize, bytes: usize, own_anchor: bool) -> Option<()> {
        let buffers = self.open_anchors + usize::from(own_anchor);
        self.recorded_events = self
            .recorded_events
            .saturating_add(events.saturating_mul(buffers));
        self.recorded_bytes = self
            .recorded_bytes
            .saturating_add(bytes.saturating_mul(buffers));
        (self.recorded_events <= self.budget.max_recorded_anchor_events
            && self.recorded_bytes <= self.budget.max_recorded_anchor_bytes)
            .then_some(())
    }

    fn note_anchor(&mut self, anchor: usize) -> Option<()> {
        if anchor != 0 {
            self.anchor_count += 1;
            if self.anchor_count > self.options.max_aliases {
                return None;
            }
        }
        Some(())
    }

    fn scalar(
        &mut self,
        value: &str,
        style: ScalarStyle,
        anchor: usize,
        span: &Span,
    ) -> Option<()> {
        self.count_node(1)?;
        self.note_anchor(anchor)?;
        self.scalar_bytes = self.scalar_bytes.saturating_add(value.len());
        if self.scalar_bytes > self.budget.max_total_scalar_bytes {
            return None;
        }
        self.record(1, value.len(), anchor != 0)?;
        let kind = resolve(value, style)?;
        let node = Node {
            kind,
            loc: span_location(span),
            alias: false,
        };
        let key_hashes = if self.expecting_key() {
            if value == "<<" {
                return None; // a merge key
            }
            Some(key_hashes(value, &node.kind))
        } else {
            None
        };
        self.last_height = 0;
        let bytes = replayed_bytes(&node.kind);
        self.complete(node, [1, bytes], anchor, key_hashes)
    }

    fn expecting_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                body: Body::Map { key: None, .. },
                ..
            })
        )
    }

    fn open(&mut self, map: bool, anchor: usize, span: &Span) -> Option<()> {
        if self.expecting_key() {
            return None; // a collection as a key
        }
        self.count_node(1)?;
        self.note_anchor(anchor)?;
        self.record(1, 0, false)?;
        if self.stack.len() >= self.options.max_depth {
            return None;
        }
        if anchor != 0 {
            self.record(1, 0, true)?;
            self.open_anchors += 1;
        }
        let body = if map {
            Body::Map {
                entries: Vec::new(),
                key: None,
                seen: Seen::default(),
            }
        } else {
            Body::Seq(Vec::new())
        };
        self.opened += 1;
        self.stack.push(Frame {
            serial: self.opened,
            body,
            loc: span_location(span),
            anchor,
            count: 1,
            height: 1,
            bytes: 0,
        });
        Some(())
    }

    fn close(&mut self) -> Option<()> {
        let frame = self.stack.pop()?;
        self.record(1, 0, false)?;
        if frame.anchor != 0 {
            self.open_anchors = self.open_anchors.saturating_sub(1);
        }
        let kind = match frame.body {
            Body::Seq(items) => NodeKind::Seq(items),
            Body::Map { entries, key, .. } => {
                if key.is_some() {
                    return None;
                }
                NodeKind::Map(entries)
            }
        };
        let node = Node {
            kind,
            loc: frame.loc,
            alias: false,
        };
        self.last_height = frame.height;
        self.complete(node, [frame.count, frame.bytes], frame.anchor, None)
    }

    fn alias(&mut self, id: usize, span: &Span) -> Option<()> {
        if self.expecting_key() {
            return None; // an alias as a key
        }
        self.aliases += 1;
        if self.aliases > self.options.max_aliases
            || self.aliases >= self.budget.alias_anchor_min_aliases
        {
            return None;
        }
        // Still open (recursive) or unknown: serde-saphyr decides.
        let anchored = self.anchors.get(id)?.as_ref()?;
        let (count, height, bytes) = (anchored.count, anchored.height, anchored.bytes);
        // Every budget the copy counts against is checked before it is made.
        self.alias_nodes = self.alias_nodes.saturating_add(count);
        if self.alias_nodes > MAX_ALIAS_NODES.min(self.options.max_nodes) {
            return None;
        }
        // The replayed events count as events and nodes again.
        self.events = self.events.saturating_add(count.saturating_mul(2));
        if self.events > self.max_events() || self.stack.len() + height > self.options.max_depth {
            return None;
        }
        self.count_node(count)?;
        self.scalar_bytes = self.scalar_bytes.saturating_add(bytes);
        if self.scalar_bytes > self.budget.max_total_scalar_bytes {
            return None;
        }
        self.record(count.saturating_mul(2), bytes, false)?;
        let node = replay(self.anchored(id)?, span_location(span))?;
        self.last_height = height;
        self.complete(node, [count, bytes], 0, None)
    }

    /// The node anchored as `id`, where it is now: in a collection still
    /// open, or inside one completed since.
    fn anchored(&self, id: usize) -> Option<&Node> {
        let path = &self.anchors.get(id)?.as_ref()?.path;
        let mut depth = 0;
        loop {
            let &(serial, at) = path.get(depth)?;
            let frame = self.stack.get(depth).filter(|f| f.serial == serial)?;
            // The collection holding the node is still open: look in it.
            let open = match (path.get(depth + 1), self.stack.get(depth + 1)) {
                (Some(&(inner, _)), Some(f)) => f.serial == inner,
                _ => false,
            };
            if open {
                depth += 1;
                continue;
            }
            let mut node = frame.body.child(at)?;
            for &(_, i) in path.get(depth + 1..)? {
                node = child(node, i)?;
            }
            return Some(node);
        }
    }

    /// Attaches a finished node to the collection it belongs to; `count`
    /// nodes are in it, and a replay of it adds `bytes` scalar bytes.
    fn complete(
        &mut self,
        node: Node,
        [count, bytes]: [usize; 2],
        anchor: usize,
        key_hashes: Option<[u64; 2]>,
    ) -> Option<()> {
        let height = self.last_height;
        if anchor != 0 {
            // An anchored key is rare: serde-saphyr decides. (An anchored
            // root has an empty path: no alias can follow it.)
            if self.expecting_key() {
                return None;
            }
            if self.anchors.len() <= anchor {
                self.anchors.resize_with(anchor + 1, || None);
            }
            // Where the node is about to go, and where each collection
            // holding it will go in the one around it.
            let path = self
                .stack
                .iter()
                .map(|f| (f.serial, f.body.len()))
                .collect();
            let slot = self.anchors.get_mut(anchor)?;
            *slot = Some(Anchored {
                path,
                count,
                height,
                bytes,
            });
        }
        let Some(frame) = self.stack.last_mut() else {
            if self.root.is_some() {
                return None;
            }
            self.root = Some(node);
            return Some(());
        };
        frame.count = frame.count.saturating_add(count);
        frame.bytes = frame.bytes.saturating_add(bytes);
        frame.height = frame.height.max(height.saturating_add(1));
        match &mut frame.body {
            Body::Seq(items) => items.push(node),
            Body::Map { entries, key, seen } => match key.take() {
                None => {
                    let [a, b] = key_hashes?;
                    if !seen.insert(a) || (b != a && !seen.insert(b)) {
                        return None; // might be a duplicate key
                    }
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
        Some(())
    }
}

/// The identities a scalar key might share with another key: its text, and
/// for a number, true/false or null, its value.
fn key_hashes(value: &str, kind: &NodeKind) -> [u64; 2] {
    let text = key_hash(0, value.as_bytes());
    let value = match kind {
        NodeKind::Str(_) => text,
        NodeKind::Null => key_hash(1, b""),
        NodeKind::Bool(b) => key_hash(2, &[u8::from(*b)]),
        NodeKind::Int(i) => key_hash(3, &i.to_le_bytes()),
        NodeKind::Float(f) => {
            // Integral values may equal an integer key spelt otherwise.
            if f.fract() == 0.0 && f.abs() < 1e38 {
                key_hash(3, &(*f as i128).to_le_bytes())
            } else {
                key_hash(4, &(f + 0.0).to_bits().to_le_bytes())
            }
        }
        NodeKind::Seq(_) | NodeKind::Map(_) => text,
    };
    [text, value]
}

/// The scalar bytes a replay of a scalar adds to the budget: its text,
/// or for a number, boolean or null, 40 (not the text as written, but
/// bounded by it: numbers and booleans are short, the budget is 64 MiB).
fn replayed_bytes(kind: &NodeKind) -> usize {
    match kind {
        NodeKind::Str(s) => s.len(),
        NodeKind::Null | NodeKind::Bool(_) | NodeKind::Int(_) | NodeKind::Float(_) => 40,
        NodeKind::Seq(_) | NodeKind::Map(_) => 0,
    }
}

/// The copy of `node` that an alias at `loc` stands for: every node of it
/// is located at the alias and marked as an alias's (serde-saphyr's
/// `Spanned::referenced` during a replay). Every budget it counts against
/// was checked before (its nodes, depth and scalar bytes are recorded with
/// its anchor). An explicit stack, no recursion, whatever its depth.
fn replay(node: &Node, loc: Location) -> Option<Node> {
    enum Step<'a> {
        /// Copy this node (a scalar), or open it (a collection).
        Visit(&'a Node),
        /// Gather the last `n` copies into a sequence.
        Seq(usize),
        /// Gather the last `2 × n` copies into the entries of a mapping.
        Map(usize),
    }
    let copied = |kind| Node {
        kind,
        loc,
        alias: true,
    };
    let mut steps = vec![Step::Visit(node)];
    let mut done: Vec<Node> = Vec::new();
    while let Some(step) = steps.pop() {
        match step {
            Step::Visit(n) => match &n.kind {
                NodeKind::Seq(items) => {
                    steps.push(Step::Seq(items.len()));
                    steps.extend(items.iter().rev().map(Step::Visit));
                }
                NodeKind::Map(entries) => {
                    steps.push(Step::Map(entries.len()));
                    for (k, v) in entries.iter().rev() {
                        steps.push(Step::Visit(v));
                        steps.push(Step::Visit(k));
                    }
                }
                scalar => done.push(copied(scalar.clone())),
            },
            Step::Seq(n) => {
                let items = done.split_off(done.len().checked_sub(n)?);
                done.push(copied(NodeKind::Seq(items)));
            }
            Step::Map(n) => {
                let mut flat = done
                    .split_off(done.len().checked_sub(n.checked_mul(2)?)?)
                    .into_iter();
                let mut entries = Vec::with_capacity(n);
                while let (Some(k), Some(v)) = (flat.next(), flat.next()) {
                    entries.push((k, v));
                }
                done.push(copied(NodeKind::Map(entries)));
            }
        }
    }
    done.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Option<NodeKind> {
        resolve(s, ScalarStyle::Plain)
    }

    /// What a replay of `n` adds, by walking it.
    fn walked(n: &Node) -> usize {
        match &n.kind {
            NodeKind::Seq(items) => items.iter().map(walked).sum(),
            NodeKind::Map(entries) => entries.iter().map(|(k, v)| walked(k) + walked(v)).sum(),
            scalar => replayed_bytes(scalar),
        }
    }

    #[test]
    fn anchors_know_their_replay_bytes_before_any_copy() {
        let src = "a: &x { k: abc, m: 12, l: [de, &y f, null] }\nb: &z [*x, *y, gh]\nc: *z\n";
        let options = LoadOptions::default();
        let mut b = Builder::new(&options);
        assert!(b.run(src).is_some(), "the builder falls back");
        let Some(root) = &b.root else {
            panic!("no tree")
        };
        let value = |i: usize| match &root.kind {
            NodeKind::Map(entries) => &entries[i].1,
            _ => panic!("not a mapping"),
        };
        let bytes = |id: usize| b.anchors[id].as_ref().map(|a| a.bytes);
        // k abc m 12 l de f null: 1 + 3 + 1 + 40 + 1 + 2 + 1 + 40.
        assert_eq!(bytes(1), Some(89));
        assert_eq!(walked(value(0)), 89);
        assert_eq!(bytes(2), Some(1));
        // *x, *y, gh
        assert_eq!(bytes(3), Some(89 + 1 + 2));
        assert_eq!(walked(value(1)), 92);
        // The copies: the same values, located at the alias.
        let c = value(2);
        assert!(c.alias);
        assert_eq!(walked(c), 92);
        assert_eq!(c.loc.line, 3);
        let NodeKind::Seq(items) = &c.kind else {
            panic!("not a sequence")
        };
        assert_eq!(items.len(), 3);
        assert!(items.iter().all(|n| n.alias && n.loc == c.loc));
        let NodeKind::Map(entries) = &items[0].kind else {
            panic!("not a mapping")
        };
        assert_eq!(entries[0].0.kind, NodeKind::Str("k".into()));
        assert_eq!(entries[1].1.kind, NodeKind::Int(12));
    }

    #[test]
    fn scalars_resolve_as_serde_saphyr_does() {
        assert_eq!(plain(""), Some(NodeKind::Null));
        assert_eq!(plain("~"), Some(NodeKind::Null));
        assert_eq!(plain("nul"), Some(NodeKind::Str("nul".into())));
        assert_eq!(plain("Off"), Some(NodeKind::Bool(false)));
        assert_eq!(plain("1_000"), Some(NodeKind::Int(1000)));
        assert_eq!(plain("0x1F"), Some(NodeKind::Int(31)));
        assert_eq!(plain("0X1F"), Some(NodeKind::Str("0X1F".into())));
        assert_eq!(plain("0123"), Some(NodeKind::Float(123.0)));
        assert_eq!(plain("1.200"), Some(NodeKind::Float(1.2)));
        assert_eq!(plain("1e999"), None);
        assert_eq!(plain(".inf"), None);
        assert_eq!(plain("-.nan"), Some(NodeKind::Str("-.nan".into())));
        assert_eq!(plain("0,5"), Some(NodeKind::Str("0,5".into())));
        assert_eq!(
            resolve("12", ScalarStyle::DoubleQuoted),
            Some(NodeKind::Str("12".into()))
        );
    }
}
