//! One module per subcommand.
pub mod check;
pub mod compare;
pub mod metrics;
