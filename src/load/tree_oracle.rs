//! The event-based tree against the serde-saphyr tree it replaces: on every
//! shipped procedure, fixture and review test, on broken variants of them,
//! and on generated YAML, the tree (values and locations) and the error
//! (message and location) must be the same.

use crate::load::LoadOptions;
use crate::load::tree::{self, Built};
use crate::load::yaml::{parse_node, parse_node_saphyr};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// What the oracle found for one input.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
    /// The builder gave the tree itself.
    Built,
    /// The builder handed the input to serde-saphyr.
    Fallback,
}

/// Checks one input: a tree the builder gives is serde-saphyr's, value for
/// value and location for location; and `parse_node` (builder or fallback)
/// gives serde-saphyr's result, errors included.
fn check_with(src: &str, options: &LoadOptions) -> Seen {
    let reference = parse_node_saphyr(src, "x.yaml", options);
    let seen = match tree::build(src, options) {
        Built::Tree(root) => {
            match &reference {
                Ok(expected) => assert_eq!(&root, expected, "tree differs for {src:?}"),
                Err(e) => panic!("the builder accepted what serde-saphyr refuses ({e}): {src:?}"),
            }
            Seen::Built
        }
        Built::Fallback => Seen::Fallback,
    };
    assert_eq!(parse_node(src, "x.yaml", options), reference, "{src:?}");
    seen
}

fn check(src: &str) -> Seen {
    check_with(src, &LoadOptions::default())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
        {
            out.push(path);
        }
    }
}

fn shipped() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["procedures", "tests/fixtures", "tests/review"] {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p, text))
        })
        .collect()
}

#[test]
fn every_shipped_file_reads_the_same() {
    let files = shipped();
    assert!(files.len() > 300, "found only {} files", files.len());
    let mut fell_back = Vec::new();
    for (path, text) in &files {
        if check(text) == Seen::Fallback {
            fell_back.push(path.display().to_string());
        }
    }
    // Every shipped procedure is read by the builder itself (the fast path).
    let procedures: Vec<_> = fell_back
        .iter()
        .filter(|p| p.contains("/procedures/"))
        .collect();
    assert!(procedures.is_empty(), "fell back on {procedures:?}");
    // Fixtures of broken files fall back (they are errors); most do not.
    assert!(
        fell_back.len() * 3 < files.len(),
        "fell back on {} of {} files: {fell_back:?}",
        fell_back.len(),
        files.len()
    );
}

/// Broken variants of the shipped files: cut short, a line dropped, a line
/// repeated (duplicate keys), a tab, a stray character.
#[test]
fn broken_variants_of_shipped_files_read_the_same() {
    let files = shipped();
    let mut seen = [0usize; 2];
    for (_, text) in files.iter().step_by(3) {
        let lines: Vec<&str> = text.lines().collect();
        let n = lines.len().max(1);
        let mut variants = Vec::new();
        for k in 1..6 {
            let at = text.len() * k / 6;
            if let Some(cut) = text.get(..at) {
                variants.push(cut.to_string());
            }
        }
        for k in [n / 5, n / 2, n * 4 / 5] {
            let mut dropped = lines.clone();
            if k < dropped.len() {
                dropped.remove(k);
            }
            variants.push(dropped.join("\n"));
            let mut repeated = lines.clone();
            if let Some(line) = lines.get(k) {
                repeated.insert(k, line);
            }
            variants.push(repeated.join("\n"));
            for insert in ["\t", ": ", "]", "&a ", "*a", "'", "- ", "{", "#"] {
                let mut changed = lines.clone();
                let line = lines.get(k).copied().unwrap_or("");
                let indent = line.len() - line.trim_start().len();
                let new = format!("{}{insert}{}", &line[..indent], &line[indent..]);
                if k < changed.len() {
                    changed[k] = &new;
                }
                variants.push(changed.join("\n"));
            }
        }
        for v in &variants {
            match check(v) {
                Seen::Built => seen[0] += 1,
                Seen::Fallback => seen[1] += 1,
            }
        }
    }
    // Both paths were exercised.
    assert!(seen[0] > 100 && seen[1] > 100, "{seen:?}");
}

#[test]
fn hand_written_cases_read_the_same() {
    let cases = [
        "",
        "# only a comment\n",
        "~",
        "null",
        "''",
        "---\n",
        "--- a\n...\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n---\n",
        "a: 1\n...\n",
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        "1: a\n0x1: b\n",
        "1: a\n'1': b\n",
        "~: a\nnull: b\n",
        "true: a\nyes: b\n",
        "1.0: a\n1: b\n",
        "a: &x [1, 2]\nb: *x\n",
        "? [a]\n: b\n",
        "? a\n: b\n",
        "[a]: b\n",
        "a: &x 1\nb: *x\n",
        "a: &x {c: 1, d: [1, 2]}\nb: *x\n",
        "a: &x [1, &y 2]\nb: *x\nc: *y\n",
        "a: &x\n  - 1\nb: *x\nc: *x\n",
        "&r {a: 1}\n",
        "&k a: 1\nb: *k\n",
        "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
        "a: *nope\n",
        "a: &x [*x]\n",
        "a: !!str 1\n",
        "a: !custom 1\n",
        "!!map {a: 1}\n",
        "a: 1e999\n",
        "a: .inf\n",
        "a: -.nan\n",
        "a: 18446744073709551616\n",
        "a: -9223372036854775809\n",
        "a: 0o17\nb: 0b101\nc: 0x_1\nd: 1__0\ne: _1\n",
        "a: +1\nb: +0\nc: -0\nd: 00\ne: -01\nf: +.5\ng: 1_000.5\n",
        "a: 'it''s'\nb: \"\\u00e9\\n\"\nc: |\n  x\n  y\nd: >-\n  p\n  q\n",
        "a: b: c\n",
        "a:\n\t- b\n",
        "a: [1, 2\n",
        "a: {b: 1, b: 2}\n",
        "\u{feff}a: 1\n",
        "a: 1\r\nb: 2\r\n",
        "- a\n- b: c\n  d: e\n- [f, {g: h}]\n",
        "tên: Nộp hồ sơ\nthời hạn: 7 ngày làm việc\n",
        "a:\n  b:\n    c:\n      d: 1\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: 1 # c\nb: 2\n",
        "a: @x\n",
        "a: `x\n",
        "a: \"unclosed\n",
        "<<: {a: 1}\n",
        "'<<': 1\n",
        "a: y\nb: N\nc: off\nd: ON\ne: True\nf: FALSE\ng: yes!\n",
    ];
    for case in cases {
        check(case);
    }
}

/// Anchors inside anchors, aliases used while the collections around the
/// anchor are open and after they closed: the builder finds each anchored
/// node where it is (it keeps no copy) and gives serde-saphyr's tree.
#[test]
fn nested_anchors_are_found_where_they_are() {
    let cases = [
        "a: &x {b: &y [1, {c: &z 2}], d: *y, e: *z}\nf: *x\ng: *y\nh: *z\n",
        "- &a [&b [&c [1]]]\n- *a\n- *b\n- *c\n",
        "a: {x: &v 1, y: *v}\nb: [*v, {c: *v}]\n",
        "a:\n  - &s {n: 1}\n  - &t {m: *s}\nb: *t\nc: [*s, *t]\n",
        "steps:\n  a: &e {hours: 1.5, cost: 1000}\n  b: {effort: *e}\n",
    ];
    for case in cases {
        assert_eq!(check(case), Seen::Built, "{case:?}");
    }
}

#[test]
fn budgets_read_the_same() {
    let deep = format!("{}1{}", "[".repeat(70), "]".repeat(70));
    let deep_block: String = (0..70)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    let many: String = (0..2_000).map(|i| format!("k{i}: v\n")).collect();
    let many_aliases = format!(
        "a: &a x\nb: [{}]\n",
        (0..150).map(|_| "*a").collect::<Vec<_>>().join(", ")
    );
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
    for src in [&deep, &deep_block, &many, &many_aliases, &bomb.to_string()] {
        check(src);
        for options in [
            LoadOptions {
                max_depth: 5,
                ..LoadOptions::default()
            },
            LoadOptions {
                max_nodes: 100,
                ..LoadOptions::default()
            },
            LoadOptions {
                max_aliases: 3,
                ..LoadOptions::default()
            },
        ] {
            check_with(src, &options);
        }
    }
    // Exactly at the limits.
    for n in 8..12 {
        let src = format!("{}1{}", "[".repeat(n), "]".repeat(n));
        let options = LoadOptions {
            max_depth: 10,
            ..LoadOptions::default()
        };
        check_with(&src, &options);
        let src: String = (0..n).map(|i| format!("- {i}\n")).collect();
        let options = LoadOptions {
            max_nodes: 10,
            ..LoadOptions::default()
        };
        check_with(&src, &options);
    }
}

/// A small YAML grammar: values of every kind, in block and flow style,
/// with anchors and aliases, repeated keys and odd scalars.
#[derive(Clone, Debug)]
enum Gen {
    Scalar(u8),
    Seq(Vec<Gen>, bool),
    Map(Vec<(u8, Gen)>, bool),
    Alias(u8),
    Anchor(u8, Box<Gen>),
}

const SCALARS: &[&str] = &[
    "x",
    "Nộp hồ sơ",
    "1",
    "-1",
    "0",
    "1.5",
    "1.200",
    "1e3",
    "0x1F",
    "0o7",
    "0b1",
    "007",
    "-007",
    "1_000",
    "true",
    "yes",
    "No",
    "off",
    "~",
    "null",
    "''",
    "\"\"",
    "'q: r'",
    "\"a\\tb\"",
    "\"1\"",
    "'true'",
    "a b c",
    "a:b",
    "http://x.y/z",
    "-",
    "- x",
    "? x",
    "#c",
    "x #c",
    "7 ngày làm việc",
    "1.000.000 đồng",
    "0,5",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "+1",
    ".5",
    "-.inf",
    ".nan",
    "+.nan",
    "1e400",
    "!!str 1",
    "!x y",
    "<<",
    "&",
    "*",
    "@x",
    "%x",
    "{",
    "]",
    "\t",
    "'",
    "|",
    ">",
    "x\n  y",
];

const KEYS: &[&str] = &[
    "name", "steps", "a", "b", "1", "'a'", "\"b\"", "~", "true", "0x1", "tên", "a b", "<<", "? k",
    "-1", "1.0", "",
];

fn gen_tree() -> impl Strategy<Value = Gen> {
    let leaf = prop_oneof![
        6 => any::<u8>().prop_map(Gen::Scalar),
        1 => (0u8..4).prop_map(Gen::Alias),
    ];
    leaf.prop_recursive(5, 40, 5, |inner| {
        prop_oneof![
            (prop::collection::vec(inner.clone(), 0..5), any::<bool>())
                .prop_map(|(v, f)| Gen::Seq(v, f)),
            (
                prop::collection::vec((any::<u8>(), inner.clone()), 0..5),
                any::<bool>()
            )
                .prop_map(|(v, f)| Gen::Map(v, f)),
            ((0u8..4), inner).prop_map(|(a, g)| Gen::Anchor(a, Box::new(g))),
        ]
    })
}

fn scalar(i: u8) -> &'static str {
    SCALARS[usize::from(i) % SCALARS.len()]
}

fn key(i: u8) -> &'static str {
    KEYS[usize::from(i) % KEYS.len()]
}

/// Renders in flow style (inside `[ ]`/`{ }`).
fn flow(g: &Gen, out: &mut String) {
    match g {
        Gen::Scalar(i) => out.push_str(scalar(*i)),
        Gen::Alias(a) => out.push_str(&format!("*a{a}")),
        Gen::Anchor(a, g) => {
            out.push_str(&format!("&a{a} "));
            flow(g, out);
        }
        Gen::Seq(items, _) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(item, out);
            }
            out.push(']');
        }
        Gen::Map(entries, _) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(key(*k));
                out.push_str(": ");
                flow(v, out);
            }
            out.push('}');
        }
    }
}

/// Renders in block style at `indent` (flow for collections marked flow).
fn block(g: &Gen, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match g {
        Gen::Seq(items, false) if !items.is_empty() => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                block_value(item, indent + 2, out);
            }
        }
        Gen::Map(entries, false) if !entries.is_empty() => {
            for (k, v) in entries {
                out.push_str(&pad);
                out.push_str(key(*k));
                out.push(':');
                block_value(v, indent + 2, out);
            }
        }
        other => {
            out.push_str(&pad);
            flow(other, out);
            out.push('\n');
        }
    }
}

/// A value after `key:` or `-`.
fn block_value(g: &Gen, indent: usize, out: &mut String) {
    match g {
        Gen::Seq(items, false) if !items.is_empty() => {
            out.push('\n');
            block(g, indent, out);
        }
        Gen::Map(entries, false) if !entries.is_empty() => {
            out.push('\n');
            block(g, indent, out);
        }
        Gen::Anchor(a, inner) if matches!(**inner, Gen::Seq(_, false) | Gen::Map(_, false)) => {
            out.push_str(&format!(" &a{a}\n"));
            block(inner, indent, out);
        }
        other => {
            out.push(' ');
            flow(other, out);
            out.push('\n');
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn generated_yaml_reads_the_same(
        defs in prop::collection::vec(gen_tree(), 0..3),
        g in gen_tree(),
        as_flow in any::<bool>(),
    ) {
        let mut src = String::new();
        for (i, d) in defs.iter().enumerate() {
            src.push_str(&format!("d{i}: &a{i}"));
            block_value(d, 2, &mut src);
        }
        let mut body = String::new();
        if as_flow {
            flow(&g, &mut body);
            body.push('\n');
        } else {
            block(&g, 0, &mut body);
        }
        if src.is_empty() {
            check(&body);
        } else {
            src.push_str("g:");
            block_value(&g, 2, &mut src);
            check(&src);
            check(&body);
        }
    }

    /// Token soup: mostly broken YAML, for the error paths.
    #[test]
    fn token_soup_reads_the_same(tokens in prop::collection::vec(0usize..40, 0..40)) {
        const T: &[&str] = &[
            "a", ":", " ", "\n", "- ", "  ", "[", "]", "{", "}", ",", "'", "\"", "#", "&x ",
            "*x", "!!str ", "? ", "|", ">", "\t", "1", "1.5", "~", "---\n", "...\n", "\\",
            "b: c", "\n  ", "<<: ", "%", "@", "`", "é", "0x", "_", "e9", "-", ".", "true",
        ];
        let src: String = tokens.iter().map(|&t| T[t % T.len()]).collect();
        check(&src);
    }
}

/// The generated documents exercise the builder itself, not only the
/// fallback: most of them are valid and need no serde-saphyr.
#[test]
fn generated_yaml_is_mostly_built() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut built, mut total) = (0, 0);
    for _ in 0..500 {
        let Ok(tree) = gen_tree().new_tree(&mut runner) else {
            continue;
        };
        let mut src = String::new();
        block(&tree.current(), 0, &mut src);
        total += 1;
        if check(&src) == Seen::Built {
            built += 1;
        }
    }
    assert!(built * 3 > total, "built {built} of {total}");
}
