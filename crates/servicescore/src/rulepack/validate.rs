//! Validation: every invariant the evaluator, the timeline and the customer-service
//! assessment rely on, checked once when a pack is loaded. Each error names the JSON path
//! of the offending constant (`benchmarks.apparel.ship_on_time_pct: knots must increase`).

use super::{
    parse_time_of_day, Better, CsRules, Provenance, RulePack, DAILY_COLUMNS, MAX_DIMENSIONS,
    MAX_GRID_STEPS, MAX_MAGNITUDE, SCHEMA_VERSION,
};
use crate::error::{Error, Result};

impl RulePack {
    /// Checks every invariant the evaluator relies on.
    ///
    /// # Errors
    ///
    /// The first violated invariant, naming its path.
    pub fn validate(&self) -> Result<()> {
        if self.schema != SCHEMA_VERSION {
            return Err(Error::field(
                "schema",
                format!(
                    "version {} is not supported (this simulator reads version {SCHEMA_VERSION} \
                     and upgrades version 1)",
                    self.schema
                ),
            ));
        }
        if self.id.trim().is_empty() {
            return Err(Error::field("id", "must not be empty"));
        }
        self.validate_sources()?;
        let (lo, hi) = (self.score.min.value, self.score.max.value);
        finite("score.min", lo)?;
        finite("score.max", hi)?;
        if lo >= hi {
            return Err(Error::field("score", "min must be below max"));
        }
        if self.score.decimals.value > 6 {
            return Err(Error::field("score.decimals", "must be at most 6"));
        }
        self.validate_dimensions()?;
        self.validate_metrics()?;
        self.validate_curves()?;
        self.validate_industries()?;
        self.validate_stars()?;
        self.validate_thresholds()?;
        self.validate_decay()?;
        self.customer_service.validate()?;
        self.validate_violations()?;
        self.validate_calibration_sections()
    }

    fn validate_sources(&self) -> Result<()> {
        unique("sources", self.sources.iter().map(|d| d.id.as_str()))?;
        // Published constants must say where they are published, observed ones where seen:
        // a document of `sources`, by its id, optionally followed by `: <where in it>`.
        let mut missing = None;
        let mut unknown = None;
        self.each_provenance(&mut |path, p, src| {
            if missing.is_none() && p.needs_source() && src.is_none_or(str::is_empty) {
                missing = Some((path.to_string(), p));
            }
            if let (true, Some(s), None) = (p.needs_source(), src, &unknown) {
                if !s.is_empty() && self.cited(s).is_none() {
                    unknown = Some((path.to_string(), s.to_string()));
                }
            }
        });
        if let (None, Some((path, s))) = (&missing, unknown) {
            let known: Vec<&str> = self.sources.iter().map(|d| d.id.as_str()).collect();
            return Err(Error::field(
                path,
                format!(
                    "source \"{s}\" cites no document of `sources` (start it with one of: {})",
                    known.join(", ")
                ),
            ));
        }
        match missing {
            Some((path, Provenance::Observed)) => Err(Error::field(
                path,
                "an observed constant must name where it was seen",
            )),
            Some((path, _)) => Err(Error::field(
                path,
                "a published constant must name its source",
            )),
            None => Ok(()),
        }
    }

    fn validate_dimensions(&self) -> Result<()> {
        if self.dimensions.is_empty() {
            return Err(Error::field(
                "dimensions",
                "at least one dimension is needed",
            ));
        }
        if self.dimensions.len() > MAX_DIMENSIONS {
            return Err(Error::field(
                "dimensions",
                format!("at most {MAX_DIMENSIONS} dimensions are supported"),
            ));
        }
        unique("dimensions", self.dimensions.iter().map(|d| d.id.as_str()))?;
        for d in &self.dimensions {
            positive(&format!("dimensions.{}.weight", d.id), d.weight.value)?;
        }
        Ok(())
    }

    fn validate_metrics(&self) -> Result<()> {
        if self.metrics.is_empty() {
            return Err(Error::field("metrics", "at least one metric is needed"));
        }
        unique("metrics", self.metrics.iter().map(|m| m.id.as_str()))?;
        for m in &self.metrics {
            let p = format!("metrics.{}", m.id);
            if self.dimension_index(&m.dimension).is_none() {
                return Err(Error::field(
                    format!("{p}.dimension"),
                    format!("unknown dimension \"{}\"", m.dimension),
                ));
            }
            let [lo, hi] = m.range;
            finite(&format!("{p}.range"), lo)?;
            finite(&format!("{p}.range"), hi)?;
            if lo >= hi {
                return Err(Error::field(format!("{p}.range"), "min must be below max"));
            }
            if lo.abs() > MAX_MAGNITUDE || hi.abs() > MAX_MAGNITUDE {
                return Err(Error::field(
                    format!("{p}.range"),
                    format!("must lie within ±{MAX_MAGNITUDE:e}"),
                ));
            }
            let s = m.slider;
            positive(&format!("{p}.slider.step"), s.step)?;
            // Goal seek bisects over the slider grid of the whole range: keep it finite and sane.
            if (hi - lo) / s.step > MAX_GRID_STEPS {
                return Err(Error::field(
                    format!("{p}.slider.step"),
                    format!("is too small: the range may hold at most {MAX_GRID_STEPS:e} steps"),
                ));
            }
            if !(s.min.is_finite()
                && s.max.is_finite()
                && lo <= s.min
                && s.min < s.max
                && s.max <= hi)
            {
                return Err(Error::field(
                    format!("{p}.slider"),
                    "min and max must lie inside the range, min below max",
                ));
            }
            positive(&format!("{p}.sensitivity_step"), m.sensitivity_step)?;
            positive(&format!("{p}.weight"), m.weight.value)?;
            for (what, col) in [
                ("numerator", &m.daily.numerator),
                ("denominator", &m.daily.denominator),
            ] {
                if !DAILY_COLUMNS.contains(&col.as_str()) {
                    return Err(Error::field(
                        format!("{p}.daily.{what}"),
                        format!("unknown daily column \"{col}\""),
                    ));
                }
            }
            positive(&format!("{p}.daily.scale"), m.daily.scale)?;
        }
        for d in &self.dimensions {
            if !self.metrics.iter().any(|m| m.dimension == d.id) {
                return Err(Error::field(
                    format!("dimensions.{}", d.id),
                    "has no metric",
                ));
            }
        }
        Ok(())
    }

    fn validate_curves(&self) -> Result<()> {
        let ps = &self.percentiles.value;
        if ps.len() < 2 {
            return Err(Error::field("percentiles", "at least two knots are needed"));
        }
        if ps.first() != Some(&0.0) || ps.last() != Some(&1.0) {
            return Err(Error::field("percentiles", "must run from 0 to 1"));
        }
        if !strictly_increasing(ps.iter().copied()) {
            return Err(Error::field("percentiles", "knots must increase"));
        }
        let c = &self.points_curve.value;
        if c.len() < 2
            || c.first().map(|k| k[0]) != Some(0.0)
            || c.last().map(|k| k[0]) != Some(1.0)
        {
            return Err(Error::field(
                "points_curve",
                "needs at least two [percentile, points] pairs from percentile 0 to 1",
            ));
        }
        if !strictly_increasing(c.iter().map(|k| k[0])) {
            return Err(Error::field("points_curve", "percentiles must increase"));
        }
        if c.windows(2).any(|w| w[1][1] < w[0][1]) {
            return Err(Error::field("points_curve", "points must not decrease"));
        }
        let (lo, hi) = (self.score.min.value, self.score.max.value);
        if c.iter()
            .any(|k| !(k[1].is_finite() && lo <= k[1] && k[1] <= hi))
        {
            return Err(Error::field(
                "points_curve",
                format!("points must lie within the score scale {lo}–{hi}"),
            ));
        }
        Ok(())
    }

    fn validate_industries(&self) -> Result<()> {
        if self.industries.is_empty() {
            return Err(Error::field(
                "industries",
                "at least one industry is needed",
            ));
        }
        unique("industries", self.industries.iter().map(|i| i.id.as_str()))?;
        for ind in self.benchmarks.keys() {
            if self.industry(ind).is_none() {
                return Err(Error::field(
                    format!("benchmarks.{ind}"),
                    "unknown industry",
                ));
            }
        }
        let n = self.percentiles.value.len();
        for ind in &self.industries {
            let table = self.benchmarks.get(&ind.id);
            if !ind.applicable.value {
                if ind.not_applicable_reason.is_none() {
                    return Err(Error::field(
                        format!("industries.{}.not_applicable_reason", ind.id),
                        "an industry without a score must say why",
                    ));
                }
                continue;
            }
            let Some(table) = table else {
                return Err(Error::field(
                    format!("benchmarks.{}", ind.id),
                    "missing: an applicable industry needs benchmark knots",
                ));
            };
            for key in table.keys() {
                if self.metric(key).is_none() {
                    return Err(Error::field(
                        format!("benchmarks.{}.{key}", ind.id),
                        "unknown metric",
                    ));
                }
            }
            for m in &self.metrics {
                let path = format!("benchmarks.{}.{}", ind.id, m.id);
                let Some(k) = table.get(&m.id) else {
                    return Err(Error::field(path, "missing"));
                };
                let k = &k.value;
                if k.len() != n {
                    return Err(Error::field(
                        path,
                        format!("needs {n} knots, one per percentile, not {}", k.len()),
                    ));
                }
                if !k.iter().all(|v| m.admits(*v)) {
                    return Err(Error::field(
                        path,
                        format!(
                            "knots must be numbers within the metric's range {}–{}",
                            m.range[0], m.range[1]
                        ),
                    ));
                }
                let ok = match m.better {
                    Better::Higher => strictly_increasing(k.iter().copied()),
                    Better::Lower => strictly_increasing(k.iter().map(|v| -v)),
                };
                if !ok {
                    let dir = match m.better {
                        Better::Higher => "increase",
                        Better::Lower => "decrease",
                    };
                    return Err(Error::field(path, format!("knots must {dir}")));
                }
            }
        }
        Ok(())
    }

    fn validate_stars(&self) -> Result<()> {
        let bands = &self.stars.bands.value;
        if bands.is_empty() {
            return Err(Error::field("stars.bands", "at least one band is needed"));
        }
        if bands
            .iter()
            .any(|b| !b.min_score.is_finite() || !b.stars.is_finite())
        {
            return Err(Error::field("stars.bands", "must hold numbers"));
        }
        let ordered = bands
            .windows(2)
            .all(|w| w[0].min_score > w[1].min_score && w[0].stars > w[1].stars);
        if !ordered {
            return Err(Error::field(
                "stars.bands",
                "must be ordered from the highest score and stars to the lowest",
            ));
        }
        let floor = self.stars.floor.value;
        if !(floor.is_finite() && bands.iter().all(|b| b.stars > floor)) {
            return Err(Error::field(
                "stars.floor",
                "must be below every band's stars",
            ));
        }
        Ok(())
    }

    fn validate_thresholds(&self) -> Result<()> {
        unique("thresholds", self.thresholds.iter().map(|t| t.id.as_str()))?;
        for t in &self.thresholds {
            if t.conditions.is_empty() {
                return Err(Error::field(
                    format!("thresholds.{}.conditions", t.id),
                    "at least one condition is needed",
                ));
            }
            for (i, c) in t.conditions.iter().enumerate() {
                finite(
                    &format!("thresholds.{}.conditions[{i}].value", t.id),
                    c.value,
                )?;
            }
        }
        Ok(())
    }

    fn validate_decay(&self) -> Result<()> {
        let w = self.decay.window_days.value;
        if !(1..=3650).contains(&w) {
            return Err(Error::field("decay.window_days", "must be 1–3650"));
        }
        positive("decay.half_life_days", self.decay.half_life_days.value)
    }

    fn validate_violations(&self) -> Result<()> {
        unique(
            "violations.items",
            self.violations.items.iter().map(|v| v.id.as_str()),
        )?;
        for v in &self.violations.items {
            if v.points.value.is_none() && v.consequence.is_none() {
                return Err(Error::field(
                    format!("violations.{}", v.id),
                    "needs points or a consequence",
                ));
            }
            if let Some(c) = &v.consequence_from {
                if v.consequence.is_none() || c.value == 0 {
                    return Err(Error::field(
                        format!("violations.{}.consequence_from", v.id),
                        "must be at least 1, with a consequence",
                    ));
                }
            }
        }
        if self.violations.serious_limit.points.value == 0 {
            return Err(Error::field(
                "violations.serious_limit.points",
                "must be at least 1",
            ));
        }
        Ok(())
    }
}

impl CsRules {
    /// Checks the customer-service constants: assessed hours written `HH:MM:SS`, in order;
    /// reply limit, window, penalty, exam deadline and
    /// traffic limit at least 1; targets percentages 0–100; the dissatisfied
    /// rating 1–5. [`RulePack::validate`] runs this; it is public because `CsRules` may be
    /// built or edited by hand (the assessment functions run it too).
    ///
    /// # Errors
    ///
    /// The first invalid constant, e.g. `customer_service.penalty_days: must be at least 1`.
    pub fn validate(&self) -> Result<()> {
        let from = parse_time_of_day(&self.assessed_from.value)
            .ok_or_else(|| Error::field("customer_service.assessed_from", "expected HH:MM:SS"))?;
        let to = parse_time_of_day(&self.assessed_to.value)
            .ok_or_else(|| Error::field("customer_service.assessed_to", "expected HH:MM:SS"))?;
        if from > to {
            return Err(Error::field(
                "customer_service.assessed_to",
                "must not be before assessed_from",
            ));
        }
        for (path, v) in [
            ("reply_within_seconds", self.reply_within_seconds.value),
            ("reply_window_days", self.reply_window_days.value),
            ("penalty_days", self.penalty_days.value),
            ("exam_deadline_days", self.exam_deadline_days.value),
            ("traffic_limit_min_days", self.traffic_limit_min_days.value),
        ] {
            if v == 0 {
                return Err(Error::field(
                    format!("customer_service.{path}"),
                    "must be at least 1",
                ));
            }
        }
        for (path, v) in [
            ("reply_target_pct", self.reply_target_pct.value),
            (
                "dissatisfaction_target_pct",
                self.dissatisfaction_target_pct.value,
            ),
        ] {
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                return Err(Error::field(
                    format!("customer_service.{path}"),
                    "must be a percentage 0–100",
                ));
            }
        }
        if !(1..=5).contains(&self.dissatisfied_max_rating.value) {
            return Err(Error::field(
                "customer_service.dissatisfied_max_rating",
                "must be 1–5",
            ));
        }
        Ok(())
    }
}

fn finite(path: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::field(path, "must be a finite number"))
    }
}

fn positive(path: &str, v: f64) -> Result<()> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        Err(Error::field(path, "must be greater than 0"))
    }
}

fn unique<'a>(path: &str, ids: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(Error::field(path, "an id is empty"));
        }
        if !seen.insert(id) {
            return Err(Error::field(path, format!("id \"{id}\" appears twice")));
        }
    }
    Ok(())
}

fn strictly_increasing(mut it: impl Iterator<Item = f64>) -> bool {
    let Some(mut prev) = it.next() else {
        return true;
    };
    for v in it {
        // NaN compares false both ways and so also fails here.
        if v.partial_cmp(&prev) != Some(std::cmp::Ordering::Greater) {
            return false;
        }
        prev = v;
    }
    true
}
