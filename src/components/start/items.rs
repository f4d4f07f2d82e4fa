//! The checklist's items (what onboarding takes, in the order the articles give it), the
//! articles they cite, and the stored form of the user's ticks and choices.
//!
//! Plain data and pure functions, natively tested; the component only renders them.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::text::StartText;

/// Where an item's facts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Article {
    /// The article on how local-life providers and merchants join.
    Join,
    /// The (Spanish) article on merchants' fees and opening a shop.
    Fees,
    /// The pack's customer-service rules (its `cs-rules` document).
    CsRules,
}

/// One checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Stable id (stored, and the item's anchor `#start-<id>`).
    pub id: &'static str,
    /// Heading.
    pub title: StartText,
    /// What it takes.
    pub text: StartText,
    /// Its sources.
    pub sources: &'static [Article],
}

/// The items, in order.
pub const ITEMS: [Item; 11] = [
    Item {
        id: "entity",
        title: StartText::EntityTitle,
        text: StartText::EntityText,
        sources: &[Article::Join],
    },
    Item {
        id: "documents",
        title: StartText::DocsTitle,
        text: StartText::DocsText,
        sources: &[Article::Join],
    },
    Item {
        id: "brand",
        title: StartText::BrandTitle,
        text: StartText::BrandText,
        sources: &[Article::Join],
    },
    Item {
        id: "review",
        title: StartText::ReviewTitle,
        text: StartText::ReviewText,
        sources: &[Article::Join],
    },
    Item {
        id: "deposit",
        title: StartText::DepositTitle,
        text: StartText::DepositText,
        sources: &[Article::Join],
    },
    Item {
        id: "setup",
        title: StartText::SetupTitle,
        text: StartText::SetupText,
        sources: &[Article::Join],
    },
    Item {
        id: "products",
        title: StartText::ProductsTitle,
        text: StartText::ProductsText,
        sources: &[Article::Join, Article::Fees],
    },
    Item {
        id: "identity",
        title: StartText::IdentityTitle,
        text: StartText::IdentityText,
        sources: &[Article::Fees],
    },
    Item {
        id: "followers",
        title: StartText::FollowersTitle,
        text: StartText::FollowersText,
        sources: &[Article::Fees],
    },
    Item {
        id: "email",
        title: StartText::EmailTitle,
        text: StartText::EmailText,
        sources: &[Article::Fees],
    },
    Item {
        id: "cs_mode",
        title: StartText::CsModeTitle,
        text: StartText::CsModeText,
        sources: &[Article::Fees, Article::CsRules],
    },
];

/// The localStorage key of the checklist.
pub const KEY: &str = "servicescore.start.v1";
/// Where an unreadable stored checklist is kept before the page starts afresh.
pub const BACKUP_KEY: &str = "servicescore.start.v1.backup";

/// The kind of business the merchant chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Business {
    /// Physical goods: the service score applies.
    #[default]
    Goods,
    /// Offline life services (线下生活服务): not covered by the service score.
    LocalLife,
    /// Outdoor services (户外服务): not covered by the service score.
    Outdoor,
}

impl Business {
    /// All, in the select's order.
    pub const ALL: [Business; 3] = [Business::Goods, Business::LocalLife, Business::Outdoor];

    /// The select's option value.
    pub fn code(self) -> &'static str {
        match self {
            Business::Goods => "goods",
            Business::LocalLife => "local_life",
            Business::Outdoor => "outdoor",
        }
    }

    /// From an option value.
    pub fn from_code(s: &str) -> Option<Business> {
        Business::ALL.into_iter().find(|b| b.code() == s)
    }

    /// Whether the service score rules cover this business.
    pub fn scored(self) -> bool {
        self == Business::Goods
    }
}

/// The customer-service mode chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsMode {
    /// 小红书客服代运营.
    Platform,
    /// 商家自主客服.
    Merchant,
}

/// What this browser keeps of the view.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Schema version (1).
    #[serde(default = "one")]
    pub schema: u32,
    /// Ids of the ticked items.
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// The kind of business.
    #[serde(default)]
    pub business: Business,
    /// The customer-service mode, once chosen.
    #[serde(default)]
    pub cs_mode: Option<CsMode>,
}

fn one() -> u32 {
    1
}

impl Checklist {
    /// An empty checklist.
    pub fn new() -> Checklist {
        Checklist {
            schema: 1,
            ..Checklist::default()
        }
    }

    /// Reads the stored form.
    ///
    /// # Errors
    ///
    /// What is wrong with it (not JSON, another schema, a field of the wrong type), in English
    /// for the log; the page shows its own message.
    pub fn decode(raw: &str) -> Result<Checklist, String> {
        // An object only: serde would also read a struct from an array (`[]`, all defaults).
        let v: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
        if !v.is_object() {
            return Err("not an object".into());
        }
        let c: Checklist = serde_json::from_value(v).map_err(|e| e.to_string())?;
        if c.schema != 1 {
            return Err(format!("schema {} is not 1", c.schema));
        }
        // Ids of items that no longer exist are dropped, never an error.
        let done = c
            .done
            .into_iter()
            .filter(|id| ITEMS.iter().any(|i| i.id == id))
            .collect();
        Ok(Checklist { done, ..c })
    }

    /// The stored form.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Ticks or unticks an item.
    pub fn set(&mut self, id: &str, on: bool) {
        if on {
            self.done.insert(id.to_string());
        } else {
            self.done.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_unknown_ids_dropped() {
        let mut c = Checklist::new();
        c.set("deposit", true);
        c.set("email", true);
        c.set("email", false);
        c.business = Business::LocalLife;
        c.cs_mode = Some(CsMode::Merchant);
        assert_eq!(Checklist::decode(&c.encode()), Ok(c.clone()));
        let raw = r#"{"schema":1,"done":["deposit","gone"],"business":"outdoor"}"#;
        let d = Checklist::decode(raw).unwrap();
        assert_eq!(d.done.into_iter().collect::<Vec<_>>(), ["deposit"]);
        assert_eq!(d.business, Business::Outdoor);
    }

    #[test]
    fn corrupt_forms_are_errors() {
        assert!(Checklist::decode("{\"schema\":1,").is_err());
        assert!(Checklist::decode("{\"schema\":2}").is_err());
        assert!(Checklist::decode("{\"done\":3}").is_err());
        assert!(Checklist::decode("[]").is_err());
    }

    #[test]
    fn ids_are_unique_and_codes_round_trip() {
        let ids: BTreeSet<&str> = ITEMS.iter().map(|i| i.id).collect();
        assert_eq!(ids.len(), ITEMS.len());
        for b in Business::ALL {
            assert_eq!(Business::from_code(b.code()), Some(b));
        }
        assert!(
            !Business::LocalLife.scored()
                && !Business::Outdoor.scored()
                && Business::Goods.scored()
        );
    }
}
