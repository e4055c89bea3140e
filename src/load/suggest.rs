//! "Did you mean" suggestions.

/// How many candidates one suggestion looks at: the work per error is
/// bounded, whatever the number of ids in the file.
pub(crate) const MAX_CANDIDATES: usize = 10_000;

/// How many unknown references of one file get a suggestion; the rest are
/// reported without one (bounded work for a file of broken references).
pub(crate) const MAX_SUGGESTIONS: usize = 100;

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo (at most a third of the word's length, and at least 1).
/// Looks at the first [`MAX_CANDIDATES`] candidates, in the order given (so
/// the answer is deterministic), and skips any whose length alone rules it out.
pub(crate) fn closest<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    let word_chars = word_lower.chars().count();
    let limit = word_chars / 3;
    if limit == 0 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates.into_iter().take(MAX_CANDIDATES) {
        // Bounded work per candidate: very long words are not typos.
        if candidate.len() > 200 || word_lower.len() > 200 {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        let prefix = word_chars >= 3
            && (candidate_lower.starts_with(&word_lower[..floor(&word_lower, 3)])
                && (candidate_lower.starts_with(word_lower.trim_end_matches(['y', 's']))
                    || word_lower.starts_with(&candidate_lower)));
        // Without a prefix match, a length difference above the limit is an
        // edit distance above it: no need to compute it.
        let chars = candidate_lower.chars().count();
        if !prefix && chars.abs_diff(word_chars) > limit {
            continue;
        }
        let d = if prefix {
            1
        } else {
            edit_distance(&word_lower, &candidate_lower)
        };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// Vietnamese names a drafter may write for a key (with or without
/// diacritics, `_` or spaces), and the key of the format.
const VIETNAMESE_KEYS: &[(&str, &str)] = &[
    ("thoi_han", "deadline"),
    ("thoi_han_giai_quyet", "deadline"),
    ("ten", "name"),
    ("ten_thu_tuc", "name"),
    ("ten_giay_to", "name"),
    ("ma", "code"),
    ("ma_thu_tuc", "code"),
    ("linh_vuc", "sector"),
    ("cap", "level"),
    ("cap_thuc_hien", "level"),
    ("co_quan", "authority"),
    ("co_quan_thuc_hien", "authority"),
    ("co_quan_phoi_hop", "coordinating"),
    ("doi_tuong", "applicants"),
    ("doi_tuong_thuc_hien", "applicants"),
    ("cach_thuc", "channels"),
    ("cach_thuc_thuc_hien", "channels"),
    ("ket_qua", "result"),
    ("can_cu", "legal_basis"),
    ("can_cu_phap_ly", "legal_basis"),
    ("dieu_kien", "conditions"),
    ("yeu_cau_dieu_kien", "conditions"),
    ("phi", "fees"),
    ("le_phi", "fees"),
    ("phi_le_phi", "fees"),
    ("nguon", "sources"),
    ("giay_to", "documents"),
    ("ho_so", "documents"),
    ("thanh_phan_ho_so", "documents"),
    ("buoc", "steps"),
    ("trinh_tu", "steps"),
    ("trinh_tu_thuc_hien", "steps"),
    ("truong_hop", "cases"),
    ("so_tien", "amount"),
    ("muc_thu", "amount"),
    ("hinh_thuc", "form"),
    ("so_ban", "copies"),
    ("so_luong", "copies"),
    ("mau", "template"),
    ("mau_don", "template"),
    ("nguoi_thuc_hien", "actor"),
    ("chu_the", "actor"),
    ("nop", "submits"),
    ("thoi_gian", "duration"),
    ("tiep_theo", "next"),
    ("buoc_tiep_theo", "next"),
    ("lua_chon", "choice"),
    ("bo_sung", "rework"),
    ("cong_suc", "effort"),
    ("so_gio", "hours"),
    ("chi_phi", "cost"),
    ("so_lan_di_lai", "trips"),
    ("so_nguoi", "people"),
];

/// The key of the format a Vietnamese key name means (`thoi_han`,
/// `thời hạn`, `Thời_hạn` → `deadline`), if it is one.
pub(crate) fn vietnamese_key(word: &str) -> Option<&'static str> {
    let folded: String = word
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match fold(c) {
            ' ' | '-' => '_',
            other => other,
        })
        .collect();
    VIETNAMESE_KEYS
        .iter()
        .find(|(vi, _)| *vi == folded)
        .map(|(_, key)| *key)
}

/// A Vietnamese letter without its diacritics.
pub(crate) fn fold(c: char) -> char {
    const GROUPS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or(c, |(_, base)| *base)
}

/// Byte length of the first `n` characters of `s`.
fn floor(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Levenshtein distance on characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["deadline", "documents", "duration"];
        assert_eq!(closest("deadlin", keys), Some("deadline".into()));
        assert_eq!(closest("Documents", keys), Some("documents".into()));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
