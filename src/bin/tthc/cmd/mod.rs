//! One module per subcommand.
pub mod audit;
pub mod check;
pub mod compare;
pub mod due;
pub mod explain;
pub mod holidays;
pub mod lunar;
pub mod metrics;
pub mod rules;
pub mod test;
pub mod graph;
pub mod report;
pub mod generate;
