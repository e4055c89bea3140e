//! The review report of real procedures: Markdown snapshots in both
//! languages, and properties of the HTML page.

use tthc::report::page::Report;
use tthc::report::text::ReportDate;
use tthc::{Analysis, Lang, Settings};

const A6: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.yaml";
const A6_DRAFT: &str = "procedures/thong-tin-dien-tu/cap-giay-phep-trang-tttdt-tong-hop.draft.yaml";
const THUONG_TRU: &str = "procedures/cu-tru/dang-ky-thuong-tru.yaml";

/// Loads a catalog file with its relative path as origin, so that output
/// does not depend on where the repository is checked out.
fn load(relative: &str) -> Analysis {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let src = std::fs::read_to_string(&path).expect("read procedure");
    Analysis::from_yaml_str(&src, relative, &Settings::default()).expect("procedure loads")
}

fn markdown(lang: Lang) -> String {
    let (baseline, draft) = (load(A6), load(A6_DRAFT));
    let report = Report::new(&draft)
        .with_baseline(&baseline)
        .dated(ReportDate {
            year: 2025,
            month: 3,
            day: 26,
        });
    tthc::report::markdown::render(&report, lang)
}

#[test]
fn markdown_report_vietnamese() {
    let md = markdown(Lang::Vi);
    // Facts checked independently of the snapshot.
    assert!(md.contains("Ngày lập: 26/03/2025"), "{md}");
    assert!(md.contains("| Thời gian giải quyết | 7 ngày làm việc |"));
    assert!(md.contains("✓ Đạt"));
    assert!(md.contains("```mermaid\nflowchart LR"));
    insta::assert_snapshot!("report_a6_draft_vi", md);
}

#[test]
fn markdown_report_english() {
    let md = markdown(Lang::En);
    assert!(md.contains("Date: 26/03/2025"));
    assert!(md.contains("VND"));
    assert!(!md.contains(" đ |"), "English amounts use VND");
    insta::assert_snapshot!("report_a6_draft_en", md);
}

fn html(p: &Analysis, baseline: Option<&Analysis>, lang: Lang) -> String {
    let mut r = Report::new(p);
    if let Some(b) = baseline {
        r = r.with_baseline(b);
    }
    tthc::report::html::render(&r, lang)
}

#[test]
fn html_is_self_contained_and_has_one_node_per_step() {
    for (file, steps) in [(A6_DRAFT, 3), (THUONG_TRU, 7)] {
        let p = load(file);
        assert_eq!(p.procedure().steps.len(), steps);
        let page = html(&p, None, Lang::Vi);
        assert!(page.starts_with("<!DOCTYPE html>"));
        let lower = page.to_lowercase();
        for banned in [
            "<script",
            "<link",
            "@import",
            "@font-face",
            " src=",
            "url(http",
        ] {
            assert!(!lower.contains(banned), "{file}: {banned}");
        }
        assert_eq!(page.matches(r#"<g class="step""#).count(), steps, "{file}");
        for s in &p.procedure().steps {
            assert!(page.contains(&format!(r#"data-step="{}""#, s.id)));
        }
        assert_eq!(
            page.matches("<svg").count(),
            1,
            "no chart without a baseline"
        );
    }
}

#[test]
fn html_headline_figures_and_comparison() {
    let (baseline, draft) = (load(A6), load(A6_DRAFT));
    let page = html(&draft, Some(&baseline), Lang::Vi);
    let r = Report::new(&draft);
    let per_case = format!("{} đ", r.metrics.compliance_cost.per_case.grouped());
    assert!(page.contains(&per_case), "{per_case}");
    assert!(page.contains("7 ngày làm việc"));
    assert!(page.contains("10 ngày làm việc"), "baseline time shown");
    // Chart: one pair of bars for cost and one for time.
    assert_eq!(page.matches(r#"<rect class="bar before""#).count(), 2);
    assert_eq!(page.matches(r#"<rect class="bar after""#).count(), 2);
    // All three targets, each with its components.
    assert_eq!(page.matches(r#"<tr class="target">"#).count(), 5);
    assert!(page.contains("Nghị quyết 68/NQ-CP"));
    // Every metric compared.
    let c = &r.with_baseline(&baseline).baseline.unwrap().comparison;
    assert_eq!(
        page.matches(r#"<tr class="metric">"#).count(),
        c.metrics.len()
    );
    // Sources are links.
    assert!(page.contains(r#"<a href="https://dichvucong.gov.vn/"#));
    // How it was computed: one row per cost line, each with its location.
    let lines = &draft.metrics().compliance_cost.lines;
    assert!(!lines.is_empty());
    assert!(page.contains("<h3>Cách tính</h3>"));
    assert!(page.matches("<tr><td>").count() >= lines.len());
    for l in lines {
        let loc = draft
            .procedure()
            .source_map
            .locate(l.element.as_str())
            .expect("located");
        let at = format!("{}:{}:{}", A6_DRAFT, loc.line, loc.column).replace('/', "/<wbr>");
        assert!(
            page.contains(&format!("<code>{}</code>", l.element)),
            "{}",
            l.element
        );
        assert!(page.contains(&at), "{at}");
    }
}

#[test]
fn html_escapes_hostile_text() {
    let p = Analysis::from_yaml_str(
        "format: tthc/1\nname: \"<script>alert('x')</script>\"\nauthority: \"A & B <i>\"\nsources: [\"javascript:alert(1)\", \"https://x.gov.vn/?a=1&b=\\\"2\\\"\"]\nsteps:\n  \"a\": { name: \"<img src=x onerror=alert(1)>\", actor: \"<b>Sở</b>\" }\n",
        "evil.yaml",
        &Settings::default(),
    )
    .unwrap();
    for lang in [Lang::Vi, Lang::En] {
        let page = html(&p, None, lang);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>Sở"));
        assert!(!page.contains("<i>"));
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(page.contains("A &amp; B &lt;i&gt;"));
        assert!(
            !page.contains(r#"href="javascript"#),
            "only http(s) sources are links"
        );
        assert!(page.contains(r#"href="https://x.gov.vn/?a=1&amp;b=&quot;2&quot;""#));
        let md = { tthc::report::markdown::render(&Report::new(&p), lang) };
        assert!(!md.contains("<script"));
        assert!(!md.contains("<img"));
    }
}

#[test]
fn graph_exports_escape_labels() {
    let p = tthc::CheckedProcedure::from_yaml_str(
        "format: tthc/1\nname: 'Tên \"trích\" \\ <x>'\nsteps:\n  a: { name: 'Nộp \"hồ sơ\" #1 <b>', actor: applicant, next: [b] }\n  b: { name: 'Sở \\ cấp', actor: 'Sở \"X\"', choice: [c, d] }\n  c: { name: C, actor: 'Sở \"X\"' }\n  d: { name: D, actor: 'Sở \"X\"' }\n",
        "q.yaml",
    )
    .unwrap();
    let marks = tthc::report::marks::Marks::default();
    let dot = tthc::report::dot::render(&p, &marks, Lang::Vi);
    assert!(dot.contains(r#"label="Nộp \"hồ sơ\" #1 <b>""#), "{dot}");
    assert!(dot.contains(r#"label="Sở \\ cấp""#), "{dot}");
    assert!(dot.contains(r#""b" -> "d" [style=dashed"#), "{dot}");
    let mermaid = tthc::report::mermaid::render(&p, &marks, Lang::Vi);
    assert!(
        mermaid.contains("Nộp #quot;hồ sơ#quot; #35;1 #lt;b#gt;"),
        "{mermaid}"
    );
    assert!(!mermaid.contains("<b>"));
    assert!(mermaid.contains("s1 -. \"hoặc\" .-> s3"), "{mermaid}");
    // Every label line is inside one pair of quotes.
    for line in mermaid.lines() {
        assert_eq!(line.matches('"').count() % 2, 0, "{line}");
    }
}
