//! SARIF 2.1.0 for code-scanning tools.

use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::report::check::{CheckReport, FileCheck};
use crate::rules::registry;
use crate::source_map::Location;
use serde_json::{Value, json};
use std::collections::HashMap;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warn => "warning",
        Severity::Info => "note",
    }
}

fn location(file: &str, loc: Option<Location>, element: Option<&str>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": file } });
    if let (Some(l), Some(obj)) = (loc, physical.as_object_mut()) {
        obj.insert(
            "region".into(),
            json!({ "startLine": l.line, "startColumn": l.column }),
        );
    }
    let mut out = json!({ "physicalLocation": physical });
    if let (Some(e), Some(obj)) = (element, out.as_object_mut()) {
        obj.insert(
            "logicalLocations".into(),
            json!([{ "fullyQualifiedName": e }]),
        );
    }
    out
}

/// `report` as a SARIF 2.1.0 log: the rules as `tool.driver.rules`,
/// findings and load errors as `results` with their physical and logical
/// locations.
pub fn render(report: &CheckReport, lang: Lang) -> String {
    let rules: Vec<Value> = registry()
        .iter()
        .map(|r| {
            let i = r.info();
            json!({
                "id": i.code,
                "name": i.name,
                "shortDescription": { "text": i.summary.get(lang) },
                "fullDescription": { "text": i.why.get(lang) },
                "help": { "text": crate::rules::explanation(i, lang) },
                "defaultConfiguration": { "level": level(i.severity) },
            })
        })
        .collect();
    let index: HashMap<&str, usize> = registry()
        .iter()
        .enumerate()
        .map(|(n, r)| (r.info().code, n))
        .collect();
    let mut results = Vec::new();
    for f in &report.files {
        match &f.check {
            FileCheck::Failed(errors) => {
                for e in &errors.errors {
                    results.push(json!({
                        "ruleId": format!("load/{}", e.code()),
                        "level": "error",
                        "message": { "text": e.message(lang) },
                        "locations": [location(&f.path, e.location, e.element.as_deref())],
                    }));
                }
            }
            FileCheck::Loaded { findings, .. } => {
                for finding in findings {
                    let mut text = finding.message.get(lang).to_string();
                    if let Some(s) = &finding.suggestion {
                        text = format!("{text} — {}", s.get(lang));
                    }
                    let element = finding.element.as_ref().map(|e| e.as_str());
                    let mut result = json!({
                        "ruleId": finding.code,
                        "level": level(finding.severity),
                        "message": { "text": text },
                        "locations": [location(&f.path, finding.location, element)],
                    });
                    if let (Some(&n), Some(obj)) =
                        (index.get(finding.code.as_str()), result.as_object_mut())
                    {
                        obj.insert("ruleIndex".into(), json!(n));
                    }
                    results.push(result);
                }
            }
        }
    }
    crate::report::json::pretty(&json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "tthc",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    }))
}
