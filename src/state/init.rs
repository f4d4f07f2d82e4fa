//! The state the page starts with: defaults, then what this browser stored, then the URL.
//!
//! Pure (the browser is read by the caller), so every rule here is tested natively:
//!
//! - The URL decides what it names; the stored state fills in the rest.
//! - A link that sets the scenario (metrics, industry, a built-in pack) or the language is a
//!   *preset* (a help-centre example, an embed) unless it equals what is stored (the user's
//!   own page reloaded: the page keeps the URL in step with the state). A preset never
//!   overwrites the user's stored scenario or language: [`Start::kept`] is what storage
//!   writes back until the user chooses to keep the preset ([`crate::state::Action::KeepPreset`]).
//! - Problems become notices; nothing is silently dropped: an unreadable stored document is
//!   returned in [`Start::backup`], for the caller to keep under a backup key.

use crate::packs::PackRef;
use crate::state::{Notice, State, View};
use crate::storage::{self, Stored, StoredPack};
use crate::url::{self, PackParam};

/// What the browser holds at start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Browser {
    /// `location.search`.
    pub query: String,
    /// The stored state ([`storage::KEY`]).
    pub stored: Option<String>,
    /// The stored user pack ([`storage::PACK_KEY`]).
    pub stored_pack: Option<String>,
    /// Whether localStorage works.
    pub storage_ok: bool,
}

/// The start of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    /// The initial state.
    pub state: State,
    /// Unreadable stored documents to keep: `(backup key, raw text)`.
    pub backup: Vec<(&'static str, String)>,
    /// The user's own stored state, written back while a preset is shown.
    pub kept: Option<Stored>,
    /// A pack to fetch from a same-origin path (`?pack=packs/my.json`).
    pub fetch_pack: Option<String>,
}

/// Where the unreadable stored pack is kept.
pub const PACK_BACKUP_KEY: &str = "servicescore.pack.unreadable";

/// Works out the starting state.
pub fn start(b: &Browser) -> Start {
    let mut backup = Vec::new();
    let mut notices = Vec::new();
    let probe = url::parse_query(&PackRef::default_pack(), &b.query);

    // 1. The stored state, read against the pack it names.
    let stored_doc = b.stored.as_deref().filter(|_| !probe.reset);
    if let (true, Some(raw)) = (probe.reset, &b.stored) {
        backup.push((storage::BACKUP_KEY, raw.clone()));
        notices.push(Notice::ResetDone);
    }
    let mut stored_pack = PackRef::default_pack();
    if let Some(raw) = stored_doc {
        let named = serde_pack_name(raw);
        match named.as_deref() {
            Some("user") => match b.stored_pack.as_deref().map(StoredPack::decode) {
                Some(Ok(p)) => stored_pack = p,
                Some(Err(why)) => {
                    if let Some(raw) = &b.stored_pack {
                        backup.push((PACK_BACKUP_KEY, raw.clone()));
                    }
                    notices.push(Notice::PackDropped(why));
                }
                None => {}
            },
            Some(id) => {
                if let Some(p) = PackRef::builtin(id) {
                    stored_pack = p;
                }
            }
            None => {}
        }
    }
    let stored = match stored_doc.map(|raw| storage::decode(&stored_pack, raw)) {
        Some(Ok(st)) => Some(st),
        Some(Err(why)) => {
            if let Some(raw) = stored_doc {
                backup.push((storage::BACKUP_KEY, raw.to_string()));
            }
            notices.push(Notice::StorageDropped(why));
            stored_pack = PackRef::default_pack();
            None
        }
        None => None,
    };

    // 2. The pack: a built-in one the link names, else the stored one.
    let params = url::parse_query(&stored_pack, &b.query);
    let mut fetch_pack = None;
    let pack = match &params.pack {
        Some(PackParam::Builtin(id)) => PackRef::builtin(id).unwrap_or(stored_pack.clone()),
        Some(PackParam::Path(p)) => {
            fetch_pack = Some(p.clone());
            stored_pack.clone()
        }
        None => stored_pack.clone(),
    };
    let pack_changed = pack != stored_pack;

    // 3. Defaults, the stored state, then the link.
    let mut s = State::defaults(pack);
    if let Some(st) = &stored {
        st.restore_into(&mut s);
    }
    let own = s.scenario();
    let own_lang = s.lang;
    if let Some(ind) = &params.industry {
        if s.industry != *ind && params.metrics.is_empty() {
            // A link naming only the industry means "a typical shop of that industry".
            s.values = s.pack.medians(ind);
            s.absent.clear();
        }
        s.industry = ind.clone();
    }
    s.apply_url_metrics(&params.metrics);
    if let Some(l) = params.lang {
        s.lang = l;
    }
    if let Some(v) = params.view {
        s.view = v;
    }
    s.embed = params.embed;
    // An embed shows an article's example: never the user's own (the same origin shares
    // storage), and never written over it.
    let sets_scenario = params.sets_scenario() || pack_changed || fetch_pack.is_some();
    s.preset_scenario = stored.is_some() && sets_scenario && (s.scenario() != own || pack_changed);
    s.preset_lang = stored.is_some() && params.lang.is_some_and(|l| l != own_lang);
    if s.preset_scenario && !s.embed {
        notices.push(Notice::Preset);
    }
    if !b.storage_ok && !params.embed {
        // Embedded on another site, storage is often blocked; the compact page has no
        // save/restore, so the warning would only be noise there.
        notices.push(Notice::StorageUnavailable);
    }
    for p in params.problems {
        notices.push(Notice::BadParam(p));
    }
    for n in notices {
        s.notify(n);
    }
    if s.embed && s.view == View::Start {
        s.view = View::Score;
    }
    Start {
        state: s,
        backup,
        kept: stored,
        fetch_pack,
    }
}

/// The `pack` field of a stored document, read without validating the rest.
fn serde_pack_name(raw: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(raw).ok()?;
    v.get("pack")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::state::notice::Unreadable;
    use crate::state::Action;

    fn stored_after(edit: impl FnOnce(&mut State)) -> String {
        let mut s = State::defaults(PackRef::default_pack());
        edit(&mut s);
        Stored::from_state(&s, None).encode()
    }

    fn browser(query: &str, stored: Option<String>) -> Browser {
        Browser {
            query: query.into(),
            stored,
            stored_pack: None,
            storage_ok: true,
        }
    }

    #[test]
    fn a_link_wins_over_storage_but_keeps_baseline_and_is_a_preset() {
        let raw = stored_after(|s| {
            s.apply(Action::SetValue("ship_on_time_pct".into(), 90.0));
            s.apply(Action::PinBaseline);
        });
        let st = start(&browser("?reply_3min_pct=62.5", Some(raw.clone())));
        let s = &st.state;
        assert_eq!(s.scenario().value("reply_3min_pct"), Some(62.5));
        assert_eq!(s.scenario().value("ship_on_time_pct"), Some(90.0));
        assert!(s.baseline.is_some());
        assert!(s.preset_scenario);
        assert_eq!(s.notices[0].notice, Notice::Preset);
        // What storage writes back is the user's own scenario.
        let written = Stored::from_state(s, st.kept.as_ref());
        assert_eq!(written.scenario.value("reply_3min_pct"), Some(85.0));
        // Only lang: the stored scenario comes back, and the language is a preset too.
        let st = start(&browser("?lang=EN", Some(raw)));
        assert_eq!(st.state.scenario().value("ship_on_time_pct"), Some(90.0));
        assert_eq!(st.state.lang, Lang::En);
        assert!(st.state.preset_lang && !st.state.preset_scenario);
    }

    #[test]
    fn the_users_own_page_reloaded_is_not_a_preset() {
        let raw = stored_after(|s| s.apply(Action::SetValue("reply_3min_pct".into(), 62.5)));
        let q = "?industry=general&reply_3min_pct=62.5&lang=zh&view=cs";
        let st = start(&browser(q, Some(raw)));
        assert!(!st.state.preset_scenario);
        assert!(!st.state.preset_lang);
        assert_eq!(st.state.view, View::CustomerService);
        assert!(st.state.notices.is_empty());
    }

    #[test]
    fn an_industry_link_starts_from_its_medians_and_embeds_do_not_nag() {
        let st = start(&browser("?industry=apparel", None));
        let pack = PackRef::default_pack();
        assert_eq!(st.state.values, pack.medians("apparel"));
        let st = start(&browser("?industry=apparel&reply_3min_pct=90", None));
        assert_eq!(st.state.values["ship_on_time_pct"], 97.0);
        let mut b = browser("?embed=1&reply_3min_pct=60", Some(stored_after(|_| {})));
        b.storage_ok = false;
        let st = start(&b);
        assert!(st.state.notices.is_empty(), "{:?}", st.state.notices);
        assert!(st.state.preset_scenario);
    }

    #[test]
    fn reset_starts_afresh_and_keeps_the_stored_state() {
        let raw = stored_after(|s| s.apply(Action::SetValue("ship_on_time_pct".into(), 90.0)));
        let st = start(&browser("?reset=1", Some(raw.clone())));
        assert_eq!(
            st.state.scenario(),
            State::defaults(PackRef::default_pack()).scenario()
        );
        assert_eq!(st.backup, vec![(storage::BACKUP_KEY, raw)]);
        assert_eq!(st.state.notices[0].notice, Notice::ResetDone);
    }

    #[test]
    fn broken_storage_becomes_a_notice_and_a_backup() {
        let st = start(&browser("", Some("{\"schema\":2,".into())));
        assert_eq!(
            st.backup,
            vec![(storage::BACKUP_KEY, "{\"schema\":2,".to_string())]
        );
        assert_eq!(
            st.state.notices[0].notice,
            Notice::StorageDropped(Unreadable::NotJson)
        );
        let mut b = browser("?reply_3min_pct=abc", None);
        b.storage_ok = false;
        assert_eq!(start(&b).state.notices.len(), 2);
    }

    /// A stored calibration that no longer reads: a notice, the default pack, the raw pack
    /// kept under its backup key, and nothing else lost (the scenario, the language, the
    /// baseline and the view come back).
    #[test]
    fn a_corrupt_stored_calibration_falls_back_to_the_default_pack_only() {
        use servicescore::calibrate::{calibrate, Dashboard};
        let pack = PackRef::default_pack();
        let text = r#"{"snapshots": [{"date": "2026-11-20",
            "metrics": {"reply_3min_pct": 70}, "score": 3.93}]}"#;
        let (cal, _) = calibrate(&pack, &Dashboard::from_json(text, &pack).unwrap()).unwrap();
        let user = PackRef::user(
            cal,
            crate::packs::PackOrigin::Calibrated(Some("2026-11-20".into())),
        );
        let mut s = State::defaults(user.clone());
        s.apply(Action::SetValue("reply_3min_pct".into(), 62.5));
        s.apply(Action::PinBaseline);
        s.apply(Action::SetLang(Lang::Es));
        s.apply(Action::SetView(View::Projection));
        let raw = Stored::from_state(&s, None).encode();
        assert!(raw.contains("\"pack\":\"user\""), "{raw}");
        let good = StoredPack::from_pack(&user).unwrap().encode();
        // Intact, it comes back as the pack in use.
        let mut b = browser("", Some(raw.clone()));
        b.stored_pack = Some(good.clone());
        let st = start(&b);
        assert_eq!(
            st.state
                .pack
                .pack
                .calibration
                .as_ref()
                .map(|c| c.base.as_str()),
            Some("xhs-2022-08")
        );
        assert!(st.state.notices.is_empty(), "{:?}", st.state.notices);
        // Corrupt: cut short, or a pack that no longer validates.
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        v["pack"]["points_curve"]["value"] = serde_json::json!([[0, 5], [1, 3]]);
        for bad in [good[..good.len() / 2].to_string(), v.to_string()] {
            let mut b = browser("", Some(raw.clone()));
            b.stored_pack = Some(bad.clone());
            let st = start(&b);
            let s = &st.state;
            assert_eq!(s.pack, PackRef::default_pack());
            assert!(
                matches!(
                    s.notices.as_slice(),
                    [n] if matches!(n.notice, Notice::PackDropped(_))
                ),
                "{:?}",
                s.notices
            );
            assert_eq!(st.backup, vec![(PACK_BACKUP_KEY, bad)]);
            assert_eq!(s.scenario().value("reply_3min_pct"), Some(62.5));
            assert_eq!(s.lang, Lang::Es);
            assert_eq!(s.view, View::Projection);
            assert!(s.baseline.is_some());
            // What is written back names the default pack: the bad one is not read again.
            assert_eq!(
                Stored::from_state(s, st.kept.as_ref()).pack.as_deref(),
                Some("xhs-2022-08")
            );
        }
    }

    #[test]
    fn a_pack_path_is_fetched_and_views_come_from_the_link() {
        let st = start(&browser("?pack=packs/my.json&view=projection", None));
        assert_eq!(st.fetch_pack.as_deref(), Some("packs/my.json"));
        assert_eq!(st.state.view, View::Projection);
    }
}
