//! A deterministic generator of realistic synthetic procedures, for tests
//! and benchmarks of the audit (no real catalog has thousands of files in
//! this repository).
//!
//! Shapes follow the real catalog: 3–40 steps, an applicant submission
//! first, agency steps with working-day durations, parallel inter-agency
//! work (liên thông), refusals as `choice` alternatives, rework loops, and
//! documents in every form.

use std::fmt::Write;

/// A small, fast, seedable PRNG (SplitMix64): deterministic across
/// platforms, no dependency.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = (self.next_u64() % items.len().max(1) as u64) as usize;
        &items[i.min(items.len().saturating_sub(1))]
    }
}

const SECTORS: &[&str] = &[
    "Bưu chính",
    "Hộ tịch",
    "Cư trú",
    "Đất đai",
    "Xây dựng",
    "Đăng ký doanh nghiệp",
    "Báo chí",
];
const AGENCIES: &[&str] = &[
    "Bộ phận một cửa",
    "Sở Khoa học và Công nghệ",
    "Sở Tư pháp",
    "Công an xã",
    "Bảo hiểm xã hội tỉnh",
    "Ủy ban nhân dân xã",
    "Sở Xây dựng",
];
const FORMS: &[&str] = &[
    "original",
    "copy",
    "certified_copy",
    "electronic",
    "presented",
];
const LEVELS: &[&str] = &["central", "province", "commune"];

/// Generates the YAML text of synthetic procedure number `index` of a
/// catalog generated from `seed`. The same (seed, index) always gives the
/// same text.
pub fn procedure_yaml(seed: u64, index: u64) -> String {
    let mut rng = SplitMix64::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
    let steps = rng.range(3, 40) as usize;
    let docs = rng.range(1, 10) as usize;
    let sector = rng.pick(SECTORS);
    let authority = rng.pick(AGENCIES);
    let mut y = String::with_capacity(300 + steps * 160 + docs * 120);
    let _ = writeln!(y, "format: tthc/1");
    let _ = writeln!(y, "code: \"9.{:06}\"", index % 1_000_000);
    let _ = writeln!(y, "name: Thủ tục tổng hợp số {index} lĩnh vực {sector}");
    let _ = writeln!(y, "sector: {sector}");
    let _ = writeln!(y, "level: {}", rng.pick(LEVELS));
    let _ = writeln!(y, "authority: {authority}");
    let _ = writeln!(y, "applicants: [citizen, business]");
    if rng.chance(80) {
        let _ = writeln!(y, "channels: [in_person, online, post]");
    } else {
        let _ = writeln!(y, "channels: [in_person]");
    }
    let _ = writeln!(y, "deadline: {} ngày làm việc", rng.range(1, 30));
    let _ = writeln!(y, "result: ket-qua");
    if rng.chance(90) {
        let _ = writeln!(
            y,
            "legal_basis:\n  - Nghị định số {}/2020/NĐ-CP",
            rng.range(1, 150)
        );
    }
    if rng.chance(85) {
        let _ = writeln!(
            y,
            "fees:\n  - name: Lệ phí\n    amount: {}",
            rng.range(0, 50) * 10_000
        );
    }
    let _ = writeln!(y, "volume:\n  cases_per_year: {}", rng.range(10, 100_000));
    let _ = writeln!(y, "sources:\n  - synthetic://seed/{seed}/{index}");
    let _ = writeln!(y, "documents:");
    for d in 0..docs {
        let form = rng.pick(FORMS);
        let _ = writeln!(
            y,
            "  d{d}:\n    name: Giấy tờ số {d}\n    form: {form}\n    copies: {}",
            rng.range(1, 3)
        );
        if rng.chance(15) {
            let _ = writeln!(y, "    held_in: Cơ sở dữ liệu quốc gia về dân cư");
        }
        let _ = writeln!(
            y,
            "    effort: {{ hours: {}.5, cost: {}, trips: {} }}",
            rng.range(0, 3),
            rng.range(0, 5) * 10_000,
            rng.range(0, 1)
        );
    }
    let _ = writeln!(
        y,
        "  ket-qua:\n    name: Kết quả giải quyết\n    issued_by: {authority}"
    );
    let _ = writeln!(y, "steps:");
    // Steps form layers; each step links forward to one or two later steps,
    // so the graph is a DAG with parallel branches.
    let result_step = steps.saturating_sub(2).max(1);
    for s in 0..steps {
        let _ = writeln!(y, "  s{s}:");
        if s == 0 {
            let _ = writeln!(y, "    name: Nộp hồ sơ\n    actor: applicant");
            let list: Vec<String> = (0..docs).map(|d| format!("d{d}")).collect();
            let _ = writeln!(y, "    submits: [{}]", list.join(", "));
            let _ = writeln!(y, "    effort: {{ hours: 1, trips: 1 }}");
        } else if s == steps - 1 {
            let _ = writeln!(
                y,
                "    name: Trả kết quả\n    actor: {authority}\n    effort: {{ hours: 0.5, trips: 1 }}"
            );
        } else {
            let agency = rng.pick(AGENCIES);
            let _ = writeln!(y, "    name: Bước xử lý {s}\n    actor: {agency}");
            let _ = writeln!(y, "    duration: {} ngày làm việc", rng.range(0, 5));
            let _ = writeln!(y, "    uses: [d{}]", rng.range(0, docs as u64 - 1));
            if s == result_step {
                let _ = writeln!(y, "    produces: [ket-qua]");
            }
            if s > 1 && rng.chance(10) {
                let _ = writeln!(
                    y,
                    "    rework: {{ to: s0, probability: 0.{} }}",
                    rng.range(1, 3)
                );
            }
        }
        if s + 1 < steps {
            let a = s + 1;
            if s + 2 < steps && rng.chance(20) {
                let _ = writeln!(y, "    next: [s{a}, s{}]", s + 2);
            } else if s + 2 < steps && s > 0 && rng.chance(10) {
                let _ = writeln!(y, "    choice: [s{a}, s{}]", steps - 1);
            } else {
                let _ = writeln!(y, "    next: [s{a}]");
            }
        }
    }
    y
}

/// A layered procedure with exactly `steps` steps for graph-scale
/// benchmarks: `width` parallel lanes, each step linked to the next layer.
pub fn large_procedure_yaml(steps: usize, width: usize) -> String {
    let width = width.max(1);
    let mut y = String::with_capacity(steps * 120 + 200);
    let _ = writeln!(
        y,
        "format: tthc/1\nname: Thủ tục lớn {steps} bước\ndeadline: 30 ngày làm việc\nresult: ket-qua"
    );
    let _ = writeln!(
        y,
        "documents:\n  don:\n    name: Đơn\n  ket-qua:\n    name: Kết quả\n    issued_by: Sở X\nsteps:"
    );
    for s in 0..steps {
        let actor = if s == 0 {
            "applicant".to_string()
        } else {
            format!("Đơn vị {}", s % 7)
        };
        let _ = write!(
            y,
            "  s{s}: {{ name: Bước {s}, actor: {actor}, duration: 1 working hour"
        );
        if s == 0 {
            let _ = write!(y, ", submits: [don]");
        }
        if s + 1 == steps {
            let _ = write!(y, ", produces: [ket-qua]");
        }
        // Link to every step of the next layer that exists.
        let layer_end = (s / width + 1) * width;
        let next: Vec<String> = (layer_end..(layer_end + width).min(steps))
            .filter(|t| {
                *t / width == s / width + 1
                    && (*t % width == s % width || *t % width == (s + 1) % width)
            })
            .map(|t| format!("s{t}"))
            .collect();
        if !next.is_empty() {
            let _ = write!(y, ", next: [{}]", next.join(", "));
        }
        let _ = writeln!(y, " }}");
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_procedures_load_and_are_deterministic() {
        for i in 0..200 {
            let text = procedure_yaml(7, i);
            assert_eq!(text, procedure_yaml(7, i));
            let p = crate::CheckedProcedure::from_yaml_str(&text, "synthetic.yaml")
                .unwrap_or_else(|e| panic!("procedure {i} does not load: {e}\n{text}"));
            assert!((3..=40).contains(&p.steps.len()));
        }
        assert_ne!(procedure_yaml(7, 1), procedure_yaml(8, 1));
    }

    #[test]
    fn large_procedure_has_the_requested_size() {
        let p = crate::CheckedProcedure::from_yaml_str(&large_procedure_yaml(1000, 4), "big.yaml")
            .unwrap();
        assert_eq!(p.steps.len(), 1000);
    }
}
