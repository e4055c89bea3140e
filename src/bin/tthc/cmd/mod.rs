//! One module per subcommand.
pub mod audit;
pub mod check;
pub mod compare;
pub mod due;
pub mod explain;
pub mod generate;
pub mod graph;
pub mod holidays;
pub mod import;
pub mod lsp;
pub mod lunar;
pub mod metrics;
pub mod report;
pub mod rules;
pub mod schema;
pub mod test;
pub mod why;
