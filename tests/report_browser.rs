//! The HTML report in a real headless browser (Chromium): the rendered DOM
//! has one step node per step and the headline figures, the page logs no
//! console errors, and screenshots are saved under `target/report-test/`.
//!
//! Chromium is required: this test fails (never skips) when it is missing.
//! Install it with `apt-get install -y chromium`, or point `CHROMIUM` at
//! the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tthc::report::page::Report;
use tthc::{Analysis, Lang, Settings};

const A6: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.yaml";
const A6_DRAFT: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.draft.yaml";
const THUONG_TRU: &str = "procedures/cu-tru/dang-ky-thuong-tru.yaml";

fn load(relative: &str) -> Analysis {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let src = std::fs::read_to_string(&path).expect("read procedure");
    Analysis::from_yaml_str(&src, relative, &Settings::default()).expect("procedure loads")
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-test");
    std::fs::create_dir_all(&dir).expect("create target/report-test");
    dir
}

fn chromium() -> PathBuf {
    let candidates = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from));
    for c in candidates {
        if c.is_file() {
            return c;
        }
    }
    let ci = std::env::var_os("CI").is_some();
    panic!(
        "\n\n*** Chromium not found{}: the HTML report must be checked in a real browser. ***\n\
         Install it with `apt-get update && apt-get install -y chromium` (see .ci/run),\n\
         or set CHROMIUM=/path/to/chromium.\n\n",
        if ci { " on CI" } else { "" }
    );
}

struct Run {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium on `url` with a fresh profile; kills it after 60 s.
fn run_chromium(url: &str, extra: &[String], tag: &str) -> Run {
    let profile = out_dir().join(format!("profile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    // Read both pipes on threads so a full pipe cannot block the browser.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().expect("wait chromium").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 60 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = std::fs::remove_dir_all(&profile);
    Run {
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    }
}

fn assert_no_console_errors(run: &Run, what: &str) {
    for line in run.stderr.lines() {
        assert!(
            // The page has no script, so any console message is a fault
            // (an "Uncaught" error, a CSP refusal, a failed load).
            !line.contains("Uncaught")
                && !line.contains(":CONSOLE")
                && !line.contains("Refused to"),
            "{what}: browser reported an error: {line}"
        );
    }
}

fn assert_png(path: &Path) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is not a PNG",
        path.display()
    );
    assert!(bytes.len() > 10_000, "{} looks empty", path.display());
}

#[test]
fn html_report_renders_in_chromium() {
    let (baseline, draft) = (load(A6), load(A6_DRAFT));
    let report = Report::new(&draft).with_baseline(&baseline);
    let html = tthc::report::html::render(&report, Lang::Vi);
    let dir = out_dir();
    let page = dir.join("report.html");
    std::fs::write(&page, &html).expect("write report.html");
    let url = format!("file://{}", page.display());

    let dom = run_chromium(&url, &["--dump-dom".to_string()], "dom");
    assert_no_console_errors(&dom, "report (dump-dom)");
    let d = &dom.stdout;
    assert!(d.contains("</html>"), "no DOM dumped: {}", dom.stderr);
    assert_eq!(
        d.matches(r#"<g class="step""#).count(),
        draft.procedure().steps.len(),
        "one SVG node per step in the rendered DOM"
    );
    for s in &draft.procedure().steps {
        assert!(d.contains(&format!(r#"data-step="{}""#, s.id)), "{}", s.id);
    }
    let per_case = format!("{} đ", report.metrics.compliance_cost.per_case.grouped());
    let before = report
        .baseline
        .as_ref()
        .expect("baseline")
        .comparison
        .baseline
        .compliance_cost
        .per_case;
    assert!(d.contains(&per_case), "headline cost {per_case}");
    assert!(
        d.contains(&format!("{} đ", before.grouped())),
        "baseline cost"
    );
    assert!(d.contains("7 ngày làm việc"), "headline processing time");
    assert!(d.contains("Chi phí tuân thủ mỗi hồ sơ"));
    assert_eq!(d.matches(r#"class="edge critical""#).count(), 2);
    assert!(!d.contains("<script"));

    let shot = dir.join("report.png");
    let _ = std::fs::remove_file(&shot);
    let run = run_chromium(
        &url,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".to_string(),
        ],
        "shot",
    );
    assert_no_console_errors(&run, "report (screenshot)");
    assert_png(&shot);
}

#[test]
fn step_graph_svg_renders_in_chromium() {
    // A procedure with a refusal alternative, a rework loop and findings.
    let p = load(THUONG_TRU);
    let marks = Report::new(&p).marks();
    let svg = tthc::report::svg::render(p.procedure(), &marks, Lang::Vi);
    let size = |attr: &str| -> u32 {
        let start = svg.find(&format!("{attr}=\"")).expect(attr) + attr.len() + 2;
        svg[start..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect(attr)
    };
    let (w, h) = (size("width"), size("height"));
    let dir = out_dir();
    let file = dir.join("graph.svg");
    std::fs::write(&file, &svg).expect("write graph.svg");
    let url = format!("file://{}", file.display());
    let dom = run_chromium(&url, &["--dump-dom".to_string()], "graph-dom");
    assert_no_console_errors(&dom, "graph (dump-dom)");
    assert_eq!(
        dom.stdout.matches(r#"<g class="step""#).count(),
        p.procedure().steps.len()
    );
    assert!(dom.stdout.contains(r#"class="edge rework""#));
    assert!(dom.stdout.contains(r#"class="edge choice""#));
    let shot = dir.join("graph.png");
    let _ = std::fs::remove_file(&shot);
    let run = run_chromium(
        &url,
        &[
            format!("--screenshot={}", shot.display()),
            format!("--window-size={w},{h}"),
        ],
        "graph-shot",
    );
    assert_no_console_errors(&run, "graph (screenshot)");
    assert_png(&shot);
}
