//! # tthc — review Vietnamese administrative procedures
//!
//! `tthc` models an administrative procedure (thủ tục hành chính) as a step
//! graph with documents and deadlines, loaded from a YAML file in the
//! `tthc/1` format, and computes what a reviewer needs under Decree
//! 63/2010/NĐ-CP and Circular 02/2017/TT-VPCP: the compliance cost (Standard
//! Cost Model) and processing time, and findings with their legal basis.
//!
//! The one thing an embedding service calls is [`Analysis`]: YAML text and
//! [`Settings`] in, metrics and findings out. It never prints, never panics
//! on input, and touches the file system only in the functions named
//! `*_file`.
//!
//! ```
//! use tthc::{Analysis, Lang, Metric, Settings};
//!
//! let yaml = r#"
//! format: tthc/1
//! name: Cấp lại văn bản xác nhận thông báo hoạt động bưu chính
//! deadline: 7 ngày làm việc
//! fees: [{ name: Phí thẩm định, amount: 1.000.000 đồng }]
//! steps:
//!   nop-ho-so: { name: Nộp hồ sơ, actor: applicant, effort: { trips: 1 }, next: [xem-xet] }
//!   xem-xet: { name: "Xem xét, cấp lại", actor: Vụ Bưu chính, duration: 7 working days }
//! "#;
//! let settings = Settings::default();
//! let analysis = Analysis::from_yaml_str(yaml, "cap-lai.yaml", &settings)?;
//!
//! let time = analysis.value(Metric::WorkingDays).expect("declared durations");
//! assert_eq!(time.text(Lang::Vi), "7 ngày làm việc");
//! let cost = analysis.value(Metric::CostPerCase).expect("always measured");
//! assert!(cost.scaled() >= 1_000_000);
//! for finding in analysis.findings() {
//!     // e.g. TT002 missing-legal-basis at cap-lai.yaml:2:1
//!     assert!(finding.location.is_some());
//! }
//! # Ok::<(), tthc::LoadErrors>(())
//! ```
//!
//! Two analyses make a [`Comparison`] (reductions, targets); review tests
//! ([`review_test`]), catalog audits ([`catalog`]) and every output format
//! ([`report`]) are built on the same analysis.
#![warn(missing_docs)]
// Load errors carry their location and element path by value; they are
// built only on the failure path, so their size costs nothing measurable.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod calendar;
pub mod catalog;
mod checked;
pub mod cost_basis;
mod diagnostic;
pub mod element;
mod finding;
pub mod fix;
pub mod format;
pub mod graph;
mod i18n;
pub mod import;
mod load;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod metrics;
pub mod model;
pub mod report;
pub mod review_test;
pub mod rules;
mod source_map;
pub mod suppress;

pub use analysis::{Analysis, Comparison, Metric, Settings};
pub use checked::CheckedProcedure;
pub use cost_basis::CostBasis;
pub use diagnostic::{Diagnostic, Related, Severity};
pub use finding::{Finding, Saving};
pub use fix::{Edit, Fix, FixError};
pub use i18n::{Lang, Text, io_error_text};
pub use load::{
    LoadError, LoadErrorKind, LoadErrors, LoadOptions, Location, SyntaxCause, load_file, read_text,
};
pub use metrics::Metrics;
pub use model::*;
pub use source_map::SourceMap;
pub use suppress::Suppressed;

#[doc(hidden)]
pub use load::{
    parse_events, parse_only, parse_tree, parse_tree_saphyr, parse_typed, saphyr_options,
};
