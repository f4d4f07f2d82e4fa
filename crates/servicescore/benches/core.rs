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

criterion_group!(benches, bench);
criterion_main!(benches);
