//! Which rules a review runs, and at what severity.

use crate::diagnostic::Severity;
use crate::rules::{self, RuleInfo};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A starting set of rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Every rule marked recommended, at its default severity.
    #[default]
    Recommended,
    /// Every rule, at its default severity (at least `info`).
    All,
    /// No rule, except those set in `rules` (e.g. a baseline catalog that is
    /// only measured).
    None,
}

impl FromStr for Preset {
    type Err = String;
    fn from_str(s: &str) -> Result<Preset, String> {
        match s {
            "recommended" => Ok(Preset::Recommended),
            "all" => Ok(Preset::All),
            "none" => Ok(Preset::None),
            other => Err(format!(
                "unknown preset '{other}': use recommended, all or none"
            )),
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
    /// Every level with the word that names it in configuration files.
    pub const NAMES: &'static [(&'static str, RuleLevel)] = &[
        ("off", RuleLevel::Off),
        ("info", RuleLevel::Info),
        ("warn", RuleLevel::Warn),
        ("error", RuleLevel::Error),
    ];

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
/// use tthc::rules::{ReviewOptions, RuleLevel};
/// let options = ReviewOptions::default()
///     .with("TT304", RuleLevel::Off)?
///     .with("excess-copies", RuleLevel::Error)?;
/// assert!(options.with("TT999", RuleLevel::Off).is_err());
/// # Ok::<(), tthc::rules::UnknownRule>(())
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
            Preset::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
