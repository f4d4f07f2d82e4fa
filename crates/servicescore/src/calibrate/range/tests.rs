//! Unit tests of `servicescore::calibrate::range`.

use super::*;

#[test]
fn extreme_means_put_the_weight_on_the_extremes() {
    let w = [(1.0, 2.0), (1.0, 2.0)];
    assert!((extreme_mean(&[3.0, 5.0], &w, false) - 11.0 / 3.0).abs() < 1e-12);
    assert!((extreme_mean(&[3.0, 5.0], &w, true) - 13.0 / 3.0).abs() < 1e-12);
    assert_eq!(extreme_mean(&[4.0], &[(1.0, 1.0)], true), 4.0);
    let fixed = [(0.5, 0.5), (0.5, 0.5)];
    assert!((extreme_mean(&[3.0, 5.0], &fixed, true) - 4.0).abs() < 1e-12);
}
