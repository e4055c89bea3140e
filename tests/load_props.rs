//! Property tests: the loader never panics, whatever it is given, and
//! whatever loads is internally consistent.

use proptest::prelude::*;
use tthc::{CheckedProcedure, LoadOptions};

const REAL: &str = include_str!("fixtures/good/spec-example.yaml");

fn check_invariants(p: &CheckedProcedure) {
    // Every loaded procedure is a DAG whose edges name existing steps.
    let g = p.graph();
    assert_eq!(g.len(), p.steps.len());
    assert_eq!(g.topological_order().len(), p.steps.len());
    for step in &p.steps {
        for d in step.submits.iter().chain(&step.uses).chain(&step.produces) {
            assert!(p.document(d).is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(p) = CheckedProcedure::from_yaml_bytes(&bytes, "random.yaml", &LoadOptions::default()) {
            check_invariants(&p);
        }
    }

    #[test]
    fn mutated_real_file_never_panics(
        edits in proptest::collection::vec((0usize..REAL.len(), 0u8..6, any::<char>()), 1..8)
    ) {
        let mut text: Vec<char> = REAL.chars().collect();
        for (pos, op, ch) in edits {
            if text.is_empty() { break; }
            let at = pos % text.len();
            match op {
                0 => { text.remove(at); }
                1 => text.insert(at, ch),
                2 => text[at] = ch,
                3 => text.insert(at, [':', '-', '[', '{', '&', '*', '\n', ' ', '#', '"'][pos % 10]),
                4 => { let line: String = text[at..].iter().take_while(|c| **c != '\n').collect(); text.splice(at..at, line.chars().collect::<Vec<_>>()); }
                _ => { text.truncate(at); }
            }
        }
        let src: String = text.into_iter().collect();
        match CheckedProcedure::from_yaml_str(&src, "mutated.yaml") {
            Ok(p) => check_invariants(&p),
            Err(errors) => {
                prop_assert!(!errors.errors.is_empty());
                for e in &errors.errors {
                    prop_assert!(!e.message(tthc::Lang::En).is_empty());
                    if let Some(loc) = e.location {
                        let lines = tthc::report::diagnostics::yaml_lines(&src).count();
                        prop_assert!(loc.line >= 1 && (loc.line as usize) <= lines.max(1) + 1,
                            "line {} out of range for {e}", loc.line);
                    }
                }
            }
        }
    }

    #[test]
    fn random_graphs_load_iff_acyclic(
        n in 1usize..30,
        edges in proptest::collection::vec((0usize..30, 0usize..30, any::<bool>()), 0..60)
    ) {
        let mut src = String::from("format: tthc/1\nname: X\nsteps:\n");
        let mut adj = vec![Vec::new(); n];
        for (a, b, is_choice) in &edges {
            let (a, b) = (a % n, b % n);
            adj[a].push((b, *is_choice));
        }
        for (i, out) in adj.iter().enumerate() {
            let next: Vec<String> = out.iter().filter(|e| !e.1).map(|e| format!("s{}", e.0)).collect();
            let choice: Vec<String> = out.iter().filter(|e| e.1).map(|e| format!("s{}", e.0)).collect();
            src.push_str(&format!("  s{i}: {{ name: S, actor: applicant, next: [{}], choice: [{}] }}\n", next.join(", "), choice.join(", ")));
        }
        // Acyclic iff a Kahn pass removes every node.
        let mut indeg = vec![0usize; n];
        for out in &adj { for (b, _) in out { indeg[*b] += 1; } }
        let mut stack: Vec<usize> = (0..n).filter(|i| indeg[*i] == 0).collect();
        let mut removed = 0;
        while let Some(i) = stack.pop() {
            removed += 1;
            for (b, _) in &adj[i] { indeg[*b] -= 1; if indeg[*b] == 0 { stack.push(*b); } }
        }
        let acyclic = removed == n;
        match CheckedProcedure::from_yaml_str(&src, "g.yaml") {
            Ok(p) => { prop_assert!(acyclic); check_invariants(&p); }
            Err(e) => { prop_assert!(!acyclic, "{e:?}"); prop_assert_eq!(e.errors[0].code(), "cycle"); }
        }
    }
}
