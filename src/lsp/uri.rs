//! `file:` URIs ↔ paths, without touching the file system.

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Parses a URI (`None` when it is not one).
pub fn parse(text: &str) -> Option<Uri> {
    Uri::from_str(text).ok()
}

/// The local path of a `file:` URI, percent-decoded; for other schemes
/// (`untitled:Untitled-1.yaml`) the last segment of the URI's path, which is
/// enough to tell a file's kind but names no folder.
pub fn to_path(uri: &Uri) -> PathBuf {
    let text = uri.as_str();
    let text = text.split(['?', '#']).next().unwrap_or(text);
    if let Some(rest) = text.strip_prefix("file://") {
        // The authority (usually empty) ends at the path's first `/`.
        let path = rest.find('/').map_or("", |i| rest.get(i..).unwrap_or(""));
        let decoded = percent_decode(path);
        // `file:///C:/x` on Windows: drop the slash before the drive letter.
        let bytes = decoded.as_bytes();
        if cfg!(windows) && bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
            return PathBuf::from(decoded.get(1..).unwrap_or(""));
        }
        return PathBuf::from(decoded);
    }
    let last = text.rsplit(['/', ':']).next().unwrap_or(text);
    PathBuf::from(percent_decode(last))
}

/// The `file:` URI of an absolute `path` (each segment percent-encoded).
pub fn from_path(path: &Path) -> Option<Uri> {
    let mut out = String::from("file://");
    for part in path.components() {
        use std::path::Component;
        match part {
            Component::RootDir => {}
            Component::Prefix(p) => {
                out.push('/');
                out.push_str(&p.as_os_str().to_string_lossy());
                continue;
            }
            Component::Normal(s) => {
                out.push('/');
                out.push_str(&crate::report::sarif::encode_segment(&s.to_string_lossy()));
                continue;
            }
            Component::CurDir | Component::ParentDir => return None,
        }
    }
    if out == "file://" {
        out.push('/');
    }
    parse(&out)
}

/// `%XX` escapes decoded (invalid escapes kept as written; invalid UTF-8
/// replaced).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_vietnamese_paths() {
        let path = Path::new("/tmp/thủ tục/khai sinh#1.yaml");
        let uri = from_path(path).unwrap_or_else(|| unreachable!());
        assert_eq!(
            uri.as_str(),
            "file:///tmp/th%E1%BB%A7%20t%E1%BB%A5c/khai%20sinh%231.yaml"
        );
        assert_eq!(to_path(&uri), path);
        let vscode =
            parse("file:///tmp/th%E1%BB%A7%20t%E1%BB%A5c/a.yaml").unwrap_or_else(|| unreachable!());
        assert_eq!(to_path(&vscode), Path::new("/tmp/thủ tục/a.yaml"));
    }

    #[test]
    fn other_schemes_keep_the_name() {
        let uri = parse("untitled:Untitled-1.yaml").unwrap_or_else(|| unreachable!());
        assert_eq!(to_path(&uri), Path::new("Untitled-1.yaml"));
        assert!(from_path(Path::new("relative/../x")).is_none());
        assert_eq!(percent_decode("a%2"), "a%2");
    }
}
