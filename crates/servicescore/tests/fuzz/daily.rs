//! Target: the daily-records CSV reader, and the timeline and projection on what it accepts.

use super::*;

/// Cells that are anything but a plain count.
pub(crate) const ODD_COUNTS: &[&str] = &[
    "",
    "0",
    "-0",
    "+5",
    "0x10",
    "1,5",
    " 3 ",
    "1e308",
    "1e309",
    "-1e308",
    "1e-320",
    "5e-324",
    "2.2250738585072014e-308",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "infinity",
    "+inf",
    "1e3",
    "12.5",
    ".5",
    "5.",
    "1_000",
    "١٢",
    "１２",
    "-1",
    "-0.0",
    "1e",
    "e1",
    "--1",
    "0.1e-7",
    "18446744073709551616",
    "9007199254740993",
    "1e-7",
    "0b1",
    "1/2",
    "\"7\"",
    "7\"",
    "a\nb",
    "\r",
    "x",
    "true",
    "1 2",
];

/// Header names that are not columns, or are columns written oddly.
pub(crate) const ODD_NAMES: &[&str] = &[
    "ship_du",
    "Date",
    "DATE",
    " date",
    "日期",
    "paid orders",
    "excluded ",
    "\u{feff}date",
    "date\0",
    "a\nb",
    "\"",
    "x,y",
    "",
    "paid_orders",
    "date",
    "excluded",
    "review_sum",
    "-",
    "1",
];

pub(crate) const ODD_EXCLUDED: &[&str] =
    &["", "0", "1", "2", "yes", "true", "-1", "1.0", "01", " 1 "];

/// A header column of a daily file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DCol {
    Date,
    Count(usize),
    Excluded,
    Nameless,
}

#[derive(Debug, Clone)]
pub(crate) struct DayRow {
    pub(crate) offset: u32,
    pub(crate) raw: Vec<u32>,
    /// Scale of the counts: whole, quarters, large (1e9: up to 1e12, the most a cell may
    /// hold), huge (1e305: refused) or tiny (1e-300).
    pub(crate) scale: u8,
    pub(crate) form: u8,
    pub(crate) excluded: u8,
}

/// A daily file that is valid as built (counts agree, dates are unique and writable).
#[derive(Debug, Clone)]
pub(crate) struct DailyDoc {
    pub(crate) anchor: usize,
    pub(crate) backwards: bool,
    pub(crate) columns: Vec<DCol>,
    pub(crate) rows: Vec<DayRow>,
    pub(crate) layout: Layout,
}

/// `column ≤ max × of` and `≥ min × of`, as `records.rs` checks (min > 0: only review_sum).
pub(crate) const BOUNDS: [(usize, usize, f64, f64); 8] = [
    (2, 1, 1.0, 5.0),
    (3, 0, 0.0, 1.0),
    (5, 4, 0.0, f64::INFINITY),
    (7, 6, 0.0, 1.0),
    (9, 8, 0.0, f64::INFINITY),
    (11, 10, 0.0, f64::INFINITY),
    (13, 12, 0.0, 1.0),
    (14, 0, 0.0, 1.0),
];

pub(crate) fn daily_doc() -> impl Strategy<Value = DailyDoc> {
    let columns = (
        subsequence(
            (0..DAILY_COLUMNS.len()).collect::<Vec<_>>(),
            0..=DAILY_COLUMNS.len(),
        ),
        any::<bool>(),
        0usize..3,
    )
        .prop_flat_map(|(counts, excluded, nameless)| {
            let mut cols = vec![DCol::Date];
            cols.extend(counts.into_iter().map(DCol::Count));
            if excluded {
                cols.push(DCol::Excluded);
            }
            cols.extend(std::iter::repeat_n(DCol::Nameless, nameless));
            Just(cols).prop_shuffle()
        });
    let row = (
        0u32..60,
        vec(0u32..1000, DAILY_COLUMNS.len()),
        prop_oneof![8 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8), 1 => Just(4u8)],
        any::<u8>(),
        0u8..3,
    )
        .prop_map(|(offset, raw, scale, form, excluded)| DayRow {
            offset,
            raw,
            scale,
            form,
            excluded,
        });
    (
        0..ANCHORS.len(),
        any::<bool>(),
        columns,
        vec(row, 0..12),
        layout(),
    )
        .prop_map(|(anchor, backwards, columns, rows, layout)| DailyDoc {
            anchor,
            backwards,
            columns,
            rows,
            layout,
        })
}

/// The cells of a daily document (header first). Rows whose date repeats or cannot be written
/// are left out, so the document is valid.
pub(crate) fn daily_cells(doc: &DailyDoc) -> Vec<Vec<String>> {
    let header = doc
        .columns
        .iter()
        .map(|c| match c {
            DCol::Date => records::DATE_COLUMN.to_string(),
            DCol::Count(i) => DAILY_COLUMNS[*i].to_string(),
            DCol::Excluded => records::EXCLUDED_COLUMN.to_string(),
            DCol::Nameless => String::new(),
        })
        .collect();
    let mut out = vec![header];
    let mut seen = std::collections::BTreeSet::new();
    let present: Vec<bool> = (0..DAILY_COLUMNS.len())
        .map(|i| doc.columns.contains(&DCol::Count(i)))
        .collect();
    for r in &doc.rows {
        let Some(date) = anchored(doc.anchor, r.offset, doc.backwards).filter(|d| writable(*d))
        else {
            continue;
        };
        if !seen.insert(date) {
            continue;
        }
        let scale = [1.0, 0.25, 1e9, 1e305, 1e-300][usize::from(r.scale % 5)];
        let mut v: Vec<f64> = r
            .raw
            .iter()
            .zip(&present)
            .map(|(x, p)| if *p { f64::from(*x) * scale } else { 0.0 })
            .collect();
        // Make the counts agree: a lower bound on a column the file lacks forces its `of` to 0.
        for &(c, of, min, _) in &BOUNDS {
            if !present[c] && min > 0.0 {
                v[of] = 0.0;
            }
        }
        for &(c, of, min, max) in &BOUNDS {
            let o = v[of];
            v[c] = if o == 0.0 {
                0.0
            } else if max.is_finite() {
                v[c].clamp(min * o, max * o)
            } else {
                v[c]
            };
        }
        let row = doc
            .columns
            .iter()
            .map(|c| match c {
                DCol::Date => date.to_string(),
                DCol::Count(i) => count_text(v[*i], r.form.wrapping_add(*i as u8)),
                DCol::Excluded => ["", "0", "1"][usize::from(r.excluded % 3)].to_string(),
                DCol::Nameless => String::new(),
            })
            .collect();
        out.push(row);
    }
    out
}

pub(crate) fn daily_tokens() -> Vec<&'static str> {
    let mut t = vec![",", ",", ",", "\n", "\r\n", "\r", "\"", "\u{feff}", " "];
    t.extend(["date", "excluded"]);
    t.extend(DAILY_COLUMNS);
    t.extend(ODD_COUNTS);
    t.extend(ODD_DATES);
    t
}

/// Any daily file: unstructured text, token soup, valid documents, damaged documents.
pub(crate) fn daily_text() -> impl Strategy<Value = String> {
    let mut odd: Vec<&'static str> = ODD_COUNTS.to_vec();
    odd.extend(ODD_DATES);
    odd.extend(ODD_NAMES);
    odd.extend(ODD_EXCLUDED);
    let valid = (daily_doc(), edits()).prop_map(|(doc, e)| {
        let (mut text, _) = render_csv(&daily_cells(&doc), &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    let damaged = (daily_doc(), cell_edits(odd), edits()).prop_map(|(doc, ce, e)| {
        let mut cells = daily_cells(&doc);
        apply_cell_edits(&mut cells, &ce);
        let (mut text, _) = render_csv(&cells, &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    prop_oneof![
        1 => any_text(),
        1 => soup(daily_tokens()),
        4 => valid,
        4 => damaged,
    ]
}

#[test]
pub(crate) fn fuzz_daily_csv() {
    fuzz("daily records CSV", daily_text(), |text, stats| {
        let max_line = line_count(&text);
        let first = DailyRecords::from_csv(&text);
        let all = DailyRecords::from_csv_all_errors(&text);
        // Both entry points agree: the same records, or the same first error.
        match (&first, &all) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(all)) => {
                check_error(e, max_line)?;
                prop_assert!(!all.errors.is_empty());
                prop_assert!(all.errors.len() <= records::MAX_REPORTED_ERRORS);
                prop_assert_eq!(&all.errors[0], e);
                for e in &all.errors {
                    check_error(e, max_line)?;
                }
                one_line(&all.to_string())?;
            }
            _ => prop_assert!(false, "from_csv {:?} but all errors {:?}", first, all),
        }
        let Ok(recs) = first else {
            stats.bump("refused");
            return Ok(());
        };
        stats.bump("read");
        // What was read writes and reads back unchanged.
        let again = DailyRecords::from_csv(&recs.to_csv());
        prop_assert_eq!(again.as_ref(), Ok(&recs));
        if recs.is_empty() {
            return Ok(());
        }
        stats.bump("read, with records: timeline and projection run");
        downstream_of_records(&recs)
    });
}

/// The timeline, the window's scenario, its evaluation and a projection from records.
pub(crate) fn downstream_of_records(recs: &DailyRecords) -> TestCaseResult {
    let pack = pack();
    let (first, last) = (recs.first_date().unwrap(), recs.last_date().unwrap());
    // An industry with a score, and one without.
    for industry in ["apparel", "outdoor_service"] {
        let model = match Model::new(pack, industry) {
            Ok(m) => m,
            Err(e) => return check_error(&e, u64::MAX),
        };
        let window = Window::new(model.clone());
        let history = History::from_records(pack, recs);
        let day = |d: Date, k: i64| d.checked_add(SignedDuration::from_hours(24 * k)).ok();
        // The days after the data, and days around both ends of the calendar.
        let ranges = [
            (day(first, 1), day(last, 3)),
            (day(last, 1), day(last, 1)),
            (Some(Date::MIN), day(Date::MIN, 2)),
            (day(Date::MAX, -2), Some(Date::MAX)),
            (day(first, 5), day(first, 0)),
        ];
        for (from, to) in ranges {
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            let days = timeline::timeline(pack, industry, recs, from, to);
            check(&days)?;
            for d in days.iter().flatten() {
                check_score("timeline", d.score, pack)?;
            }
        }
        let Some(start) = day(last, 1) else {
            continue;
        };
        let scenario = window.scenario_on(&history, start);
        check(&scenario)?;
        let Ok(scenario) = scenario else { continue };
        let r = evaluate(pack, &scenario);
        check(&r)?;
        if let Ok(r) = &r {
            check_score("evaluate", r.score, pack)?;
        }
        let plan = Plan::hold(start, &scenario);
        let p = project(&model, &history, &plan, start, 20);
        check(&p)?;
        if let Ok(p) = &p {
            for d in &p.days {
                check_score("projection", d.score, pack)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn daily_poisoned() -> impl Strategy<Value = Poisoned> {
    (
        daily_doc(),
        any::<Index>(),
        any::<Index>(),
        select(vec!["x", "-1", "NaN", "1e309", "2023-02-29", "0x10"]),
    )
        .prop_map(|(mut doc, r, c, bad)| {
            // Only the poisoned cell may be bad: no huge (refused) counts.
            for row in &mut doc.rows {
                if row.scale % 5 == 3 {
                    row.scale = 2;
                }
            }
            let mut cells = daily_cells(&doc);
            if cells.len() < 2 {
                // No writable row: add one (no filter, since proptest limits rejects).
                let row = doc.columns.iter().map(|c| match c {
                    DCol::Date => "2026-11-19".to_string(),
                    _ => String::new(),
                });
                cells.push(row.collect());
            }
            let row = 1 + r.index(cells.len() - 1);
            let named: Vec<usize> = (0..cells[0].len())
                .filter(|&j| doc.columns[j] != DCol::Nameless)
                .collect();
            let col = named[c.index(named.len())];
            let column = cells[0][col].clone();
            let bad = match (doc.columns[col], bad) {
                (DCol::Date, "-1") => "2026-02-30",
                (DCol::Excluded, "-1") => "2",
                _ => bad,
            };
            cells[row][col] = bad.to_string();
            let (text, starts) = render_csv(&cells, &doc.layout, true);
            Poisoned {
                text,
                line: starts[row],
                column,
            }
        })
}

#[test]
pub(crate) fn fuzz_daily_csv_line_numbers() {
    fuzz(
        "daily records CSV, line numbers",
        daily_poisoned(),
        |p, _| {
            let e = DailyRecords::from_csv(&p.text).expect_err("a bad cell is refused");
            check_error(&e, line_count(&p.text))?;
            let Error::Row { line, column, .. } = &e else {
                return Err(TestCaseError::fail(format!("not a row error: {e}")));
            };
            prop_assert_eq!(column, &p.column, "{}", e);
            // K2: after CR or CRLF line ends and empty lines this used to be the csv crate's
            // line, short of the editor's.
            prop_assert_eq!(*line, p.line, "{}", e);
            Ok(())
        },
    );
}
