//! The page state, the actions that change it, and the one reducer that applies them.
//!
//! Only [`State::apply`] (through [`Store`]'s `reduce`) changes state. The URL, localStorage
//! and canvases are written by effects that watch the state (`crate::hooks`); nothing here
//! touches the browser, so the whole module is tested natively.

pub mod init;
pub mod notice;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use servicescore::{RulePack, Scenario};
use yew::Reducible;

use crate::i18n::Lang;
use crate::packs::PackRef;
pub use notice::{Notice, Shown};

/// Which view is shown (SPEC §3 `view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The score simulator.
    #[default]
    Score,
    /// The 180-day projection.
    Projection,
    /// Customer-service assessment and violations.
    CustomerService,
    /// Getting started (opening a shop).
    Start,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [
        View::Score,
        View::Projection,
        View::CustomerService,
        View::Start,
    ];

    /// The URL and hook name (`score`, `projection`, `cs`, `start`).
    pub fn code(self) -> &'static str {
        match self {
            View::Score => "score",
            View::Projection => "projection",
            View::CustomerService => "cs",
            View::Start => "start",
        }
    }

    /// Parses a view name (case-insensitive).
    pub fn from_code(code: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|v| v.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// What "reset to industry medians" replaced, so that it can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// The values before.
    pub values: BTreeMap<String, f64>,
    /// The metrics without data before.
    pub absent: BTreeSet<String>,
}

/// The whole page state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The rule pack in use.
    pub pack: PackRef,
    /// Industry id.
    pub industry: String,
    /// The last valid value of every metric (kept while a metric is toggled to "no data", so
    /// switching it back restores the value, and kept across pack switches).
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
    /// The page was opened from a link that sets the scenario (a preset, an embed): the
    /// user's own stored scenario is not overwritten until they choose to keep this one.
    pub preset_scenario: bool,
    /// The link set the language: the user's stored language is kept unless they switch.
    pub preset_lang: bool,
    /// Undo of the last "reset to medians".
    pub undo: Option<Undo>,
    /// Notices to show.
    pub notices: Vec<Shown>,
    next_notice: u32,
}

/// Everything a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set a metric's value (ignored unless finite and within its range).
    SetValue(String, f64),
    /// Set several metrics at once (an applied plan); each as [`Action::SetValue`].
    SetValues(Vec<(String, f64)>),
    /// Give a metric data or take it away.
    SetPresent(String, bool),
    /// Give every metric of a dimension data or take it away.
    SetDimensionPresent(String, bool),
    /// Change the industry.
    SetIndustry(String),
    /// Change the language (the user's choice: stored).
    SetLang(Lang),
    /// Focus a metric.
    Focus(String),
    /// Switch view.
    SetView(View),
    /// Use another rule pack; metric values are kept (new metrics start at their median).
    SetPack(PackRef),
    /// Pin the current scenario as the baseline.
    PinBaseline,
    /// Forget the baseline.
    ClearBaseline,
    /// Save the current scenario as "my scenario".
    Save,
    /// Go back to "my scenario".
    RestoreSaved,
    /// Every metric back to the industry median (undoable).
    ResetMedians,
    /// Undo the last reset.
    UndoReset,
    /// Keep the preset scenario as the user's own (it is stored from now on).
    KeepPreset,
    /// Replace the whole scenario (industry and metrics).
    Load(Scenario),
    /// Show a notice.
    Notify(Notice),
    /// Hide a notice.
    Dismiss(u32),
}

impl State {
    /// Every metric at the `general` industry median of `pack`: the page's neutral start.
    pub fn defaults(pack: PackRef) -> State {
        let industry = servicescore::eval::DEFAULT_INDUSTRY.to_string();
        let industry = if pack.industry(&industry).is_some() {
            industry
        } else {
            pack.industries
                .first()
                .map(|i| i.id.clone())
                .unwrap_or(industry)
        };
        State {
            values: pack.medians(&industry),
            focus: default_focus(&pack),
            pack,
            industry,
            absent: BTreeSet::new(),
            lang: Lang::default(),
            embed: false,
            baseline: None,
            saved: None,
            view: View::Score,
            preset_scenario: false,
            preset_lang: false,
            undo: None,
            notices: Vec::new(),
            next_notice: 1,
        }
    }

    /// The scenario the state describes (the pack's metrics only).
    pub fn scenario(&self) -> Scenario {
        Scenario {
            industry: self.industry.clone(),
            metrics: self
                .pack
                .metrics
                .iter()
                .filter_map(|m| {
                    let v = *self.values.get(&m.id)?;
                    Some((m.id.clone(), (!self.absent.contains(&m.id)).then_some(v)))
                })
                .collect(),
        }
    }

    /// Takes over a (validated) scenario's industry and metrics; metrics it leaves out or
    /// sets to null become "no data", keeping their last value for when they come back.
    pub fn load(&mut self, s: &Scenario) {
        if self.pack.industry(&s.industry).is_some() {
            self.industry = s.industry.clone();
        }
        for m in &self.pack.metrics {
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

    fn set_value(&mut self, id: &str, v: f64) -> bool {
        let admitted = self.pack.metric(id).is_some_and(|m| m.admits(v));
        if admitted {
            self.values.insert(id.to_string(), v);
            self.absent.remove(id);
        }
        admitted
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetValue(id, v) => {
                if self.set_value(&id, v) {
                    self.focus = id;
                }
            }
            Action::SetValues(changes) => {
                for (id, v) in changes {
                    self.set_value(&id, v);
                }
            }
            Action::SetPresent(id, present) => {
                if self.pack.metric(&id).is_some() {
                    if present {
                        self.absent.remove(&id);
                    } else {
                        self.absent.insert(id);
                    }
                }
            }
            Action::SetDimensionPresent(dim, present) => {
                let ids: Vec<String> = self
                    .pack
                    .metrics
                    .iter()
                    .filter(|m| m.dimension == dim)
                    .map(|m| m.id.clone())
                    .collect();
                for id in ids {
                    if present {
                        self.absent.remove(&id);
                    } else {
                        self.absent.insert(id);
                    }
                }
            }
            Action::SetIndustry(id) => {
                if self.pack.industry(&id).is_some() {
                    self.industry = id;
                }
            }
            Action::SetLang(l) => {
                self.lang = l;
                self.preset_lang = false;
            }
            Action::Focus(id) => {
                if self.pack.metric(&id).is_some() {
                    self.focus = id;
                }
            }
            Action::SetView(v) => self.view = v,
            Action::SetPack(p) => self.set_pack(p),
            Action::PinBaseline => self.baseline = Some(self.scenario()),
            Action::ClearBaseline => self.baseline = None,
            Action::Save => {
                self.saved = Some(self.scenario());
                self.notify(Notice::Saved);
            }
            Action::RestoreSaved => {
                if let Some(s) = self.saved.clone() {
                    self.load(&s);
                    self.notify(Notice::Restored);
                }
            }
            Action::ResetMedians => {
                self.undo = Some(Undo {
                    values: self.values.clone(),
                    absent: self.absent.clone(),
                });
                self.values = self.pack.medians(&self.industry);
                self.absent.clear();
                self.notify(Notice::ResetToMedians);
            }
            Action::UndoReset => {
                if let Some(u) = self.undo.take() {
                    self.values = u.values;
                    self.absent = u.absent;
                    self.notices.retain(|n| n.notice != Notice::ResetToMedians);
                }
            }
            Action::KeepPreset => {
                self.preset_scenario = false;
                self.preset_lang = false;
                self.notices.retain(|n| n.notice != Notice::Preset);
                self.notify(Notice::PresetKept);
            }
            Action::Load(s) => self.load(&s),
            Action::Notify(n) => self.notify(n),
            Action::Dismiss(id) => self.notices.retain(|n| n.id != id),
        }
        if self.undo.is_some()
            && !self
                .notices
                .iter()
                .any(|n| n.notice == Notice::ResetToMedians)
        {
            // The undo offer was dismissed: nothing left to undo.
            self.undo = None;
        }
    }

    /// Switches the pack, keeping every value the user had; metrics the new pack adds start
    /// at its industry median, an industry it lacks falls back to its first.
    fn set_pack(&mut self, p: PackRef) {
        if p.industry(&self.industry).is_none() {
            self.industry = p
                .industries
                .first()
                .map(|i| i.id.clone())
                .unwrap_or_default();
        }
        let start = p.medians(&self.industry);
        for m in &p.metrics {
            let keep = self.values.get(&m.id).is_some_and(|v| m.admits(*v));
            if !keep {
                if let Some(v) = start.get(&m.id) {
                    self.values.insert(m.id.clone(), *v);
                }
            }
        }
        if p.metric(&self.focus).is_none() {
            self.focus = default_focus(&p);
        }
        self.pack = p;
    }
}

/// The metric the charts follow at first: the 3-minute reply rate when the pack has it.
fn default_focus(pack: &RulePack) -> String {
    pack.metrics
        .iter()
        .find(|m| m.id == "reply_3min_pct")
        .or(pack.metrics.first())
        .map(|m| m.id.clone())
        .unwrap_or_default()
}

/// The reducer wrapper Yew needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        if next == self.0 {
            return self;
        }
        Rc::new(Store(next))
    }
}

#[cfg(test)]
mod tests;
