//! `calibrate`: fit the pack's assumed constants to a dashboard file and write the calibrated
//! pack; `eval --range` lives in `score_cmds`.

use std::fmt::Write;

use servicescore::calibrate::{calibrate as fit, Dashboard, Report};
use servicescore::RulePack;

use crate::common::{json, CliError, Input};

/// `servicescore calibrate FILE --out CALIBRATED.json [--json]`: the pack is written only when
/// the dashboard is valid and the fit produced a valid pack; the report goes to standard
/// output.
pub fn calibrate(
    pack: &RulePack,
    file: &Input,
    out: &str,
    as_json: bool,
) -> Result<String, CliError> {
    let dashboard =
        Dashboard::from_json(&file.read()?, pack).map_err(|e| CliError(e.to_string()))?;
    let (calibrated, report) = fit(pack, &dashboard).map_err(|e| CliError(e.to_string()))?;
    let text = if as_json {
        json(&report)?
    } else {
        summary(&report, out)
    };
    std::fs::write(out, calibrated.to_json() + "\n")
        .map_err(|e| CliError(format!("--out {out}: {e}")))?;
    Ok(text)
}

/// The report as a few lines of text.
fn summary(report: &Report, out: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "wrote {out}: rule pack {} ({})",
        report.pack, report.source
    );
    for (i, snap) in report.snapshots.iter().enumerate() {
        let date = snap.date.as_deref().unwrap_or("(no date)");
        let status = if snap.reproduced {
            "reproduced exactly"
        } else {
            "not reproduced exactly"
        };
        let _ = writeln!(
            s,
            "snapshot {i} {date}: {status}, largest score residual {}",
            snap.max_abs_residual
        );
    }
    let _ = writeln!(s, "changed: {}", report.changed.join(", "));
    s
}
