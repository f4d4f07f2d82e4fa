//! Looking things up in a pack by id: metrics, dimensions, industries, thresholds, benchmark
//! knots, and each metric's industry median.

use std::collections::BTreeMap;

use super::{IndustryDef, MetricDef, RulePack, SourceDoc, Sourced, ThresholdDef};

impl RulePack {
    /// The document a `source` cites, and where in it (`rule-2022: 5分制` → the
    /// `rule-2022` document and `5分制`); `None` when it names none of `sources` (an
    /// assumption's reason, free text).
    pub fn cited<'a>(&'a self, source: &'a str) -> Option<(&'a SourceDoc, Option<&'a str>)> {
        let (id, rest) = match source.split_once(':') {
            Some((id, rest)) => (id.trim(), Some(rest.trim()).filter(|r| !r.is_empty())),
            None => (source.trim(), None),
        };
        self.sources.iter().find(|d| d.id == id).map(|d| (d, rest))
    }

    /// Index of a metric by id.
    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }

    /// A metric by id.
    pub fn metric(&self, id: &str) -> Option<&MetricDef> {
        self.metrics.iter().find(|m| m.id == id)
    }

    /// Index of a dimension by id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    /// An industry by id.
    pub fn industry(&self, id: &str) -> Option<&IndustryDef> {
        self.industries.iter().find(|i| i.id == id)
    }

    /// A threshold by id.
    pub fn threshold(&self, id: &str) -> Option<&ThresholdDef> {
        self.thresholds.iter().find(|t| t.id == id)
    }

    /// Benchmark knots of `metric` in `industry`.
    pub fn knots(&self, industry: &str, metric: &str) -> Option<&Sourced<Vec<f64>>> {
        self.benchmarks.get(industry)?.get(metric)
    }

    /// Each metric at the industry's median knot (the knot at percentile 0.5), or the middle
    /// of its slider when the industry has no benchmarks (an industry without a score) or the
    /// pack has no knot at 0.5.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = servicescore::RulePack::default_pack().medians("general");
    /// assert_eq!(m["reply_3min_pct"], 85.0);
    /// assert_eq!(m.len(), 8);
    /// ```
    pub fn medians(&self, industry: &str) -> BTreeMap<String, f64> {
        let mid = self
            .percentiles
            .value
            .iter()
            .position(|p| (*p - 0.5).abs() < 1e-12);
        self.metrics
            .iter()
            .map(|m| {
                let v = self
                    .knots(industry, &m.id)
                    .zip(mid)
                    .and_then(|(k, i)| k.value.get(i).copied())
                    .unwrap_or((m.slider.min + m.slider.max) / 2.0);
                (m.id.clone(), v)
            })
            .collect()
    }
}
