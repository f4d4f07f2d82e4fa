//! Numbers in the text (non-JSON) output, written through the core's display module so the
//! command line shows what the page shows.

use servicescore::display::Fixed;

/// `x` at `decimals` places with its sign (`+0.0250`, `-0.0100`, `+0.0000`).
pub fn signed(x: f64, decimals: u32) -> String {
    let f = Fixed::round(x, decimals);
    if f.negative {
        f.to_string()
    } else {
        format!("+{f}")
    }
}

/// A shown percentage (`79.9%`), `—` for none.
pub fn pct(v: Option<Fixed>) -> String {
    v.map_or("—".to_string(), |v| format!("{v}%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs() {
        assert_eq!(signed(0.025, 4), "+0.0250");
        assert_eq!(signed(-0.01, 4), "-0.0100");
        assert_eq!(signed(-0.00001, 4), "+0.0000");
        assert_eq!(pct(None), "—");
        assert_eq!(pct(Some(Fixed::round(79.95, 1))), "80.0%");
    }
}
