//! The projection view's pure part: its own state and reducer, reading an imported daily CSV,
//! choosing the past (the baseline held, or the imported records), and computing what the view
//! shows with one [`Window::project`] call. No browser: natively tested below.
//!
//! - [`state`]: the view's state and reducer, and reading the daily CSV;
//! - [`outlook`]: the past chosen and what the view shows, built from the core's projection.
//!
//! Dates are `jiff` civil dates, the calendar of the core and the charts alike.

/// The horizons offered (days).
pub const HORIZONS: [usize; 4] = [30, 60, 90, 180];

/// The horizon shown first: the whole window.
pub const DEFAULT_HORIZON: usize = 180;

/// Decimals kept when the imported window's values become the sliders: far below any slider
/// step, so the plan is what the platform saw (the example's plan B still reaches 4.5 stars on
/// 2027-02-09, as with the exact values), while the number boxes stay readable.
pub const WINDOW_DECIMALS: u32 = 4;

mod outlook;
mod state;

pub use outlook::{
    held, held_past, imported_past, outlook, window_scenario, ByPtr, LeavingRow, Outlook,
    PackWindow, Past, PastKind, ReachRow,
};
pub use state::{read_import, Daily, Imported, Source, ViewAction, ViewState};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::import::Action;
    use crate::i18n::Lang;
    use jiff::civil::Date;
    use servicescore::timeline::parse_date;
    use servicescore::timeline::Window;
    use servicescore::Model;
    use servicescore::{RulePack, Scenario};

    const EXAMPLE: &str = include_str!("../../../www/examples/daily-example.csv");

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    fn window() -> Window<'static> {
        Window::new(Model::new(pack(), "general").unwrap())
    }

    fn plan_a() -> Scenario {
        Scenario::from_json(
            r#"{"metrics":{"review_score":4.75,"quality_refund_pct":0.5,"pay_to_sign_hours":75,
            "ship_on_time_pct":98.5,"refund_only_hours":11,"return_refund_hours":104,
            "reply_3min_pct":92,"dispute_pct":0.07}}"#,
        )
        .unwrap()
    }

    fn date(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    /// What happened to the view's import, as the view's action.
    fn import(a: Action<Daily>) -> ViewAction {
        ViewAction::Import(a)
    }

    fn first(o: &Outlook, key: &str) -> Option<String> {
        o.reach
            .iter()
            .find(|r| r.key == key)
            .and_then(|r| r.first)
            .map(|d| d.to_string())
    }

    #[test]
    fn the_example_imports() {
        let i = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        assert_eq!(i.rows, 200);
        assert_eq!((i.first, i.last), (date("2026-05-05"), date("2026-11-20")));
        assert_eq!(i.start(), date("2026-11-21"));
        assert_eq!(
            i.excluded,
            vec![date("2026-07-03"), date("2026-09-15"), date("2026-10-08")]
        );
        assert!(!i.has_day(date("2026-09-15")));
        assert!(i.has_day(date("2026-09-16")));
        assert_eq!(i.history.len(), 197);
    }

    #[test]
    fn plan_a_and_plan_b_on_the_example() {
        let w = window();
        let i = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        let past = imported_past(&w, &i, 180).unwrap();
        assert_eq!(past.start, date("2026-11-21"));
        assert_eq!(past.days.len(), 180);
        assert_eq!(past.days[0].0, -180);
        assert_eq!(past.days[179].0, -1);
        // Excluded days are gaps: 2026-09-15 is 67 days before 11-21.
        let at = |d: i32| past.days.iter().find(|x| x.0 == d).and_then(|x| x.1);
        assert_eq!(at(-67), None);
        assert!(at(-66).is_some());
        assert!((at(-1).unwrap() - 4.398784).abs() < 1e-6);

        let o = outlook(&w, &past, &plan_a(), 180, Lang::Zh).unwrap();
        assert_eq!(first(&o, "stars:4.5").as_deref(), Some("2026-12-31"));
        assert_eq!(
            first(&o, "threshold:activity_signup").as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(first(&o, "stars:4").as_deref(), Some("2026-11-21"));
        assert_eq!(first(&o, "stars:5"), None);
        let row = o.reach.iter().find(|r| r.key == "stars:4.5").unwrap();
        assert_eq!((row.day, row.lost), (Some(40), false));
        assert_eq!(o.first_score.as_deref(), Some("4.40"));
        assert_eq!(o.chart.as_ref().map(|c| c.days.len()), Some(360));
        assert!(o
            .leaving
            .iter()
            .any(|l| l.date == date("2026-08-25") && l.leaves_on == date("2027-02-22")));
        assert!(o.leaving.iter().all(|l| l.in_horizon));
        // A shorter horizon: not within 30 days, and the strike's days leave beyond it.
        let o30 = outlook(&w, &past, &plan_a(), 30, Lang::Zh).unwrap();
        assert_eq!(first(&o30, "stars:4.5"), None);
        assert!(o30.leaving.iter().all(|l| !l.in_horizon));

        // Plan B: the imported window as the sliders, replies raised to 92 %.
        let mut b = window_scenario(&w, &i).unwrap();
        assert_eq!(b.value("reply_3min_pct"), Some(73.5675));
        b.set("reply_3min_pct", Some(92.0));
        let o = outlook(&w, &past, &b, 180, Lang::Zh).unwrap();
        assert_eq!(first(&o, "stars:4.5").as_deref(), Some("2027-02-09"));
        assert_eq!(o.reach[2].key, "stars:4.5");
    }

    #[test]
    fn a_held_baseline_is_flat_and_dated_today() {
        let w = window();
        let now = plan_a();
        let medians = Scenario::from_json(
            r#"{"metrics":{"review_score":4.7,"quality_refund_pct":0.8,"pay_to_sign_hours":84,
            "ship_on_time_pct":97,"refund_only_hours":18,"return_refund_hours":108,
            "reply_3min_pct":85,"dispute_pct":0.1}}"#,
        )
        .unwrap();
        let (kind, s) = held(Some(&medians), None, &now);
        assert_eq!(kind, PastKind::Pinned);
        let today = date("2026-11-22");
        let past = held_past(pack(), kind, s, today).unwrap();
        assert!(past.days.is_empty());
        let o = outlook(&w, &past, &now, 90, Lang::En).unwrap();
        assert_eq!(o.start, today);
        assert_eq!(o.first_score.as_deref(), Some("4.40"));
        let chart = o.chart.as_ref().expect("a chart");
        assert_eq!(chart.days.len(), 90);
        assert_eq!(chart.today_label, None);
        // Nothing was reached at 4.40 today; 4.5 comes later, 4 is already there.
        let four = o.reach.iter().find(|r| r.key == "stars:4").unwrap();
        assert_eq!(four.day, Some(0));
        let half = o.reach.iter().find(|r| r.key == "stars:4.5").unwrap();
        assert!(half.day.unwrap() > 0);
        assert!(o.leaving.is_empty(), "a held scenario has no bad day");
        // Held current scenario: flat at its own score.
        let (kind, s) = held(None, None, &now);
        assert_eq!(kind, PastKind::Current);
        let past = held_past(pack(), kind, s, today).unwrap();
        let o = outlook(&w, &past, &now, 30, Lang::En).unwrap();
        assert_eq!(o.first_score, o.last_score);
        assert_eq!(held(None, Some(&medians), &now).0, PastKind::Saved);
    }

    #[test]
    fn an_industry_the_rules_do_not_cover_gets_no_chart() {
        let w = Window::new(Model::new(pack(), "local_life_service").unwrap());
        let today = date("2026-11-22");
        let now = plan_a();
        let past = held_past(pack(), PastKind::Current, &now, today).unwrap();
        let o = outlook(&w, &past, &now, 30, Lang::Zh).unwrap();
        assert!(o.chart.is_none());
    }

    #[test]
    fn a_malformed_file_is_refused_with_every_problem_and_keeps_the_previous_import() {
        let bad = "date,ship_due,shipped_on_time\n2026-11-19,100,abc\n2026-11-20,100,120\nnot-a-date,1,1\n";
        let r = read_import(pack(), "bad.csv", bad, true, None).unwrap_err();
        assert!(r.gb18030);
        assert!(!r.empty);
        let lines: Vec<Option<u64>> = r.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(3), Some(4)]);
        assert_eq!(r.problems[0].column, "shipped_on_time");
        assert_eq!(r.problems[0].message, "\"abc\" is not a number");
        let empty = read_import(pack(), "empty.csv", "date,ship_due\n", false, None).unwrap_err();
        assert!(empty.empty && empty.problems.is_empty());
        let header = read_import(pack(), "x.csv", "", false, None).unwrap_err();
        assert_eq!(header.problems[0].line, Some(1));
        assert_eq!(
            header.problems[0].kind(),
            Some(servicescore::csv_import::ProblemKind::EmptyFile)
        );
        assert_eq!((r.total, r.summary.len()), (3, 3));

        let mut s = ViewState::default();
        s.apply(ViewAction::SetSource(Source::Imported));
        assert_eq!(s.source, Source::Baseline, "nothing imported yet");
        s.apply(import(Action::Parsing("daily-example.csv".into())));
        assert_eq!(s.import.parsing(), Some("daily-example.csv"));
        let good = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        s.apply(import(Action::Imported(good.clone())));
        assert_eq!(s.source, Source::Imported);
        assert_eq!(s.import.parsing(), None);
        let id = s.imported().map(|i| i.id);
        s.apply(import(Action::Parsing("bad.csv".into())));
        s.apply(import(Action::Refused(r)));
        assert_eq!(s.imported().map(|i| i.id), id, "previous data kept");
        assert_eq!(s.source, Source::Imported);
        assert_eq!(s.import.refused().map(|r| r.problems.len()), Some(3));
        s.apply(import(Action::Imported(good)));
        assert_ne!(s.imported().map(|i| i.id), id, "a new import is new");
        assert!(s.import.refused().is_none());
        s.apply(ViewAction::SetHorizon(45));
        assert_eq!(s.horizon, DEFAULT_HORIZON);
        s.apply(ViewAction::SetHorizon(30));
        assert_eq!(s.horizon, 30);
    }

    #[test]
    fn a_kept_file_round_trips_to_the_same_import_and_the_note_follows_imports() {
        use crate::components::kept::{self, Note, Problem};
        let raw = kept::encode("daily-example.csv", EXAMPLE, false).unwrap();
        let back = kept::decode(&raw).unwrap();
        let fresh = read_import(pack(), "daily-example.csv", EXAMPLE, false, None).unwrap();
        let restored = read_import(pack(), &back.name, &back.text, back.gb18030, None).unwrap();
        assert_eq!(
            (
                restored.rows,
                restored.first,
                restored.last,
                restored.history.len()
            ),
            (fresh.rows, fresh.first, fresh.last, fresh.history.len())
        );

        let mut s = ViewState::default();
        s.apply(import(Action::Parsing("daily-example.csv".into())));
        s.apply(import(Action::Imported(restored)));
        let note = Note::Restored {
            name: "daily-example.csv".into(),
        };
        s.apply(import(Action::Kept(note.clone())));
        assert_eq!(s.import.kept, Some(note));
        assert_eq!(s.source, Source::Imported);
        // A new import: the note about the restored one gives way.
        s.apply(import(Action::Imported(fresh)));
        assert_eq!(s.import.kept, None);
        // A kept file that no longer imports: parsing stops, the data in use stays.
        s.apply(import(Action::Parsing("old.csv".into())));
        let gone = Note::Unreadable(Problem::NoLongerParses {
            name: "old.csv".into(),
        });
        s.apply(import(Action::RestoreFailed(gone.clone())));
        assert_eq!(
            (s.import.parsing(), s.import.kept.as_ref()),
            (None, Some(&gone))
        );
        assert!(s.imported().is_some());
        // Removed by the user: the past is the held scenario again.
        s.apply(import(Action::Remove));
        assert_eq!(
            (s.imported().is_none(), s.source, s.import.kept.as_ref()),
            (true, Source::Baseline, None)
        );
        s.apply(ViewAction::SetSource(Source::Imported));
        assert_eq!(s.source, Source::Baseline);
    }
}
