//! Review configuration: which rules run and at what severity.
//!
//! A `tthc.yaml` file (found by walking up from a procedure's directory, or
//! named with `--config`) looks like:
//!
//! ```yaml
//! preset: recommended        # or: all
//! rules:
//!   TT304: off               # by code …
//!   excess-copies: error     # … or by name; levels: off, info, warn, error
//! cost_basis: {}             # reserved for the compliance-cost settings
//! ```
//!
//! The same settings are available to library users as [`ReviewOptions`].

use crate::diagnostic::Severity;
use crate::load::{LoadError, LoadErrorKind, LoadErrors, LoadOptions, Location, parse_typed};
use crate::rules::{self, RuleInfo};
use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// File name looked for when no `--config` is given.
pub const CONFIG_FILE_NAME: &str = "tthc.yaml";

/// A starting set of rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Every rule marked recommended, at its default severity.
    #[default]
    Recommended,
    /// Every rule, at its default severity (at least `info`).
    All,
}

impl FromStr for Preset {
    type Err = String;
    fn from_str(s: &str) -> Result<Preset, String> {
        match s {
            "recommended" => Ok(Preset::Recommended),
            "all" => Ok(Preset::All),
            other => Err(format!("unknown preset '{other}': use recommended or all")),
        }
    }
}

/// The level a rule is set to: off, or a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Findings are infos.
    Info,
    /// Findings are warnings.
    Warn,
    /// Findings are errors.
    Error,
}

impl RuleLevel {
    /// The severity, or `None` for off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warn => Some(Severity::Warn),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

impl FromStr for RuleLevel {
    type Err = String;
    fn from_str(s: &str) -> Result<RuleLevel, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "off" | "false" | "none" => Ok(RuleLevel::Off),
            "info" => Ok(RuleLevel::Info),
            "warn" | "warning" => Ok(RuleLevel::Warn),
            "error" => Ok(RuleLevel::Error),
            other => Err(format!(
                "unknown rule level '{other}': use off, info, warn or error"
            )),
        }
    }
}

impl<'de> Deserialize<'de> for RuleLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RuleLevel, D::Error> {
        struct LevelVisitor;
        impl Visitor<'_> for LevelVisitor {
            type Value = RuleLevel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("off, info, warn or error")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleLevel, E> {
                v.parse().map_err(E::custom)
            }
            // YAML 1.1 readers may turn a bare `off` into `false`.
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RuleLevel, E> {
                if v {
                    Err(E::custom("use off, info, warn or error, not `true`"))
                } else {
                    Ok(RuleLevel::Off)
                }
            }
        }
        d.deserialize_any(LevelVisitor)
    }
}

/// A rule code or name that no rule has.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule `{0}`: see `tthc rules` for the codes and names")]
pub struct UnknownRule(pub String);

/// Which rules a review runs, at what severity.
///
/// ```
/// use tthc::config::{ReviewOptions, RuleLevel};
/// let options = ReviewOptions::default()
///     .with("TT304", RuleLevel::Off)?
///     .with("excess-copies", RuleLevel::Error)?;
/// assert!(options.with("TT999", RuleLevel::Off).is_err());
/// # Ok::<(), tthc::config::UnknownRule>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewOptions {
    /// The starting set of rules.
    pub preset: Preset,
    /// Per-rule levels by rule code, applied over the preset.
    pub rules: BTreeMap<&'static str, RuleLevel>,
}

impl ReviewOptions {
    /// Options with a preset and no overrides.
    pub fn preset(preset: Preset) -> ReviewOptions {
        ReviewOptions {
            preset,
            rules: BTreeMap::new(),
        }
    }

    /// Sets a rule (by code or name) to `level`.
    pub fn set(&mut self, rule: &str, level: RuleLevel) -> Result<(), UnknownRule> {
        let info = rules::find(rule).ok_or_else(|| UnknownRule(rule.to_string()))?;
        self.rules.insert(info.code, level);
        Ok(())
    }

    /// [`ReviewOptions::set`], builder style.
    pub fn with(mut self, rule: &str, level: RuleLevel) -> Result<ReviewOptions, UnknownRule> {
        self.set(rule, level)?;
        Ok(self)
    }

    /// The severity a rule runs at, or `None` when it does not run.
    pub fn severity_of(&self, info: &RuleInfo) -> Option<Severity> {
        if let Some(level) = self.rules.get(info.code) {
            return level.severity();
        }
        match self.preset {
            Preset::All => Some(info.severity),
            Preset::Recommended => info.recommended.then_some(info.severity),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    preset: Preset,
    #[serde(default)]
    rules: BTreeMap<String, RuleLevel>,
    #[serde(default)]
    cost_basis: Option<IgnoredAny>,
}

/// A parsed configuration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Where it was read from.
    pub origin: String,
    /// The review settings.
    pub review: ReviewOptions,
    /// Whether the file has a `cost_basis` section. The key is reserved for
    /// the compliance-cost settings and is accepted but not read here.
    pub has_cost_basis: bool,
}

impl Config {
    /// Parses a configuration from YAML text. Unknown keys, unknown rules,
    /// bad levels and a rule set twice (by code and by name) are located errors.
    ///
    /// ```
    /// use tthc::config::{Config, RuleLevel};
    /// let c = Config::from_yaml_str("rules:\n  certified-copy-required: error\n", "tthc.yaml").unwrap();
    /// assert_eq!(c.review.rules.get("TT304"), Some(&RuleLevel::Error));
    /// let e = Config::from_yaml_str("rules:\n  TT999: off\n", "tthc.yaml").unwrap_err();
    /// assert_eq!(e.errors[0].location.unwrap().line, 2);
    /// ```
    pub fn from_yaml_str(src: &str, origin: &str) -> Result<Config, LoadErrors> {
        let file: ConfigFile = parse_typed(src, origin, &LoadOptions::default())?;
        let mut review = ReviewOptions::preset(file.preset);
        for (key, level) in &file.rules {
            let element = format!("rules.{key}");
            let Some(info) = rules::find(key) else {
                return Err(located(src, origin, key, &element, unknown_rule_kind(key)).into());
            };
            if review.rules.insert(info.code, *level).is_some() {
                let kind = LoadErrorKind::Invalid {
                    en: format!("rule {} ({}) is set twice", info.code, info.name),
                    vi: format!("quy tắc {} ({}) được đặt hai lần", info.code, info.name),
                };
                return Err(located(src, origin, key, &element, kind).into());
            }
        }
        Ok(Config {
            origin: origin.to_string(),
            review,
            has_cost_basis: file.cost_basis.is_some(),
        })
    }

    /// Reads and parses a configuration file.
    pub fn load(path: &Path) -> Result<Config, LoadErrors> {
        let origin = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(src) => Config::from_yaml_str(&src, &origin),
            Err(e) => Err(LoadError::new(
                &origin,
                LoadErrorKind::Io {
                    detail: e.to_string(),
                },
            )
            .into()),
        }
    }

    /// The nearest `tthc.yaml` in `dir` or one of its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(CONFIG_FILE_NAME))
            .find(|p| p.is_file())
    }
}

fn unknown_rule_kind(key: &str) -> LoadErrorKind {
    LoadErrorKind::Invalid {
        en: format!("unknown rule `{key}`: see `tthc rules` for the codes and names"),
        vi: format!("không có quy tắc `{key}`: xem `tthc rules` để biết mã và tên"),
    }
}

/// An error located at the line where `key` is written under `rules:`. The
/// typed parser gives no positions for map keys, so the line is found by
/// looking for the key at the start of a line.
fn located(src: &str, origin: &str, key: &str, element: &str, kind: LoadErrorKind) -> LoadError {
    let error = LoadError::new(origin, kind);
    let found = src.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start();
        let rest = trimmed
            .strip_prefix(key)
            .or_else(|| trimmed.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| trimmed.strip_prefix(&format!("'{key}'")))?;
        rest.trim_start().starts_with(':').then(|| Location {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            column: u32::try_from(line.len() - trimmed.len() + 1).unwrap_or(1),
            byte_offset: None,
            byte_len: Some(key.len()),
        })
    });
    match found {
        Some(loc) => error.at(element, loc),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_preset_levels_and_reserved_cost_basis() {
        let c = Config::from_yaml_str(
            "preset: all\nrules:\n  TT304: off\n  excess-copies: warn\ncost_basis:\n  hourly_income: 43182\n",
            "tthc.yaml",
        )
        .unwrap();
        assert_eq!(c.review.preset, Preset::All);
        assert_eq!(c.review.rules.get("TT304"), Some(&RuleLevel::Off));
        assert_eq!(c.review.rules.get("TT305"), Some(&RuleLevel::Warn));
        assert!(c.has_cost_basis);
    }

    #[test]
    fn rejects_unknown_keys_levels_and_double_settings() {
        let e = &Config::from_yaml_str("presets: all\n", "c.yaml")
            .unwrap_err()
            .errors[0];
        assert_eq!(e.location.map(|l| l.line), Some(1));
        let e = &Config::from_yaml_str("rules:\n  TT304: loud\n", "c.yaml")
            .unwrap_err()
            .errors[0];
        assert!(e.message(crate::Lang::En).contains("loud"), "{e:?}");
        let e = &Config::from_yaml_str(
            "rules:\n  TT304: off\n  certified-copy-required: error\n",
            "c.yaml",
        )
        .unwrap_err()
        .errors[0];
        assert!(e.message(crate::Lang::En).contains("twice"));
        assert_eq!(e.element.as_deref(), Some("rules.certified-copy-required"));
        assert_eq!(e.location.map(|l| l.line), Some(3));
    }

    #[test]
    fn overrides_beat_the_preset() {
        let info = rules::find("TT402").unwrap();
        assert!(!info.recommended);
        let mut o = ReviewOptions::default();
        assert_eq!(o.severity_of(info), None);
        assert_eq!(
            ReviewOptions::preset(Preset::All).severity_of(info),
            Some(info.severity)
        );
        o.set("repeated-examination", RuleLevel::Error).unwrap();
        assert_eq!(o.severity_of(info), Some(Severity::Error));
        assert_eq!(
            o.set("nope", RuleLevel::Off),
            Err(UnknownRule("nope".into()))
        );
    }
}
