//! Byte offsets ↔ LSP positions (line, UTF-16 code unit).
//!
//! The loader reports byte offsets and 1-based character columns; editors
//! speak zero-based lines and UTF-16 columns. Vietnamese text is full of
//! multi-byte characters (`ệ` is 3 bytes, 1 UTF-16 unit), so every
//! conversion goes through the text. The line starts are computed once per
//! document version (O(n)); each conversion is O(log lines + line length).

use crate::Location;
use crate::report::diagnostics::line_starts;
use lsp_types::{Position, Range};
use std::borrow::Cow;

/// The line starts of one text, for converting positions.
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Cow<'t, [usize]>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text` (`\n`, `\r\n` and lone `\r` end a line, as in YAML).
    pub fn new(text: &'t str) -> LineIndex<'t> {
        LineIndex {
            text,
            starts: Cow::Owned(line_starts(text)),
        }
    }

    /// The index of `text` from line starts computed before (by
    /// [`LineIndex::into_starts`] of an index of the same text).
    pub(crate) fn with_starts(text: &'t str, starts: &'t [usize]) -> LineIndex<'t> {
        LineIndex {
            text,
            starts: Cow::Borrowed(starts),
        }
    }

    /// The byte offsets where the lines start, to keep for
    /// [`LineIndex::with_starts`].
    pub(crate) fn into_starts(self) -> Vec<usize> {
        self.starts.into_owned()
    }

    /// The indexed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Number of lines (an empty text has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The text of zero-based `line`, without its line break (empty past the end).
    pub fn line(&self, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where zero-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The position of byte `offset` (clamped to the text, moved back to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_start(line);
        let column: usize = self
            .text
            .get(start..offset)
            .unwrap_or("")
            .chars()
            .map(char::len_utf16)
            .sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The byte offset of `position` (a column past the line's end is its
    /// end; a line past the text's end is the text's end).
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.text.len();
        }
        let start = self.line_start(line);
        let text = self.line(line);
        let mut units = 0usize;
        for (i, c) in text.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + text.len()
    }

    /// The byte offset of a 1-based line and 1-based character column (the
    /// loader's [`Location`] without a byte offset).
    pub fn offset_of_line_column(&self, line: u32, column: u32) -> usize {
        let line = (line.max(1) - 1) as usize;
        if line >= self.starts.len() {
            return self.text.len();
        }
        let start = self.line_start(line);
        let text = self.line(line);
        let skip = (column.max(1) - 1) as usize;
        start + text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i)
    }

    /// The range of a byte span.
    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The range a diagnostic at `location` underlines: its byte span when
    /// the loader gave one (cut at the end of its first line, so a mapping
    /// does not underline a whole block), else the word that starts at its
    /// line and column (the rest of the line for a non-word), else the
    /// first line.
    pub fn location_range(&self, location: Option<&Location>) -> Range {
        let Some(l) = location else {
            return self.range(0, self.line(0).len());
        };
        let start = match l.byte_offset {
            Some(o) if o <= self.text.len() => o,
            _ if l.line > 0 => self.offset_of_line_column(l.line, l.column),
            _ => 0,
        };
        let line_end = self.line_end_at(start);
        let end = match l.byte_len {
            Some(len) if len > 0 => start.saturating_add(len).min(line_end),
            _ => self.word_end(start, line_end),
        };
        let end = if end <= start { line_end } else { end };
        self.range(start, end)
    }

    /// The byte offset of the end of the line holding `offset` (before its break).
    pub fn line_end_at(&self, offset: usize) -> usize {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        self.line_start(line) + self.line(line).len()
    }

    /// The end of the YAML word (no blank, `,`, `[`, `]`, `{`, `}`, `#`)
    /// starting at `start`, at most `limit`.
    fn word_end(&self, start: usize, limit: usize) -> usize {
        let rest = self.text.get(start..limit).unwrap_or("");
        let len = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}' | '#'))
            .map_or(rest.len(), |(i, _)| i);
        let len = rest
            .get(..len)
            .map_or(len, |w| w.trim_end_matches(':').len());
        start + len
    }
}

/// A count as a `u32` position component (saturating: no file has 4 billion lines).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_columns_are_utf16_units() {
        let text = "name: Đăng ký khai sinh\nsteps:\n  nộp: x\r\nend";
        let ix = LineIndex::new(text);
        assert_eq!(ix.line_count(), 4);
        assert_eq!(ix.line(2), "  nộp: x");
        // "Đăng" starts at byte 6; "ký" after "Đăng " (Đ = 2 bytes, ă = 2 bytes).
        let ky = text.find("ký").unwrap();
        assert_eq!(ix.position(ky), Position::new(0, 11));
        let x = text.find("x").unwrap();
        assert_eq!(ix.position(x), Position::new(2, 7));
        assert_eq!(ix.offset(Position::new(2, 7)), x);
        assert_eq!(ix.position(text.len()), Position::new(3, 3));
        // Inside a multi-byte character: back to its start.
        assert_eq!(ix.position(ky + 2), Position::new(0, 12));
        assert_eq!(ix.offset(Position::new(9, 0)), text.len());
        assert_eq!(
            ix.offset(Position::new(0, 999)),
            "name: Đăng ký khai sinh".len()
        );
    }

    #[test]
    fn astral_characters_count_two_units() {
        let ix = LineIndex::new("a: 😀b");
        assert_eq!(ix.position(ix.text().len()), Position::new(0, 6));
        assert_eq!(ix.offset(Position::new(0, 5)), "a: 😀".len());
    }

    #[test]
    fn location_ranges_use_span_then_word() {
        let text = "steps:\n  nộp-hồ-sơ: { next: [xét] }\n";
        let ix = LineIndex::new(text);
        let at = text.find("xét").unwrap();
        let span = Location {
            line: 2,
            column: 23,
            byte_offset: Some(at),
            byte_len: Some("xét".len()),
        };
        assert_eq!(
            ix.location_range(Some(&span)),
            Range::new(Position::new(1, 22), Position::new(1, 25))
        );
        let word = Location {
            line: 2,
            column: 3,
            byte_offset: None,
            byte_len: None,
        };
        assert_eq!(
            ix.location_range(Some(&word)),
            Range::new(Position::new(1, 2), Position::new(1, 11))
        );
        // A span over several lines stops at the end of its first line.
        let block = Location {
            byte_offset: Some(0),
            byte_len: Some(text.len()),
            ..word
        };
        assert_eq!(ix.location_range(Some(&block)).end, Position::new(0, 6));
        assert_eq!(ix.location_range(None).end, Position::new(0, 6));
    }

    proptest! {
        #[test]
        fn offsets_round_trip(text in "[a-zđăâêôơưệạ😀 :\\-\r\n]{0,60}", cut in 0usize..80) {
            let ix = LineIndex::new(&text);
            let mut offset = cut.min(text.len());
            while !text.is_char_boundary(offset) { offset -= 1; }
            let p = ix.position(offset);
            let back = ix.offset(p);
            // A lone `\r` before `\n` is not a position of its own.
            prop_assert!(back == offset || text.get(back..offset) == Some("\r"));
        }
    }
}
