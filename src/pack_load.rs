//! Loading a user's rule pack: from a file the user chose, or from a same-origin path given
//! as `?pack=packs/my.json`. Either way it goes through the core's validation exactly as the
//! command line's `--pack FILE` does; a bad pack becomes a notice and never replaces the pack
//! in use.

use servicescore::RulePack;

use crate::packs::{PackOrigin, PackRef};
use crate::state::{Action, Notice};

/// Reads a pack text: the actions that use it, or the notice that refuses it.
pub fn read(text: &str, source: &str, origin: PackOrigin) -> Vec<Action> {
    match RulePack::from_json(text) {
        Ok(p) => {
            let id = p.id.clone();
            vec![
                Action::SetPack(PackRef::user(p, origin)),
                Action::Notify(Notice::PackInUse(id)),
            ]
        }
        Err(e) => vec![Action::Notify(Notice::PackRefused {
            source: source.to_string(),
            place: e.place(),
            detail: e.to_string(),
        })],
    }
}

/// Fetches a pack from a path of this site (anything that resolves to another origin is
/// refused before any request is made).
pub async fn fetch(path: &str) -> Vec<Action> {
    let unreachable = || {
        vec![Action::Notify(Notice::PackUnreachable {
            path: path.to_string(),
        })]
    };
    if !crate::browser::same_origin(path) {
        return vec![Action::Notify(Notice::BadParam(crate::url::Problem {
            name: "pack".into(),
            value: path.to_string(),
            reason: crate::url::Reason::UnknownPack,
        }))];
    }
    match crate::browser::fetch_text(path).await {
        Ok(text) => read(&text, path, PackOrigin::Url(path.to_string())),
        Err(_) => unreachable(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_pack_is_used_and_a_bad_one_refused_with_its_path() {
        let good = RulePack::default_pack().to_json();
        let a = read(&good, "my.json", PackOrigin::Imported("my.json".into()));
        assert!(matches!(a[0], Action::SetPack(_)));
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        v["dimensions"][0]["weight"]["value"] = 0.0.into();
        let bad = v.to_string();
        let a = read(&bad, "my.json", PackOrigin::Imported("my.json".into()));
        match &a[0] {
            Action::Notify(Notice::PackRefused { place, .. }) => {
                assert_eq!(place, "dimensions.product.weight")
            }
            other => panic!("{other:?}"),
        }
    }
}
