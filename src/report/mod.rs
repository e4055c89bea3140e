//! Renderers: the same data as text, JSON, CSV, Markdown, HTML or JUnit.
//! Renderers return strings; they never print.

pub mod diagnostics;
pub mod labels;
pub mod layout;
pub mod marks;
pub mod page;
pub mod svg;
pub mod text;
