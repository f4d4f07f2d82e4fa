//! The getting-started view (开店准备, issue 14): what opening a shop takes, as a checklist
//! kept in this browser, whether the service score covers the merchant's kind of business,
//! and what each customer-service mode brings.
//!
//! - [`items`]: the items, the articles they cite, the stored form (natively tested);
//! - [`text::StartText`]: the view's words; [`view::StartView`]: the component.

pub mod items;
pub mod text;
pub mod view;

pub use view::StartView;
