//! Reference model of the Xiaohongshu merchant service score (小红书商家服务分).
//!
//! The platform computes a 3–5 score from 180 days of a merchant's data, by dimension, but
//! publishes neither its scoring tables nor its star bands. This crate computes the score from
//! a [`RulePack`]: the published structure, with every unpublished number an explicit,
//! replaceable assumption. Two packs are built in — `xhs-2022-08`, the 2022 rules (five
//! dimensions, 20 % each, two decimals; the default), and `xhs-qianfan-2026`, the 店铺分 of
//! the 千帆 back office as merchants report it (three dimensions, one decimal) — and a user
//! can load another. The engine has no built-in number of dimensions, metrics or decimals.
//!
//! ```
//! use servicescore::{evaluate, RulePack, Scenario};
//!
//! let scenario = Scenario::from_json(
//!     r#"{"industry": "general", "metrics": {"ship_on_time_pct": 99.5, "reply_3min_pct": 62}}"#,
//! )?;
//! let result = evaluate(RulePack::default_pack(), &scenario)?;
//! assert_eq!(result.display_score.as_deref(), Some("4.28"));
//! assert_eq!(result.stars, Some(4.0));
//!
//! let qianfan = RulePack::builtin("xhs-qianfan-2026").unwrap();
//! let result = evaluate(qianfan, &scenario)?;
//! assert_eq!(result.display_score.as_deref(), Some("4.1")); // logistics 20 %, service 30 %
//! # Ok::<(), servicescore::Error>(())
//! ```
//!
//! # Scope
//!
//! - [`rulepack`]: the pack's schema, provenance (`published`, `assumed`, `observed`, `user`),
//!   validation with errors naming JSON paths, lookups (medians), reading older schemas, and
//!   the built-in packs ([`rulepack::builtin`]).
//! - [`calibrate`]: start from the merchant's real dashboard — fit the pack's assumed
//!   constants to what the back office shows, and honest ranges ([`calibrate::Ranges`]).
//! - [`eval`]: scenario → percentiles, points, dimensions, score, stars, thresholds.
//! - [`display`]: the one rounding and number formatting (scores at the pack's decimals, rates
//!   never rounded across their target), locale-independent.
//! - [`goal`]: the least change of one metric that reaches a score, a star level or a
//!   threshold; targets and their text form (`stars:4.5`).
//! - [`advice`]: the next targets (escape a risk, the next star level, the unmet gates) and
//!   the easiest route to each.
//! - [`plan`]: the least effort over several metrics that reaches a target, now or by a date;
//!   "what helps most" by comparable effort.
//! - [`mod@sensitivity`]: what a standard step of each metric is worth; the score across a range.
//! - [`timeline`](mod@timeline): daily records, the 180-day window published day by day, and its
//!   projection under a plan (first day a star level or threshold is reached, bad days leaving).
//! - [`cs`]: customer-service assessment (客服考核): session log, reply-rate state machine,
//!   monthly dissatisfaction, rates as shown, penalties by date, what it takes to pass, load per
//!   hour.
//! - [`violations`]: customer-service violation points (客服违规积分) and consequences.
//! - [`decode`] and [`csv_import`]: the imported files' bytes as text (UTF-8, UTF-16, GB18030;
//!   a workbook or a binary file named as such), and what both CSV readers share: separators,
//!   typed problems by line and column, the error summary, warnings.
//!
//! Not in scope: anything that talks to the platform. The crate is pure and has no web
//! dependency; the page and the `servicescore` command line are thin layers over it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod advice;
pub mod calibrate;
pub mod cs;
pub mod csv_import;
pub mod dates;
pub mod decode;
pub mod display;
pub mod error;
pub mod eval;
pub mod goal;
pub mod plan;
pub mod rulepack;
pub mod sensitivity;
pub mod timeline;
pub mod violations;

pub use cs::{Assessment, SessionLog};
pub use display::{format_display, round_display};
pub use error::{Error, Result};
pub use eval::{breakdown, evaluate, Evaluation, Model, Scenario, Scores};
pub use goal::{goal_seek, GoalOutcome, GoalSeek, Target};
pub use rulepack::{Provenance, RulePack};
pub use sensitivity::{curve, sensitivity, CurvePoint, MetricSensitivity};
pub use timeline::{project, timeline, DailyRecords, History, Plan, Projection, TimelineDay};
pub use violations::{tally, Tally};
