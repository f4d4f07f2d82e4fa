//! The page state, the actions that change it, and the one reducer that applies them.
//!
//! Only [`State::reduce`] changes state. The URL, localStorage and canvases are written by
//! effects in `lib.rs` that watch the state; nothing here touches the browser.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use servicescore::{RulePack, Scenario};
use yew::Reducible;

use crate::i18n::Lang;
use crate::url::Problem;

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The score simulator.
    #[default]
    Score,
    /// The 180-day projection.
    Projection,
    /// Customer-service assessment and violations.
    CustomerService,
}

/// Something the page tells the user once (dismissible).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A URL parameter was ignored.
    BadParam(Problem),
    /// The stored state could not be read (reason, in English from the core).
    StorageDropped(String),
    /// localStorage is unavailable.
    StorageUnavailable,
    /// The scenario was saved.
    Saved,
    /// The saved scenario was restored.
    Restored,
    /// `?reset=1`: started afresh, the stored state kept as a backup.
    ResetDone,
}

/// A notice with an id for dismissal.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// Unique id.
    pub id: u32,
    /// What to say.
    pub notice: Notice,
}

/// The whole page state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Industry id.
    pub industry: String,
    /// The last valid value of every metric (kept while a metric is toggled to "no data", so
    /// switching it back restores the value).
    pub values: BTreeMap<String, f64>,
    /// Metrics set to "no data".
    pub absent: BTreeSet<String>,
    /// Page language.
    pub lang: Lang,
    /// Compact iframe mode.
    pub embed: bool,
    /// The pinned baseline, if any.
    pub baseline: Option<Scenario>,
    /// "My scenario", if saved.
    pub saved: Option<Scenario>,
    /// Metric in focus (sensitivity chart, explanations).
    pub focus: String,
    /// Current view.
    pub view: View,
    /// Notices to show.
    pub notices: Vec<Shown>,
    next_notice: u32,
}

/// Everything a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set a metric's value (ignored unless finite and within its range).
    SetValue(String, f64),
    /// Give a metric data or take it away.
    SetPresent(String, bool),
    /// Give every metric of a dimension data or take it away.
    SetDimensionPresent(String, bool),
    /// Change the industry.
    SetIndustry(String),
    /// Change the language.
    SetLang(Lang),
    /// Focus a metric.
    Focus(String),
    /// Switch view.
    SetView(View),
    /// Pin the current scenario as the baseline.
    PinBaseline,
    /// Forget the baseline.
    ClearBaseline,
    /// Save the current scenario as "my scenario".
    Save,
    /// Go back to "my scenario".
    RestoreSaved,
    /// Every metric back to the industry median.
    ResetMedians,
    /// Replace the whole scenario (industry and metrics).
    Load(Scenario),
    /// Show a notice.
    Notify(Notice),
    /// Hide a notice.
    Dismiss(u32),
}

impl State {
    /// Every metric at the `general` industry median: the page's neutral start (score 4.40).
    pub fn defaults(pack: &RulePack) -> State {
        State {
            industry: servicescore::eval::DEFAULT_INDUSTRY.to_string(),
            values: pack.medians(servicescore::eval::DEFAULT_INDUSTRY),
            absent: BTreeSet::new(),
            lang: Lang::default(),
            embed: false,
            baseline: None,
            saved: None,
            focus: pack
                .metrics
                .iter()
                .find(|m| m.id == "reply_3min_pct")
                .or(pack.metrics.first())
                .map(|m| m.id.clone())
                .unwrap_or_default(),
            view: View::Score,
            notices: Vec::new(),
            next_notice: 1,
        }
    }

    /// The scenario the state describes.
    pub fn scenario(&self) -> Scenario {
        Scenario {
            industry: self.industry.clone(),
            metrics: self
                .values
                .iter()
                .map(|(k, v)| (k.clone(), (!self.absent.contains(k)).then_some(*v)))
                .collect(),
        }
    }

    /// Takes over a (validated) scenario's industry and metrics; metrics it leaves out or
    /// sets to null become "no data", keeping their last value for when they come back.
    pub fn load(&mut self, pack: &RulePack, s: &Scenario) {
        if pack.industry(&s.industry).is_some() {
            self.industry = s.industry.clone();
        }
        for m in &pack.metrics {
            match s.value(&m.id) {
                Some(v) if m.admits(v) => {
                    self.values.insert(m.id.clone(), v);
                    self.absent.remove(&m.id);
                }
                _ => {
                    self.absent.insert(m.id.clone());
                }
            }
        }
    }

    /// Applies URL metric values on top of the current ones (only those given).
    pub fn apply_url_metrics(&mut self, metrics: &BTreeMap<String, Option<f64>>) {
        for (id, v) in metrics {
            match v {
                Some(v) => {
                    self.values.insert(id.clone(), *v);
                    self.absent.remove(id);
                }
                None => {
                    self.absent.insert(id.clone());
                }
            }
        }
    }

    /// Adds a notice.
    pub fn notify(&mut self, notice: Notice) {
        // The same notice twice (e.g. "saved" clicked again) is shown once.
        if self.notices.iter().any(|n| n.notice == notice) {
            return;
        }
        self.notices.push(Shown {
            id: self.next_notice,
            notice,
        });
        self.next_notice += 1;
    }

    /// Applies one action.
    pub fn apply(&mut self, pack: &RulePack, action: Action) {
        match action {
            Action::SetValue(id, v) => {
                if let Some(m) = pack.metric(&id) {
                    if m.admits(v) {
                        self.values.insert(id.clone(), v);
                        self.absent.remove(&id);
                        self.focus = id;
                    }
                }
            }
            Action::SetPresent(id, present) => {
                if pack.metric(&id).is_some() {
                    if present {
                        self.absent.remove(&id);
                    } else {
                        self.absent.insert(id);
                    }
                }
            }
            Action::SetDimensionPresent(dim, present) => {
                for m in pack.metrics.iter().filter(|m| m.dimension == dim) {
                    if present {
                        self.absent.remove(&m.id);
                    } else {
                        self.absent.insert(m.id.clone());
                    }
                }
            }
            Action::SetIndustry(id) => {
                if pack.industry(&id).is_some() {
                    self.industry = id;
                }
            }
            Action::SetLang(l) => self.lang = l,
            Action::Focus(id) => {
                if pack.metric(&id).is_some() {
                    self.focus = id;
                }
            }
            Action::SetView(v) => self.view = v,
            Action::PinBaseline => self.baseline = Some(self.scenario()),
            Action::ClearBaseline => self.baseline = None,
            Action::Save => {
                self.saved = Some(self.scenario());
                self.notify(Notice::Saved);
            }
            Action::RestoreSaved => {
                if let Some(s) = self.saved.clone() {
                    self.load(pack, &s);
                    self.notify(Notice::Restored);
                }
            }
            Action::ResetMedians => {
                self.values = pack.medians(&self.industry);
                self.absent.clear();
            }
            Action::Load(s) => self.load(pack, &s),
            Action::Notify(n) => self.notify(n),
            Action::Dismiss(id) => self.notices.retain(|n| n.id != id),
        }
    }
}

/// The reducer wrapper Yew needs: the pack is the built-in one (rules are data, loaded once).
#[derive(Debug, Clone, PartialEq)]
pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(RulePack::default_pack(), action);
        if next == self.0 {
            return self;
        }
        Rc::new(Store(next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    #[test]
    fn defaults_are_the_general_medians() {
        let s = State::defaults(pack());
        let r = servicescore::evaluate(pack(), &s.scenario()).unwrap();
        assert_eq!(r.display_score.as_deref(), Some("4.40"));
    }

    #[test]
    fn out_of_range_values_are_ignored_and_absent_values_kept() {
        let mut s = State::defaults(pack());
        s.apply(pack(), Action::SetValue("reply_3min_pct".into(), 120.0));
        s.apply(pack(), Action::SetValue("reply_3min_pct".into(), f64::NAN));
        assert_eq!(s.values["reply_3min_pct"], 85.0);
        s.apply(pack(), Action::SetValue("reply_3min_pct".into(), 62.5));
        s.apply(pack(), Action::SetPresent("reply_3min_pct".into(), false));
        assert_eq!(s.scenario().value("reply_3min_pct"), None);
        s.apply(pack(), Action::SetPresent("reply_3min_pct".into(), true));
        assert_eq!(s.scenario().value("reply_3min_pct"), Some(62.5));
    }

    #[test]
    fn dimension_toggle_and_save_restore() {
        let mut s = State::defaults(pack());
        s.apply(
            pack(),
            Action::SetDimensionPresent("disputes".into(), false),
        );
        assert_eq!(s.scenario().value("dispute_pct"), None);
        s.apply(pack(), Action::Save);
        s.apply(pack(), Action::SetDimensionPresent("disputes".into(), true));
        s.apply(pack(), Action::SetValue("ship_on_time_pct".into(), 90.0));
        s.apply(pack(), Action::RestoreSaved);
        assert_eq!(s.scenario().value("dispute_pct"), None);
        assert_eq!(s.scenario().value("ship_on_time_pct"), Some(97.0));
        assert_eq!(s.notices.len(), 2);
        let id = s.notices[0].id;
        s.apply(pack(), Action::Dismiss(id));
        assert_eq!(s.notices.len(), 1);
    }
}
