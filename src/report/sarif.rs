//! SARIF 2.1.0 for code-scanning tools.
//!
//! Valid under the OASIS SARIF 2.1.0 JSON schema for any file name: every
//! artifact location is a percent-encoded URI (RFC 3986) relative to the
//! named base `%SRCROOT%`, whose absolute `file://` URI is given in
//! `originalUriBaseIds`; a file outside that root gets an absolute `file://`
//! URI instead. Every `ruleId` used has a rule entry (the review rules, then
//! one `load/…` rule per load-error code), and every result carries a
//! `partialFingerprints` entry that does not depend on line numbers.

use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::load::LoadError;
use crate::report::check::{CheckReport, FileCheck};
use crate::rules::registry;
use crate::source_map::Location;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The name of the base URI that artifact locations are relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// Where information about the tool is found (`tool.driver.informationUri`):
/// the crate's homepage or repository when the build sets one, else none.
/// The crate is not published, so no address is guessed (a link to a page
/// that does not exist helps nobody); every rule's explanation is in the log
/// itself (`rules[].help`).
pub const INFORMATION_URI: Option<&str> = match option_env!("CARGO_PKG_HOMEPAGE") {
    Some(h) if !h.is_empty() => Some(h),
    _ => match option_env!("CARGO_PKG_REPOSITORY") {
        Some(r) if !r.is_empty() => Some(r),
        _ => None,
    },
};

/// The published page of the rules, set at build time with
/// `TTHC_RULES_URL` (e.g. `https://example.org/tthc/rules.html`); each
/// rule is linked as that page with its lower-case code as the anchor.
/// Unset (the default), no rule links are emitted.
pub const RULES_URL: Option<&str> = match option_env!("TTHC_RULES_URL") {
    Some(u) if !u.is_empty() => Some(u),
    _ => None,
};

/// The link to rule `code`'s documentation on the rules page `base`:
/// `base#tt304`. `None` without a page ([`RULES_URL`] unset).
///
/// ```
/// use tthc::report::sarif::rule_help_uri;
/// assert_eq!(rule_help_uri(Some("https://x.org/rules.html"), "TT304").as_deref(), Some("https://x.org/rules.html#tt304"));
/// assert_eq!(rule_help_uri(None, "TT304"), None);
/// ```
pub fn rule_help_uri(base: Option<&str>, code: &str) -> Option<String> {
    base.map(|b| format!("{b}#{}", code.to_ascii_lowercase()))
}

/// The fingerprint's name in `partialFingerprints` (versioned: a change of
/// what is hashed gets a new name).
pub const FINGERPRINT: &str = "tthcFinding/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warn => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes `s` for a URI path segment (RFC 3986): every byte but the
/// unreserved characters `A–Z a–z 0–9 - . _ ~` becomes `%XX`, so spaces,
/// Vietnamese letters, `#`, `?`, `%` and `:` are all safe.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path` without `.` and with `..` applied, without touching the file
/// system (for paths that do not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` as an absolute path: canonical when it exists, else made absolute
/// against `cwd` and normalised.
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    std::fs::canonicalize(&joined).unwrap_or_else(|_| normalize(&joined))
}

/// The segments of a path, each as text.
fn segments(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".into()),
            _ => None,
        })
        .collect()
}

/// An absolute path as a `file://` URI (`file:///home/a%20b/x.yaml`); a
/// Windows drive prefix becomes `/C:`.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for c in path.components() {
        if let Component::Prefix(p) = c {
            let text = p.as_os_str().to_string_lossy();
            uri.push('/');
            uri.push_str(&text.replace('\\', "/"));
        }
    }
    for s in segments(path) {
        uri.push('/');
        uri.push_str(&encode_segment(&s));
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// Where SARIF artifact locations are relative to.
#[derive(Clone, Debug)]
pub struct SarifRoot {
    root: PathBuf,
    cwd: PathBuf,
}

impl SarifRoot {
    /// The root `root` (absolute, or relative to `cwd`), for paths given
    /// relative to `cwd`.
    pub fn new(root: &Path, cwd: &Path) -> SarifRoot {
        SarifRoot {
            root: absolute(root, cwd),
            cwd: cwd.to_path_buf(),
        }
    }

    /// The default root for paths relative to `cwd`: the nearest directory
    /// at or above `cwd` that holds `.git` (the repository root), else `cwd`.
    pub fn discover(cwd: &Path) -> SarifRoot {
        let cwd_abs = absolute(cwd, cwd);
        let root = cwd_abs
            .ancestors()
            .find(|d| d.join(".git").exists())
            .map_or_else(|| cwd_abs.clone(), Path::to_path_buf);
        SarifRoot {
            root,
            cwd: cwd.to_path_buf(),
        }
    }

    /// The root's `file://` URI, ending in `/`.
    pub fn uri(&self) -> String {
        let mut u = file_uri(&self.root);
        if !u.ends_with('/') {
            u.push('/');
        }
        u
    }

    /// The artifact location of `path`: a relative URI with `uriBaseId`
    /// `%SRCROOT%` when it is under the root, else an absolute `file://` URI.
    pub fn artifact_location(&self, path: &str) -> Value {
        let (uri, relative) = self.uri_of(path);
        if relative {
            json!({ "uri": uri, "uriBaseId": SRCROOT })
        } else {
            json!({ "uri": uri })
        }
    }

    /// `path`'s URI, and whether it is relative to the root.
    fn uri_of(&self, path: &str) -> (String, bool) {
        let abs = absolute(Path::new(path), &self.cwd);
        match abs.strip_prefix(&self.root) {
            Ok(rel) => {
                let uri = segments(rel)
                    .iter()
                    .map(|s| encode_segment(s))
                    .collect::<Vec<_>>()
                    .join("/");
                (uri, true)
            }
            Err(_) => (file_uri(&abs), false),
        }
    }
}

/// A stable 64-bit FNV-1a hash as 16 hex digits (the same on every platform
/// and Rust version, unlike `DefaultHasher`).
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn location(artifact: Value, loc: Option<Location>, element: Option<&str>) -> Value {
    let mut physical = json!({ "artifactLocation": artifact });
    if let (Some(l), Some(obj)) = (loc, physical.as_object_mut())
        && l.line > 0
    {
        let mut region = json!({ "startLine": l.line });
        if l.column > 0
            && let Some(r) = region.as_object_mut()
        {
            r.insert("startColumn".into(), json!(l.column));
        }
        obj.insert("region".into(), region);
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

/// A fix as a SARIF `fix`: its title and one replacement per edit, by
/// byte offset and length in the file.
fn sarif_fix(fix: &crate::fix::Fix, artifact: Value, lang: Lang) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            json!({
                "deletedRegion": {
                    "byteOffset": e.start,
                    "byteLength": e.end.saturating_sub(e.start),
                },
                "insertedContent": { "text": e.replacement },
            })
        })
        .collect();
    json!({
        "description": { "text": fix.title.get(lang) },
        "artifactChanges": [{ "artifactLocation": artifact, "replacements": replacements }],
    })
}

fn load_rule(code: &str, lang: Lang) -> Value {
    let summary = LoadError::CODES.iter().find(|(c, _, _)| *c == code).map_or(
        lang.pick("tệp không nạp được", "the file did not load"),
        |(_, en, vi)| lang.pick(vi, en),
    );
    json!({
        "id": format!("load/{code}"),
        "name": format!("load-{code}"),
        "shortDescription": { "text": summary },
        "defaultConfiguration": { "level": "error" },
    })
}

/// A load error's message with its hint ("did you mean …") kept.
fn load_message(e: &LoadError, lang: Lang) -> String {
    let mut text = e.message(lang);
    if let Some(help) = e.help(lang) {
        text = format!("{text} — {help}");
    }
    text
}

/// `report` as a SARIF 2.1.0 log, locations relative to the repository root
/// above the current directory (see [`render_with`]).
pub fn render(report: &CheckReport, lang: Lang) -> String {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    render_with(report, lang, &SarifRoot::discover(&cwd))
}

/// `report` as a SARIF 2.1.0 log: the review rules and the load-error rules
/// as `tool.driver.rules`, findings and load errors as `results` with their
/// physical and logical locations relative to `root` and a fingerprint.
pub fn render_with(report: &CheckReport, lang: Lang, root: &SarifRoot) -> String {
    let mut rules: Vec<Value> = registry()
        .iter()
        .map(|r| {
            let i = r.info();
            let mut rule = json!({
                "id": i.code,
                "name": i.name,
                "shortDescription": { "text": i.summary.get(lang) },
                "fullDescription": { "text": i.why.get(lang) },
                "help": { "text": crate::rules::explanation(i, lang) },
                "defaultConfiguration": { "level": level(i.severity) },
            });
            if let (Some(uri), Some(obj)) = (rule_help_uri(RULES_URL, i.code), rule.as_object_mut())
            {
                obj.insert("helpUri".into(), Value::String(uri));
            }
            rule
        })
        .collect();
    rules.extend(LoadError::CODES.iter().map(|(c, _, _)| load_rule(c, lang)));
    let mut index: HashMap<String, usize> = rules
        .iter()
        .enumerate()
        .filter_map(|(n, r)| r["id"].as_str().map(|id| (id.to_string(), n)))
        .collect();
    let mut results = Vec::new();
    let mut push = |rules: &mut Vec<Value>, mut result: Value, rule_id: &str| {
        let n = match index.get(rule_id) {
            Some(&n) => n,
            None => {
                // A code the lists above do not know still gets its entry.
                let n = rules.len();
                let code = rule_id.strip_prefix("load/").unwrap_or(rule_id);
                rules.push(load_rule(code, lang));
                if let Some(r) = rules.last_mut().and_then(Value::as_object_mut) {
                    r.insert("id".into(), json!(rule_id));
                }
                index.insert(rule_id.to_string(), n);
                n
            }
        };
        if let Some(obj) = result.as_object_mut() {
            obj.insert("ruleIndex".into(), json!(n));
        }
        results.push(result);
    };
    for f in &report.files {
        match &f.check {
            FileCheck::Failed(errors) => {
                for e in &errors.errors {
                    let path = if e.origin.is_empty() {
                        f.path.as_str()
                    } else {
                        e.origin.as_str()
                    };
                    let rule_id = format!("load/{}", e.code());
                    let (uri, _) = root.uri_of(path);
                    let element = e.element.as_deref();
                    let key = element.map_or_else(|| e.message(Lang::En), str::to_string);
                    let result = json!({
                        "ruleId": rule_id,
                        "level": "error",
                        "message": { "text": load_message(e, lang) },
                        "locations": [location(root.artifact_location(path), e.location, element)],
                        "partialFingerprints": { FINGERPRINT: fingerprint(&[&rule_id, &key, &uri]) },
                    });
                    push(&mut rules, result, &rule_id);
                }
            }
            FileCheck::Loaded {
                findings,
                suppressed,
                ..
            } => {
                let (uri, _) = root.uri_of(&f.path);
                let silenced = suppressed.iter().map(|s| (&s.finding, Some(s)));
                for (finding, suppression) in findings.iter().map(|f| (f, None)).chain(silenced) {
                    let mut text = finding.message.get(lang).to_string();
                    if let Some(s) = &finding.suggestion {
                        text = format!("{text} — {}", s.get(lang));
                    }
                    let element = finding.element.as_ref().map(|e| e.as_str());
                    let key = element
                        .map_or_else(|| finding.message.get(Lang::En).to_string(), str::to_string);
                    let mut result = json!({
                        "ruleId": finding.code,
                        "level": level(finding.severity),
                        "message": { "text": text },
                        "locations": [location(root.artifact_location(&f.path), finding.location, element)],
                        "partialFingerprints": {
                            FINGERPRINT: fingerprint(&[finding.code.as_str(), &key, &uri]),
                        },
                    });
                    // Its mechanical fix, as byte-range replacements.
                    if let (Some(fix), Some(obj)) = (&finding.fix, result.as_object_mut()) {
                        obj.insert(
                            "fixes".into(),
                            json!([sarif_fix(fix, root.artifact_location(&f.path), lang)]),
                        );
                    }
                    // A suppressed finding is a result with its in-source
                    // suppression: the reason and where the comment is.
                    if let (Some(s), Some(obj)) = (suppression, result.as_object_mut()) {
                        obj.insert(
                            "suppressions".into(),
                            json!([{
                                "kind": "inSource",
                                "justification": s.reason,
                                "location": location(root.artifact_location(&f.path), Some(s.comment), None),
                            }]),
                        );
                    }
                    push(&mut rules, result, finding.code.as_str());
                }
            }
        }
    }
    let mut driver = json!({
        "name": "tthc",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let (Some(uri), Some(obj)) = (INFORMATION_URI, driver.as_object_mut()) {
        obj.insert("informationUri".into(), Value::String(uri.into()));
    }
    crate::report::json::pretty(&json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "originalUriBaseIds": { SRCROOT: { "uri": root.uri() } },
            "results": results,
        }],
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(encode_segment("a b#c%d?.yaml"), "a%20b%23c%25d%3F.yaml");
        assert_eq!(
            encode_segment("khai-sinh-đăng-ký.yaml"),
            "khai-sinh-%C4%91%C4%83ng-k%C3%BD.yaml"
        );
        assert_eq!(encode_segment("x:y"), "x%3Ay");
    }

    #[test]
    fn paths_are_relative_to_the_root_or_absolute_uris() {
        let root = SarifRoot::new(Path::new("/nonexistent/r p"), Path::new("/"));
        assert_eq!(root.uri(), "file:///nonexistent/r%20p/");
        let (uri, rel) = root.uri_of("/nonexistent/r p/viet/đ.yaml");
        assert_eq!((uri.as_str(), rel), ("viet/%C4%91.yaml", true));
        let (uri, rel) = root.uri_of("/elsewhere/./a/../b c.yaml");
        assert_eq!((uri.as_str(), rel), ("file:///elsewhere/b%20c.yaml", false));
        let inner = SarifRoot::new(Path::new("/nonexistent"), Path::new("/nonexistent/r p"));
        assert_eq!(inner.uri_of("x.yaml").0, "r%20p/x.yaml");
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(
            fingerprint(&["TT101", "steps.a", "x.yaml"]),
            fingerprint(&["TT101", "steps.a", "x.yaml"])
        );
        assert_ne!(fingerprint(&["a", "bc"]), fingerprint(&["ab", "c"]));
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
    }
}
