//! Every output format, rendered from typed data: text (with
//! annotate-snippets diagnostics), JSON and SARIF (feature `json`), JUnit,
//! CSV, Markdown, HTML, SVG, DOT and Mermaid. Renderers return strings or
//! write to a `Write`; they never print. The CLI only chooses and writes.
//!
//! The review report (`tthc report`) is [`page::Report`] rendered by
//! [`html::render`] or [`markdown::render`]; the step graph alone
//! (`tthc graph`) is [`svg::render`], [`dot::render`] or [`mermaid::render`].
//! The compliance-cost calculation as a workbook with visible formulas
//! (`tthc report --format xlsx`, feature `xlsx`) is [`cost_sheet()`].

#[doc(hidden)]
pub mod chart;
pub mod check;
#[cfg(feature = "xlsx")]
pub mod cost_sheet;
pub mod diagnostics;
pub mod dot;
pub mod due;
pub mod html;
#[cfg(feature = "json")]
pub mod json;
#[doc(hidden)]
pub mod labels;
#[doc(hidden)]
pub mod layout;
pub mod markdown;
#[doc(hidden)]
pub mod marks;
pub mod mermaid;
pub mod metrics;
pub mod page;
pub mod review_tests;
#[cfg(feature = "json")]
pub mod sarif;
#[doc(hidden)]
pub mod sections;
pub mod svg;
pub mod text;
pub mod why;

#[cfg(feature = "xlsx")]
pub use cost_sheet::cost_sheet;
