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

const LIEN_THONG: &str = "procedures/national/ho-tich/2.000986-lien-thong-thu-tuc-hanh-chinh-ve-dang-ky-khai-sinh-dang-ky.yaml";

fn tools() -> PathBuf {
    std::env::var_os("TTHC_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/tthc-tools")
        })
}

/// The text lines of every step node of the report's graph (its `<tspan>`s),
/// per step.
fn step_lines(html: &str) -> Vec<(String, Vec<String>)> {
    html.split(r#"<g class="step" data-step=""#)
        .skip(1)
        .map(|part| {
            let id = part.split('"').next().unwrap_or_default().to_string();
            let node = part.split("</g>").next().unwrap_or_default();
            let lines = node
                .split("<tspan")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .filter_map(|t| t.split("</tspan>").next())
                .map(|t| {
                    t.replace("&amp;", "&")
                        .replace("&#39;", "'")
                        .replace("&quot;", "\"")
                })
                .collect();
            (id, lines)
        })
        .collect()
}

#[test]
fn printed_report_keeps_every_step_of_the_graph() {
    let a = load(LIEN_THONG);
    let html = tthc::report::html::render(&Report::new(&a), Lang::En);
    let dir = out_dir();
    let page = dir.join("lien-thong.html");
    std::fs::write(&page, &html).expect("write lien-thong.html");
    let pdf = dir.join("lien-thong.pdf");
    let _ = std::fs::remove_file(&pdf);
    let run = run_chromium(
        &format!("file://{}", page.display()),
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
        "pdf",
    );
    assert_no_console_errors(&run, "report (print to PDF)");
    let o = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("pdftotext is needed ({e}): apt-get install poppler-utils (.ci/test does)")
        });
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let steps = step_lines(&html);
    assert_eq!(steps.len(), a.procedure().steps.len());
    assert_eq!(steps.len(), 7, "the liên thông procedure has 7 steps");
    for (id, node) in &steps {
        assert!(!node.is_empty(), "{id} has no text");
        // Each line of the node as a line of the PDF, in order: the graph's
        // own text (the critical-path sentence wraps elsewhere).
        let found = lines
            .windows(node.len())
            .any(|w| w.iter().zip(node).all(|(l, n)| l == n));
        assert!(
            found,
            "step {id} ({node:?}) is missing from the printed PDF"
        );
    }
}

struct Audit {
    violations: Vec<serde_json::Value>,
    facts: serde_json::Value,
}

/// Runs axe-core (from `$TTHC_TOOLS/node_modules/axe-core`, installed by
/// .ci/test) on `html` in Chromium at `width` px, with the graph at full size
/// when `zoomed`; also measures the layout. The report forbids scripts, so
/// the copy under test has its Content-Security-Policy removed.
fn audit(html: &str, width: u32, zoomed: bool, tag: &str) -> Audit {
    let axe_path = tools().join("node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
        panic!(
            "axe-core is needed ({e}: {}): run ./.ci/test, or npm install --prefix ~/.cache/tthc-tools axe-core",
            axe_path.display()
        )
    });
    let csp_start = html
        .find(r#"<meta http-equiv="Content-Security-Policy""#)
        .expect("CSP");
    let csp_end = csp_start + html[csp_start..].find('>').expect("CSP end") + 1;
    let mut page = format!("{}{}", &html[..csp_start], &html[csp_end..]);
    if zoomed {
        page = page.replace(r#"id="graph-zoom""#, r#"id="graph-zoom" checked"#);
    }
    let probe = r#"
axe.run(document, {resultTypes: ['violations']}).then(function (r) {
  var graph = document.querySelector('.graph');
  var cost = document.querySelector('#cost table');
  var facts = {
    violations: r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' :: ' + n.failureSummary; })};
    }),
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    costRight: cost ? cost.getBoundingClientRect().right : 0,
    graphScrollable: graph.scrollWidth > graph.clientWidth,
    graphTabIndex: graph.tabIndex,
    graphRole: graph.getAttribute('role'),
    graphLabel: graph.getAttribute('aria-label'),
    svgWidth: graph.querySelector('svg').getBoundingClientRect().width,
    graphWidth: graph.clientWidth
  };
  var pre = document.createElement('pre');
  pre.id = 'axe-result';
  pre.textContent = JSON.stringify(facts);
  document.body.appendChild(pre);
}).catch(function (e) {
  var pre = document.createElement('pre');
  pre.id = 'axe-result';
  pre.textContent = JSON.stringify({error: String(e)});
  document.body.appendChild(pre);
});"#;
    page = page.replace(
        "</body>",
        &format!("<script>{axe}</script><script>{probe}</script></body>"),
    );
    let file = out_dir().join(format!("axe-{tag}.html"));
    std::fs::write(&file, page).expect("write the audited page");
    let run = run_chromium(
        &format!("file://{}", file.display()),
        &[
            "--dump-dom".to_string(),
            format!("--window-size={width},1000"),
            "--virtual-time-budget=30000".to_string(),
        ],
        &format!("axe-{tag}"),
    );
    let dom = &run.stdout;
    let start = dom
        .find(r#"<pre id="axe-result">"#)
        .unwrap_or_else(|| panic!("axe did not report: {}", run.stderr))
        + r#"<pre id="axe-result">"#.len();
    let end = start + dom[start..].find("</pre>").expect("end of the axe result");
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let facts: serde_json::Value = serde_json::from_str(&json).expect("axe result is JSON");
    assert!(facts.get("error").is_none(), "axe failed: {facts}");
    Audit {
        violations: facts["violations"].as_array().cloned().unwrap_or_default(),
        facts,
    }
}

fn assert_no_serious_violations(a: &Audit, what: &str) {
    let serious: Vec<&serde_json::Value> = a
        .violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect();
    assert!(serious.is_empty(), "{what}: axe-core found {serious:#?}");
}

#[test]
fn report_passes_axe_core_and_fits_800_px() {
    let (baseline, draft) = (load(A6), load(A6_DRAFT));
    for lang in [Lang::En, Lang::Vi] {
        let html = tthc::report::html::render(&Report::new(&draft).with_baseline(&baseline), lang);
        let a = audit(&html, 800, false, &format!("{lang:?}-800"));
        assert_no_serious_violations(&a, &format!("{lang:?} at 800 px"));
        let f = &a.facts;
        let inner = f["innerWidth"].as_f64().unwrap_or(0.0);
        assert!(
            f["scrollWidth"].as_f64().unwrap_or(f64::MAX) <= inner,
            "the page scrolls sideways at 800 px: {f}"
        );
        assert!(
            f["costRight"].as_f64().unwrap_or(f64::MAX) <= inner,
            "the cost table's total column is off-screen at 800 px: {f}"
        );
        // The graph fits the window.
        assert!(
            f["svgWidth"].as_f64().unwrap_or(f64::MAX)
                <= f["graphWidth"].as_f64().unwrap_or(0.0) + 1.0,
            "{f}"
        );
        // At full size it scrolls, and its scroll area is keyboard-reachable.
        let z = audit(&html, 800, true, &format!("{lang:?}-zoom"));
        assert_no_serious_violations(&z, &format!("{lang:?} with the graph at full size"));
        assert_eq!(z.facts["graphScrollable"], true, "{}", z.facts);
        assert_eq!(z.facts["graphTabIndex"], 0, "{}", z.facts);
        assert_eq!(z.facts["graphRole"], "region", "{}", z.facts);
        assert!(
            z.facts["graphLabel"]
                .as_str()
                .is_some_and(|l| !l.is_empty())
        );
    }
    let wide = tthc::report::html::render(&Report::new(&load(LIEN_THONG)), Lang::En);
    assert_no_serious_violations(&audit(&wide, 1280, false, "lien-thong"), "liên thông");
}

#[test]
fn text_in_the_other_language_is_marked() {
    let a = load(LIEN_THONG);
    let en = tthc::report::html::render(&Report::new(&a), Lang::En);
    let dom = run_chromium(
        &{
            let f = out_dir().join("lang-en.html");
            std::fs::write(&f, &en).expect("write lang-en.html");
            format!("file://{}", f.display())
        },
        &["--dump-dom".to_string()],
        "lang-en",
    )
    .stdout;
    assert!(
        dom.contains(r#"<html lang="en">"#),
        "{}",
        &dom[..200.min(dom.len())]
    );
    let name = &a.procedure().name;
    assert!(
        dom.contains(&format!(r#"<h1><span lang="vi">{name}</span></h1>"#)),
        "the procedure's name is marked Vietnamese"
    );
    // Every step's name in the graph, and every agency's lane label.
    assert_eq!(
        dom.matches(r##"fill="#1b2635" lang="vi">"##).count(),
        a.procedure().steps.len(),
        "every step name in the graph is marked Vietnamese"
    );
    assert!(
        dom.contains(r##"fill="#25364d" lang="vi">"##),
        "lane labels"
    );
    let vi = tthc::report::html::render(&Report::new(&a), Lang::Vi);
    assert!(vi.contains(r#"<html lang="vi">"#));
    assert!(
        !vi.contains(r#"<span lang="vi">"#),
        "nothing marked in its own language"
    );
    assert!(
        vi.contains(r#"<span lang="en">"#),
        "rule names marked English"
    );
}
