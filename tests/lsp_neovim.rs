//! A real editor's LSP client: headless Neovim (0.7 or later, which
//! `.ci/test` installs) opens the fixture procedure with `tthc lsp`,
//! receives its diagnostics (code, line, the Vietnamese message), and sees
//! them change as a line is typed — with columns converted by Neovim from
//! the server's UTF-16 positions to bytes — and applies the quick fix of a
//! finding, the buffer's text checked.
#![cfg(feature = "cli")]

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn nvim() -> String {
    let found = Command::new("nvim").arg("--version").output();
    match found {
        Ok(o) if o.status.success() => "nvim".into(),
        _ => {
            panic!("Neovim (nvim) is not installed: .ci/test installs it (apt-get install neovim)")
        }
    }
}

#[test]
fn neovim_receives_diagnostics_and_their_changes() {
    let nvim = nvim();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp");
    let out = std::env::temp_dir().join(format!("tthc-lsp-neovim-{}.json", std::process::id()));
    let run = Command::new(nvim)
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", dir.join("neovim.lua").display()))
        .env("TTHC_BIN", env!("CARGO_BIN_EXE_tthc"))
        .env("TTHC_FILE", dir.join("khai-sinh.yaml"))
        .env("TTHC_OUT", &out)
        .output()
        .unwrap_or_else(|e| panic!("nvim did not run: {e}"));
    assert!(
        run.status.success(),
        "nvim failed: {}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("no output: {e}"));
    let _ = std::fs::remove_file(&out);
    let seen: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(
        seen["opened"], true,
        "no TT304 diagnostic in time: {seen:#}"
    );

    let on_open = seen["on_open"].as_array().cloned().unwrap_or_default();
    let tt304 = on_open
        .iter()
        .find(|d| d["code"] == "TT304")
        .unwrap_or_else(|| panic!("TT304 in {on_open:#?}"));
    // Line 21 of the file (0-based 20), `form: certified_copy` from column 10.
    assert_eq!(tt304["lnum"], 20);
    assert_eq!(tt304["col"], 10);
    assert_eq!(tt304["end_col"], 24);
    assert_eq!(tt304["severity"], 2, "a warning");
    let message = tt304["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("`giay-chung-sinh` phải là bản sao có chứng thực"),
        "{message}"
    );
    assert!(on_open.iter().any(|d| d["code"] == "TT301"), "{on_open:#?}");

    let hover = seen["hover"].as_str().unwrap_or("");
    assert!(hover.contains("TT304 certified-copy-required"), "{hover}");
    assert!(hover.contains("Căn cứ pháp lý"), "{hover}");

    // The code action, applied by Neovim: the buffer has a plain copy and
    // TT304 is gone (TT301 stays).
    assert_eq!(seen["action_title"], "đổi thành bản sao (`form: copy`)");
    assert_eq!(seen["fixed_line"], "    form: copy");
    assert_eq!(
        seen["fixed"], true,
        "TT304 still there after the fix: {seen:#}"
    );
    let codes: Vec<&str> = seen["after_fix"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["TT005", "TT301"]);

    assert_eq!(
        seen["changed"], true,
        "no unknown-step after the edit: {seen:#}"
    );
    let after = seen["after_change"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        after.len(),
        1,
        "a file that does not load shows its load errors: {after:#?}"
    );
    let d = &after[0];
    assert_eq!(d["code"], "unknown-step");
    assert_eq!(d["lnum"], seen["next_line"]);
    // `    next: [` is 11 bytes; `đăng-ký` is 7 UTF-16 units but 10 bytes.
    assert_eq!(d["col"], 11);
    assert_eq!(d["end_col"], 21);
    let message = d["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("không có bước nào có mã `đăng-ký` — "),
        "{d}"
    );
}
