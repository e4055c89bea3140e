//! The audit's totals tables stay readable with a national record's long
//! authority or sector name: the name column is capped like the file
//! column (cut with `…`), by display width (decomposed Vietnamese counts
//! one column a letter).

use std::path::Path;
use std::process::Command;
use unicode_width::UnicodeWidthStr;

/// A 210-character authority, as national records have them.
const LONG_AUTHORITY: &str = "Ủy ban nhân dân cấp xã nơi người được khai sinh cư trú hoặc nơi cha, mẹ của người được khai sinh cư trú, trong trường hợp không xác định được nơi cư trú thì nơi người được khai sinh đang sinh sống thực tế";

fn audit(dir: &Path, lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(["audit", ".", "--fail-on", "never", "--lang", lang])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("TTHC_LANG")
        .output()
        .expect("run tthc");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines of the totals table titled `title`.
fn table<'a>(out: &'a str, title: &str) -> Vec<&'a str> {
    out.lines()
        .skip_while(|l| *l != title)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn long_authority_and_sector_names_are_cut_in_the_totals() {
    let dir = std::env::temp_dir().join(format!("tthc-totals-width-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("procedures/ho-tich/dang-ky-khai-sinh.yaml")).unwrap();
    let with = |authority: &str, sector: &str| -> String {
        text.lines()
            .map(|l| {
                if l.starts_with("authority:") {
                    format!("authority: \"{authority}\"\n")
                } else if l.starts_with("sector:") {
                    format!("sector: \"{sector}\"\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect()
    };
    // The second file's sector is written decomposed (NFD): "Hộ tịch" with
    // its diacritics as combining marks.
    let nfd_sector =
        "Ho\u{323}\u{302} ti\u{323}ch va\u{300} chứng thực bản sao, chữ ký, hợp đồng, giao dịch";
    std::fs::write(dir.join("a.yaml"), with(LONG_AUTHORITY, "Hộ tịch")).unwrap();
    std::fs::write(dir.join("b.yaml"), with("Sở Tư pháp", nfd_sector)).unwrap();
    for (lang, by_authority, by_sector) in [
        ("vi", "Theo cơ quan", "Theo lĩnh vực"),
        ("en", "By authority", "By sector"),
    ] {
        let out = audit(&dir, lang);
        for title in [by_authority, by_sector] {
            let lines = table(&out, title);
            assert_eq!(lines.len(), 3, "{title}:\n{out}");
            let widths: Vec<usize> = lines.iter().map(|l| l.width()).collect();
            // Every line of a table ends at the same column (the last
            // figure is right-aligned), and none is wide.
            assert!(
                widths.iter().all(|w| *w == widths[0]),
                "{title} {widths:?}:\n{}",
                lines.join("\n")
            );
            assert!(
                widths[0] <= 140,
                "{title} {widths:?}:\n{}",
                lines.join("\n")
            );
        }
        let authority = table(&out, by_authority);
        let cut: String = LONG_AUTHORITY.chars().take(43).collect();
        assert!(
            authority
                .iter()
                .any(|l| l.starts_with(&format!("  {cut}…  "))),
            "{}",
            authority.join("\n")
        );
        assert!(!out.contains(LONG_AUTHORITY), "{out}");
        // The decomposed name is 72 columns: cut at 44, after 43 columns
        // of text, with its combining marks.
        let sector = table(&out, by_sector);
        assert!(
            sector.iter().any(|l| l.starts_with(
                "  Ho\u{323}\u{302} ti\u{323}ch va\u{300} chứng thực bản sao, chữ ký, hợp …"
            )),
            "{}",
            sector.join("\n")
        );
        let totals: Vec<&str> = out.lines().skip_while(|l| *l != by_sector).collect();
        insta::assert_snapshot!(format!("totals_long_names_{lang}"), totals.join("\n"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
