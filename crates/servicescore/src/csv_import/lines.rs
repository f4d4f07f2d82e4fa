//! Line numbers as an editor shows them, for the records the csv crate reads.

/// Line numbers as an editor shows them.
///
/// The csv crate's own `Position::line` is taken where the parser starts looking for a
/// record, before it skips blank lines and the `\n` of a CRLF, so it is one or more lines
/// short in exactly the spreadsheet exports we accept. Its byte offset has the same origin;
/// from there we skip the line breaks ourselves and count them.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    /// Byte offset counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record whose parse began at `byte` (records come in order).
    pub(crate) fn of(&mut self, record: &csv::StringRecord) -> u64 {
        let len = self.text.len();
        let mut start = record
            .position()
            .map_or(self.at, |p| usize::try_from(p.byte()).unwrap_or(len))
            .clamp(self.at, len);
        while start < len && matches!(self.text[start], b'\n' | b'\r') {
            start += 1;
        }
        for i in self.at..start {
            // A line ends at `\n`, or at a `\r` not followed by `\n` (old Mac files).
            let c = self.text[i];
            if c == b'\n' || (c == b'\r' && self.text.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
    }
}
