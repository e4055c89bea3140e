//! The domain model.
mod duration;
mod money;
pub use duration::*;
pub use money::*;
mod procedure;
pub use procedure::*;
