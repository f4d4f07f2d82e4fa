//! One problem of a refused file, built from the core's typed error ([`servicescore::Error`]):
//! where it is (line, column) and what it is (the core's [`RowProblem`], whose
//! [`ProblemKind`] names it), worded in the page's language by [`Problem::place`] and
//! [`Problem::text`]. The same type for the daily CSV and the session log.

use servicescore::csv_import::{ProblemKind, RowProblem};
use servicescore::Error;

use super::text::ImportText;
use super::words::row_problem_text;
use crate::i18n::{fill, Lang};

/// One problem of a refused file, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based line (the header is line 1); `None` for a problem that names no line.
    pub line: Option<u64>,
    /// The column's name (or position), or the place of a whole-file problem.
    pub column: String,
    /// What is wrong, typed (`None`: not a row problem, see `message`).
    pub problem: Option<RowProblem>,
    /// What is wrong, in the core's words (English).
    pub message: String,
}

impl From<&Error> for Problem {
    fn from(e: &Error) -> Self {
        match e {
            Error::Row {
                line,
                column,
                problem,
            } => Problem {
                line: Some(*line),
                column: column.clone(),
                problem: Some(problem.clone()),
                message: problem.to_string(),
            },
            Error::Field { path, message } => Problem {
                line: None,
                column: path.clone(),
                problem: None,
                message: message.clone(),
            },
        }
    }
}

impl Problem {
    /// The kind of problem (`None`: not a row problem).
    pub fn kind(&self) -> Option<ProblemKind> {
        self.problem.as_ref().map(RowProblem::kind)
    }

    /// Where it is, in `lang`, ending with the separator before the message:
    /// `line 3, column first_reply_at: ` (`第 3 行，first_reply_at 列：`), or `header: `.
    pub fn place(&self, lang: Lang) -> String {
        match self.line {
            Some(line) => fill(
                ImportText::ErrorPlace.get(lang),
                &[("line", &line.to_string()), ("column", &self.column)],
            ),
            None => fill(ImportText::ErrorField.get(lang), &[("place", &self.column)]),
        }
    }

    /// What is wrong, in `lang`: a row problem in the page's words ([`row_problem_text`]);
    /// another refusal in the core's words for English readers, a short "not accepted" in zh
    /// and es (its place says where).
    pub fn what(&self, lang: Lang) -> String {
        match (&self.problem, lang) {
            (Some(p), _) => row_problem_text(p, lang),
            (None, Lang::En) => self.message.clone(),
            (None, _) => ImportText::FieldRefused.get(lang).to_string(),
        }
    }

    /// The whole line: where, then what.
    pub fn text(&self, lang: Lang) -> String {
        format!("{}{}", self.place(lang), self.what(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply_before_start() -> Problem {
        Problem::from(&Error::Row {
            line: 3,
            column: "first_reply_at".into(),
            problem: RowProblem::ReplyBeforeStart,
        })
    }

    #[test]
    fn a_row_error_keeps_its_line_column_and_kind() {
        let p = reply_before_start();
        assert_eq!(p.line, Some(3));
        assert_eq!(p.column, "first_reply_at");
        assert_eq!(p.kind(), Some(ProblemKind::ReplyBeforeStart));
        assert_eq!(p.message, "reply is before the session started (bad row)");
    }

    #[test]
    fn a_field_error_has_no_line_and_no_kind() {
        let p = Problem::from(&Error::Field {
            path: "sessions".into(),
            message: "x".into(),
        });
        assert_eq!((p.line, p.kind()), (None, None));
        assert_eq!(p.text(Lang::En), "sessions: x");
        assert_eq!(p.text(Lang::Es), "sessions: no se acepta");
        assert_eq!(p.text(Lang::Zh), "sessions：该值不被接受");
    }

    #[test]
    fn places_are_worded_in_each_language() {
        let p = reply_before_start();
        assert_eq!(
            p.text(Lang::En),
            "line 3, column first_reply_at: reply is before the session started (bad row)"
        );
        assert_eq!(
            p.text(Lang::Zh),
            "第 3 行，first_reply_at 列：回复早于会话开始（错误的行）"
        );
        assert_eq!(
            p.text(Lang::Es),
            "línea 3, columna first_reply_at: la respuesta es anterior al inicio de la sesión (fila errónea)"
        );
    }
}
