//! Unit tests of `servicescore::csv_import::problem`.

use super::*;

#[test]
fn kinds_have_distinct_ids_and_labels() {
    use ProblemKind as K;
    let all = [
        K::EmptyFile,
        K::MissingColumn,
        K::DuplicateColumn,
        K::MisspelledColumn,
        K::MissingCell,
        K::BeyondHeader,
        K::Unreadable,
        K::MissingDate,
        K::BadDate,
        K::DuplicateDate,
        K::NotANumber,
        K::NotFinite,
        K::Negative,
        K::TooLarge,
        K::BadExcluded,
        K::WithoutCount,
        K::MoreThan,
        K::NotBetween,
        K::MissingSessionId,
        K::DuplicateSessionId,
        K::MissingStartTime,
        K::BadDateTime,
        K::ReplyBeforeStart,
        K::BadRating,
    ];
    let ids: std::collections::BTreeSet<_> = all.iter().map(|k| k.as_str()).collect();
    let labels: std::collections::BTreeSet<_> = all.iter().map(|k| k.label()).collect();
    assert_eq!((ids.len(), labels.len()), (all.len(), all.len()));
    assert_eq!(K::NotANumber.to_string(), "not a number");
    assert_eq!(K::NotANumber.as_str(), "not_a_number");
}

#[test]
fn english_texts() {
    let p = RowProblem::NotBetween {
        value: 101.0,
        of: "review_count",
        of_value: 20.0,
        min: 1.0,
        max: 5.0,
    };
    assert_eq!(
        p.to_string(),
        "101 must lie between 1× and 5× review_count (20): 20–100"
    );
    assert_eq!(p.kind(), ProblemKind::NotBetween);
    let p = RowProblem::WithoutCount {
        value: 12.5,
        of: "signed_orders",
        of_in_file: false,
    };
    assert_eq!(
        p.to_string(),
        "12.5 but signed_orders is 0; the file has no signed_orders column"
    );
    assert_eq!(
        RowProblem::BadRating {
            text: "a\nb".into()
        }
        .to_string(),
        "\"a\\nb\" is not a rating: expected a whole number 1–5, or empty"
    );
    assert_eq!(
        RowProblem::TooLarge {
            text: "2e12".into()
        }
        .to_string(),
        "2e12 is too large (at most 1e12)"
    );
    assert_eq!(
        RowProblem::DuplicateDate {
            date: Date::constant(2026, 5, 5),
            first_line: 3
        }
        .to_string(),
        "2026-05-05 appears twice (first on line 3)"
    );
}
