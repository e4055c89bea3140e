//! The one place that calls the YAML parser.

use crate::load::LoadOptions;
use crate::load::error::{LoadError, LoadErrorKind};
use crate::load::node::{Location, Node};
use crate::load::tree;
use serde::de::DeserializeOwned;

/// serde-saphyr's options with the loader's limits (budgets from
/// [`LoadOptions`], duplicate keys refused, no snippets): every read
/// through serde-saphyr uses them (also a benchmark's baselines).
pub fn saphyr_options(options: &LoadOptions) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = options.max_depth;
    budget.max_nodes = options.max_nodes;
    budget.max_events = options.max_nodes.saturating_mul(4);
    budget.max_aliases = options.max_aliases;
    budget.max_anchors = options.max_aliases;
    budget.max_recorded_anchor_events = 100_000;
    let mut parser = serde_saphyr::Options::default();
    parser.budget = Some(budget);
    parser.with_snippet = false;
    parser.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    parser
}

/// Checks size and encoding before parsing.
pub(crate) fn check_input<'a>(
    bytes: &'a [u8],
    origin: &str,
    options: &LoadOptions,
) -> Result<&'a str, LoadError> {
    let size = bytes.len() as u64;
    if size > options.max_file_size {
        return Err(LoadError::new(
            origin,
            LoadErrorKind::TooLarge {
                size,
                limit: options.max_file_size,
            },
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let loc = Location {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
                byte_offset: Some(e.valid_up_to()),
                byte_len: Some(1),
            };
            Err(LoadError::new(origin, LoadErrorKind::NotUtf8).at("", loc))
        }
    }
}

/// Parses YAML text into a located node tree, or `None` for an empty document.
pub(crate) fn parse_node(
    src: &str,
    origin: &str,
    options: &LoadOptions,
) -> Result<Option<Node>, LoadError> {
    if src.len() as u64 > options.max_file_size {
        return Err(LoadError::new(
            origin,
            LoadErrorKind::TooLarge {
                size: src.len() as u64,
                limit: options.max_file_size,
            },
        ));
    }
    match tree::build(src, options) {
        tree::Built::Tree(root) => Ok(root),
        tree::Built::Fallback => parse_node_saphyr(src, origin, options),
    }
}

/// [`parse_node`] through serde-saphyr (`Option<Node>`, each node
/// `Spanned`): what the event-based builder falls back on to decide errors
/// and rare constructs, and the oracle its trees are tested against.
pub(crate) fn parse_node_saphyr(
    src: &str,
    origin: &str,
    options: &LoadOptions,
) -> Result<Option<Node>, LoadError> {
    serde_saphyr::from_str_with_options::<Option<Node>>(src, saphyr_options(options))
        .map_err(|e| convert_error(&e, origin, src))
}

/// Deserializes a typed YAML document (configuration files, calendar data,
/// review tests) with the same limits and located errors as procedures.
/// Types should use `#[serde(deny_unknown_fields)]`.
pub fn parse_typed<T: DeserializeOwned>(
    src: &str,
    origin: &str,
    options: &LoadOptions,
) -> Result<T, LoadError> {
    check_input(src.as_bytes(), origin, options)?;
    serde_saphyr::from_str_with_options::<T>(src, saphyr_options(options))
        .map_err(|e| convert_error(&e, origin, src))
}

/// The one place a parser error becomes a [`LoadError`] (message and
/// location as serde-saphyr gives them, the cause and fix from
/// [`crate::load::syntax`]). The event-based tree hands every input it
/// cannot decide, syntax errors included, to serde-saphyr, whose error
/// comes here.
fn convert_error(error: &serde_saphyr::Error, origin: &str, src: &str) -> LoadError {
    let location = error.location().map(|l| Location::from_saphyr(&l));
    let kind = match error {
        serde_saphyr::Error::DuplicateMappingKey { key, .. } => LoadErrorKind::DuplicateKey {
            key: key.clone().unwrap_or_else(|| "?".into()),
        },
        serde_saphyr::Error::Budget { breach, .. } => LoadErrorKind::Budget {
            detail: format!("{breach:?}"),
        },
        serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. }
        | serde_saphyr::Error::AliasReplayCounterOverflow { .. } => LoadErrorKind::Budget {
            detail: "too many alias expansions".into(),
        },
        serde_saphyr::Error::Eof { .. } => LoadErrorKind::Empty,
        serde_saphyr::Error::NonFiniteFloat { .. } => LoadErrorKind::NonFinite,
        serde_saphyr::Error::MultipleDocuments { .. } => {
            return crate::load::syntax::second_document(origin, src, location);
        }
        other => {
            let detail = clean_detail(&other.to_string());
            // Some budget breaches reach us wrapped in a generic message.
            if detail.contains("budget breached") {
                LoadErrorKind::Budget { detail }
            } else {
                let (line, column) = location.map_or((0, 0), |l| (l.line, l.column));
                return LoadError::syntax(origin, detail, line, column, src);
            }
        }
    };
    let error = LoadError::new(origin, kind);
    match location {
        Some(loc) if loc.line > 0 => error.at("", loc),
        _ => error,
    }
}

/// The parser's message without its own "at line X column Y" suffix (we print
/// the location ourselves).
fn clean_detail(detail: &str) -> String {
    let first = detail.lines().next().unwrap_or(detail).trim();
    let cut = first
        .find(" at line ")
        .map_or(first, |i| &first[..i])
        .trim_end_matches(['.', ','])
        .trim();
    cut.to_string()
}

/// Parses YAML text and discards it: the cost of the parser alone, the
/// baseline that audit speed is measured against.
pub fn parse_only(src: &str, origin: &str, options: &LoadOptions) -> Result<(), LoadError> {
    check_input(src.as_bytes(), origin, options)?;
    serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(src, saphyr_options(options))
        .map(|_| ())
        .map_err(|e| convert_error(&e, origin, src))
}

/// The located tree alone (the loader's first phase), as its node count:
/// a benchmark's measure of the event-based builder.
pub fn parse_tree(src: &str, origin: &str, options: &LoadOptions) -> Result<usize, LoadError> {
    check_input(src.as_bytes(), origin, options)?;
    Ok(parse_node(src, origin, options)?.map_or(0, |n| count_nodes(&n)))
}

/// [`parse_tree`] through serde-saphyr's `Spanned` values (the loader's
/// tree before the event-based builder), for comparison.
pub fn parse_tree_saphyr(
    src: &str,
    origin: &str,
    options: &LoadOptions,
) -> Result<usize, LoadError> {
    check_input(src.as_bytes(), origin, options)?;
    Ok(parse_node_saphyr(src, origin, options)?.map_or(0, |n| count_nodes(&n)))
}

/// The parser's bare event stream with the loader's parser options, counted
/// and dropped (`None` at a syntax error): the floor of any YAML reading.
pub fn parse_events(src: &str, options: &LoadOptions) -> Option<usize> {
    let mut parser =
        granit_parser::Parser::new_from_str_with_options(src, tree::parser_options(options));
    let mut count = 0;
    while let Some(event) = parser.next_event() {
        event.ok()?;
        count += 1;
    }
    Some(count)
}

fn count_nodes(node: &Node) -> usize {
    node.descendants().count()
}
