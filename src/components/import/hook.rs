//! The one way a file reaches a view's [`ImportState`](super::ImportState): "parsing…" first,
//! the parse after the browser has painted it (so it is on screen while a large file is read).
//! A fresh file imported is kept in this browser; at mount the kept one is restored through
//! the same parse, said to be restored, or, when it no longer imports, set aside under the
//! backup key (`components::kept`). Effects only: the reducer never touches the browser.

use std::cell::RefCell;
use std::rc::Rc;

use servicescore::dates::Date;
use yew::prelude::*;

use super::{Action, Imported, Kind, Refused};
use crate::components::file_import::Loaded;
use crate::components::kept::{self, Note, Problem};

/// How a view reads a file: from what it depends on (`D`: the rule pack, or nothing), the
/// file, and today in the browser (what a date after today is compared with).
pub type Parse<D, T> = fn(&D, &Loaded, Option<Date>) -> Result<Imported<T>, Refused>;

/// The pending parse of an import, after the frame that lets "parsing…" paint.
type Pending = Option<crate::browser::AfterPaint>;

/// What a view hands its import box and its import status.
pub struct ImportCallbacks {
    /// Takes a file read by [`FileImport`](crate::components::file_import::FileImport).
    pub onload: Callback<Loaded>,
    /// "Remove this file": forgets the kept file and reports [`Action::Remove`].
    pub onremove: Callback<()>,
}

/// Restores the kept file of `kind` at mount, and gives the callbacks that take a new file
/// and remove the one in use. Files are parsed with `parse` over `deps` after the next paint;
/// everything is reported to `onaction` (the view's reducer).
#[hook]
pub fn use_parse_after_paint<D, T>(
    kind: Kind,
    deps: D,
    parse: Parse<D, T>,
    onaction: Callback<Action<T>>,
) -> ImportCallbacks
where
    D: Clone + PartialEq + 'static,
    T: 'static,
{
    let pending: Rc<RefCell<Pending>> = use_mut_ref(|| None);
    {
        let pending = pending.clone();
        let deps = deps.clone();
        let on = onaction.clone();
        use_effect_with((), move |_| match kept::restore(kind) {
            None => {}
            Some(Ok(l)) => parse_after_paint(&pending, kind, deps, parse, on, l, true),
            Some(Err(note)) => on.emit(Action::RestoreFailed(note)),
        });
    }
    let onremove = use_callback((kind, onaction.clone()), |(), (kind, on)| {
        kept::forget(*kind);
        on.emit(Action::Remove);
    });
    let onload = use_callback(
        (kind, deps, onaction),
        move |l: Loaded, (kind, deps, on)| {
            parse_after_paint(&pending, *kind, deps.clone(), parse, on.clone(), l, false);
        },
    );
    ImportCallbacks { onload, onremove }
}

/// Shows "parsing…", then parses the file after the browser has painted it. A fresh file
/// imported is kept in this browser; a `restored` one (read back from it) is said to be, or,
/// when it no longer imports, set aside under the backup key.
fn parse_after_paint<D: 'static, T: 'static>(
    pending: &Rc<RefCell<Pending>>,
    kind: Kind,
    deps: D,
    parse: Parse<D, T>,
    on: Callback<Action<T>>,
    l: Loaded,
    restored: bool,
) {
    on.emit(Action::Parsing(l.name.clone()));
    // A new file replaces the handle, cancelling the parse of the one before; 100 ms at the
    // latest when frames do not come (a kept file restored in a background tab).
    let parse = crate::browser::after_paint(100, move || {
        let today = crate::components::file_import::today();
        match parse(&deps, &l, today) {
            Ok(i) => {
                let note = if restored {
                    Some(Note::Restored {
                        name: l.name.clone(),
                    })
                } else {
                    kept::keep(kind, &l.name, &l.text, l.gb18030)
                };
                on.emit(Action::Imported(i));
                if let Some(n) = note {
                    on.emit(Action::Kept(n));
                }
            }
            Err(_) if restored => {
                kept::back_up(kind);
                on.emit(Action::RestoreFailed(Note::Unreadable(
                    Problem::NoLongerParses { name: l.name },
                )));
            }
            Err(r) => on.emit(Action::Refused(r)),
        }
    });
    *pending.borrow_mut() = Some(parse);
}
