//! Reference model of the Xiaohongshu merchant service score (小红书商家服务分).
//!
//! The platform computes a 3–5 score from 180 days of a merchant's data in five dimensions
//! (product, logistics, after-sales, consultation, disputes; 20 % each) but publishes neither
//! its scoring tables nor its star bands. This crate computes the score of SPEC.md §2: the
//! published structure, with every unpublished number an explicit, replaceable assumption in
//! a [`RulePack`].
//!
//! ```
//! use servicescore::{evaluate, RulePack, Scenario};
//!
//! let pack = RulePack::default_pack();
//! let scenario = Scenario::from_json(
//!     r#"{"industry": "general", "metrics": {"ship_on_time_pct": 99.5, "reply_3min_pct": 62}}"#,
//! )?;
//! let result = evaluate(pack, &scenario)?;
//! assert_eq!(result.display_score.as_deref(), Some("4.28"));
//! assert_eq!(result.stars, Some(4.0));
//! # Ok::<(), servicescore::Error>(())
//! ```
//!
//! # Scope
//!
//! - [`eval`]: scenario → percentiles, points, dimensions, score, stars, thresholds.
//! - [`goal`]: the least change of one metric that reaches a score, a star level or a threshold.
//! - [`plan`]: the least effort over several metrics that reaches a target, now or by a date;
//!   "what helps most" by comparable effort.
//! - [`mod@sensitivity`]: what a standard step of each metric is worth; the score across a range.
//! - [`rulepack`]: the constants, their provenance, and validation of user-supplied packs.
//! - [`timeline`](mod@timeline): daily records, the 180-day window published day by day, and its
//!   projection under a plan (first day a star level or threshold is reached, bad days leaving).
//! - [`cs`]: customer-service assessment (客服考核): session log, reply-rate state machine,
//!   monthly dissatisfaction, what it takes to pass, load per hour.
//! - [`violations`]: customer-service violation points (客服违规积分) and consequences.
//!
//! Not in scope: anything that talks to the platform. The crate is pure and has no web
//! dependency; the page and the `servicescore` command line are thin layers over it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cs;
mod csv_import;
pub mod dates;
pub mod error;
pub mod eval;
pub mod goal;
pub mod plan;
pub mod rulepack;
// Generated from rules/xhs-2022-08.json (see `rulepack::tests`); not formatted by hand.
#[rustfmt::skip]
mod rulepack_default;
#[cfg(test)]
mod rust_literal;
pub mod sensitivity;
pub mod timeline;
pub mod violations;

pub use cs::{Assessment, SessionLog};
pub use error::{Error, Result};
pub use eval::{
    breakdown, evaluate, format_display, round_display, Evaluation, Model, Scenario, Scores,
};
pub use goal::{goal_seek, GoalOutcome, GoalSeek, Target};
pub use rulepack::{Provenance, RulePack};
pub use sensitivity::{curve, sensitivity, CurvePoint, MetricSensitivity};
pub use timeline::{project, timeline, DailyRecords, History, Plan, Projection, TimelineDay};
pub use violations::{tally, Tally};
