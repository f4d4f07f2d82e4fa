//! What the SVG tests share: drawing a chart into an SVG string and a small parser for
//! plotters' SVG output (elements, attributes, text boxes).

#![allow(dead_code)]

use plotters::prelude::*;
use servicescore_charts::layout::Rect;
use servicescore_charts::text::{line_height, text_width};
use servicescore_charts::{Chart, ChartFormat, Layout, Theme};

/// Draws `chart` at `w` × `h` into an SVG string, returning it with the layout it painted.
pub fn render_with<C: Chart>(
    chart: &C,
    w: u32,
    h: u32,
    theme: &Theme,
    fmt: &dyn ChartFormat,
) -> (String, Layout) {
    let layout = chart.layout(f64::from(w), f64::from(h), theme, fmt);
    let mut s = String::new();
    {
        let area = SVGBackend::with_string(&mut s, (w, h)).into_drawing_area();
        chart.paint(&layout, &area, theme).expect("draws");
        area.present().expect("presents");
    }
    (s, layout)
}

/// One SVG element: tag, attributes, text content.
#[derive(Debug, Clone)]
pub struct El {
    pub tag: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
}

impl El {
    pub fn get(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn num(&self, name: &str) -> f64 {
        self.get(name).parse().unwrap_or(f64::NAN)
    }

    pub fn points(&self) -> Vec<(i32, i32)> {
        self.get("points")
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }

    /// Whether a rect or polyline lies inside `r` (grown by `slack` pixels).
    pub fn inside(&self, r: &Rect, slack: f64) -> bool {
        let grown = Rect {
            left: r.left - slack,
            top: r.top - slack,
            right: r.right + slack,
            bottom: r.bottom + slack,
        };
        match self.tag.as_str() {
            "rect" => {
                let (x, y) = (self.num("x"), self.num("y"));
                grown.contains(x, y)
                    && grown.contains(x + self.num("width"), y + self.num("height"))
            }
            "circle" => grown.contains(self.num("cx"), self.num("cy")),
            _ => self
                .points()
                .iter()
                .all(|&(x, y)| grown.contains(f64::from(x), f64::from(y))),
        }
    }

    /// The box a `<text>` element covers, from its anchor attributes (plotters writes the
    /// font size divided by 1.24, and the vertical anchor as a `dy`), with the layout's own
    /// width estimate and line height.
    pub fn text_box(&self) -> Rect {
        let size = self.num("font-size") * 1.24;
        let (x, y) = (self.num("x"), self.num("y"));
        let w = text_width(&self.text, size);
        let h = line_height(size);
        let left = match self.get("text-anchor") {
            "end" => x - w,
            "middle" => x - w / 2.0,
            _ => x,
        };
        let top = match self.get("dy") {
            "0.76em" => y,
            "0.5ex" => y - h / 2.0,
            _ => y - h,
        };
        Rect {
            left,
            top,
            right: left + w,
            bottom: top + h,
        }
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A tiny parser for plotters' SVG output (one element per line, attributes quoted).
pub fn parse(svg: &str) -> Vec<El> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let head = &rest[..end];
        let tag: String = head
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let mut attrs = Vec::new();
        let mut a = &head[tag.len()..];
        while let Some(eq) = a.find("=\"") {
            let name = a[..eq].trim().to_owned();
            let v = &a[eq + 2..];
            let close = v.find('"').unwrap_or(v.len());
            attrs.push((name, v[..close].to_owned()));
            a = &v[(close + 1).min(v.len())..];
        }
        let mut text = String::new();
        if tag == "text" {
            let body = &rest[end + 1..];
            let stop = body.find("</text>").unwrap_or(body.len());
            text = unescape(body[..stop].trim());
        }
        out.push(El { tag, attrs, text });
        rest = &rest[end.min(rest.len())..];
    }
    out
}

pub fn of<'a>(els: &'a [El], tag: &str, colour: &str) -> Vec<&'a El> {
    els.iter()
        .filter(|e| e.tag == tag && (e.get("fill") == colour || e.get("stroke") == colour))
        .collect()
}

pub fn texts(els: &[El]) -> Vec<&str> {
    els.iter()
        .filter(|e| e.tag == "text")
        .map(|e| e.text.as_str())
        .collect()
}
