//! What the page tells the user once (dismissible): typed, so that the page words each one
//! in the page's language (no English reason from the core reaches a Chinese page).

use crate::url::Problem;

/// Why the stored state could not be read (the page starts from defaults and keeps the
/// unreadable document under a backup key).
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// Not JSON at all.
    NotJson,
    /// Written by a newer version of the page.
    NewerSchema {
        /// The document's schema.
        found: u32,
        /// The newest this page reads.
        reads: u32,
    },
    /// A field has the wrong shape (a number where a text belongs, a missing field).
    Shape {
        /// Where (`scenario.metrics`, or the document).
        place: String,
    },
    /// An industry this pack does not know.
    UnknownIndustry {
        /// Where.
        place: String,
        /// The id.
        id: String,
    },
    /// A metric this pack does not know.
    UnknownMetric {
        /// Where.
        place: String,
    },
    /// A value outside its metric's range.
    OutOfRange {
        /// Where.
        place: String,
        /// The value.
        value: f64,
    },
    /// A stored rule pack that no longer validates.
    BadPack {
        /// The JSON path the validation named.
        place: String,
    },
}

/// Something the page tells the user once (dismissible).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A URL parameter was ignored.
    BadParam(Problem),
    /// The stored state could not be read.
    StorageDropped(Unreadable),
    /// The user's stored pack (a calibration, an imported or edited pack) could not be read:
    /// the default pack is in use, and everything else stored is kept.
    PackDropped(Unreadable),
    /// localStorage is unavailable.
    StorageUnavailable,
    /// Storage refused a write (full): what was not kept.
    StorageFull,
    /// The scenario was saved.
    Saved,
    /// The saved scenario was restored.
    Restored,
    /// `?reset=1`: started afresh, the stored state kept as a backup.
    ResetDone,
    /// Every metric was reset to the industry medians (with an undo button).
    ResetToMedians,
    /// The page was opened from a preset link: the user's own scenario is kept apart.
    Preset,
    /// The preset was kept as the user's own scenario.
    PresetKept,
    /// A pack could not be fetched from its path (the pack in use is unchanged).
    PackUnreachable {
        /// The path.
        path: String,
    },
    /// A pack file was refused by validation (the pack in use is unchanged).
    PackRefused {
        /// The file name or path.
        source: String,
        /// The JSON path the validation named.
        place: String,
        /// The validation's own words (English), shown only as a detail.
        detail: String,
    },
    /// Now using this pack (its id).
    PackInUse(String),
}

/// A notice with an id for dismissal.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// Unique id.
    pub id: u32,
    /// What to say.
    pub notice: Notice,
}
