//! Writing YAML that reads back exactly: scalars quoted wherever a plain
//! scalar could be read as something else, comments that cannot break out
//! of their line.
//!
//! Hand-written rather than through a serializer because the importer's
//! files carry comments (what the record did not give, what was inferred),
//! and no maintained serde YAML serializer writes comments. The rules are
//! small and checked by a property test: every string written reads back
//! as itself through the loader's parser.

use std::fmt::Write as _;

/// A YAML document being written, block style only.
#[derive(Default)]
pub(crate) struct YamlOut {
    out: String,
}

impl YamlOut {
    pub(crate) fn new() -> YamlOut {
        YamlOut::default()
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self, level: usize) {
        for _ in 0..level {
            self.out.push_str("  ");
        }
    }

    /// `# text` on its own line.
    pub(crate) fn comment(&mut self, level: usize, text: &str) {
        self.indent(level);
        let text = comment_text(text);
        self.out.push('#');
        if !text.is_empty() {
            self.out.push(' ');
            self.out.push_str(&text);
        }
        self.out.push('\n');
    }

    /// An empty line.
    pub(crate) fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `key: value`, with an optional trailing comment.
    pub(crate) fn scalar(&mut self, level: usize, key: &str, value: &str, note: Option<&str>) {
        self.indent(level);
        let _ = write!(self.out, "{key}: {}", scalar(value));
        self.end(note);
    }

    /// `key: <raw>` where `raw` is YAML the caller wrote (`[]`, a number).
    pub(crate) fn raw(&mut self, level: usize, key: &str, raw: &str, note: Option<&str>) {
        self.indent(level);
        let _ = write!(self.out, "{key}: {raw}");
        self.end(note);
    }

    /// `key:` opening a nested block.
    pub(crate) fn open(&mut self, level: usize, key: &str) {
        self.indent(level);
        self.out.push_str(key);
        self.out.push_str(":\n");
    }

    /// `- value` in a block sequence.
    pub(crate) fn item(&mut self, level: usize, value: &str, note: Option<&str>) {
        self.indent(level);
        self.out.push_str("- ");
        self.out.push_str(&scalar(value));
        self.end(note);
    }

    /// `key: [a, b]` for ids and enumeration words (never file text).
    pub(crate) fn words(&mut self, level: usize, key: &str, words: &[&str]) {
        self.indent(level);
        let _ = writeln!(self.out, "{key}: [{}]", words.join(", "));
    }

    fn end(&mut self, note: Option<&str>) {
        if let Some(n) = note {
            self.out.push_str("   # ");
            self.out.push_str(&comment_text(n));
        }
        self.out.push('\n');
    }
}

/// Text made safe for a comment: nothing that a YAML reader could take for
/// the end of the line.
pub(crate) fn comment_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
            ' '
        } else {
            c
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Words a plain scalar must not be, because YAML 1.1 or 1.2 readers take
/// them for booleans or null.
const RESERVED: [&str; 12] = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "none", "nan",
];

/// A string as a YAML scalar: plain where that reads back as the same
/// string, double-quoted otherwise.
pub(crate) fn scalar(value: &str) -> String {
    if is_plain_safe(value) {
        value.to_string()
    } else {
        quoted(value)
    }
}

fn is_plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    // A letter first: no number, indicator, quote or sign.
    if !first.is_alphabetic() {
        return false;
    }
    if value != value.trim() || RESERVED.contains(&value.to_lowercase().as_str()) {
        return false;
    }
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return false;
    }
    !value.chars().any(|c| {
        c.is_control()
            || matches!(
                c,
                '[' | ']' | '{' | '}' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{feff}' | '\t'
            )
    })
}

/// A double-quoted scalar: `\` and `"` escaped, every control character and
/// line break as an escape.
pub(crate) fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}') =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_only_where_it_reads_back() {
        assert_eq!(scalar("Đăng ký thường trú"), "Đăng ký thường trú");
        assert_eq!(scalar("1.004222"), "\"1.004222\"");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("a #b"), "\"a #b\"");
        assert_eq!(scalar("- x"), "\"- x\"");
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(scalar("x\ny"), "\"x\\ny\"");
        assert_eq!(scalar("say \"hi\""), "say \"hi\"");
        assert_eq!(quoted("a\"b\\c\u{7}"), "\"a\\\"b\\\\c\\u0007\"");
    }

    #[test]
    fn comments_stay_on_their_line() {
        assert_eq!(
            comment_text("a\nsteps: {}\r\n\u{2028}b  c "),
            "a steps: {} b c"
        );
    }
}
