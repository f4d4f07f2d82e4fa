//! Which character separates the cells: a comma, a semicolon (Excel where the decimal mark is a
//! comma) or a tab (Excel's "Unicode text"), read off the header line.

use std::fmt;

/// The cell separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// `,`
    #[default]
    Comma,
    /// `;`, what Excel writes where the decimal mark is a comma (most of Europe and Latin
    /// America); numbers may then have a decimal comma.
    Semicolon,
    /// A tab: Excel's "Unicode text" (UTF-16, tab-separated).
    Tab,
}

impl Separator {
    /// The character.
    pub fn as_char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
            Separator::Tab => '\t',
        }
    }

    /// A stable id: `comma`, `semicolon`, `tab`.
    pub fn as_str(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Tab => "tab",
        }
    }

    /// Whether a number cell may use a decimal comma (`12,5`): only when the comma cannot be
    /// a separator.
    pub fn allows_decimal_comma(self) -> bool {
        self != Separator::Comma
    }

    pub(crate) fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }

    /// The separator of `text`: the one of `,`, `;` and tab that occurs most often outside
    /// quotes in its first line with anything on it (the header); a comma on a tie or when
    /// there is none (a one-column file).
    pub(crate) fn detect(text: &str) -> Separator {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        let mut seen_content = false;
        for c in text.chars() {
            match c {
                '"' => quoted = !quoted,
                '\n' | '\r' if !quoted => {
                    if seen_content {
                        break;
                    }
                    // A blank line (perhaps of tabs) before the header says nothing.
                    counts = [0; 3];
                }
                ',' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
            if !c.is_whitespace() {
                seen_content = true;
            }
        }
        let all = [Separator::Comma, Separator::Semicolon, Separator::Tab];
        let best = counts.iter().max().copied().unwrap_or(0);
        let pick = counts.iter().position(|n| *n == best).unwrap_or(0);
        if best == 0 {
            Separator::Comma
        } else {
            all[pick]
        }
    }
}

impl fmt::Display for Separator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detected_from_the_header_outside_quotes() {
        let d = Separator::detect;
        assert_eq!(d("date,paid_orders\n1;2;3;4\n"), Separator::Comma);
        assert_eq!(d("date;paid_orders;ship_due;\r\n"), Separator::Semicolon);
        assert_eq!(d("date\tpaid_orders\n"), Separator::Tab);
        assert_eq!(d("\r\n\n  \ndate;paid_orders\n"), Separator::Semicolon);
        assert_eq!(d("\"a,b,c\";d\n"), Separator::Semicolon);
        assert_eq!(d("\"a\nb,c,d\";e\n"), Separator::Semicolon);
        assert_eq!(d("date\n2026-01-01,1,2\n"), Separator::Comma);
        assert_eq!(d(""), Separator::Comma);
        assert_eq!(d("a;b,c\td"), Separator::Comma);
        assert_eq!(d("\t\t\r\na;b\n"), Separator::Semicolon);
        assert!(Separator::Tab.allows_decimal_comma());
        assert!(!Separator::Comma.allows_decimal_comma());
    }
}
