//! The language server's loop, in process through
//! `lsp_server::Connection::memory()`: initialize, didOpen →
//! publishDiagnostics (snapshot), hover, definition, references, outline,
//! completion, didChange, a malformed request, shutdown and exit.
#![cfg(feature = "lsp")]

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tthc::analysis::Overrides;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp/khai-sinh.yaml")
}

struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), tthc::lsp::ServerError>>>,
    next_id: i32,
}

impl Client {
    fn start() -> Client {
        Client::start_with(json!({ "capabilities": {} }))
    }

    fn start_with(initialize: Value) -> Client {
        let (server, conn) = Connection::memory();
        let handle = std::thread::spawn(move || tthc::lsp::run(&server, Overrides::default()));
        let mut client = Client {
            conn,
            server: Some(handle),
            next_id: 0,
        };
        let init = client.request("initialize", initialize);
        assert_eq!(init["serverInfo"]["name"], "tthc", "{init}");
        assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 1);
        client.notify("initialized", json!({}));
        client
    }

    fn send(&self, m: Message) {
        self.conn
            .sender
            .send(m)
            .unwrap_or_else(|e| panic!("send: {e}"));
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|e| panic!("no message from the server: {e}"))
    }

    fn raw_request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => return r,
                Message::Response(r) => panic!("response to another request: {r:?}"),
                _ => {}
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let r = self.raw_request(method, params);
        match r.response_result {
            Ok(v) => v,
            Err(e) => panic!("{method}: {e:?}"),
        }
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    fn diagnostics(&self) -> Value {
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
            {
                return n.params;
            }
        }
    }

    fn stop(mut self) {
        let r = self.raw_request("shutdown", Value::Null);
        assert!(r.response_result.is_ok());
        self.notify("exit", Value::Null);
        let result = self.server.take().map(|h| {
            h.join()
                .unwrap_or_else(|_| panic!("server thread panicked"))
        });
        assert!(matches!(result, Some(Ok(()))), "{result:?}");
    }
}

/// The `field` of every item of the array `list`.
fn strings<'a>(list: &'a Value, field: &str) -> Vec<&'a str> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item[field].as_str())
        .collect()
}

/// Some diagnostic of a `publishDiagnostics` notification says `text`.
fn assert_message(published: &Value, text: &str) {
    let messages = strings(&published["diagnostics"], "message");
    assert!(
        messages.iter().any(|m| m.contains(text)),
        "{text}: {messages:?}"
    );
}

fn uri() -> String {
    tthc::lsp::uri::from_path(&fixture())
        .map(|u| u.as_str().to_string())
        .unwrap_or_else(|| panic!("no uri"))
}

fn text() -> String {
    std::fs::read_to_string(fixture()).unwrap_or_else(|e| panic!("fixture: {e}"))
}

fn at(line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": uri() }, "position": { "line": line, "character": character } })
}

fn open(client: &Client, text: &str) -> Value {
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(), "languageId": "yaml", "version": 1, "text": text } }),
    );
    client.diagnostics()
}

#[test]
fn diagnostics_on_open_match_the_snapshot() {
    let client = Client::start();
    let published = open(&client, &text());
    assert_eq!(published["uri"], uri());
    assert_eq!(published["version"], 1);
    // The fixture's folder is not stable: name it.
    let shown = published
        .to_string()
        .replace(&uri(), "file:///FIXTURE/khai-sinh.yaml");
    let shown: Value = serde_json::from_str(&shown).unwrap_or(Value::Null);
    insta::assert_json_snapshot!("lsp_diagnostics_khai_sinh", shown["diagnostics"]);
    let codes: Vec<&str> = strings(&published["diagnostics"], "code");
    assert!(codes.contains(&"TT304"), "{codes:?}");
    client.stop();
}

#[test]
fn requests_answer_from_the_open_document() {
    let mut client = Client::start();
    let text = text();
    let _ = open(&client, &text);
    let line_of = |needle: &str| {
        u32::try_from(text.lines().position(|l| l.contains(needle)).unwrap_or(0)).unwrap_or(0)
    };

    // Hover on the certified copy: the rule and its legal basis, in Vietnamese.
    let copy = line_of("form: certified_copy");
    let hover = client.request("textDocument/hover", at(copy, 14));
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(value.contains("TT304 certified-copy-required"), "{value}");
    assert!(value.contains("Căn cứ pháp lý"), "{value}");

    // Hover on a step: its figures.
    let step = line_of("  nop-ho-so:");
    let hover = client.request("textDocument/hover", at(step, 4));
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(value.contains("Bước `nop-ho-so`"), "{value}");
    assert!(value.contains("Chi phí tuân thủ mỗi hồ sơ"), "{value}");

    // Hover on a key: its meaning from the format, Vietnamese first.
    let hover = client.request("textDocument/hover", at(copy, 5));
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(value.starts_with("**`form`**"), "{value}");
    // Completion of the words of `form:` and of a step's keys.
    let items = client.request("textDocument/completion", at(copy, 10));
    assert!(strings(&items, "label").contains(&"copy"), "{items}");
    let actor = line_of("actor: applicant");
    let items = client.request("textDocument/completion", at(actor, 4));
    let keys = strings(&items, "label");
    assert!(
        keys.contains(&"duration") && keys.contains(&"rework"),
        "{keys:?}"
    );

    // Definition of `dang-ky` from `next: [dang-ky]`.
    let next = line_of("next: [dang-ky]");
    let def = client.request("textDocument/definition", at(next, 12));
    assert_eq!(
        def["range"]["start"]["line"],
        line_of("  dang-ky:"),
        "{def}"
    );
    assert_eq!(def["range"]["start"]["character"], 2);
    assert_eq!(def["range"]["end"]["character"], 9);

    // References of `to-khai`: its key, `submits` and `uses`.
    let refs = client.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": uri() },
                "position": { "line": line_of("  to-khai:"), "character": 3 },
                "context": { "includeDeclaration": true } }),
    );
    assert_eq!(refs.as_array().map(Vec::len), Some(3), "{refs}");

    // Outline: documents and steps.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri() } }),
    );
    let names: Vec<&str> = strings(&symbols, "name");
    assert_eq!(names, ["documents", "steps"]);
    assert_eq!(symbols[1]["children"][1]["name"], "dang-ky");

    // Completion in `uses: [`.
    let uses = line_of("uses: [to-khai");
    let items = client.request("textDocument/completion", at(uses, 11));
    let labels: Vec<&str> = strings(&items, "label");
    assert_eq!(
        labels,
        [
            "to-khai",
            "giay-chung-sinh",
            "to-khai-ban-2",
            "giay-khai-sinh"
        ]
    );

    // A malformed request gets an error; the server goes on.
    let bad = client.raw_request("textDocument/hover", json!({ "position": "nowhere" }));
    assert_eq!(
        bad.response_result.as_ref().err().map(|e| e.code),
        Some(-32602),
        "{bad:?}"
    );
    let unknown = client.raw_request("tthc/nothing", Value::Null);
    assert_eq!(
        unknown.response_result.as_ref().err().map(|e| e.code),
        Some(-32601)
    );

    // A change: an unknown step, reported at once, in UTF-16 columns.
    let broken = text.replace("next: [dang-ky]", "next: [đăng-ký]");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(), "version": 2 },
                "contentChanges": [{ "text": broken }] }),
    );
    let published = client.diagnostics();
    assert_eq!(published["version"], 2);
    let d = &published["diagnostics"][0];
    assert_eq!(d["code"], "unknown-step", "{published}");
    assert_eq!(
        d["range"]["start"],
        json!({ "line": next, "character": 11 })
    );
    assert_eq!(d["range"]["end"], json!({ "line": next, "character": 18 }));
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("không có bước nào có mã `đăng-ký`"),
        "{d}"
    );
    // The file does not load: definitions come from the scanner.
    let def = client.request("textDocument/definition", at(line_of("uses: [to-khai"), 12));
    assert_eq!(def["range"]["start"]["line"], line_of("  to-khai:"));

    // The quick fix of TT304: a workspace edit of this file.
    let fix_at = |line: u32, character: u32| {
        json!({ "textDocument": { "uri": uri() },
                "range": { "start": { "line": line, "character": character },
                           "end": { "line": line, "character": character } },
                "context": { "diagnostics": [] } })
    };
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(), "version": 3 },
                "contentChanges": [{ "text": text }] }),
    );
    let _ = client.diagnostics();
    let actions = client.request("textDocument/codeAction", fix_at(copy, 12));
    assert_eq!(actions.as_array().map(Vec::len), Some(1), "{actions}");
    let action = &actions[0];
    assert_eq!(action["title"], "đổi thành bản sao (`form: copy`)");
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["diagnostics"][0]["code"], "TT304");
    assert_eq!(
        action["edit"]["changes"][uri()],
        json!([{ "range": { "start": { "line": copy, "character": 10 },
                             "end": { "line": copy, "character": 24 } },
                  "newText": "copy" }])
    );
    let mut only_refactor = fix_at(copy, 12);
    only_refactor["context"]["only"] = json!(["refactor"]);
    assert_eq!(
        client.request("textDocument/codeAction", only_refactor),
        json!([])
    );

    // A misspelt key: a load error whose fix renames it, after Vietnamese text.
    let misspelt = text.replacen(
        "    form: original\n    effort",
        "    forn: original\n    effort",
        1,
    );
    assert_ne!(misspelt, text);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(), "version": 4 },
                "contentChanges": [{ "text": misspelt }] }),
    );
    let published = client.diagnostics();
    let forn = line_of("    name: Tờ khai đăng ký khai sinh") + 1;
    assert_eq!(
        published["diagnostics"][0]["code"], "unknown-key",
        "{published}"
    );
    let actions = client.request("textDocument/codeAction", fix_at(forn, 5));
    assert_eq!(actions[0]["title"], "đổi `forn` thành `form`", "{actions}");
    assert_eq!(
        actions[0]["edit"]["changes"][uri()][0]["range"]["start"],
        json!({ "line": forn, "character": 4 })
    );

    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri() } }),
    );
    let cleared = client.diagnostics();
    assert_eq!(cleared["diagnostics"], json!([]));
    client.stop();
}

#[test]
fn lang_from_initialization_options() {
    let client = Client::start_with(
        json!({ "capabilities": {}, "initializationOptions": { "lang": "en" } }),
    );
    let published = open(&client, &text());
    assert_message(&published, "must be a certified copy");
    client.stop();
}

#[test]
fn settings_come_from_the_folder_and_are_reread_when_saved() {
    // A folder of its own: its tthc.yaml says English, then Vietnamese.
    let dir = std::env::temp_dir().join(format!("tthc-lsp-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let config = dir.join("tthc.yaml");
    let procedure = dir.join("khai-sinh.yaml");
    std::fs::write(&config, "lang: en\n").unwrap_or_else(|e| panic!("{e}"));
    let file_uri = |p: &Path| {
        tthc::lsp::uri::from_path(p)
            .map(|u| u.as_str().to_string())
            .unwrap_or_else(|| panic!("no uri"))
    };
    let client = Client::start();
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": file_uri(&procedure), "languageId": "yaml", "version": 1, "text": text() } }),
    );
    let english = client.diagnostics();
    assert_message(&english, "must be a certified copy");

    // The configuration edited in the editor: its own load errors, located.
    let bad = "lang: vi\nrules:\n  TT999: off\n";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": file_uri(&config), "languageId": "yaml", "version": 1, "text": bad } }),
    );
    let errors = client.diagnostics();
    assert_eq!(errors["uri"], file_uri(&config));
    assert_eq!(
        errors["diagnostics"][0]["range"]["start"]["line"], 2,
        "{errors}"
    );

    // Saved (fixed) on disk: every open file is read again with it.
    std::fs::write(&config, "lang: vi\n").unwrap_or_else(|e| panic!("{e}"));
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": file_uri(&config), "version": 2 },
                "contentChanges": [{ "text": "lang: vi\n" }] }),
    );
    let fixed = client.diagnostics();
    assert_eq!(fixed["diagnostics"], json!([]));
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": file_uri(&config) } }),
    );
    let mut vietnamese = None;
    for _ in 0..2 {
        let published = client.diagnostics();
        if published["uri"] == file_uri(&procedure) {
            vietnamese = Some(published);
        }
    }
    let vietnamese = vietnamese.unwrap_or_else(|| panic!("the procedure was not published again"));
    assert_message(&vietnamese, "phải là bản sao có chứng thực");
    let _ = std::fs::remove_dir_all(&dir);
    client.stop();
}
