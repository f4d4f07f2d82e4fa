//! Service Score Simulator (服务分模拟器): the Yew page over the `servicescore` core.
//!
//! Data flows one way: user input → [`state::Action`] → the reducer → the core computes a
//! breakdown ([`derived::Derived`]) → components render it. [`app::App`] holds the reducer
//! and the effects (in [`hooks`]) that write the URL, localStorage and the document
//! language; nothing else touches the browser. `main` reads the browser once
//! ([`state::init`]) and mounts the app.

#![forbid(unsafe_code)]

pub mod api;
pub mod app;
pub mod bridge;
pub mod browser;
pub mod chart_data;
pub mod components;
pub mod derived;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod lazy;
pub mod pack_load;
pub mod packs;
pub mod panic;
pub mod plans;
pub mod ranges;
pub mod state;
pub mod storage;
#[cfg(test)]
mod test_support;
pub mod url;
pub mod views;

pub use app::App;
