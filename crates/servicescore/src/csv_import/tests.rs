//! Unit tests of `servicescore::csv_import`.

use super::*;

fn collected(problems: &[(u64, &str, RowProblem)], limit: usize) -> CsvErrors {
    let mut c = Collector::new(limit);
    for (line, column, p) in problems {
        c.push(*line, column, p.clone());
    }
    c.into_result(()).unwrap_err()
}

#[test]
fn errors_are_capped_counted_and_grouped() {
    let nan = |t: &str| RowProblem::NotANumber { text: t.into() };
    let mut problems = vec![(2, "date", RowProblem::MissingDate)];
    for line in 3..123 {
        problems.push((line, "ship_due", nan("x")));
    }
    problems.push((130, "paid_orders", nan("y")));
    let e = collected(&problems, MAX_REPORTED_ERRORS);
    assert_eq!(e.errors.len(), MAX_REPORTED_ERRORS);
    assert_eq!(e.total, 122);
    assert!(e.truncated());
    assert_eq!(
        e.to_string(),
        "line 2, column date: missing date (expected YYYY-MM-DD) (and 121 more)"
    );
    assert_eq!(
        e.summary,
        vec![
            ErrorGroup {
                kind: ProblemKind::NotANumber,
                column: "ship_due".into(),
                count: 120,
                first_line: 3
            },
            ErrorGroup {
                kind: ProblemKind::MissingDate,
                column: "date".into(),
                count: 1,
                first_line: 2
            },
            ErrorGroup {
                kind: ProblemKind::NotANumber,
                column: "paid_orders".into(),
                count: 1,
                first_line: 130
            },
        ]
    );
    assert_eq!(
        e.summary_text(),
        "122 errors: 120 × not a number in column ship_due, 1 × missing date in column \
         date, 1 × not a number in column paid_orders"
    );
    let one = collected(&[(4, "date", RowProblem::MissingDate)], 50);
    assert_eq!(
        one.to_string(),
        "line 4, column date: missing date (expected YYYY-MM-DD)"
    );
    assert_eq!(
        one.summary_text(),
        "1 error: 1 × missing date in column date"
    );
    assert!(!one.truncated());
    assert_eq!(
        Error::from(one).to_string(),
        "line 4, column date: missing date (expected YYYY-MM-DD)"
    );
}

#[test]
fn summary_names_five_groups() {
    let problems: Vec<(u64, &str, RowProblem)> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .enumerate()
        .map(|(i, c)| (i as u64 + 2, *c, RowProblem::MissingDate))
        .collect();
    assert_eq!(
        collected(&problems, 1).summary_text(),
        "6 errors: 1 × missing date in column a, 1 × missing date in column b, 1 × missing \
         date in column c, 1 × missing date in column d, 1 × missing date in column e, …"
    );
}

#[test]
fn warnings_in_english() {
    let d = |day| Date::constant(2026, 5, day);
    assert_eq!(future_dates([d(1), d(2)].into_iter(), Some(d(3))), None);
    assert_eq!(future_dates([d(9)].into_iter(), None), None);
    let w = future_dates([d(9), d(4), d(1), d(6)].into_iter(), Some(d(3))).unwrap();
    assert_eq!(
        w.to_string(),
        "3 rows are dated after today (2026-05-03): 2026-05-04 to 2026-05-09"
    );
    let w = future_dates([d(9), d(9)].into_iter(), Some(d(3))).unwrap();
    assert_eq!(
        w.to_string(),
        "2 rows are dated after today (2026-05-03): 2026-05-09 to 2026-05-09"
    );
    let cols = ImportWarning::IgnoredColumns {
        columns: vec![
            IgnoredColumn {
                position: 2,
                name: "agent".into(),
            },
            IgnoredColumn {
                position: 5,
                name: String::new(),
            },
        ],
    };
    assert_eq!(
        cols.to_string(),
        "ignored columns: agent, column 5 (no name)"
    );
    let odd = IgnoredColumn {
        position: 1,
        name: "a\nb".into(),
    };
    assert_eq!(odd.to_string(), "a\\nb");
    assert_eq!(
        ImportWarning::TimesWithoutSeconds { cells: 3 }.to_string(),
        "3 times have no seconds (read as :00): a reply delay may be off by up to a minute"
    );
}
