//! Settings: everything an analysis depends on besides the procedure, and
//! the one resolver of `tthc.yaml`.
//!
//! A `tthc.yaml` (found by walking up from a procedure's folder, or named
//! with `--config`) may hold any of these keys; every key it accepts is read:
//!
//! ```yaml
//! lang: vi                   # vi | en: messages, reports, tables
//! preset: recommended        # or: all, none
//! rules:
//!   TT304: off               # by code …
//!   excess-copies: error     # … or by name; levels: off, info, warn, error
//! cost_basis: basis.yaml     # a cost-basis file (relative to this file) …
//! # cost_basis: { hourly_income: 47727 }   # … or the values themselves
//! holidays: extra-days.yaml  # announced days off and make-up days to add
//! scenario: auto             # fee scenario: auto | in_person | online
//! max_file_size: 16777216    # largest procedure file read, in bytes
//! ```

use crate::calendar::Calendar;
use crate::cost_basis::CostBasis;
use crate::i18n::Lang;
use crate::load::node::{Node, NodeKind};
use crate::load::reader::{Reader, join};
use crate::load::{LoadErrorKind, LoadErrors, LoadOptions, read_text};
use crate::metrics::Scenario;
use crate::rules::{Preset, ReviewOptions, RuleLevel};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// File name looked for when no configuration file is named.
pub const CONFIG_FILE_NAME: &str = "tthc.yaml";

/// The language used when neither a flag, `TTHC_LANG` nor `tthc.yaml`
/// chooses one: the language of the people who read the findings.
pub const DEFAULT_LANG: Lang = Lang::Vi;

/// Everything an [`crate::Analysis`] depends on besides the procedure.
///
/// ```
/// use tthc::{Lang, Settings, rules::RuleLevel};
/// let s = Settings::from_yaml_str("lang: en\nrules:\n  TT304: off\n", "tthc.yaml")?;
/// assert_eq!(s.lang, Lang::En);
/// assert_eq!(s.review.rules.get("TT304"), Some(&RuleLevel::Off));
/// assert_eq!(s.cost_basis.hourly_income, Settings::default().cost_basis.hourly_income);
///
/// let e = Settings::from_yaml_str("rules:\n  TT999: off\n", "tthc.yaml").unwrap_err();
/// assert_eq!(e.errors[0].location.unwrap().line, 2);
/// # Ok::<(), tthc::LoadErrors>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Settings {
    /// Limits applied while loading.
    pub load: LoadOptions,
    /// Which rules run, at what severity.
    pub review: ReviewOptions,
    /// Prices and standard times of the compliance cost.
    pub cost_basis: Arc<CostBasis>,
    /// The working-day calendar.
    pub calendar: Arc<Calendar>,
    /// Which fee applies when a fee differs by channel.
    pub scenario: Scenario,
    /// Language of messages and reports.
    pub lang: Lang,
    /// The configuration file these settings were read from, if any.
    pub origin: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            load: LoadOptions::default(),
            review: ReviewOptions::default(),
            cost_basis: default_basis(),
            calendar: default_calendar(),
            scenario: Scenario::Auto,
            lang: DEFAULT_LANG,
            origin: None,
        }
    }
}

fn default_basis() -> Arc<CostBasis> {
    static BASIS: std::sync::OnceLock<Arc<CostBasis>> = std::sync::OnceLock::new();
    BASIS.get_or_init(|| Arc::new(CostBasis::default())).clone()
}

fn default_calendar() -> Arc<Calendar> {
    static CALENDAR: std::sync::OnceLock<Arc<Calendar>> = std::sync::OnceLock::new();
    CALENDAR
        .get_or_init(|| Arc::new(crate::metrics::on_calendar::vietnam_calendar().clone()))
        .clone()
}

impl Settings {
    /// These settings with another language.
    pub fn with_lang(mut self, lang: Lang) -> Settings {
        self.lang = lang;
        self
    }

    /// These settings with other review options.
    pub fn with_review(mut self, review: ReviewOptions) -> Settings {
        self.review = review;
        self
    }

    /// These settings with another cost basis.
    pub fn with_cost_basis(mut self, basis: CostBasis) -> Settings {
        self.cost_basis = Arc::new(basis);
        self
    }

    /// These settings with another calendar.
    pub fn with_calendar(mut self, calendar: Calendar) -> Settings {
        self.calendar = Arc::new(calendar);
        self
    }

    /// These settings with other load limits.
    pub fn with_load(mut self, load: LoadOptions) -> Settings {
        self.load = load;
        self
    }

    /// These settings with another fee scenario.
    pub fn with_scenario(mut self, scenario: Scenario) -> Settings {
        self.scenario = scenario;
        self
    }

    /// Reads a `tthc.yaml` from text. Files it names (`cost_basis: x.yaml`,
    /// `holidays: y.yaml`) are taken relative to the current folder; use
    /// [`Settings::load_file`] to resolve them against the file's folder.
    pub fn from_yaml_str(src: &str, origin: &str) -> Result<Settings, LoadErrors> {
        read_config(src, origin, Path::new("."), Settings::default())
    }

    /// Reads a `tthc.yaml` from text whose files (`cost_basis: x.yaml`) are
    /// relative to `dir`: an editor's unsaved buffer of a file in `dir`.
    pub fn from_yaml_str_in(src: &str, origin: &str, dir: &Path) -> Result<Settings, LoadErrors> {
        read_config(src, origin, dir, Settings::default())
    }

    /// Reads a `tthc.yaml` file; the files it names are relative to it.
    pub fn load_file(path: &Path) -> Result<Settings, LoadErrors> {
        let origin = path.display().to_string();
        let text = read_text(path, &LoadOptions::default())?;
        let dir = path.parent().unwrap_or(Path::new("."));
        read_config(&text, &origin, dir, Settings::default())
    }

    /// The nearest `tthc.yaml` in `dir` or one of its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(CONFIG_FILE_NAME))
            .find(|p| p.is_file())
    }

    /// Applies command-line (or other explicit) overrides, which beat the file.
    pub fn overridden(self, o: &Overrides) -> Result<Settings, LoadErrors> {
        let mut s = self;
        if let Some(lang) = o.lang {
            s.lang = lang;
        }
        if let Some(size) = o.max_file_size {
            s.load.max_file_size = size;
        }
        if let Some(scenario) = o.scenario {
            s.scenario = scenario;
        }
        if let Some(path) = &o.cost_basis {
            s.cost_basis = Arc::new(CostBasis::load_file(path)?);
        }
        if let Some(figure) = o.income.and_then(crate::cost_basis::IncomeFigure::of) {
            let mut basis = (*s.cost_basis).clone();
            basis.hourly_income = figure.as_hourly_income();
            s.cost_basis = Arc::new(basis);
        }
        if let Some(level) = o.standard_times {
            let mut basis = (*s.cost_basis).clone();
            basis.standard_times = Some(level);
            s.cost_basis = Arc::new(basis);
        }
        if let Some(path) = &o.holidays {
            s.calendar = Arc::new(Calendar::with_data_file(path)?);
        }
        if let Some(preset) = o.preset {
            s.review.preset = preset;
        }
        Ok(s)
    }
}

/// Settings given explicitly (command-line flags, environment), which take
/// precedence over any `tthc.yaml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Overrides {
    /// Use this configuration file instead of looking for `tthc.yaml`.
    pub config: Option<PathBuf>,
    /// Language.
    pub lang: Option<Lang>,
    /// A cost-basis file.
    pub cost_basis: Option<PathBuf>,
    /// The income figure to value hours at (over the file's and the
    /// configuration's); a period without a figure is ignored.
    pub income: Option<crate::cost_basis::IncomePeriod>,
    /// Standard time values at this level for what files do not estimate.
    pub standard_times: Option<crate::cost_basis::standard_times::Complexity>,
    /// A holiday data file to add to the calendar.
    pub holidays: Option<PathBuf>,
    /// Largest file read.
    pub max_file_size: Option<u64>,
    /// Fee scenario.
    pub scenario: Option<Scenario>,
    /// Rule preset.
    pub preset: Option<Preset>,
}

/// Resolves the settings of each file once per folder: `--config` when
/// given, else the nearest `tthc.yaml` above the file, with the overrides
/// applied over either.
///
/// ```
/// use tthc::analysis::{Overrides, SettingsResolver};
/// let mut resolver = SettingsResolver::new(Overrides::default());
/// let here = resolver.for_file(std::path::Path::new("procedures/ho-tich/dang-ky-khai-sinh.yaml"));
/// assert!(here.is_ok());
/// ```
#[derive(Debug)]
pub struct SettingsResolver {
    overrides: Overrides,
    fixed: Option<Result<Arc<Settings>, LoadErrors>>,
    by_dir: HashMap<PathBuf, Result<Arc<Settings>, LoadErrors>>,
}

impl SettingsResolver {
    /// A resolver applying `overrides`.
    pub fn new(overrides: Overrides) -> SettingsResolver {
        SettingsResolver {
            overrides,
            fixed: None,
            by_dir: HashMap::new(),
        }
    }

    /// The overrides in force.
    pub fn overrides(&self) -> &Overrides {
        &self.overrides
    }

    /// The settings for a procedure (or review-test) file.
    pub fn for_file(&mut self, path: &Path) -> Result<Arc<Settings>, LoadErrors> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        self.for_dir(dir)
    }

    /// The settings for files in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Settings>, LoadErrors> {
        if let Some(config) = self.overrides.config.clone() {
            return self
                .fixed
                .get_or_insert_with(|| resolve(Some(&config), &self.overrides))
                .clone();
        }
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let result = resolve(Settings::discover(dir).as_deref(), &self.overrides);
        self.by_dir.insert(dir.to_path_buf(), result.clone());
        result
    }

    /// The settings when no file is involved (`tthc holidays`, `tthc rules`):
    /// `--config`, else the `tthc.yaml` above the current folder.
    pub fn global(&mut self) -> Result<Arc<Settings>, LoadErrors> {
        self.for_dir(Path::new("."))
    }
}

fn resolve(config: Option<&Path>, overrides: &Overrides) -> Result<Arc<Settings>, LoadErrors> {
    let base = match config {
        Some(path) => Settings::load_file(path)?,
        None => Settings::default(),
    };
    base.overridden(overrides).map(Arc::new)
}

/// Reads the configuration over `base`; every error located in `src`.
fn read_config(
    src: &str,
    origin: &str,
    dir: &Path,
    base: Settings,
) -> Result<Settings, LoadErrors> {
    let options = LoadOptions::default();
    let root = crate::load::yaml::parse_node(src, origin, &options)
        .map_err(|e| LoadErrors::from(e).with_source(src))?;
    let mut s = base;
    s.origin = Some(origin.to_string());
    let Some(root) = root else {
        return Ok(s);
    };
    let mut r = Reader::new(origin, src);
    let mut loaded = Vec::new();
    if let Some(f) = r.fields(&root, "", &crate::format::CONFIG) {
        if let Some(n) = f.get("lang")
            && let Some(lang) = r.choice(n, "lang", LANGS)
        {
            s.lang = lang;
        }
        if let Some(n) = f.get("preset")
            && let Some(preset) = r.choice(n, "preset", PRESETS)
        {
            s.review.preset = preset;
        }
        if let Some(n) = f.get("rules") {
            read_rules(&mut r, n, &mut s.review);
        }
        if let Some(n) = f.get("scenario")
            && let Some(scenario) = r.choice(n, "scenario", SCENARIOS)
        {
            s.scenario = scenario;
        }
        if let Some(n) = f.get("max_file_size")
            && let Some(size) = r.count(n, "max_file_size", u64::MAX >> 1)
        {
            s.load.max_file_size = size;
        }
        if let Some(n) = f.get("cost_basis") {
            match &n.kind {
                NodeKind::Map(_) => {
                    if let Some(b) = crate::cost_basis::read_override(
                        &mut r,
                        n,
                        "cost_basis",
                        (*s.cost_basis).clone(),
                    ) {
                        s.cost_basis = Arc::new(b);
                    }
                }
                _ => {
                    if let Some(file) = r.text(n, "cost_basis") {
                        match CostBasis::load_file(&dir.join(&file)) {
                            Ok(b) => s.cost_basis = Arc::new(b),
                            Err(e) => loaded.push(e),
                        }
                    }
                }
            }
        }
        if let Some(n) = f.get("holidays")
            && let Some(file) = r.text(n, "holidays")
        {
            match Calendar::with_data_file(&dir.join(&file)) {
                Ok(c) => s.calendar = Arc::new(c),
                Err(e) => loaded.push(e),
            }
        }
    }
    if !r.errors.is_empty() {
        return Err(r.into_errors(src));
    }
    // A file it names that does not load: its own errors, with its text.
    if let Some(first) = loaded.into_iter().next() {
        return Err(first);
    }
    Ok(s)
}

pub(crate) const LANGS: &[(&str, Lang)] = &[("vi", Lang::Vi), ("en", Lang::En)];
pub(crate) const PRESETS: &[(&str, Preset)] = &[
    ("recommended", Preset::Recommended),
    ("all", Preset::All),
    ("none", Preset::None),
];
pub(crate) const SCENARIOS: &[(&str, Scenario)] = &[
    ("auto", Scenario::Auto),
    ("in_person", Scenario::InPerson),
    ("online", Scenario::Online),
];

/// `rules:` — rule code or name → level; an unknown rule gets "did you mean".
fn read_rules(r: &mut Reader<'_>, node: &Node, review: &mut ReviewOptions) {
    let NodeKind::Map(entries) = &node.kind else {
        if !matches!(node.kind, NodeKind::Null) {
            r.fields(node, "rules", &crate::format::ANY);
        }
        return;
    };
    for (key, value) in entries {
        let NodeKind::Str(name) = &key.kind else {
            r.fields(node, "rules", &crate::format::ANY);
            return;
        };
        let path = join("rules", name);
        let Some(info) = crate::rules::find(name) else {
            let known = crate::rules::registry()
                .iter()
                .flat_map(|rule| [rule.info().code, rule.info().name]);
            r.error(
                &path,
                key.loc,
                LoadErrorKind::UnknownRule {
                    rule: name.clone(),
                    suggestion: crate::load::suggest::closest(name, known),
                },
            );
            continue;
        };
        // YAML 1.1 readers turn a bare `off` into `false`; accept it.
        let level = match value.kind {
            NodeKind::Bool(false) => Some(RuleLevel::Off),
            _ => r.choice(value, &path, RuleLevel::NAMES),
        };
        let Some(level) = level else { continue };
        if review.rules.insert(info.code, level).is_some() {
            r.error(
                &path,
                key.loc,
                LoadErrorKind::Invalid {
                    en: format!("rule {} ({}) is set twice", info.code, info.name),
                    vi: format!("quy tắc {} ({}) được đặt hai lần", info.code, info.name),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    #[test]
    fn reads_every_key_it_accepts() {
        let s = Settings::from_yaml_str(
            "lang: en\npreset: all\nrules:\n  TT304: off\n  excess-copies: warn\ncost_basis:\n  hourly_income: 50000\nscenario: online\nmax_file_size: 1000\n",
            "tthc.yaml",
        )
        .unwrap();
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.review.preset, Preset::All);
        assert_eq!(s.review.rules.get("TT304"), Some(&RuleLevel::Off));
        assert_eq!(s.review.rules.get("TT305"), Some(&RuleLevel::Warn));
        assert_eq!(s.cost_basis.hourly_income.value.dong(), 50_000);
        assert_eq!(s.cost_basis.hourly_income.source, "tthc.yaml");
        assert_eq!(s.scenario, Scenario::Online);
        assert_eq!(s.load.max_file_size, 1000);
    }

    #[test]
    fn rejects_unknown_keys_levels_and_double_settings_with_locations() {
        let e = &Settings::from_yaml_str("presets: all\n", "c.yaml")
            .unwrap_err()
            .errors[0];
        assert_eq!(e.location.map(|l| l.line), Some(1));
        assert_eq!(e.help(Lang::En).as_deref(), Some("did you mean `preset`?"));
        let e = &Settings::from_yaml_str("rules:\n  TT304: loud\n", "c.yaml")
            .unwrap_err()
            .errors[0];
        assert!(e.message(Lang::En).contains("loud"), "{e:?}");
        assert_eq!(e.location.map(|l| (l.line, l.column)), Some((2, 10)));
        let errors = Settings::from_yaml_str(
            "rules:\n  TT304: off\n  certified-copy-required: error\n  TT9O1: off\n",
            "c.yaml",
        )
        .unwrap_err();
        assert!(errors.errors[0].message(Lang::En).contains("twice"));
        assert_eq!(
            errors.errors[0].element.as_deref(),
            Some("rules.certified-copy-required")
        );
        assert_eq!(errors.errors[0].location.map(|l| l.line), Some(3));
        assert_eq!(errors.errors[1].location.map(|l| l.line), Some(4));
        assert!(errors.text.is_some());
    }

    #[test]
    fn overrides_beat_the_file() {
        let s = Settings::from_yaml_str("lang: en\npreset: all\n", "c.yaml").unwrap();
        let o = Overrides {
            lang: Some(Lang::Vi),
            preset: Some(Preset::Recommended),
            ..Overrides::default()
        };
        let s = s.overridden(&o).unwrap();
        assert_eq!(s.lang, Lang::Vi);
        assert_eq!(s.review.preset, Preset::Recommended);
        let info = crate::rules::find("TT304").map(|i| s.review.severity_of(i));
        assert_eq!(info, Some(Some(Severity::Warn)));
    }
}
