//! Writing a pack as Rust (test only): the built-in packs are compiled in from
//! `src/rulepack/builtin/*.rs`, which this module generates from their JSON with `databake`'s
//! `#[derive(Bake)]` on every schema type (under `cfg(test)`, so the library itself never
//! depends on it). The tests in `rulepack::tests` prove each file current and equal to the
//! validated JSON; `UPDATE_BUILTIN_PACKS=1 cargo test -p servicescore builtin_pack_sources`
//! rewrites them.

use std::collections::BTreeMap;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use super::{RulePack, Sourced};

/// databake 0.2's derive also implements `BakeSize` (the size of borrowed data, for zero-copy
/// types), calling `field.borrows_size()` on every field. Owned `String`, `Vec` and `BTreeMap`
/// have no `BakeSize`, and the orphan rule forbids giving them one; with this trait in scope
/// where the derives expand, those calls resolve here. Nothing ever calls them.
pub(crate) trait OwnedBorrowsSize {
    /// Always 0: owned data borrows nothing.
    fn borrows_size(&self) -> usize {
        0
    }
}

impl OwnedBorrowsSize for String {}
impl OwnedBorrowsSize for Option<String> {}
impl<T> OwnedBorrowsSize for Vec<T> {}
impl<K, V> OwnedBorrowsSize for BTreeMap<K, V> {}
impl OwnedBorrowsSize for Sourced<String> {}
impl<T> OwnedBorrowsSize for Sourced<Vec<T>> {}

/// The Rust source of `src/rulepack/builtin/<module>.rs`: a `build()` returning `pack`.
pub(crate) fn rust_source(pack: &RulePack, json_file: &str) -> String {
    let expr = readable(databake::Bake::bake(pack, &Default::default()));
    let tokens = databake::quote! {
        extern crate alloc;

        /// The pack (validated by the tests that generate this file).
        pub(super) fn build() -> crate::rulepack::RulePack {
            #expr
        }
    };
    let file: syn::File = syn::parse2(tokens).expect("databake writes valid Rust");
    format!(
        "//! The built-in rule pack `{id}` as Rust, generated from `{json_file}` by\n\
         //! `rulepack::tests::builtin_pack_sources_are_current` (databake). Do not edit: change\n\
         //! the JSON, then run `UPDATE_BUILTIN_PACKS=1 cargo test -p servicescore builtin_pack_sources`.\n\n{}",
        prettyplease::unparse(&file),
        id = pack.id,
    )
}

/// databake writes vectors as `alloc::vec![...]`, whose insides a formatter leaves on long
/// lines; `alloc::vec::Vec::from([...])` builds the same vector as a plain expression.
fn readable(tokens: TokenStream) -> TokenStream {
    let tt: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tt.len());
    let mut i = 0;
    while i < tt.len() {
        let is = |k: usize, s: &str| tt.get(i + k).is_some_and(|t| t.to_string() == s);
        if is(0, "alloc") && is(1, ":") && is(2, ":") && is(3, "vec") && is(4, "!") {
            if let Some(TokenTree::Group(g)) = tt.get(i + 5) {
                if g.delimiter() == Delimiter::Bracket {
                    let inner = readable(g.stream());
                    let array = TokenTree::Group(Group::new(Delimiter::Bracket, inner));
                    let call = databake::quote! { alloc::vec::Vec::from(#array) };
                    out.extend(call);
                    i += 6;
                    continue;
                }
            }
        }
        out.push(match &tt[i] {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), readable(g.stream()));
                ng.set_span(g.span());
                TokenTree::Group(ng)
            }
            t => t.clone(),
        });
        i += 1;
    }
    out.into_iter().collect()
}
