//! `eval`, `goal` and `sensitivity`: scenario in, result out.

use std::fmt::Write;

use servicescore::calibrate::range::score_range;
use servicescore::display::{fmt_num, format_display};
use servicescore::{evaluate, goal, sensitivity as sens, RulePack, Scenario, Target};

use crate::text::signed;

use crate::common::{json, CliError, Input};

fn scenario(pack: &RulePack, file: &Input) -> Result<Scenario, CliError> {
    let s = Scenario::from_json(&file.read()?)?;
    s.validate(pack)?;
    Ok(s)
}

/// `servicescore eval [--range]`.
pub fn eval(pack: &RulePack, file: &Input, range: bool) -> Result<String, CliError> {
    let s = scenario(pack, file)?;
    let result = evaluate(pack, &s)?;
    if !range {
        return json(&result);
    }
    let ranges = score_range(pack, &s)?;
    let mut value = serde_json::to_value(&result).map_err(|e| CliError(format!("output: {e}")))?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("score_range".into(), serde_json::json!(ranges.score_range));
        obj.insert(
            "display_score_range".into(),
            serde_json::json!(ranges.display_score_range),
        );
        if let Some(c) = &ranges.calibrated_to {
            obj.insert("calibrated_to".into(), serde_json::json!(c));
        }
        if let Some(dims) = obj.get_mut("dimensions").and_then(|d| d.as_object_mut()) {
            for (id, r) in &ranges.dimensions {
                if let Some(d) = dims.get_mut(id).and_then(|d| d.as_object_mut()) {
                    d.insert("range".into(), serde_json::json!(r.range));
                    d.insert("display_range".into(), serde_json::json!(r.display_range));
                }
            }
        }
    }
    json(&value)
}

/// `servicescore goal`.
pub fn goal(
    pack: &RulePack,
    file: &Input,
    target: &str,
    metric: Option<&str>,
    as_json: bool,
) -> Result<String, CliError> {
    let s = scenario(pack, file)?;
    let target = Target::parse(target, pack)?;
    let metrics: Vec<&str> = match metric {
        Some(m) => vec![m],
        None => pack.metrics.iter().map(|m| m.id.as_str()).collect(),
    };
    let answers = metrics
        .into_iter()
        .map(|m| goal::goal_seek(pack, &s, m, &target))
        .collect::<Result<Vec<_>, _>>()?;
    if as_json {
        return json(&answers);
    }
    Ok(answers.iter().map(|a| a.summary() + "\n").collect())
}

/// `servicescore sensitivity`.
pub fn sensitivity(
    pack: &RulePack,
    file: &Input,
    curve: Option<&str>,
    lo: Option<f64>,
    hi: Option<f64>,
    samples: usize,
    as_json: bool,
) -> Result<String, CliError> {
    let s = scenario(pack, file)?;
    if let Some(metric) = curve {
        let m = pack
            .metric(metric)
            .ok_or_else(|| CliError(format!("--curve: unknown metric \"{metric}\"")))?;
        let points = sens::curve(
            pack,
            &s,
            metric,
            lo.unwrap_or(m.range[0]),
            hi.unwrap_or(m.range[1]),
            samples,
        )?;
        if as_json {
            return json(&points);
        }
        let mut out = format!("{:>10}  {:>8}  {:>9}\n", metric, "score", "dimension");
        for p in points {
            let f = |v: Option<f64>| v.map_or("—".to_string(), |v| format_display(v, 4));
            let _ = writeln!(
                out,
                "{:>10}  {:>8}  {:>9}",
                fmt_num(p.value),
                f(p.score),
                f(p.dimension)
            );
        }
        return Ok(out);
    }
    let ranked = sens::sensitivity(pack, &s)?;
    if as_json {
        return json(&ranked);
    }
    let mut out = format!(
        "{:<22} {:>8} → {:<8} {:>10}\n",
        "metric", "from", "to", "score gain"
    );
    for r in ranked {
        let _ = writeln!(
            out,
            "{:<22} {:>8} → {:<8} {:>10}",
            r.metric,
            fmt_num(r.from),
            fmt_num(r.to),
            signed(r.gain, 4)
        );
    }
    Ok(out)
}
