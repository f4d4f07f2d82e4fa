//! The rule pack in use: a built-in pack (compiled in) or a user's pack (imported, fetched
//! from a same-origin path, calibrated to the merchant's dashboard, or edited in the page).
//!
//! The page holds the pack behind an `Rc` so that components compare it by identity (a
//! slider move never compares two packs field by field), and every metric, dimension and
//! text row comes from it: the page has no built-in number of dimensions or metrics.

use std::cell::OnceCell;
use std::rc::Rc;

use servicescore::RulePack;

/// Where the pack in use comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackOrigin {
    /// A built-in pack (`xhs-2022-08`, `xhs-qianfan-2026`).
    Builtin,
    /// A pack file the user imported (its file name).
    Imported(String),
    /// A same-origin path given as `?pack=packs/my.json`.
    Url(String),
    /// The user's pack fitted to their dashboard (the snapshot date, `YYYY-MM-DD`, if given).
    Calibrated(Option<String>),
    /// A pack the user edited in the page (benchmark table).
    Edited,
}

impl PackOrigin {
    /// Whether the pack is the user's own (kept in this browser, never in a URL).
    pub fn is_user(&self) -> bool {
        !matches!(self, PackOrigin::Builtin | PackOrigin::Url(_))
    }
}

/// A shared pack, equal to another only when it is the same pack (pointer identity, or a
/// built-in of the same id).
#[derive(Debug, Clone)]
pub struct PackRef {
    /// The pack.
    pub pack: Rc<RulePack>,
    /// Where it comes from.
    pub origin: PackOrigin,
}

impl PartialEq for PackRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pack, &other.pack) && self.origin == other.origin
    }
}

impl std::ops::Deref for PackRef {
    type Target = RulePack;
    fn deref(&self) -> &RulePack {
        &self.pack
    }
}

thread_local! {
    // One `Rc` per built-in pack, so that every PackRef of a built-in is pointer-equal; each
    // built the first time it is asked for (the first view needs the default pack only, and
    // the other's title).
    static BUILTINS: Vec<OnceCell<Rc<RulePack>>> =
        RulePack::builtin_ids().iter().map(|_| OnceCell::new()).collect();
}

/// The built-in packs, default first.
pub fn builtin_packs() -> Vec<PackRef> {
    RulePack::builtin_ids()
        .iter()
        .filter_map(|id| PackRef::builtin(id))
        .collect()
}

impl PackRef {
    /// The built-in pack with this id.
    pub fn builtin(id: &str) -> Option<PackRef> {
        let i = RulePack::builtin_ids().iter().position(|b| *b == id)?;
        let pack = BUILTINS.with(|b| {
            b.get(i).and_then(|cell| {
                if let Some(p) = cell.get() {
                    return Some(p.clone());
                }
                let p = Rc::new(RulePack::build_builtin(id)?);
                Some(cell.get_or_init(|| p).clone())
            })
        })?;
        Some(PackRef {
            pack,
            origin: PackOrigin::Builtin,
        })
    }

    /// The default pack.
    pub fn default_pack() -> PackRef {
        match Self::builtin(servicescore::rulepack::builtin::DEFAULT_ID) {
            Some(p) => p,
            // Unreachable (the default id is built in); a fresh copy all the same.
            None => PackRef::user(RulePack::default_pack().clone(), PackOrigin::Builtin),
        }
    }

    /// A user's pack (already validated).
    pub fn user(pack: RulePack, origin: PackOrigin) -> PackRef {
        PackRef {
            pack: Rc::new(pack),
            origin,
        }
    }
}
