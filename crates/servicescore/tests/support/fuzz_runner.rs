//! The fuzz runner shared by the core's fuzz targets (`crates/servicescore/tests/fuzz/`, one
//! module per target) and the page's (`tests/fuzz_page.rs`); both include this file by path.
//! A proptest runner whose case count comes from `FUZZ_CASES`, and named counters of how deep
//! inputs went.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::time::Instant;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config as ProptestConfig, TestCaseResult, TestRunner};

/// Cases per target: `FUZZ_CASES`, or 2 000.
pub fn cases() -> u32 {
    match std::env::var("FUZZ_CASES") {
        Ok(v) => v
            .trim()
            .replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("FUZZ_CASES={v:?} is not a whole number")),
        Err(_) => 2_000,
    }
}

/// Named counters of one target (how deep its inputs went).
#[derive(Default)]
pub struct Stats(RefCell<BTreeMap<&'static str, u64>>);

impl Stats {
    pub fn bump(&self, what: &'static str) {
        *self.0.borrow_mut().entry(what).or_default() += 1;
    }
}

/// Runs `test` on `cases()` inputs of `strategy`, then prints the count, the time and the
/// counters: `fuzz <target>: <n> cases passed in <s> s`.
pub fn fuzz<S>(target: &str, strategy: S, test: impl Fn(S::Value, &Stats) -> TestCaseResult)
where
    S: Strategy,
    S::Value: Debug,
{
    let cases = cases();
    let stats = Stats::default();
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        // Minimal failing inputs become regression tests below, not files next to the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let start = Instant::now();
    let result = runner.run(&strategy, |input| test(input, &stats));
    let secs = start.elapsed().as_secs_f64();
    if let Err(e) = result {
        panic!("fuzz {target}: FAILED after {secs:.1} s: {e}");
    }
    let mut lines = format!("fuzz {target}: {cases} cases passed in {secs:.1} s\n");
    for (what, n) in stats.0.borrow().iter() {
        lines.push_str(&format!("    {what}: {n}\n"));
    }
    print!("{lines}");
}
