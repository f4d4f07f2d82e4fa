//! Benchmarks of the core's hot paths: what one slider move costs.
//!
//! `cargo bench -p servicescore --bench core` (criterion; numbers in BENCHMARKS.md).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use servicescore::{evaluate, goal, sensitivity, Model, RulePack, Scenario, Target};

fn example2() -> Scenario {
    Scenario::from_json(
        r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
        "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
        "reply_3min_pct":62}}"#,
    )
    .expect("valid scenario")
}

fn bench(c: &mut Criterion) {
    let pack = RulePack::default_pack();
    let s = example2();
    let model = Model::new(pack, "general").expect("general exists");
    let values = s.values(pack);
    c.bench_function("eval/full breakdown", |b| {
        b.iter(|| evaluate(pack, black_box(&s)))
    });
    c.bench_function("eval/model scores only", |b| {
        b.iter(|| model.scores(black_box(&values)))
    });
    c.bench_function("goal/reply to 4.5 stars", |b| {
        b.iter(|| goal::seek(&model, black_box(&values), 6, &Target::Stars(4.5)))
    });
    c.bench_function("goal/every metric to activity_signup", |b| {
        let t = Target::Threshold("activity_signup".into());
        b.iter(|| {
            (0..pack.metrics.len())
                .map(|i| goal::seek(&model, black_box(&values), i, &t))
                .collect::<Vec<_>>()
        })
    });
    c.bench_function("sensitivity/rank", |b| {
        b.iter(|| sensitivity::rank(&model, black_box(&values)))
    });
    c.bench_function("sensitivity/curve 41 samples", |b| {
        b.iter(|| sensitivity::curve_of(&model, black_box(&values), 6, 0.0, 100.0, 41))
    });
}

/// The page's timeline chart: a 180-day projection (held baseline + a plan step, 180 published
/// days over a 180-day window) on every slider move, and a 180-day timeline of records.
fn bench_timeline(c: &mut Criterion) {
    use servicescore::timeline::{parse_date, DailyRecords, History, Plan, Window};
    let pack = RulePack::default_pack();
    let model = Model::new(pack, "general").expect("general exists");
    let start = parse_date("2026-11-21").expect("a date");
    let s = example2();
    let history = History::from_scenario(pack, &s, start).expect("valid scenario");
    let mut better = s.clone();
    better.set("reply_3min_pct", Some(92.0));
    let plan = Plan::hold(start, &better);
    let window = Window::new(model.clone());
    c.bench_function("projection/180-day plan, 180-day window", |b| {
        b.iter(|| window.project(black_box(&history), black_box(&plan), start, 180))
    });
    c.bench_function(
        "projection/published scores only (the deadline planner's judge)",
        |b| b.iter(|| window.published_scores(black_box(&history), black_box(&plan), start, 180)),
    );
    c.bench_function("projection/project() computing its weights", |b| {
        b.iter(|| servicescore::project(&model, black_box(&history), &plan, start, 180))
    });
    let csv = include_str!("../../../www/examples/daily-example.csv");
    let records = DailyRecords::from_csv(csv).expect("the example is valid");
    let from = parse_date("2026-05-25").expect("a date");
    let to = parse_date("2026-11-20").expect("a date");
    c.bench_function("timeline/180 days of records", |b| {
        b.iter(|| servicescore::timeline(pack, "general", black_box(&records), from, to))
    });
    c.bench_function("timeline/read the 200-day example CSV", |b| {
        b.iter(|| DailyRecords::from_csv(black_box(csv)))
    });
}

/// The page's plan panel on every slider move: the least effort over all eight metrics of the
/// default pack, now and by a date (the deadline planner judges the published score).
fn bench_plan(c: &mut Criterion) {
    use servicescore::plan::{by_date, least_effort, PlanOptions};
    use servicescore::timeline::{parse_date, DailyRecords};
    let pack = RulePack::default_pack();
    let weak = Scenario::from_json(
        r#"{"metrics":{"review_score":4.6,"quality_refund_pct":1.2,"pay_to_sign_hours":90,
        "ship_on_time_pct":95,"refund_only_hours":24,"return_refund_hours":120,
        "reply_3min_pct":70,"dispute_pct":0.2}}"#,
    )
    .expect("valid scenario");
    let options = PlanOptions::default();
    for (name, target) in [
        ("plan/8 metrics to 4.5 stars", Target::Stars(4.5)),
        ("plan/8 metrics to score 5", Target::Score(5.0)),
        (
            "plan/8 metrics to activity_signup",
            Target::Threshold("activity_signup".into()),
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| least_effort(pack, black_box(&weak), &target, &options))
        });
    }
    let csv = include_str!("../../../www/examples/daily-example.csv");
    let records = DailyRecords::from_csv(csv).expect("the example is valid");
    let by = parse_date("2027-01-31").expect("a date");
    c.bench_function("plan/8 metrics to 4.5 stars by a date", |b| {
        b.iter(|| {
            by_date(
                pack,
                black_box(&weak),
                &Target::Stars(4.5),
                &options,
                &records,
                by,
            )
        })
    });
}

criterion_group!(benches, bench, bench_timeline, bench_plan);
criterion_main!(benches);
