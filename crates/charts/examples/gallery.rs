//! Writes every chart, with sample data, as SVG files into a directory (default `.`), at 1×
//! and 2× scale, for eyeballing: `cargo run -p servicescore-charts --features svg --example
//! gallery -- /tmp/gallery`.

use plotters::prelude::*;
use servicescore_charts::*;

fn write<C: Chart>(dir: &std::path::Path, name: &str, chart: &C) -> std::io::Result<()> {
    for k in [1u32, 2] {
        let theme = Theme::light().scaled(f64::from(k));
        let mut s = String::new();
        {
            let area = SVGBackend::with_string(&mut s, (480 * k, 260 * k)).into_drawing_area();
            if let Err(e) = chart.draw(&area, &theme, &Plain) {
                eprintln!("{name}: {e}");
            }
        }
        std::fs::write(dir.join(format!("{name}@{k}x.svg")), s)?;
    }
    let table = chart.summary(&Plain);
    println!("{name}: {} | {:?}", table.caption, table.rows);
    Ok(())
}

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    let gate = |y: f64, label: &str| HLine {
        y,
        label: label.into(),
        kind: LineKind::Gate,
    };
    let star = |y: f64, label: &str| HLine {
        y,
        label: label.into(),
        kind: LineKind::Star,
    };
    let lines = vec![
        gate(4.5, "活动报名 4.5"),
        gate(4.8, "流量加权 4.8"),
        star(4.0, "4★"),
        HLine {
            y: 3.5,
            label: "清退风险 3.5".into(),
            kind: LineKind::Risk,
        },
    ];
    let knots = [
        (0.0, 3.0),
        (50.0, 3.32),
        (70.0, 3.8),
        (85.0, 4.4),
        (93.0, 4.8),
        (97.0, 5.0),
        (100.0, 5.0),
    ];
    let sensitivity = SensitivityChart {
        title: "3分钟回复率".into(),
        x_label: "3分钟回复率 (%)".into(),
        overall_label: "服务分".into(),
        dimension_label: "咨询体验".into(),
        current_label: "当前".into(),
        no_data_label: "暂无数据".into(),
        overall: knots
            .iter()
            .map(|&(x, y)| (x, Some(3.0 + (y - 3.0) * 0.6 + 0.4)))
            .collect(),
        dimension: knots.iter().map(|&(x, y)| (x, Some(y))).collect(),
        current: Some(62.0),
        value_decimals: 1,
        // In the page these come from the core's goal seek.
        levels: lines
            .iter()
            .map(|l| Level {
                line: l.clone(),
                reach: match l.y {
                    y if y <= 3.5 => Reach::Met,
                    y if y <= 4.0 => Reach::At(70.9),
                    y if y <= 4.5 => Reach::At(86.3),
                    _ => Reach::At(91.4),
                },
            })
            .collect(),
        next: Some(2),
        ..SensitivityChart::default()
    };
    write(&dir, "sensitivity", &sensitivity)?;

    let names = ["商品体验", "物流体验", "售后体验", "咨询体验", "投诉纠纷"];
    let cur = [Some(4.89), Some(4.92), Some(3.87), Some(3.61), None];
    let base = [Some(4.4); 5];
    let dimension = DimensionChart {
        title: "五个维度".into(),
        current_label: "当前".into(),
        baseline_label: "基准".into(),
        no_data_label: "暂无数据".into(),
        bars: (0..5)
            .map(|i| DimBar {
                label: names[i].into(),
                current: cur[i],
                baseline: base[i],
            })
            .collect(),
        hlines: vec![gate(4.0, "维度 4.0")],
        ..DimensionChart::default()
    };
    write(&dir, "dimension", &dimension)?;

    let mut days: Vec<(i32, Option<f64>)> = (-30..=90)
        .map(|d| {
            (
                d,
                Some(4.25 + 0.6 * (1.0 - (-f64::from(d + 30) / 60.0).exp())),
            )
        })
        .collect();
    for d in &mut days {
        if (-20..=-17).contains(&d.0) {
            d.1 = None;
        }
    }
    let projection = ProjectionChart {
        title: "未来 90 天".into(),
        score_label: "服务分".into(),
        excluded_label: "排除天数".into(),
        today_label: Some("今天".into()),
        no_data_label: "暂无数据".into(),
        // In the page these are the first days the core's projection reports.
        marks: vec![
            Mark {
                day: 12,
                label: "活动报名 4.5".into(),
            },
            Mark {
                day: 58,
                label: "流量加权 4.8".into(),
            },
        ],
        days,
        origin: jiff::civil::date(2022, 8, 21),
        hlines: lines,
        ..ProjectionChart::default()
    };
    write(&dir, "projection", &projection)?;

    let rates = [
        85.0, 81.0, 76.0, -1.0, -1.0, -1.0, 90.0, 88.0, 83.0, 79.0, 82.0, 86.0, 91.0, 95.0,
    ];
    let rate = RateChart {
        title: "3分钟回复率（近 7 天滚动）".into(),
        rate_label: "回复率".into(),
        target_label: "目标 80%".into(),
        penalty_label: "处罚期".into(),
        below_target_label: "未达标".into(),
        no_data_label: "暂无数据".into(),
        days: rates
            .iter()
            .enumerate()
            .map(|(i, &v)| RateDay {
                day: i as i32,
                rate: (v >= 0.0).then_some(v),
                below_target: (0.0..80.0).contains(&v),
                text: format!("{v:.1}%"),
            })
            .collect(),
        origin: jiff::civil::date(2024, 7, 1),
        shaded: vec![(3, 5)],
        ..RateChart::default()
    };
    write(&dir, "rate", &rate)?;
    write(
        &dir,
        "empty",
        &SensitivityChart {
            no_data_label: "暂无数据".into(),
            overall_label: "服务分".into(),
            ..SensitivityChart::default()
        },
    )
}
