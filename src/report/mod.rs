//! Renderers: the same data as text, JSON, CSV, Markdown, HTML or JUnit.
//! Renderers return strings; they never print.

pub mod diagnostics;
pub mod review_tests;
pub mod xml;
