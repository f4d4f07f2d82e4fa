//! `timeline` and `project`: the 180-day window over daily records, and its projection under
//! a plan.

use std::fmt::Write;

use clap::Args;
use jiff::civil::Date;
use serde::Serialize;
use servicescore::timeline::{parse_date, History, Plan, TimelineDay, Window};
use servicescore::{Model, RulePack, Scenario, Target};

use servicescore::display::{fmt_num, format_display};

use crate::common::{json, today, CliError, Input};
use crate::text::signed;

const TIMELINE_HELP: &str = "\
FILE is a CSV file with a header line: `date` (2026-05-05, 2026/5/5), any of the count columns
paid_orders, review_count, review_sum, quality_refunds, signed_orders, sign_hours_sum, ship_due,
shipped_on_time, refund_only_count, refund_only_hours_sum, return_refund_count,
return_refund_hours_sum, consultations, replied_3min, disputes (a missing column is 0), and
optionally `excluded` (1 = force majeure or appealed: the day is dropped). It is read as the
page reads it: UTF-8, UTF-16 (Excel's \"Unicode text\") or GB18030; comma, semicolon or tab
separated; Chinese column names accepted; other columns ignored with a warning.

The score published on day D uses days D-180..D-1, day D-t weighing 0.5^((t-1)/60) (window and
half-life from the rule pack). A date absent from the file has no data.

--json prints {\"days\": [{\"date\", \"score\", \"display_score\", \"stars\"}, ...]}.
A bad row exits 2 with `error: line N, column C: ...` (and how many more errors) on standard
error. Warnings (days after today, ignored columns) go to standard error too.";

const PROJECT_HELP: &str = "\
The past is either daily records (FILE, as for `timeline`) or, with --baseline, a scenario
({\"industry\": ..., \"metrics\": {...}}) held on each of the 180 days before --start.

PLAN is JSON:
  {\"steps\": [{\"from\": \"2026-12-01\", \"metrics\": {\"reply_3min_pct\": 95, \"dispute_pct\": null}}, ...],
   \"volumes\": {\"reply_3min_pct\": 40}}
Steps are in date order and accumulate: a step changes the metrics it names (null = no data
from then on) and keeps the others; before the first step a day has no data. A plan day has,
per metric, a nominal daily volume (\"volumes\", else the average daily denominator of the
past window, else 100) of which the metric's value is the ratio.

Published days run from --start (the score from the past alone) for --days days. Printed:
the score day by day, the first day each threshold (gate met, risk escaped) and star level is
reached, and the worst days of the past window (one-day score at least 0.25 below the median)
with the day they leave the window (day + 181), what their leaving alone adds to the score
that day, and the whole published change that day.";

/// Arguments of `servicescore timeline`.
#[derive(Args, Debug)]
#[command(after_long_help = TIMELINE_HELP)]
pub struct TimelineArgs {
    /// Daily records (CSV), or `-` for standard input.
    file: Input,
    /// First day to print (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: String,
    /// Last day to print (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: String,
    /// Industry id.
    #[arg(long, default_value = "general")]
    industry: String,
    /// The day the file's dates are compared with for the future-date warning
    /// [default: today's date here].
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// JSON output instead of a table.
    #[arg(long)]
    json: bool,
}

/// Arguments of `servicescore project`.
#[derive(Args, Debug)]
#[command(after_long_help = PROJECT_HELP)]
pub struct ProjectArgs {
    /// Daily records of the past (CSV), or `-`; leave out with --baseline.
    #[arg(required_unless_present = "baseline", conflicts_with = "baseline")]
    file: Option<Input>,
    /// The plan (JSON), or `-` when the past is not read from standard input.
    #[arg(long, value_name = "FILE")]
    plan: Input,
    /// Instead of records: a scenario (JSON) held on every day of the window before --start.
    #[arg(long, value_name = "FILE")]
    baseline: Option<Input>,
    /// First projected day [default: the day after the last record; with --baseline, the first
    /// step's date].
    #[arg(long, value_name = "YYYY-MM-DD")]
    start: Option<String>,
    /// Published days to project.
    #[arg(long, default_value_t = 180)]
    days: usize,
    /// Industry id [default: the baseline scenario's, else general].
    #[arg(long)]
    industry: Option<String>,
    /// The day the file's dates are compared with for the future-date warning
    /// [default: today's date here].
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// JSON output instead of a summary.
    #[arg(long)]
    json: bool,
}

fn date_arg(flag: &str, text: &str) -> Result<Date, CliError> {
    parse_date(text.trim()).ok_or_else(|| {
        CliError(format!(
            "{flag}: \"{text}\" is not a date (expected YYYY-MM-DD)"
        ))
    })
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map_or("—".to_string(), fmt_num)
}

/// `servicescore timeline`.
pub fn timeline(pack: &RulePack, args: &TimelineArgs) -> Result<String, CliError> {
    let from = date_arg("--from", &args.from)?;
    let to = date_arg("--to", &args.to)?;
    if to < from {
        return Err(CliError(format!("--to {to} is before --from {from}")));
    }
    let records = args.file.read_daily(today(args.today.as_deref())?)?;
    let days = servicescore::timeline(pack, &args.industry, &records, from, to)?;
    if args.json {
        #[derive(Serialize)]
        struct Out {
            days: Vec<TimelineDay>,
        }
        return json(&Out { days });
    }
    Ok(table(&days))
}

fn table(days: &[TimelineDay]) -> String {
    let mut out = format!("{:<10}  {:>5}  {:>5}\n", "date", "score", "stars");
    for d in days {
        let _ = writeln!(
            out,
            "{:<10}  {:>5}  {:>5}",
            d.date.to_string(),
            d.display_score.as_deref().unwrap_or("—"),
            fmt_opt(d.stars)
        );
    }
    out
}

/// `servicescore project`.
pub fn project(pack: &RulePack, args: &ProjectArgs) -> Result<String, CliError> {
    let start_arg = args
        .start
        .as_deref()
        .map(|s| date_arg("--start", s))
        .transpose()?;
    let today = today(args.today.as_deref())?;
    let plan = Plan::from_json(&args.plan.read()?)?;
    let (records, baseline) = match (&args.file, &args.baseline) {
        (Some(file), _) => (Some(file.read_daily(today)?), None),
        (None, Some(b)) => {
            let s = Scenario::from_json(&b.read()?)?;
            s.validate(pack)?;
            (None, Some(s))
        }
        (None, None) => {
            return Err(CliError(
                "give daily records (FILE) or --baseline SCENARIO".into(),
            ))
        }
    };
    let start = match (start_arg, &records, plan.steps.first()) {
        (Some(s), _, _) => s,
        (None, Some(r), _) => r
            .last_date()
            .and_then(|d| d.tomorrow().ok())
            .ok_or_else(|| CliError("--start: needed, the file has no records".into()))?,
        (None, None, Some(step)) => step.from,
        (None, None, None) => {
            return Err(CliError("--start: needed, the plan has no steps".into()))
        }
    };
    let industry = args
        .industry
        .clone()
        .or_else(|| baseline.as_ref().map(|s| s.industry.clone()))
        .unwrap_or_else(|| "general".to_string());
    let history = match (&records, &baseline) {
        (Some(r), _) => History::from_records(pack, r),
        (None, Some(s)) => History::from_scenario(pack, s, start)?,
        (None, None) => History::new(pack),
    };
    let window = Window::new(Model::new(pack, &industry)?);
    let p = window.project(&history, &plan, start, args.days)?;
    if args.json {
        return json(&p);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "projection from {start} for {} days (industry {industry}, rule pack {})",
        args.days, pack.id
    );
    if let Some(today) = p.days.first() {
        let _ = writeln!(
            out,
            "score on {start}: {} ({} stars)",
            today.display_score.as_deref().unwrap_or("—"),
            fmt_opt(today.stars)
        );
    }
    let volumes: Vec<String> = p
        .volumes
        .iter()
        .map(|(k, v)| format!("{k} {}", format_display(*v, 1)))
        .collect();
    let _ = writeln!(out, "daily volume of plan days: {}", volumes.join(", "));
    let _ = writeln!(out, "\ntargets (first reached / kept from):");
    for r in &p.reach {
        let name = match &r.target {
            Target::Stars(s) => format!("{} stars", fmt_num(*s)),
            Target::Threshold(id) => id.clone(),
            Target::Score(s) => format!("score {}", fmt_num(*s)),
        };
        let d = |d: Option<Date>| d.map_or("—".to_string(), |d| d.to_string());
        let _ = writeln!(
            out,
            "  {name:<18} {:<10}  {}",
            d(r.first_reached),
            d(r.kept_from)
        );
    }
    let decimals = pack.score.decimals.value;
    let _ = writeln!(
        out,
        "\nbad days leaving the window (median one-day score {}):",
        p.median_day_score
            .map_or("—".to_string(), |m| format_display(m, decimals))
    );
    if p.leaving.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for l in &p.leaving {
        let effect = l.effect.map_or("—".to_string(), |e| signed(e, 4));
        let change = l
            .score_change
            .map_or("beyond the horizon".to_string(), |c| {
                format!("published change that day {}", signed(c, 4))
            });
        let _ = writeln!(
            out,
            "  {} (one-day score {}) leaves on {}: {effect} from its leaving; {change}",
            l.date,
            format_display(l.day_score, decimals),
            l.leaves_on
        );
    }
    out.push('\n');
    out.push_str(&table(&p.days));
    Ok(out)
}
