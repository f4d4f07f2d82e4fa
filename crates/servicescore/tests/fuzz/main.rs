//! Fuzz tests (issue 6): every parser of the core, and what runs on whatever it accepted, fed
//! random and structure-aware input. No input may make anything panic, and every refusal must
//! be one non-empty line that names its place (`path: ...` or `line N, column C: ...`).
//!
//! cargo-fuzz needs a nightly toolchain, so these are proptest runs whose case count comes from
//! `FUZZ_CASES` (2 000 when unset, so that `cargo test` stays fast). `scripts/fuzz [N]` runs
//! every target with N cases (default a million) in release mode, with debug assertions and
//! overflow checks on (as cargo-fuzz builds), and prints the counts and times.
//!
//! Each target mixes unstructured input (any text, random bytes read as lossy UTF-8, a soup of
//! the format's tokens) with documents built from the format and then damaged cell by cell and
//! byte by byte. Undamaged documents are valid, so they go deep: into the timeline, the
//! projection, the customer-service assessment and the goal seek.
//!
//! What these tests found is kept as regression tests in `found` at the end (minimal inputs,
//! fixed since); the properties tolerate nothing.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::OnceLock;

use jiff::civil::{Date, DateTime};
use jiff::SignedDuration;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::test_runner::{TestCaseError, TestCaseResult};
use serde_json::Value;
use servicescore::cs::{self, SessionLog};
use servicescore::goal::{goal_seek, Target};
use servicescore::rulepack::{parse_time_of_day, CsRules, DAILY_COLUMNS, DEFAULT_PACK_JSON};
use servicescore::timeline::{self, records, DailyRecords, History, Plan, Window, MAX_DAYS};
use servicescore::violations::{parse_counts, tally};
use servicescore::{evaluate, project, sensitivity, Error, Model, RulePack, Scenario};

// ---------------------------------------------------------------------------------------------
// The runner

#[path = "../support/fuzz_runner.rs"]
mod fuzz_runner;
use fuzz_runner::{fuzz, Stats};

mod common;
mod shape;
use common::*;
use shape::*;
mod daily;
mod found;
mod pack;
mod plan;
mod scenario;
mod sessions;
mod small_parsers;
mod violations;
