//! The JSON Schemas and the format reference are generated from the keys the
//! loader reads; the copies in docs/ must equal what the code generates, and
//! a real editor's YAML language server must accept every shipped file with
//! them and flag every bad fixture on the line of its mistake.
//!
//! The language server is `yaml-language-server` from npm, which `.ci/test`
//! installs into `$TTHC_TOOLS` (default `~/.cache/tthc-tools`); the test
//! FAILS, saying so, when it is missing.
#![cfg(feature = "json")]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tthc::format::{SchemaKind, reference, schema};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn schema_files_in_docs_equal_what_the_code_generates() {
    for kind in SchemaKind::ALL {
        let path = root().join("docs/schema").join(kind.file_name());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text == schema(kind),
            "{} is out of date: run `tthc schema {} -o {}`",
            path.display(),
            kind.key(),
            path.display()
        );
    }
}

#[test]
fn format_reference_in_docs_equals_what_the_code_generates() {
    const START: &str = "<!-- format:start -->";
    const END: &str = "<!-- format:end -->";
    let text = std::fs::read_to_string(root().join("docs/format.md")).unwrap_or_default();
    let (Some(start), Some(end)) = (text.find(START), text.find(END)) else {
        panic!("docs/format.md lacks the {START} … {END} markers");
    };
    assert_eq!(
        text[start + START.len()..end].trim(),
        reference().trim(),
        "docs/format.md is out of date: replace the part between the markers with `tthc schema reference`"
    );
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml") {
            out.push(p);
        }
    }
}

/// A language server over stdio, speaking JSON-RPC with Content-Length
/// framing; notifications are read on a thread of their own.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: u64,
}

impl Server {
    fn start(command: &mut Command) -> Server {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the language server");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, tx));
        Server {
            child,
            stdin,
            messages,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response, answering the server's
    /// own requests (configuration, registration) on the way.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.next(Duration::from_secs(60)).expect("a response");
            if m["id"] == id && m.get("method").is_none() {
                return m;
            }
            self.answer(&m);
        }
    }

    fn answer(&mut self, m: &Value) {
        if m.get("method").is_some()
            && let Some(id) = m.get("id")
        {
            // workspace/configuration: one `null` per item asked for.
            let result = match m["params"]["items"].as_array() {
                Some(items) => Value::Array(vec![Value::Null; items.len()]),
                None => Value::Null,
            };
            self.send(json!({ "jsonrpc": "2.0", "id": id, "result": result }));
        }
    }

    fn next(&mut self, timeout: Duration) -> Option<Value> {
        self.messages.recv_timeout(timeout).ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_messages(stdout: ChildStdout, tx: mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        if let Ok(v) = serde_json::from_slice(&body)
            && tx.send(v).is_err()
        {
            return;
        }
    }
}

fn file_uri(path: &Path) -> String {
    // The paths here are the repository's own: ASCII, no spaces.
    format!("file://{}", path.display())
}

/// Opens every file with its schema named in a modeline and returns the
/// diagnostics published for each (the last set for each file).
fn diagnostics(files: &[(PathBuf, SchemaKind)]) -> Vec<(PathBuf, Vec<Value>)> {
    let tools = std::env::var_os("TTHC_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/tthc-tools")
        });
    let server = tools.join("node_modules/yaml-language-server/bin/yaml-language-server");
    assert!(
        server.is_file(),
        "{} is missing: run .ci/test, which installs yaml-language-server from npm",
        server.display()
    );
    let mut s = Server::start(Command::new("node").arg(&server).arg("--stdio"));
    let init = s.request(
        "initialize",
        json!({ "processId": null, "rootUri": file_uri(&root()), "capabilities": {} }),
    );
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    s.notify("initialized", json!({}));
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "yaml": { "validate": true, "schemaStore": { "enable": false } } } }),
    );
    let mut pending = std::collections::HashMap::new();
    for (path, kind) in files {
        let text = std::fs::read_to_string(path).expect("read fixture");
        let schema = root().join("docs/schema").join(kind.file_name());
        // The modeline goes on the first line; every line of the file moves
        // down by one, which the line checks below take into account.
        let text = format!(
            "# yaml-language-server: $schema={}\n{text}",
            file_uri(&schema)
        );
        let uri = file_uri(path);
        s.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
        pending.insert(uri, path.clone());
    }
    let mut got: std::collections::HashMap<String, Vec<Value>> = Default::default();
    let deadline = Instant::now() + Duration::from_secs(120);
    // Wait until every file has diagnostics, then for a quiet second (the
    // server may publish again once a schema is loaded).
    while Instant::now() < deadline {
        let quiet = if got.len() == pending.len() {
            Duration::from_secs(1)
        } else {
            Duration::from_secs(30)
        };
        let Some(m) = s.next(quiet) else {
            break;
        };
        if m["method"] == "textDocument/publishDiagnostics" {
            let uri = m["params"]["uri"].as_str().unwrap_or_default().to_string();
            let list = m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            got.insert(uri, list);
        } else {
            s.answer(&m);
        }
    }
    let _ = s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    let mut out = Vec::new();
    for (uri, path) in pending {
        let list = got
            .remove(&uri)
            .unwrap_or_else(|| panic!("yaml-language-server published no diagnostics for {uri}"));
        out.push((path, list));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn yaml_language_server_accepts_every_shipped_file_and_flags_each_mistake() {
    let mut files = Vec::new();
    let mut procedures = Vec::new();
    yaml_files(&root().join("procedures"), &mut procedures);
    files.extend(procedures.into_iter().map(|p| (p, SchemaKind::Procedure)));
    let mut reviews = Vec::new();
    yaml_files(&root().join("tests/review"), &mut reviews);
    files.extend(reviews.into_iter().map(|p| (p, SchemaKind::ReviewTest)));
    files.push((
        root().join("tests/fixtures/rules/configured/tthc.yaml"),
        SchemaKind::Config,
    ));
    let mut bad = Vec::new();
    yaml_files(&root().join("tests/fixtures/schema"), &mut bad);
    assert!(bad.len() >= 8, "the bad fixtures are missing");
    for p in &bad {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let kind = if name.starts_with("review-") {
            SchemaKind::ReviewTest
        } else if name.starts_with("config-") {
            SchemaKind::Config
        } else {
            SchemaKind::Procedure
        };
        files.push((p.clone(), kind));
    }
    assert!(files.len() > 150, "{} files", files.len());

    let mut wrong = Vec::new();
    for (path, list) in diagnostics(&files) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if bad.contains(&path) {
            // The line marked `# ← …` is the mistake (1-based in the file;
            // the modeline moved it down by one, LSP lines are 0-based).
            let marked = text
                .lines()
                .position(|l| l.contains("# ←"))
                .expect("a bad fixture marks its mistake with `# ←`");
            let hit = list
                .iter()
                .any(|d| d["range"]["start"]["line"].as_u64() == Some(marked as u64 + 1));
            if !hit {
                wrong.push(format!(
                    "{}: no diagnostic on line {}: {list:?}",
                    path.display(),
                    marked + 1
                ));
            }
        } else if !list.is_empty() {
            wrong.push(format!("{}: {list:?}", path.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_loader_refuses_every_bad_schema_fixture_too() {
    let mut bad = Vec::new();
    yaml_files(&root().join("tests/fixtures/schema"), &mut bad);
    for p in bad {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let refused = if name.starts_with("review-") {
            tthc::review_test::parse_review_tests(&text, &p).is_err()
        } else if name.starts_with("config-") {
            tthc::Settings::from_yaml_str(&text, name).is_err()
        } else {
            tthc::Analysis::from_yaml_str(&text, name, &tthc::Settings::default()).is_err()
        };
        assert!(refused, "{} loads, but the schema refuses it", p.display());
    }
}
