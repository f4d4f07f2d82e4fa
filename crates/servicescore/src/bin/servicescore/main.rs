//! `servicescore`: the scoring core on the command line.
//!
//! Every subcommand reads a file (`-` = standard input), prints its result on standard output
//! and exits 0; invalid input prints one line naming the field (or the CSV line and column) on
//! standard error, nothing on standard output, and exits 2.

mod common;
mod score_cmds;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use common::{CliError, Input};

/// Xiaohongshu merchant service score (小红书商家服务分) simulator: the reference model of
/// SPEC.md on the command line.
///
/// Unpublished constants (benchmarks, points curve, star bands, thresholds, decay) are
/// assumptions of the rule pack `xhs-2022-08`; `servicescore rules` prints it with the
/// provenance of every constant.
#[derive(Parser, Debug)]
#[command(name = "servicescore", version, about, long_about = None)]
struct Cli {
    /// Use this rule pack (JSON) instead of the built-in `xhs-2022-08`.
    #[arg(long, global = true, value_name = "FILE")]
    pack: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Evaluate a scenario: `{"industry": "general", "metrics": {"<metric id>": number|null}}`
    /// → JSON result (score, display_score, stars, dimensions, metrics, thresholds).
    Eval {
        /// Scenario JSON file, or `-` for standard input.
        file: Input,
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
    /// Print the rule pack in use (JSON), or with `--check` only validate it.
    Rules {
        /// Only validate the pack (`--pack FILE`) and say so.
        #[arg(long)]
        check: bool,
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
    let pack = common::load_pack(cli.pack.as_deref())?;
    let pack = &pack;
    match cli.command {
        Command::Eval { file } => score_cmds::eval(pack, &file),
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
        Command::Rules { check } => Ok(if check {
            format!("rule pack {} is valid\n", pack.id)
        } else {
            pack.to_json() + "\n"
        }),
    }
}
