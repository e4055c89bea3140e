//! One language setting for every command: `--lang`, then `TTHC_LANG`, then
//! `lang:` in tthc.yaml, then Vietnamese.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str], env_lang: Option<&str>, dir: &Path) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tthc"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("TTHC_LANG");
    if let Some(l) = env_lang {
        cmd.env("TTHC_LANG", l);
    }
    let out = cmd.output().expect("run tthc");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

const KHAI_SINH: &str = "procedures/ho-tich/dang-ky-khai-sinh.yaml";

#[test]
fn every_procedure_command_defaults_to_vietnamese() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases: [(&[&str], &str); 4] = [
        (&["check", KHAI_SINH], "hợp lệ"),
        (&["metrics", KHAI_SINH], "Cấu trúc"),
        (&["audit", "procedures", "--fail-on", "never"], "Tổng cộng"),
        (&["test", "tests/review/catalog.yaml"], "đạt"),
    ];
    for (args, vi) in cases {
        let out = run(args, None, root);
        assert!(out.contains(vi), "{args:?} is not in Vietnamese:\n{out}");
    }
}

#[test]
fn flag_beats_environment_beats_config() {
    let dir = std::env::temp_dir().join(format!("tthc-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join(KHAI_SINH), dir.join("p.yaml")).unwrap();
    std::fs::write(dir.join("tthc.yaml"), "lang: en\n").unwrap();
    assert!(
        run(&["check", "p.yaml"], None, &dir).contains(": ok ("),
        "tthc.yaml en"
    );
    assert!(
        run(&["check", "p.yaml"], Some("vi"), &dir).contains("hợp lệ"),
        "env beats file"
    );
    assert!(
        run(&["check", "p.yaml", "--lang", "en"], Some("vi"), &dir).contains(": ok ("),
        "flag beats env"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
