//! A YAML document as a tree of located nodes.
//!
//! The loader first reads YAML into this tree (the only place that talks to
//! serde-saphyr), then converts the tree into the model by hand. Doing the
//! conversion ourselves is what lets every error carry the element path, a
//! "did you mean" suggestion and a sentence on what to change.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

pub use crate::source_map::Location;

impl Location {
    pub(crate) fn from_saphyr(loc: &serde_saphyr::Location) -> Location {
        let span = loc.span();
        Location {
            line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
            column: u32::try_from(loc.column()).unwrap_or(u32::MAX),
            byte_offset: span.byte_offset().and_then(|v| usize::try_from(v).ok()),
            byte_len: span.byte_len().and_then(|v| usize::try_from(v).ok()),
        }
    }
}

/// One YAML node with its location.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub loc: Location,
    /// Whether an alias (`*name`) stands here for this node: `loc` is then
    /// the alias's, and the text there is not the node's value.
    pub alias: bool,
}

impl Node {
    /// This node and every node below it, depth first.
    pub fn descendants(&self) -> impl Iterator<Item = &Node> {
        let mut todo = vec![self];
        std::iter::from_fn(move || {
            let n = todo.pop()?;
            match &n.kind {
                NodeKind::Seq(items) => todo.extend(items.iter().rev()),
                NodeKind::Map(entries) => {
                    for (k, v) in entries.iter().rev() {
                        todo.push(v);
                        todo.push(k);
                    }
                }
                _ => {}
            }
            Some(n)
        })
    }
}

/// The value of a node.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NodeKind {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl NodeKind {
    /// What a drafter would call this kind of value.
    pub fn describe(&self) -> &'static str {
        match self {
            NodeKind::Null => "nothing (null)",
            NodeKind::Bool(_) => "true/false",
            NodeKind::Int(_) => "a whole number",
            NodeKind::Float(_) => "a decimal number",
            NodeKind::Str(_) => "text",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping (key: value)",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<NodeKind>::deserialize(deserializer)?;
        Ok(Node {
            kind: spanned.value,
            loc: Location::from_saphyr(&spanned.referenced),
            // Used somewhere else than where it is written: an alias's
            // node, or a merged (`<<`) one.
            alias: spanned.referenced != spanned.defined,
        })
    }
}

impl<'de> Deserialize<'de> for NodeKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = NodeKind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<NodeKind, D::Error> {
        NodeKind::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<NodeKind, E> {
        Ok(NodeKind::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<NodeKind, E> {
        Ok(NodeKind::Int(i128::from(v)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<NodeKind, E> {
        Ok(NodeKind::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<NodeKind, E> {
        Ok(NodeKind::Int(i128::from(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<NodeKind, E> {
        Ok(i128::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<NodeKind, E> {
        Ok(NodeKind::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NodeKind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(NodeKind::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NodeKind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(NodeKind::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_are_located() {
        let src = "a: 1\nb:\n  - x\n  - 1.010900\nc: \"q\"\n";
        let node: Node = serde_saphyr::from_str(src).unwrap();
        let NodeKind::Map(entries) = &node.kind else {
            panic!("not a map: {node:?}")
        };
        assert_eq!(entries.len(), 3);
        assert_eq!((entries[1].0.loc.line, entries[1].0.loc.column), (2, 1));
        let NodeKind::Seq(items) = &entries[1].1.kind else {
            panic!("not a seq")
        };
        assert_eq!((items[1].loc.line, items[1].loc.column), (4, 5));
        let off = items[1].loc.byte_offset.unwrap();
        let len = items[1].loc.byte_len.unwrap();
        assert_eq!(&src[off..off + len], "1.010900");
    }
}
