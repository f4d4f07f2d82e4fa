//! The built-in rule packs, compiled in.
//!
//! | id | what |
//! |---|---|
//! | `xhs-2022-08` (default) | 《小红书商家服务分规则》 of 2022-08-01: five dimensions, 20 % each |
//! | `xhs-qianfan-2026` | the 店铺分 merchants see on the 千帆 back office in 2026, as they report it: 品质 50 %, 物流 20 %, 服务 30 %, one decimal (`observed`); the rest as `xhs-2022-08` |
//!
//! Each pack's source of truth is its JSON file (`rules/<id>.json`), which any user pack can
//! copy. The library builds the pack from Rust generated out of that file rather than parsing
//! it: the page then carries no JSON parser for the pack's ~25 types (about 30 KB of gzipped
//! WebAssembly). The tests prove each generated file current and equal to its parsed and
//! validated JSON (see `rulepack/bake.rs`).

use std::sync::OnceLock;

use super::RulePack;

// Generated from rules/*.json by `rulepack::tests`; not formatted by hand.
#[rustfmt::skip]
mod xhs_2022_08;
#[rustfmt::skip]
mod xhs_qianfan_2026;

/// Id of the default pack.
pub const DEFAULT_ID: &str = "xhs-2022-08";

/// One built-in pack: its id and the generated builder. (Its JSON text is kept apart, in
/// [`JSON`]: a program that never asks for the text, like the page's first module, then
/// carries none of it: 72 KB of WebAssembly.)
struct Builtin {
    id: &'static str,
    build: fn() -> RulePack,
}

/// The built-in packs, the default first.
const BUILTINS: [Builtin; 2] = [
    Builtin {
        id: DEFAULT_ID,
        build: xhs_2022_08::build,
    },
    Builtin {
        id: "xhs-qianfan-2026",
        build: xhs_qianfan_2026::build,
    },
];

/// The JSON text of each built-in pack, in the order of [`BUILTINS`].
const JSON: [&str; BUILTINS.len()] = [
    include_str!("../../rules/xhs-2022-08.json"),
    include_str!("../../rules/xhs-qianfan-2026.json"),
];

/// Ids of the built-in packs, the default first.
const IDS: [&str; BUILTINS.len()] = {
    let mut ids = [""; BUILTINS.len()];
    let mut i = 0;
    while i < BUILTINS.len() {
        ids[i] = BUILTINS[i].id;
        i += 1;
    }
    ids
};

/// The JSON text of a built-in pack (what `rules/<id>.json` holds), e.g. to start a user pack
/// from. (Not needed to use the pack: [`RulePack::builtin`] builds it without parsing.)
pub fn json(id: &str) -> Option<&'static str> {
    IDS.iter().position(|b| *b == id).map(|i| JSON[i])
}

impl RulePack {
    /// The default pack `xhs-2022-08`, built once.
    pub fn default_pack() -> &'static RulePack {
        Self::builtin_at(0)
    }

    /// The built-in pack `id`, built once; `None` for an id that is not built in.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore::RulePack;
    /// assert_eq!(RulePack::builtin("xhs-2022-08"), Some(RulePack::default_pack()));
    /// assert_eq!(RulePack::builtin("my-pack"), None);
    /// ```
    pub fn builtin(id: &str) -> Option<&'static RulePack> {
        BUILTINS
            .iter()
            .position(|b| b.id == id)
            .map(Self::builtin_at)
    }

    /// A fresh copy of the built-in pack `id`, for a caller that keeps its own (the page keeps
    /// each in an `Rc`): built from the generated code, without building or cloning the shared
    /// one of [`RulePack::builtin`]. `None` for an id that is not built in.
    pub fn build_builtin(id: &str) -> Option<RulePack> {
        BUILTINS.iter().find(|b| b.id == id).map(|b| (b.build)())
    }

    /// Ids of the built-in packs, the default first.
    pub fn builtin_ids() -> &'static [&'static str] {
        &IDS
    }

    /// Every built-in pack (each built once), the default first: ids and titles for a list.
    pub fn builtins() -> impl Iterator<Item = &'static RulePack> {
        (0..BUILTINS.len()).map(Self::builtin_at)
    }

    /// Whether this pack is the default one (by id).
    pub fn is_default(&self) -> bool {
        self.id == DEFAULT_ID
    }

    fn builtin_at(i: usize) -> &'static RulePack {
        static PACKS: [OnceLock<RulePack>; BUILTINS.len()] =
            [const { OnceLock::new() }; BUILTINS.len()];
        PACKS[i].get_or_init(BUILTINS[i].build)
    }
}
