//! `cs-assess`, `cs-plan` and `violations`: customer-service assessment and violation points.

use std::fmt::Write;

use servicescore::cs::{self, Coverage, DayStatus, PlanOutcome, SessionLog, RATE_DECIMALS};
use servicescore::display::{fmt_num, format_display, on_side, Fixed, Side};
use servicescore::rulepack::Severity;
use servicescore::{violations, Error, RulePack};

use crate::common::{json, today, CliError, Input};
use crate::ladder_cmd;
use crate::text::pct;

/// Options of `servicescore cs-assess`.
#[derive(clap::Args, Debug)]
pub struct AssessArgs {
    /// Session log CSV (`session_id,started_at,first_reply_at[,rating]`, header required), or
    /// `-` for standard input; read as the page reads it (UTF-8, UTF-16 or GB18030; comma,
    /// semicolon or tab; Chinese column names; times like 2025-05-05 00:05:09 or 2025/5/5 0:05).
    pub file: Input,
    /// First day to list (YYYY-MM-DD); default: the day after the log's first session.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Last day to list (YYYY-MM-DD); default: the day after the log's last session.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Today: the log's dates are compared with it for the future-date warning, and an exam
    /// not passed is still pending up to its last allowed day, missed after it
    /// [default: today's date here].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// The day the forced exam of a penalty was passed, as PENALTY_START=EXAM_DATE (the
    /// penalty's first day, then the exam's day; both YYYY-MM-DD); repeat it for each penalty.
    /// A penalty left out has not been passed yet.
    #[arg(long = "exam-passed", value_name = "PENALTY_START=EXAM_DATE")]
    pub exam_passed: Vec<String>,
    /// JSON output: {"days": [{"date", "counted", "in_time", "rate_pct", "status", ...}],
    /// "months": [{"month", "rated", "dissatisfied", "rate_pct", ...}], "penalties": [...],
    /// "ladder": [{"fail_date", "penalty_from", "penalty_to", "month", "exam_due",
    /// "exam_passed": date|null, "exam": "passed_in_time"|"passed_late"|"pending"|"missed",
    /// "traffic_limit_from": date|null, "traffic_limit_min_to": date|null}],
    /// "repeat_risk": {"months", "since", "traffic_limit_min_days"}|null}.
    #[arg(long)]
    pub json: bool,
}

/// Options of `servicescore cs-plan`.
#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    /// Session log CSV, or `-` for standard input.
    pub file: Input,
    /// The future day T to pass on (YYYY-MM-DD, after the log's last day); default: the day
    /// after the log's last day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub day: Option<String>,
    /// The day the log's dates are compared with for the future-date warning
    /// [default: today's date here].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// JSON output: {"what_it_takes": {...}, "staffing": {...}}.
    #[arg(long)]
    pub json: bool,
}

/// Options of `servicescore violations`.
#[derive(clap::Args, Debug)]
pub struct ViolationArgs {
    /// Incidents per violation id, JSON `{"<violation id>": count, ...}`, or `-`.
    pub file: Input,
    /// JSON output (every violation with its points, the totals, consequences, the limit).
    #[arg(long)]
    pub json: bool,
}

fn read_log(file: &Input, today_arg: Option<&str>) -> Result<SessionLog, CliError> {
    file.read_sessions(today(today_arg)?)
}

/// Names an option the way it is typed (`--to`), since the core says `to`.
fn option_error(e: Error) -> CliError {
    match e {
        Error::Field { path, message } if matches!(path.as_str(), "from" | "to" | "day") => {
            CliError(format!("--{path}: {message}"))
        }
        e => e.into(),
    }
}

fn date_option(name: &str, text: Option<&str>) -> Result<Option<jiff::civil::Date>, CliError> {
    text.map(|t| cs::parse_date(&format!("--{name}"), t))
        .transpose()
        .map_err(CliError::from)
}

fn next_day(d: jiff::civil::Date) -> Result<jiff::civil::Date, CliError> {
    d.tomorrow()
        .map_err(|_| CliError(format!("{d} is the last day of the calendar")))
}

/// `servicescore cs-assess`.
pub fn assess(pack: &RulePack, args: &AssessArgs) -> Result<String, CliError> {
    // Options are checked before the file is read, so a typo is reported as such.
    let from = date_option("from", args.from.as_deref())?;
    let to = date_option("to", args.to.as_deref())?;
    let exams = ladder_cmd::exam_options(&args.exam_passed)?;
    let today = today(args.today.as_deref())?;
    let log = args.file.read_sessions(today)?;
    let range = log.default_range();
    let from = match (from, range) {
        (Some(d), _) => d,
        (None, Some((first, _))) => first,
        (None, None) => {
            return Err(CliError(
                "--from: the log has no session; give --from and --to".into(),
            ))
        }
    };
    let to = match (to, range) {
        (Some(d), _) => d,
        (None, Some((_, last))) => last.max(from),
        (None, None) => from,
    };
    let rules = &pack.customer_service;
    let report = cs::assess(rules, &log, from, to).map_err(option_error)?;
    let ladder = ladder_cmd::build(rules, &report, &exams, today)?;
    if args.json {
        return json(&ladder_cmd::AssessJson {
            report: &report,
            ladder: &ladder.steps,
            repeat_risk: &ladder.repeat_risk,
        });
    }
    let mut out = format!(
        "Sessions starting {}–{} count; a reply within {} s is in time; the rate of day T covers \
         T-{}..T-1 and passes at ≥ {}% ({}); a penalty lasts {} days ({}).\n\n",
        rules.assessed_from.value,
        rules.assessed_to.value,
        rules.reply_within_seconds.value,
        rules.reply_window_days.value,
        fmt_num(rules.reply_target_pct.value),
        rules.reply_target_pct.provenance.as_str(),
        rules.penalty_days.value,
        rules.penalty_days.provenance.as_str(),
    );
    let _ = writeln!(
        out,
        "{:<10}  {:>7}  {:>7}  {:>7}  {:<8}  window",
        "date", "counted", "in time", "rate", "status"
    );
    for d in &report.days {
        let window = match (d.window_from, d.window_to) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => String::new(),
        };
        let note = if d.starts_penalty {
            "  → penalty starts"
        } else if d.status == DayStatus::Fail {
            "  (penalty already used this month)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:<10}  {:>7}  {:>7}  {:>7}  {:<8}  {window}{note}",
            d.date.to_string(),
            d.counted,
            d.in_time,
            pct(d.shown_rate(rules.reply_target_pct.value)),
            d.status.as_str(),
        );
    }
    let _ = writeln!(
        out,
        "\nDissatisfaction (rating ≤ {}, target ≤ {}%, {}):\n{:<7}  {:>7}  {:>12}  {:>7}",
        rules.dissatisfied_max_rating.value,
        fmt_num(rules.dissatisfaction_target_pct.value),
        rules.dissatisfaction_target_pct.provenance.as_str(),
        "month",
        "rated",
        "dissatisfied",
        "rate"
    );
    for m in &report.months {
        let _ = writeln!(
            out,
            "{:<7}  {:>7}  {:>12}  {:>7}{}",
            m.month,
            m.rated,
            m.dissatisfied,
            pct(m.shown_rate(rules.dissatisfaction_target_pct.value)),
            if m.over_target { "  over target" } else { "" }
        );
    }
    if !report.penalties.is_empty() {
        out.push_str("\nPenalties:\n");
        for p in &report.penalties {
            let _ = writeln!(
                out,
                "fail on {} → penalty {}..{} (counts for {})",
                p.fail_date, p.first_day, p.last_day, p.month
            );
        }
    }
    ladder_cmd::text(&mut out, rules, &ladder);
    Ok(out)
}

/// `servicescore cs-plan`.
pub fn plan(pack: &RulePack, args: &PlanArgs) -> Result<String, CliError> {
    let day = date_option("day", args.day.as_deref())?;
    let log = read_log(&args.file, args.today.as_deref())?;
    let day = match (day, log.last_day()) {
        (Some(d), _) => d,
        (None, Some(last)) => next_day(last)?,
        (None, None) => {
            return Err(CliError(
                "the log has no session: nothing to plan from".into(),
            ))
        }
    };
    let rules = &pack.customer_service;
    let plan = cs::what_it_takes(rules, &log, day).map_err(option_error)?;
    let staffing = cs::staffing(rules, &log)?;
    if args.json {
        return json(&serde_json::json!({ "what_it_takes": plan, "staffing": staffing }));
    }
    let mut out = String::new();
    let window = match (plan.window_from, plan.window_to) {
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => "none".to_string(),
    };
    let _ = writeln!(
        out,
        "Reply rate on {} (target ≥ {}%), window {window}:\n  logged: {} counted, {} in time; \
         expected: {} more on {} future day(s) ({} counted sessions a day in the log, which \
         ends {}).",
        plan.day,
        fmt_num(plan.target_pct),
        plan.logged_counted,
        plan.logged_in_time,
        plan.expected_sessions,
        plan.future_days,
        format_display(plan.avg_counted_per_day, 1),
        plan.last_logged_day,
    );
    let reach = |d: &Option<jiff::civil::Date>| {
        d.map_or("not within a year".to_string(), |d| format!("from {d}"))
    };
    let verdict = match &plan.outcome {
        PlanOutcome::Reachable {
            needed_in_time: 0, ..
        } => "  Reached whatever happens from now on.".to_string(),
        PlanOutcome::Reachable {
            needed_in_time,
            may_miss,
        } => format!(
            "  Answer at least {needed_in_time} of the next {} counted sessions within {} s \
             ({may_miss} may be late).",
            plan.expected_sessions, rules.reply_within_seconds.value
        ),
        PlanOutcome::Unreachable {
            best_rate_pct,
            reachable_on,
        } => format!(
            "  Unreachable by {}: even with every reply in time the rate is {}. Reachable {}.",
            plan.day,
            pct(Some(on_side(
                *best_rate_pct,
                plan.target_pct,
                Side::Below,
                RATE_DECIMALS
            ))),
            reach(reachable_on)
        ),
        PlanOutcome::Penalty {
            penalty_until,
            reachable_on,
        } => format!(
            "  {} falls in a penalty running until {penalty_until}: nothing is assessed. \
             Reachable {}.",
            plan.day,
            reach(reachable_on)
        ),
        PlanOutcome::NoData => "  No counted session logged or expected in the window.".into(),
    };
    out.push_str(&verdict);
    let _ = writeln!(
        out,
        "\n\nSessions per hour of day (average over {} day(s)):\n{:>5}  {:>8}  {:>8}  {:>8}  assessed",
        staffing.days, "hour", "sessions", "counted", "in time"
    );
    for h in &staffing.hours {
        let cov = match h.coverage {
            Coverage::Full => "yes",
            Coverage::Partial => "partly",
            Coverage::None => "no",
        };
        let _ = writeln!(
            out,
            "{:>5}  {:>8}  {:>8}  {:>8}  {cov}",
            format!("{:02}h", h.hour),
            format_display(h.sessions_per_day, 1),
            format_display(h.counted_per_day, 1),
            pct(h.in_time_pct.map(|v| Fixed::round(v, RATE_DECIMALS))),
        );
    }
    Ok(out)
}

/// `servicescore violations`.
pub fn violations(pack: &RulePack, args: &ViolationArgs) -> Result<String, CliError> {
    let counts = violations::parse_counts(&args.file.read()?)?;
    let t = violations::tally(&pack.violations, &counts)?;
    if args.json {
        return json(&t);
    }
    let mut out = format!(
        "{:>2}  {:<22}  {:<8}  {:>5}  {:>6}  {:>6}\n",
        "#", "violation", "kind", "count", "each", "points"
    );
    for i in &t.items {
        let kind = match i.severity {
            Some(Severity::General) => "general",
            Some(Severity::Serious) => "serious",
            None => "—",
        };
        let each = i.points_each.map_or("—".to_string(), |p| p.to_string());
        let _ = writeln!(
            out,
            "{:>2}  {:<22}  {:<8}  {:>5}  {:>6}  {:>6}",
            i.number, i.id, kind, i.count, each, i.points
        );
    }
    let lim = &t.serious_limit;
    let _ = writeln!(
        out,
        "\ngeneral points: {}\nserious points: {} of {}",
        t.general_points, t.serious_points, lim.points
    );
    if lim.reached {
        let _ = writeln!(out, "LIMIT REACHED: {}", lim.consequence.en);
    } else {
        let _ = writeln!(
            out,
            "{} serious points left before: {}",
            lim.remaining, lim.consequence.en
        );
    }
    for c in &t.consequences {
        let _ = writeln!(
            out,
            "consequence (#{} {}): {}",
            c.number, c.id, c.consequence.en
        );
    }
    Ok(out)
}
