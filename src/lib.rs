//! # tthc — review Vietnamese administrative procedures
//!
//! `tthc` models an administrative procedure (thủ tục hành chính) as a step
//! graph with documents and deadlines, loaded from a YAML file in the
//! `tthc/1` format, and computes what a reviewer needs under Decree
//! 63/2010/NĐ-CP and Circular 07/2014/TT-BTP.
//!
//! The library takes data, never prints, and touches the file system only in
//! the explicitly named file helpers.
//!
//! ```
//! use tthc::{Procedure, StepGraph};
//!
//! let yaml = r#"
//! format: tthc/1
//! name: Cấp lại văn bản xác nhận thông báo hoạt động bưu chính
//! deadline: 7 ngày làm việc
//! steps:
//!   nop-ho-so: { name: Nộp hồ sơ, actor: applicant, next: [xem-xet] }
//!   xem-xet: { name: "Xem xét, cấp lại", actor: Vụ Bưu chính, duration: 7 working days }
//! "#;
//! let procedure = Procedure::from_yaml_str(yaml, "cap-lai.yaml")?;
//! let graph = StepGraph::build(&procedure).expect("a loaded procedure is a DAG");
//! assert_eq!(graph.starts(), vec![0]);
//! assert_eq!(procedure.deadline.unwrap().to_string(), "7 working days");
//! # Ok::<(), tthc::LoadErrors>(())
//! ```
#![warn(missing_docs)]
// Load errors carry their location and element path by value; they are
// built only on the failure path, so their size costs nothing measurable.
#![allow(clippy::result_large_err)]

pub mod calendar;
pub mod catalog;
pub mod compare;
pub mod config;
pub mod cost_basis;
pub mod diagnostic;
pub mod finding;
pub mod graph;
pub mod i18n;
pub mod import;
pub mod load;
pub mod metrics;
pub mod model;
pub mod report;
pub mod review_test;
pub mod rules;
pub mod source_map;

pub use config::ReviewOptions;
pub use diagnostic::{Diagnostic, Severity};
pub use finding::{Finding, Saving};
pub use graph::{EdgeKind, GraphError, StepGraph};
pub use i18n::{Lang, Text};
pub use load::{LoadError, LoadErrorKind, LoadErrors, LoadOptions, Location, load_file};
pub use model::*;
pub use rules::review;
pub use source_map::SourceMap;
