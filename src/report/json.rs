//! The one place that writes JSON (serde_json, feature `json`).

use serde::Serialize;

/// `value` as pretty-printed JSON. Every type given here is plain data
/// (strings, integers, decimals as finite floats), for which serialization
/// cannot fail; a failure would still give a JSON document, naming it.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
}

/// `value` as one line of JSON (JSON Lines).
pub fn line<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
}
