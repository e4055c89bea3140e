//! One module per subcommand.
pub mod check;
pub mod due;
pub mod holidays;
pub mod lunar;
