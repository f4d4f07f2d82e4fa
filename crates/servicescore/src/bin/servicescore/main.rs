//! `servicescore`: the scoring core on the command line.
//!
//! Every subcommand reads a file (`-` = standard input), prints its result on standard output
//! and exits 0; invalid input prints one line naming the field (or the CSV line and column) on
//! standard error, nothing on standard output, and exits 2.

mod calibrate_cmd;
mod common;
mod cs_cmd;
mod ladder_cmd;
mod packs;
mod plan_cmd;
mod score_cmds;
mod text;
mod timeline_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use common::{CliError, Input};

/// Xiaohongshu merchant service score (小红书商家服务分) simulator: the reference model on the
/// command line.
///
/// The rules are data, in a rule pack: `xhs-2022-08` (the published 2022 rules, the default)
/// or another built-in pack (`servicescore rules --list`), or your own pack file. Constants
/// the platform does not publish (benchmarks, points curve, star bands, thresholds, decay) are
/// tagged `assumed` in the pack; `servicescore rules` prints the pack in use with the
/// provenance of every constant.
#[derive(Parser, Debug)]
#[command(name = "servicescore", version, about, long_about = None)]
struct Cli {
    /// Rule pack: the id of a built-in pack (see `rules --list`), else a pack file (JSON, as
    /// `rules` prints it) [default: xhs-2022-08].
    #[arg(long, global = true, value_name = "ID|FILE")]
    pack: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Evaluate a scenario: `{"industry": "general", "metrics": {"<metric id>": number|null}}`
    /// → JSON result (score, display_score, stars, dimensions, metrics, thresholds).
    ///
    /// With `--range`: honest ranges, `"score_range": [lo, hi]` and a `"range"` per dimension
    /// (the spread over the packs that agree with what is known: published constants fixed,
    /// assumed ones within the pack's `uncertainty` bounds, a calibrated pack pinned by its
    /// dashboard).
    Eval {
        /// Scenario JSON file, or `-` for standard input.
        file: Input,
        /// Add honest ranges to the result.
        #[arg(long)]
        range: bool,
    },
    /// Calibrate the pack to a dashboard file (后台数据: metric values and the scores the back
    /// office shows on a day, one or more snapshots): fits the pack's `assumed` constants, writes
    /// the calibrated pack (usable with `--pack`) and prints what was shown and fitted.
    Calibrate {
        /// Dashboard JSON file, or `-`.
        file: Input,
        /// Where to write the calibrated pack (nothing is written when the input is invalid).
        #[arg(long, value_name = "CALIBRATED.json")]
        out: String,
        /// JSON report instead of a summary.
        #[arg(long)]
        json: bool,
    },
    /// Least improvement of one metric (or of each) that reaches a target.
    ///
    /// Targets: `score:4.5`, `stars:4.5`, `threshold:activity_signup` (or a bare threshold id).
    /// Answers are on the metric's slider grid; one grid step less does not reach the target.
    Goal {
        /// Scenario JSON file, or `-`.
        file: Input,
        /// What to reach.
        #[arg(long)]
        target: String,
        /// The metric to move; every metric when omitted.
        #[arg(long)]
        metric: Option<String>,
        /// JSON output instead of one line per metric.
        #[arg(long)]
        json: bool,
    },
    /// The least effort over several metrics that reaches a target (score, stars or a
    /// threshold), now or, with --by and --history, in the score published on a date.
    Plan(plan_cmd::PlanArgs),
    /// Rank the metrics by what one standard step gains ("what helps most"), or print one
    /// metric's score curve across a range.
    Sensitivity {
        /// Scenario JSON file, or `-`.
        file: Input,
        /// Print the score curve of this metric instead of the ranking.
        #[arg(long, value_name = "METRIC")]
        curve: Option<String>,
        /// Curve range start (default: the metric's range).
        #[arg(long, allow_hyphen_values = true)]
        lo: Option<f64>,
        /// Curve range end.
        #[arg(long, allow_hyphen_values = true)]
        hi: Option<f64>,
        /// Evenly spaced curve samples (knots and the current value are always added).
        #[arg(long, default_value_t = 41)]
        samples: usize,
        /// JSON output instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Customer-service assessment (客服考核) of a session log: the 3-minute reply rate
    /// assessed each day (pass, fail, penalty, no_data: a fail starts a penalty, at most once a
    /// month, during which nothing is assessed) and the monthly
    /// dissatisfaction rate. Months listed: every calendar month overlapping --from..--to, each
    /// over the whole month. Then the penalty ladder: each penalty's forced exam and its last
    /// allowed day, the traffic limit a missed or late exam brings (--exam-passed, --today), and
    /// the risk of failing in two or more calendar months (traffic limit or the shop cleared).
    CsAssess(cs_cmd::AssessArgs),
    /// What it takes to pass the reply rate on a future day (how many of the expected sessions
    /// must be answered in time, or the first day it becomes reachable), and the expected
    /// sessions per hour of day for staffing. Future days are expected to bring the log's
    /// average counted sessions per day; the state machine runs on the best case (every
    /// future session answered in time).
    CsPlan(cs_cmd::PlanArgs),
    /// Customer-service violation points: `{"<violation id>": count}` → points per kind,
    /// general and serious totals, consequences, and the serious-points limit.
    Violations(cs_cmd::ViolationArgs),
    /// The score published each day from daily records (CSV): window D-180..D-1, decayed.
    Timeline(timeline_cmd::TimelineArgs),
    /// Project the score day by day under a plan of future metric values: first day each star
    /// level and threshold is reached, and when bad days leave the window.
    Project(timeline_cmd::ProjectArgs),
    /// Print the rule pack in use as JSON (the form `--pack FILE` reads), with the provenance
    /// of every constant; `--list` lists the built-in packs; `--check` only validates.
    Rules {
        /// Only validate the pack (`--pack FILE`) and say so.
        #[arg(long, conflicts_with = "list")]
        check: bool,
        /// List the built-in packs (id, title, the default marked).
        #[arg(long)]
        list: bool,
        /// With `--list`: JSON `{"packs": [{"id", "title": {"zh", "en", "es"}, "default"}]}`.
        #[arg(long, requires = "list")]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<String, CliError> {
    let pack = packs::resolve(cli.pack.as_deref())?;
    let pack = &pack;
    match cli.command {
        Command::Eval { file, range } => score_cmds::eval(pack, &file, range),
        Command::Calibrate { file, out, json } => calibrate_cmd::calibrate(pack, &file, &out, json),
        Command::Goal {
            file,
            target,
            metric,
            json,
        } => score_cmds::goal(pack, &file, &target, metric.as_deref(), json),
        Command::Sensitivity {
            file,
            curve,
            lo,
            hi,
            samples,
            json,
        } => score_cmds::sensitivity(pack, &file, curve.as_deref(), lo, hi, samples, json),
        Command::Plan(args) => plan_cmd::plan(pack, &args),
        Command::CsAssess(args) => cs_cmd::assess(pack, &args),
        Command::CsPlan(args) => cs_cmd::plan(pack, &args),
        Command::Violations(args) => cs_cmd::violations(pack, &args),
        Command::Timeline(args) => timeline_cmd::timeline(pack, &args),
        Command::Project(args) => timeline_cmd::project(pack, &args),
        Command::Rules { check, list, json } => packs::rules(pack, check, list, json),
    }
}
