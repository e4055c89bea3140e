//! One diagnostic type for everything reported to a user: load errors and
//! review findings alike carry a code, a severity, the element and its
//! location, and their texts in both languages.

use crate::element::ElementPath;
use crate::i18n::{Lang, Text};
use crate::load::LoadError;
use crate::source_map::Location;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; no change required.
    Info,
    /// Should be changed.
    Warn,
    /// Must be changed.
    Error,
}

impl Severity {
    /// Lower-case English name (`error`, `warn`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warn => "warn",
            Severity::Info => "info",
        }
    }

    /// Label shown in text output, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warn, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warn, Lang::Vi) => "cảnh báo",
            (Severity::Info, Lang::Vi) => "thông tin",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Severity, String> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Ok(Severity::Error),
            "warn" | "warning" => Ok(Severity::Warn),
            "info" => Ok(Severity::Info),
            other => Err(format!(
                "unknown severity '{other}': use error, warn or info"
            )),
        }
    }
}

/// A secondary location of a diagnostic: another element it involves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// The element path.
    pub element: ElementPath,
    /// Where it was written, when known.
    pub location: Option<Location>,
    /// What it is (`first requested here`).
    pub message: Text,
}

/// A located message for a user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code: a rule code (`TT304`) or a load error code (`unknown-key`).
    pub code: String,
    /// Kebab-case name (`certified-copy-required`); for load errors, the code.
    pub name: String,
    /// Severity.
    pub severity: Severity,
    /// The file (or other origin) it is about.
    pub origin: String,
    /// The element path (`steps.xem-xet.next[0]`).
    pub element: Option<ElementPath>,
    /// Line and column, when known.
    pub location: Option<Location>,
    /// Secondary locations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// What is wrong.
    pub message: Text,
    /// What to change.
    pub help: Option<Text>,
    /// The legal basis, when there is one.
    pub legal_basis: Option<String>,
    /// Extra notes (the measured saving, …).
    pub notes: Vec<Text>,
}

impl From<&LoadError> for Diagnostic {
    fn from(e: &LoadError) -> Diagnostic {
        let help = match (e.help(Lang::Vi), e.help(Lang::En)) {
            (Some(vi), Some(en)) => Some(Text::new(vi, en)),
            _ => None,
        };
        Diagnostic {
            code: e.code().to_string(),
            name: e.code().to_string(),
            severity: Severity::Error,
            origin: e.origin.clone(),
            element: e.element.clone().map(ElementPath::from_text),
            location: e.location,
            related: Vec::new(),
            message: Text::new(e.message(Lang::Vi), e.message(Lang::En)),
            help,
            legal_basis: None,
            notes: Vec::new(),
        }
    }
}
