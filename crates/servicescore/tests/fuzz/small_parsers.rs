//! Target: the small parsers (dates, times of day, goal targets).

use super::*;

pub(crate) fn small_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any_text(),
        2 => select(ODD_DATES).prop_map(str::to_string),
        2 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        2 => "[0-9]{2}:[0-9]{2}:[0-9]{2}",
        1 => select(ODD_TIMES).prop_map(str::to_string),
        2 => (select(vec!["score", "stars", "threshold", "Score", " stars ", "", "x"]),
              select(vec![":", "", "::", " : "]),
              select(vec!["4.5", "5", "NaN", "inf", "1e308", "-0", "traffic_boost", "", " 4 ",
                          "a\nb", "0x10", "4,5"]))
            .prop_map(|(k, c, v)| format!("{k}{c}{v}")),
    ]
}

#[test]
pub(crate) fn fuzz_small_parsers() {
    fuzz(
        "dates, times of day, goal targets",
        (small_text(), 0usize..8),
        |(text, metric), stats| {
            // Dates: exactly `YYYY-MM-DD` of a real day, years 0000–9999.
            let d = timeline::parse_date(&text);
            if let Some(d) = d {
                prop_assert_eq!(d.to_string(), text.clone());
            } else if let Ok(j) = text.parse::<Date>() {
                prop_assert!(
                    !(writable(j) && j.to_string() == text),
                    "{:?} is a date",
                    text
                );
            }
            let r = cs::parse_date("from", &text);
            check(&r)?;
            prop_assert_eq!(r.ok(), d);
            // Times of day: exactly `HH:MM:SS`, 00:00:00–23:59:59.
            if let Some(s) = parse_time_of_day(&text) {
                stats.bump("time of day");
                prop_assert!(s < 86_400);
                let t = format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
                prop_assert_eq!(t, text.clone());
            }
            let pack = pack();
            let t = Target::parse(&text, pack);
            check(&t)?;
            if let Ok(t) = t {
                stats.bump("goal target: goal seek runs");
                let mut s = Scenario::default();
                s.set("reply_3min_pct", Some(60.0));
                let id = &pack.metrics[metric % pack.metrics.len()].id;
                check(&goal_seek(pack, &s, id, &t))?;
            }
            Ok(())
        },
    );
}
