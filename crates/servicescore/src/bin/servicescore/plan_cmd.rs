//! `plan`: the least effort over several metrics that reaches a target, now or by a date.

use std::collections::BTreeMap;
use std::fmt::Write;

use clap::Args;
use jiff::civil::Date;
use servicescore::plan::{self, check_weight, DeadlinePlan, LeastEffort, PlanOptions};
use servicescore::timeline::{parse_date, DailyRecords};
use servicescore::{Error, RulePack, Scenario, Target};

use crate::common::{json, CliError, Input};

const PLAN_HELP: &str = "\
Effort: moving a metric from OLD to NEW costs WEIGHT × |NEW − OLD| ÷ SPAN, where SPAN is the
distance between the industry's worst and best benchmark values of that metric (so 5 points
of reply rate and 0.1 review points are comparable efforts) and WEIGHT is 1 unless --cost
says how hard a metric is for you. A plan's effort is the sum over the metrics it moves.

Moves only improve a metric, stay within its slider and land on the slider's grid (its
minimum plus whole steps, e.g. 0.1 % for the reply rate); a metric without data is never
moved. The plan meets the target exactly as `eval` judges it (displayed values), and costs
at most one grid step per moved metric more than the cheapest plan on the grid.

With --by and --history the question is asked over time: the new values hold from the day
after the history's last day (future days carry the history's average daily volumes), and
the score published on --by (180-day window, decayed) must meet the target. The answer adds
the first day the target is met; if --by is too soon, the earliest day it can be met with
the allowed metrics at their best (or null: never).

--json prints {\"target\", \"reachable\", \"effort\", \"changes\": [{\"metric\", \"from\", \"to\"}],
\"display_score\", \"stars\"}, plus \"best\" (what the allowed metrics at their best give) when
the target is out of reach, and \"reached_on\" (and \"earliest\" when out of reach) with --by.";

/// Arguments of `servicescore plan`.
#[derive(Args, Debug)]
#[command(after_long_help = PLAN_HELP)]
pub struct PlanArgs {
    /// Scenario JSON file (the current values), or `-` for standard input.
    file: String,
    /// What to reach: `score:4.5`, `stars:4.5` or `threshold:activity_signup`.
    #[arg(long)]
    target: String,
    /// Metrics that may move, comma-separated [default: every metric with data].
    #[arg(long, value_name = "METRIC,...")]
    metrics: Option<String>,
    /// Effort weights, comma-separated: `reply_3min_pct=2,quality_refund_pct=0.5` (2: twice
    /// as hard for you as the span says; the default is 1).
    #[arg(long, value_name = "METRIC=WEIGHT,...")]
    cost: Option<String>,
    /// Reach the target in the score published on this day (needs --history).
    #[arg(long, value_name = "YYYY-MM-DD")]
    by: Option<String>,
    /// Daily records (CSV, as for `timeline`) before the plan starts (needs --by).
    #[arg(long, value_name = "DAILY.csv")]
    history: Option<String>,
    /// JSON output instead of a summary.
    #[arg(long)]
    json: bool,
}

/// `--metrics a,b`: known metrics with data in the scenario.
fn metrics_arg(text: &str, pack: &RulePack, s: &Scenario) -> Result<Vec<String>, CliError> {
    let mut out = Vec::new();
    for id in text.split(',').map(str::trim) {
        if id.is_empty() {
            return Err(CliError("--metrics: an empty metric name".into()));
        }
        if pack.metric(id).is_none() {
            return Err(CliError(format!("--metrics: unknown metric \"{id}\"")));
        }
        if s.value(id).is_none() {
            return Err(CliError(format!(
                "--metrics: {id} has no data in the scenario (a metric without data never moves)"
            )));
        }
        out.push(id.to_string());
    }
    Ok(out)
}

/// `--cost a=2,b=0.5`.
fn cost_arg(text: &str, pack: &RulePack) -> Result<BTreeMap<String, f64>, CliError> {
    let mut out = BTreeMap::new();
    for item in text.split(',').map(str::trim) {
        let Some((id, w)) = item.split_once('=') else {
            return Err(CliError(format!("--cost {item}: expected METRIC=WEIGHT")));
        };
        let (id, w) = (id.trim(), w.trim());
        if pack.metric(id).is_none() {
            return Err(CliError(format!("--cost: unknown metric \"{id}\"")));
        }
        let weight = w
            .parse::<f64>()
            .ok()
            .filter(|x| !x.is_nan())
            .ok_or_else(|| CliError(format!("--cost {item}: \"{w}\" is not a number")))?;
        check_weight(weight).map_err(|m| CliError(format!("--cost {item}: {m}")))?;
        if out.insert(id.to_string(), weight).is_some() {
            return Err(CliError(format!("--cost: {id} is given twice")));
        }
    }
    Ok(out)
}

fn date_arg(flag: &str, text: &str) -> Result<Date, CliError> {
    parse_date(text.trim()).ok_or_else(|| {
        CliError(format!(
            "{flag}: \"{text}\" is not a date (expected YYYY-MM-DD)"
        ))
    })
}

/// `servicescore plan`.
pub fn plan(pack: &RulePack, args: &PlanArgs) -> Result<String, CliError> {
    let read = |path: &str| {
        path.parse::<Input>()
            .map_or_else(|e| match e {}, |i| i.read())
    };
    let s = Scenario::from_json(&read(&args.file)?)?;
    s.validate(pack)?;
    let target = Target::parse(&args.target, pack)?;
    let options = PlanOptions {
        metrics: args
            .metrics
            .as_deref()
            .map(|m| metrics_arg(m, pack, &s))
            .transpose()?,
        costs: args
            .cost
            .as_deref()
            .map(|c| cost_arg(c, pack))
            .transpose()?
            .unwrap_or_default(),
    };
    match (&args.by, &args.history) {
        (None, None) => {
            let p = plan::least_effort(pack, &s, &target, &options)?;
            if args.json {
                return json(&p);
            }
            Ok(summary(pack, &s, &p))
        }
        (Some(_), None) => Err(CliError("--by: needs --history DAILY.csv".into())),
        (None, Some(_)) => Err(CliError("--history: needs --by YYYY-MM-DD".into())),
        (Some(by), Some(history)) => {
            let by = date_arg("--by", by)?;
            if args.file == "-" && history == "-" {
                return Err(CliError(
                    "--history: standard input already holds the scenario".into(),
                ));
            }
            let records = DailyRecords::from_csv(&read(history)?)?;
            let last = records
                .last_date()
                .ok_or_else(|| CliError("--history: the file has no records".into()))?;
            if by <= last {
                return Err(CliError(format!(
                    "--by: {by} is not after the history's last day {last} (the plan starts \
                     the day after it)"
                )));
            }
            let p =
                plan::by_date(pack, &s, &target, &options, &records, by).map_err(Error::from)?;
            if args.json {
                return json(&p);
            }
            Ok(deadline_summary(pack, &s, by, &p))
        }
    }
}

fn shown(score: &Option<String>, stars: Option<f64>) -> String {
    let stars = stars.map_or("—".to_string(), |s| s.to_string());
    format!("{} ({stars} stars)", score.as_deref().unwrap_or("—"))
}

fn summary(pack: &RulePack, s: &Scenario, p: &LeastEffort) -> String {
    let target = plan::target_string(&p.target);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "plan to {target} (rule pack {}, industry {})",
        pack.id, s.industry
    );
    if !p.reachable {
        let best = p.best.as_ref();
        let _ = writeln!(
            out,
            "out of reach: even every allowed metric at its best gives {}; now {}",
            shown(
                &best.and_then(|b| b.display_score.clone()),
                best.and_then(|b| b.stars)
            ),
            shown(&p.display_score, p.stars)
        );
        return out;
    }
    if p.changes.is_empty() {
        let _ = writeln!(out, "already met: {}", shown(&p.display_score, p.stars));
        return out;
    }
    let _ = writeln!(
        out,
        "effort {} (sum of weight × change ÷ benchmark span)",
        p.effort
    );
    for c in &p.changes {
        let _ = writeln!(out, "  {:<22} {:>8} → {}", c.metric, c.from, c.to);
    }
    let _ = writeln!(out, "score then {}", shown(&p.display_score, p.stars));
    out
}

fn deadline_summary(pack: &RulePack, s: &Scenario, by: Date, p: &DeadlinePlan) -> String {
    let mut out = summary(pack, s, &p.plan);
    match (p.reached_on, p.earliest) {
        (Some(d), _) => {
            let _ = writeln!(
                out,
                "published on {by}: {}; first met on {d}",
                shown(&p.plan.display_score, p.plan.stars)
            );
        }
        (None, Some(Some(d))) => {
            let _ = writeln!(
                out,
                "not by {by}; the earliest day it can be met, with every allowed metric at its \
                 best: {d}"
            );
        }
        (None, _) => {
            let _ = writeln!(out, "not by {by}, nor later with the allowed metrics");
        }
    }
    out
}
