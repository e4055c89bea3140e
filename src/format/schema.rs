//! JSON Schemas (draft-07) of the three formats, generated from the key
//! lists the loaders read, for editors (VS Code's YAML extension,
//! yaml-language-server) and validators.
//!
//! The schema checks structure — keys, types, word sets, references'
//! shape; the loader checks the rest (money and duration wording, ids that
//! exist, cycles) and says where and how to fix it.

use super::{Doc, Object, Value, Words};
use serde_json::{Map, Value as Json, json};

/// Which file format a schema describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// A procedure file.
    Procedure,
    /// A review-test file.
    ReviewTest,
    /// `tthc.yaml`.
    Config,
}

impl SchemaKind {
    /// Every kind, in the order `tthc schema` lists them.
    pub const ALL: [SchemaKind; 3] = [
        SchemaKind::Procedure,
        SchemaKind::ReviewTest,
        SchemaKind::Config,
    ];

    /// The name of the schema file in the repository (`docs/schema/…`).
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Procedure => "procedure.schema.json",
            SchemaKind::ReviewTest => "review-test.schema.json",
            SchemaKind::Config => "tthc.schema.json",
        }
    }

    /// The command-line name (`procedure`, `review-test`, `config`).
    pub fn key(self) -> &'static str {
        match self {
            SchemaKind::Procedure => "procedure",
            SchemaKind::ReviewTest => "review-test",
            SchemaKind::Config => "config",
        }
    }
}

/// The JSON Schema of `kind`, as pretty-printed JSON (ending in a newline).
///
/// ```
/// use tthc::format::{SchemaKind, schema};
/// let s = schema(SchemaKind::Procedure);
/// assert!(s.contains("\"steps\""));
/// assert!(s.contains("Trình tự thực hiện"));
/// ```
pub fn schema(kind: SchemaKind) -> String {
    let mut defs = Map::new();
    let (title, root) = match kind {
        SchemaKind::Procedure => {
            define(&super::PROCEDURE, &mut defs);
            (
                "tthc procedure (tthc/1)",
                json!({ "allOf": [{ "$ref": "#/definitions/procedure" }] }),
            )
        }
        SchemaKind::ReviewTest => {
            define(&super::REVIEW_CASE, &mut defs);
            (
                "tthc review tests",
                json!({
                    "type": "array",
                    "description": described(&super::REVIEW_CASE.doc),
                    "items": { "$ref": "#/definitions/review_case" }
                }),
            )
        }
        SchemaKind::Config => {
            define(&super::CONFIG, &mut defs);
            (
                "tthc.yaml",
                json!({ "allOf": [{ "$ref": "#/definitions/config" }] }),
            )
        }
    };
    let mut top = Map::new();
    top.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    top.insert("title".into(), json!(title));
    if let Json::Object(root) = root {
        top.extend(root);
    }
    top.insert("definitions".into(), Json::Object(defs));
    let mut text = serde_json::to_string_pretty(&Json::Object(top)).unwrap_or_default();
    text.push('\n');
    text
}

fn described(doc: &Doc) -> String {
    format!("{}\n\n{}", doc.vi, doc.en)
}

/// Adds `o` and every object it leads to under `definitions`.
fn define(o: &'static Object, defs: &mut Map<String, Json>) {
    if defs.contains_key(o.name) {
        return;
    }
    // Reserve the name first: objects may lead back to themselves.
    defs.insert(o.name.into(), Json::Null);
    let mut properties = Map::new();
    for k in o.keys {
        let mut p = match value(&k.value, defs) {
            Json::Object(m) => m,
            other => Map::from_iter([("allOf".to_string(), json!([other]))]),
        };
        if !k.required {
            p = Map::from_iter([(
                "anyOf".to_string(),
                json!([Json::Object(p), { "type": "null" }]),
            )]);
        }
        p.insert("description".into(), json!(described(&k.doc)));
        properties.insert(k.name.into(), Json::Object(p));
    }
    let required: Vec<&str> = o
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    let mut def = Map::new();
    def.insert("type".into(), json!("object"));
    def.insert("description".into(), json!(described(&o.doc)));
    def.insert("properties".into(), Json::Object(properties));
    if !required.is_empty() {
        def.insert("required".into(), json!(required));
    }
    def.insert("additionalProperties".into(), json!(false));
    defs.insert(o.name.into(), Json::Object(def));
}

fn value(v: &'static Value, defs: &mut Map<String, Json>) -> Json {
    match v {
        Value::Text => json!({ "type": ["string", "number", "integer", "boolean"] }),
        Value::Texts => json!({
            "type": "array",
            "items": { "type": ["string", "number", "integer", "boolean"] }
        }),
        Value::Const(c) => json!({ "const": c }),
        Value::Money => json!({ "type": ["integer", "number", "string"], "minimum": 0 }),
        Value::Duration => json!({ "type": ["string", "integer", "number"], "minimum": 0 }),
        Value::Hours => json!({ "type": ["number", "integer", "string"], "minimum": 0 }),
        Value::Count => json!({ "type": ["integer", "string"], "minimum": 0 }),
        Value::Share => json!({
            "type": ["number", "integer", "string"],
            "minimum": 0,
            "maximum": 1
        }),
        Value::Bool => json!({ "type": "boolean" }),
        Value::Word(w) => word(*w),
        Value::WordList(w) => json!({ "type": "array", "items": word(*w) }),
        Value::Object(o) => {
            define(o, defs);
            json!({ "$ref": format!("#/definitions/{}", o.name) })
        }
        Value::Entries(v) => json!({
            "type": "object",
            // Ids: no spaces, dots or brackets (they separate element paths).
            "propertyNames": { "pattern": "^[^\\s.\\[\\]]{1,200}$" },
            "additionalProperties": value(v, defs)
        }),
        Value::ByChannel(v) => json!({
            "type": "object",
            "propertyNames": word(Words::Channel),
            "additionalProperties": nullable(value(v, defs))
        }),
        Value::List(v) => json!({ "type": "array", "items": value(v, defs) }),
        Value::StepRef | Value::CaseRef => json!({ "type": "string" }),
        Value::StepRefs | Value::DocumentRefs => {
            json!({ "type": "array", "items": { "type": "string" } })
        }
        Value::RuleLevels => json!({
            "type": "object",
            "propertyNames": rule_names(),
            "additionalProperties": { "anyOf": [word(Words::RuleLevel), { "const": false }] }
        }),
        Value::Expectations => expectations(),
        Value::OneOf(forms) => {
            json!({ "anyOf": forms.iter().map(|f| value(f, defs)).collect::<Vec<_>>() })
        }
    }
}

fn nullable(schema: Json) -> Json {
    json!({ "anyOf": [schema, { "type": "null" }] })
}

/// A word of a set: the words for completion, and a case-insensitive
/// pattern for validation (the loader ignores case and surrounding spaces).
fn word(w: Words) -> Json {
    let words = w.words();
    let alternatives: Vec<String> = words.iter().map(|w| insensitive(w)).collect();
    json!({
        "anyOf": [
            { "enum": words },
            { "type": "string", "pattern": format!("^\\s*(?:{})\\s*$", alternatives.join("|")) }
        ]
    })
}

/// `w` as a regular expression matching any capitalisation of it.
fn insensitive(w: &str) -> String {
    let mut out = String::new();
    for c in w.chars() {
        let upper: String = c.to_uppercase().collect();
        if c.is_alphabetic() && upper != c.to_string() {
            out.push('[');
            out.push(c);
            out.push_str(&upper);
            out.push(']');
        } else if "\\^$.|?*+()[]{}".contains(c) {
            // Only syntax characters are escaped: ECMAScript's `u` mode
            // (used by JSON Schema validators) refuses other escapes.
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

/// Every rule code and name.
fn rule_names() -> Json {
    let names: Vec<&str> = crate::rules::registry()
        .iter()
        .flat_map(|r| [r.info().code, r.info().name])
        .collect();
    json!({ "enum": names })
}

/// A review test's `expect:` mapping: every metric key and the finding
/// checks, each described.
fn expectations() -> Json {
    let mut properties = Map::new();
    for m in crate::analysis::Metric::ALL {
        properties.insert(
            m.key().into(),
            json!({
                "type": ["string", "number", "integer"],
                "description": format!(
                    "{}\n\n{}",
                    m.label(crate::Lang::Vi),
                    m.label(crate::Lang::En)
                )
            }),
        );
    }
    for (key, _) in crate::review_test::format::AT_MOST_KEYS {
        properties.insert(
            (*key).into(),
            json!({ "type": ["integer", "string"], "minimum": 0 }),
        );
    }
    for key in crate::review_test::format::CODE_LIST_KEYS {
        properties.insert(
            (*key).into(),
            json!({ "type": "array", "items": rule_names() }),
        );
    }
    properties.insert(
        "target".into(),
        json!({
            "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }],
            "description": "Mục tiêu cắt giảm (`nq66-2025`)\n\nA reduction target (`nq66-2025`)"
        }),
    );
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_valid_json_with_its_root() {
        for kind in SchemaKind::ALL {
            let text = schema(kind);
            let v: Json = serde_json::from_str(&text).expect("valid JSON");
            let defs = v["definitions"].as_object().expect("definitions");
            let root = match kind {
                SchemaKind::Procedure => "procedure",
                SchemaKind::ReviewTest => "review_case",
                SchemaKind::Config => "config",
            };
            assert_eq!(defs[root]["type"], "object", "{kind:?}");
            assert!(
                defs.values().all(Json::is_object),
                "{kind:?}: a definition left empty"
            );
        }
    }

    #[test]
    fn case_insensitive_words() {
        assert_eq!(
            insensitive("trực tiếp"),
            "[tT][rR][ựỰ][cC] [tT][iI][ếẾ][pP]"
        );
        assert_eq!(
            insensitive("in_person"),
            "[iI][nN]_[pP][eE][rR][sS][oO][nN]"
        );
        assert_eq!(insensitive("a.b"), "[aA]\\.[bB]");
    }
}
