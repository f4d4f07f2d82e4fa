//! Unit tests of `servicescore_charts::dimension`.

use super::*;
use crate::Plain;

fn chart(baseline: bool) -> DimensionChart {
    let names = ["商品体验", "物流体验", "售后体验", "咨询体验", "投诉纠纷"];
    let cur = [Some(4.89), Some(4.921429), Some(3.87), Some(3.608), None];
    let base = [Some(4.4), Some(4.4), Some(4.4), Some(4.4), Some(4.4)];
    DimensionChart {
        title: "维度".into(),
        current_label: "当前".into(),
        baseline_label: "基准".into(),
        no_data_label: "暂无".into(),
        bars: (0..5)
            .map(|i| DimBar {
                label: names[i].into(),
                current: cur[i],
                baseline: if baseline { base[i] } else { None },
            })
            .collect(),
        ..DimensionChart::default()
    }
}

#[test]
fn slots_split_bands() {
    let t = Theme::light();
    let c = chart(true);
    let f = c.layout(500.0, 260.0, &t, &Plain).frame;
    let s = c.slots(&f);
    assert_eq!(s.len(), 5);
    let bw = f.plot.width() / 5.0;
    assert!((s[0].band.width() - bw).abs() < 1e-9);
    let (b, k) = (
        s[0].baseline.unwrap_or(s[0].band),
        s[0].current.unwrap_or(s[0].band),
    );
    assert!(b.right < k.left, "baseline left of current");
    assert_eq!(k.bottom, f.plot.bottom);
    assert!((k.top - f.y.map(4.89)).abs() < 1e-9);
    assert!(s[4].current.is_none() && s[4].baseline.is_some());
    let single = chart(false);
    let s1 = single.slots(&single.layout(500.0, 260.0, &t, &Plain).frame);
    let r = s1[1].current.unwrap_or(s1[1].band);
    assert!((r.center_x() - s1[1].band.center_x()).abs() < 1e-9);
    assert!(s1.iter().all(|s| s.baseline.is_none()));
}

#[test]
fn summary_table() {
    let s = chart(true).summary(&Plain);
    assert_eq!(s.head, ["", "当前", "基准"]);
    assert_eq!(s.rows[1], ["物流体验", "4.92", "4.40"]);
    assert_eq!(s.rows[4], ["投诉纠纷", "—", "4.40"]);
    let s = chart(false).summary(&Plain);
    assert_eq!(s.head, ["", "当前"]);
    assert_eq!(s.rows[0], ["商品体验", "4.89"]);
    let empty = DimensionChart {
        no_data_label: "暂无".into(),
        ..DimensionChart::default()
    };
    assert_eq!(empty.summary(&Plain).rows, vec![vec!["暂无".to_owned()]]);
}

#[test]
fn names_wrap_then_stagger() {
    let t = Theme::light();
    let zh = ["商品体验", "物流体验"];
    assert_eq!(
        name_lines(&zh, 60.0, &t),
        (
            vec![vec!["商品体验".to_owned()], vec!["物流体验".to_owned()]],
            1
        )
    );
    // Too narrow for four characters: two lines each.
    assert_eq!(name_lines(&zh, 40.0, &t).0[0], ["商品", "体验"]);
    let en = ["Product experience", "Consultation experience"];
    let (lines, tiers) = name_lines(&en, 54.0, &t);
    assert_eq!(tiers, 2);
    assert_eq!(lines[0], ["Product", "experience"]);
    assert_eq!(lines[1], ["Consultation", "experience"]);
    let (wide, tiers) = name_lines(&en, 200.0, &t);
    assert_eq!((wide[1].len(), tiers), (1, 1));
}
