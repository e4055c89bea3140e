//! Renderers: the same data as text, JSON, CSV, Markdown, HTML or JUnit.
//! Renderers return strings; they never print.
//!
//! The review report (`tthc report`) is [`page::Report`] rendered by
//! [`html::render`] or [`markdown::render`]; the step graph alone
//! (`tthc graph`) is [`svg::render`], [`dot::render`] or [`mermaid::render`].

pub mod chart;
pub mod diagnostics;
pub mod dot;
pub mod html;
pub mod labels;
pub mod layout;
pub mod markdown;
pub mod marks;
pub mod mermaid;
pub mod page;
pub mod review_tests;
pub mod sections;
pub mod svg;
pub mod text;
