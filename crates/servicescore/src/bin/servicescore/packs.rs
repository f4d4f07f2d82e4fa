//! `--pack ID|FILE` and `servicescore rules`: which rule pack a command uses, and printing it.

use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;
use servicescore::rulepack::Names;
use servicescore::RulePack;

use crate::common::{self, json, CliError};

/// The pack `--pack` names: a built-in id, else a pack file; the default pack without it.
///
/// # Errors
///
/// A name that is neither a built-in id nor an existing file (the message lists the built-in
/// ids), or a file that is not a valid pack.
pub fn resolve(arg: Option<&str>) -> Result<Cow<'static, RulePack>, CliError> {
    let Some(name) = arg else {
        return Ok(Cow::Borrowed(RulePack::default_pack()));
    };
    if let Some(p) = RulePack::builtin(name) {
        return Ok(Cow::Borrowed(p));
    }
    if Path::new(name).exists() {
        return common::load_pack(Some(name));
    }
    Err(CliError(format!(
        "--pack {name}: neither a built-in pack nor a file (built-in packs: {})",
        RulePack::builtin_ids().join(", ")
    )))
}

/// One line of `rules --list --json`.
#[derive(Serialize)]
struct Listed {
    id: &'static str,
    title: &'static Names,
    default: bool,
}

/// `servicescore rules`: the pack in use as JSON (what `--pack FILE` reads), `--check` to
/// validate only, `--list` for the built-in packs.
pub fn rules(pack: &RulePack, check: bool, list: bool, as_json: bool) -> Result<String, CliError> {
    if list {
        let packs: Vec<Listed> = RulePack::builtins()
            .map(|p| Listed {
                id: &p.id,
                title: &p.title,
                default: p.is_default(),
            })
            .collect();
        if as_json {
            #[derive(Serialize)]
            struct Out {
                packs: Vec<Listed>,
            }
            return json(&Out { packs });
        }
        let width = packs.iter().map(|p| p.id.len()).max().unwrap_or(0);
        return Ok(packs
            .iter()
            .map(|p| {
                let mark = if p.default { "(default)" } else { "" };
                format!("{:<width$}  {mark:<9}  {}\n", p.id, p.title.en)
            })
            .collect());
    }
    if check {
        return Ok(format!("rule pack {} is valid\n", pack.id));
    }
    Ok(pack.to_json() + "\n")
}
