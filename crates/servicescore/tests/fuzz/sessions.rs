//! Target: the session-log CSV reader, and the customer-service assessment on what it accepts.

use super::*;

pub(crate) const ODD_RATINGS: &[&str] = &[
    "", "1", "5", "0", "6", "+5", " 3 ", "5.0", "256", "-1", "٣", "1e0", "05", "x", "NaN",
];

pub(crate) const ODD_IDS: &[&str] = &["", " ", "s0", "s1", "S0", "a\nb", "\"", "会话", "s0 ", "0"];

pub(crate) const SESSION_EXTRAS: &[&str] =
    &["agent", "channel", "note\nmultiline", "", "Agent, Name"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum SCol {
    Id,
    Start,
    Reply,
    Rating,
    Extra(&'static str),
}

#[derive(Debug, Clone)]
pub(crate) struct SessionRow {
    pub(crate) day: u32,
    pub(crate) second: u32,
    pub(crate) delay: Option<u32>,
    pub(crate) rating: u8,
    pub(crate) t_separator: bool,
    pub(crate) extra: u8,
}

/// A session log that is valid as built.
#[derive(Debug, Clone)]
pub(crate) struct SessionDoc {
    pub(crate) anchor: usize,
    pub(crate) backwards: bool,
    pub(crate) columns: Vec<SCol>,
    /// Upper, lower or mixed case names, spaces around them.
    pub(crate) name_style: u8,
    pub(crate) rows: Vec<SessionRow>,
    pub(crate) layout: Layout,
}

pub(crate) fn session_doc() -> impl Strategy<Value = SessionDoc> {
    let columns = (any::<bool>(), subsequence(SESSION_EXTRAS.to_vec(), 0..=2)).prop_flat_map(
        |(rating, extras)| {
            let mut cols = vec![SCol::Id, SCol::Start, SCol::Reply];
            if rating {
                cols.push(SCol::Rating);
            }
            cols.extend(extras.into_iter().map(SCol::Extra));
            Just(cols).prop_shuffle()
        },
    );
    let row = (
        0u32..20,
        prop_oneof![Just(0u32), Just(86_399u32), 0u32..86_400],
        proptest::option::weighted(0.8, prop_oneof![0u32..400, 0u32..200_000]),
        0u8..6,
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(
            |(day, second, delay, rating, t_separator, extra)| SessionRow {
                day,
                second,
                delay,
                rating,
                t_separator,
                extra,
            },
        );
    (
        0..ANCHORS.len(),
        any::<bool>(),
        columns,
        any::<u8>(),
        vec(row, 0..16),
        layout(),
    )
        .prop_map(
            |(anchor, backwards, columns, name_style, rows, layout)| SessionDoc {
                anchor,
                backwards,
                columns,
                name_style,
                rows,
                layout,
            },
        )
}

pub(crate) fn datetime_text(t: DateTime, t_separator: bool) -> String {
    let sep = if t_separator { 'T' } else { ' ' };
    format!(
        "{}{sep}{:02}:{:02}:{:02}",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The cells of a session log (header first); rows that cannot be written are left out.
pub(crate) fn session_cells(doc: &SessionDoc) -> Vec<Vec<String>> {
    let name = |n: &str| match doc.name_style % 4 {
        0 => n.to_string(),
        1 => n.to_ascii_uppercase(),
        2 => format!(" {n} "),
        _ => n[..1].to_ascii_uppercase() + &n[1..],
    };
    let header = doc
        .columns
        .iter()
        .map(|c| match c {
            SCol::Id => name("session_id"),
            SCol::Start => name("started_at"),
            SCol::Reply => name("first_reply_at"),
            SCol::Rating => name("rating"),
            SCol::Extra(n) => (*n).to_string(),
        })
        .collect();
    let mut out = vec![header];
    for (i, r) in doc.rows.iter().enumerate() {
        let Some(date) = anchored(doc.anchor, r.day, doc.backwards).filter(|d| writable(*d)) else {
            continue;
        };
        let Ok(start) = date
            .to_datetime(jiff::civil::Time::midnight())
            .checked_add(SignedDuration::from_secs(i64::from(r.second)))
        else {
            continue;
        };
        let reply = match r.delay {
            None => String::new(),
            Some(d) => match start.checked_add(SignedDuration::from_secs(i64::from(d))) {
                Ok(t) if writable(t.date()) => datetime_text(t, r.t_separator),
                _ => String::new(),
            },
        };
        let row = doc
            .columns
            .iter()
            .map(|c| match c {
                SCol::Id => format!("s{i}"),
                SCol::Start => datetime_text(start, r.t_separator),
                SCol::Reply => reply.clone(),
                SCol::Rating if r.rating == 0 => String::new(),
                SCol::Rating => r.rating.to_string(),
                SCol::Extra(_) => ["", "Ann", "a\nb", "x,y", "\"q\"", "\r\n"]
                    [usize::from(r.extra % 6)]
                .to_string(),
            })
            .collect();
        out.push(row);
    }
    out
}

pub(crate) fn session_tokens() -> Vec<&'static str> {
    let mut t = vec![",", ",", ",", "\n", "\r\n", "\r", "\"", "\u{feff}", " "];
    t.extend([
        "session_id",
        "started_at",
        "first_reply_at",
        "rating",
        "agent",
    ]);
    t.extend(ODD_TIMES);
    t.extend(ODD_RATINGS);
    t.extend(ODD_IDS);
    t
}

pub(crate) fn session_text() -> impl Strategy<Value = String> {
    let mut odd: Vec<&'static str> = ODD_TIMES.to_vec();
    odd.extend(ODD_RATINGS);
    odd.extend(ODD_IDS);
    odd.extend(SESSION_EXTRAS);
    odd.extend([
        "session_id",
        "started_at",
        "first_reply_at",
        "rating",
        "RATING",
    ]);
    let valid = (session_doc(), edits()).prop_map(|(doc, e)| {
        let (mut text, _) = render_csv(&session_cells(&doc), &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    let damaged = (session_doc(), cell_edits(odd), edits()).prop_map(|(doc, ce, e)| {
        let mut cells = session_cells(&doc);
        apply_cell_edits(&mut cells, &ce);
        let (mut text, _) = render_csv(&cells, &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    prop_oneof![
        1 => any_text(),
        1 => soup(session_tokens()),
        4 => valid,
        4 => damaged,
    ]
}

#[test]
pub(crate) fn fuzz_session_csv() {
    fuzz("session log CSV", session_text(), |text, stats| {
        let max_line = line_count(&text);
        let first = SessionLog::from_csv(&text);
        let all = SessionLog::from_csv_all_errors(&text);
        match (&first, &all) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(all)) => {
                check_error(e, max_line)?;
                prop_assert!(!all.errors.is_empty());
                prop_assert!(all.errors.len() <= cs::MAX_REPORTED_ERRORS);
                prop_assert_eq!(&all.errors[0], e);
                for e in &all.errors {
                    check_error(e, max_line)?;
                }
            }
            _ => prop_assert!(false, "from_csv {:?} but all errors {:?}", first, all),
        }
        let Ok(log) = first else {
            stats.bump("refused");
            return Ok(());
        };
        stats.bump("read");
        if log.is_empty() {
            return Ok(());
        }
        downstream_of_log(&pack().customer_service, &log, stats)
    });
}

/// Longest log (first to last day) the downstream checks assess: the assessment walks every
/// day from the log's first, so a log spanning the calendar costs seconds (see the report).
pub(crate) const MAX_ASSESSED_SPAN: i64 = 400;

/// The assessment, "what it takes" and the staffing of a log.
pub(crate) fn downstream_of_log(
    rules: &CsRules,
    log: &SessionLog,
    stats: &Stats,
) -> TestCaseResult {
    let (first, last) = (log.first_day().unwrap(), log.last_day().unwrap());
    if i64::from((last - first).get_days()) > MAX_ASSESSED_SPAN {
        stats.bump("log spans too long to assess (skipped)");
        return Ok(());
    }
    stats.bump("read, with sessions: assessment runs");
    let day = |d: Date, k: i64| d.checked_add(SignedDuration::from_hours(24 * k)).ok();
    for (from, to) in [
        (day(first, 1), day(last, 1)),
        (day(first, -3), day(first, 2)),
        (day(last, 2), day(last, 40)),
        (day(last, 1), day(first, 0)),
    ] {
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let a = cs::assess(rules, log, from, to);
        check(&a)?;
        if let Ok(a) = &a {
            for d in &a.days {
                prop_assert!(d.in_time <= d.counted, "{:?}", d);
                if let Some(r) = d.rate_pct {
                    prop_assert!((0.0..=100.0).contains(&r), "{:?}", d);
                }
            }
        }
    }
    for k in [1, 2, 8, 30] {
        if let Some(d) = day(last, k) {
            check(&cs::what_it_takes(rules, log, d))?;
        }
    }
    check(&cs::what_it_takes(rules, log, last))?;
    let s = cs::staffing(rules, log);
    check(&s)?;
    if let Ok(s) = &s {
        prop_assert_eq!(s.hours.len(), 24);
    }
    Ok(())
}

pub(crate) fn session_poisoned() -> impl Strategy<Value = Poisoned> {
    (session_doc(), any::<Index>(), any::<Index>()).prop_map(|(doc, r, which)| {
        let mut cells = session_cells(&doc);
        if cells.len() < 2 {
            // No writable row: add one (no filter, since proptest limits rejects).
            let row = doc.columns.iter().map(|c| match c {
                SCol::Id => "s".to_string(),
                SCol::Start => "2024-05-01 10:00:00".to_string(),
                _ => String::new(),
            });
            cells.push(row.collect());
        }
        let row = 1 + r.index(cells.len() - 1);
        let targets: Vec<(SCol, &str, &str)> = [
            (SCol::Start, "started_at", "2024-02-30 00:00:00"),
            (SCol::Start, "started_at", "x"),
            (SCol::Reply, "first_reply_at", "2024-01-01 24:00:00"),
            (SCol::Rating, "rating", "6"),
            (SCol::Id, "session_id", ""),
        ]
        .into_iter()
        .filter(|(c, _, _)| doc.columns.contains(c))
        .collect();
        let (col, column, bad) = targets[which.index(targets.len())];
        let j = doc.columns.iter().position(|c| *c == col).unwrap_or(0);
        cells[row][j] = bad.to_string();
        let (text, starts) = render_csv(&cells, &doc.layout, true);
        Poisoned {
            text,
            line: starts[row],
            column: column.to_string(),
        }
    })
}

#[test]
pub(crate) fn fuzz_session_csv_line_numbers() {
    fuzz(
        "session log CSV, line numbers",
        session_poisoned(),
        |p, _| {
            let e = SessionLog::from_csv(&p.text).expect_err("a bad cell is refused");
            check_error(&e, line_count(&p.text))?;
            let Error::Row { line, column, .. } = &e else {
                return Err(TestCaseError::fail(format!("not a row error: {e}")));
            };
            prop_assert_eq!((*line, column), (p.line, &p.column), "{}", e);
            Ok(())
        },
    );
}
