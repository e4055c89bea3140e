//! One module per subcommand.
pub mod check;
pub mod test;
pub mod due;
pub mod holidays;
pub mod lunar;
pub mod compare;
pub mod metrics;
