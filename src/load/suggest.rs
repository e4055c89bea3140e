//! "Did you mean" suggestions.

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo (at most a third of the word's length, and at least 1).
pub(crate) fn closest<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    let limit = word_lower.chars().count() / 3;
    if limit == 0 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        // Bounded work per candidate: very long words are not typos.
        if candidate.len() > 200 || word_lower.len() > 200 {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        let prefix = word_lower.chars().count() >= 3
            && (candidate_lower.starts_with(&word_lower[..floor(&word_lower, 3)])
                && (candidate_lower.starts_with(word_lower.trim_end_matches(['y', 's']))
                    || word_lower.starts_with(&candidate_lower)));
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
