//! A chart's backdrop: what stays the same while only its data moves (background, grid, axes,
//! reference lines under the data, legend, tick and axis labels). A slider drag changes the
//! curve, not the frame: a page can paint the backdrop once, keep it, and paint only the data
//! over a copy of it (`canvas::Layers`). Two equal backdrops paint the same pixels.

use plotters::prelude::DrawingBackend;

use crate::frame::Frame;
use crate::paint::{self, Area, DrawResult, Glyph};
use crate::text::Label;
use crate::theme::Theme;
use crate::{HLine, Layout};

/// Everything a backdrop paints, so that equality means "the same pixels".
#[derive(Debug, Clone, PartialEq)]
pub struct Backdrop {
    frame: Frame,
    labels: Vec<Label>,
    lines: Vec<HLine>,
    glyphs: Vec<Glyph>,
    grid: bool,
    theme: Theme,
}

impl Backdrop {
    /// The backdrop of `layout`: its frame and backdrop labels (outside the plot), `lines`
    /// under the data, the glyphs of the `legend` items (their words are among the labels),
    /// and the grid and axes when `grid` (a chart that shades under its grid draws the grid
    /// with its data instead).
    pub(crate) fn new(
        layout: &Layout,
        lines: Vec<HLine>,
        legend: Vec<(&str, Glyph)>,
        grid: bool,
        theme: &Theme,
    ) -> Backdrop {
        Backdrop {
            frame: layout.frame.clone(),
            labels: layout.backdrop().to_vec(),
            lines,
            glyphs: legend.into_iter().map(|i| i.1).collect(),
            grid,
            theme: theme.clone(),
        }
    }

    /// Paints it, filling `area` (which must be the size it was laid out for).
    ///
    /// # Errors
    ///
    /// Whatever the backend reports.
    pub fn paint<DB: DrawingBackend>(&self, area: &Area<DB>) -> DrawResult<DB> {
        let (f, theme) = (&self.frame, &self.theme);
        if !paint::begin(area, f, theme)? {
            return Ok(());
        }
        if self.grid {
            paint::frame(area, f, theme)?;
        }
        paint::hlines(area, f, &self.lines, theme)?;
        paint::legend(area, f, &self.glyphs, theme)?;
        paint::labels(area, &self.labels, theme)
    }
}
