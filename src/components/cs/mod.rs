//! The customer-service view (客服考核, issue 5): import a session log, read for every day
//! the 3-minute reply rate the platform will see and whether a penalty starts, the monthly
//! dissatisfaction rate, what it takes to pass on a coming day, the load per hour, and a
//! tally of violation points.
//!
//! Pure mapping lives in plain modules with native tests ([`model`], [`report`], [`counts`]);
//! the components only render what they compute:
//!
//! - [`view::CsView`]: the view, its reducer and effects (parsing, storage of the counts);
//! - the import of the log: `components::import` (parsing, refusals by line, what was imported);
//! - [`summary::CsSummary`]: the next assessment (`cs-rate`, `cs-status`);
//! - [`day_table::DayTable`]: every day of the range; [`month_table::MonthTable`];
//! - [`plan::PlanPanel`] and [`staffing::StaffingList`]: what it takes, sessions per hour;
//! - [`ladder::LadderPanel`]: each penalty's exam, its exam-date box and the traffic limit;
//! - [`violations::ViolationTally`]: the 12 violations, totals and the serious limit.

pub mod counts;
pub mod day_table;
pub mod ladder;
pub mod model;
pub mod month_table;
pub mod plan;
pub mod report;
pub mod staffing;
pub mod summary;
pub mod text;
pub mod view;
pub mod violations;

pub use view::CsView;
