//! A chart on a canvas: sized by its container, sharp at any devicePixelRatio, redrawn at most
//! once per animation frame however fast the sliders move, with a visually hidden table as its
//! text alternative (built once per change of the chart, not on every render).
//!
//! A redraw lays the chart out once and paints only what moved: the backdrop (grid, reference
//! lines, legend, ticks) is kept painted in [`canvas::Layers`] while it stays the same, as it
//! does during a slider drag.
//!
//! The `ResizeObserver` watches the container, not the canvas: the adapter sets the canvas's
//! CSS size itself, and observing it would loop.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use servicescore_charts::{canvas, Chart, Theme};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::chart_data::PageFormat;
use crate::hooks::use_width;

/// Props of [`ChartCanvas`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChartCanvasProps<C: PartialEq + Clone> {
    /// The chart (plain data, shared: a render clones the pointer, not the series; a change
    /// schedules one redraw).
    pub chart: Rc<C>,
    /// Height in CSS pixels (the width follows the container).
    pub height: f64,
    /// How the chart's numbers and dates are written (the page's language and rounding).
    pub fmt: PageFormat,
    /// Test hook of the canvas.
    pub testid: AttrValue,
}

/// What the next frame draws: the chart, its formatter and the CSS size.
type Drawing<C> = (Rc<C>, PageFormat, f64, f64);

/// A chart drawn on a canvas.
#[component]
pub fn ChartCanvas<C>(props: &ChartCanvasProps<C>) -> Html
where
    C: Chart + PartialEq + Clone + 'static,
{
    let wrap = use_node_ref();
    let canvas_ref = use_node_ref();
    // Follow the container's width.
    let width = use_width(wrap.clone());

    // Draw the latest chart on the next frame; at most one frame is pending at a time.
    let latest: Rc<RefCell<Option<Drawing<C>>>> = use_mut_ref(|| None);
    let pending: Rc<Rc<Cell<bool>>> = use_memo((), |_| Rc::new(Cell::new(false)));
    let frame: Rc<RefCell<Option<AnimationFrame>>> = use_mut_ref(|| None);
    let layers: Rc<RefCell<canvas::Layers>> = use_mut_ref(canvas::Layers::default);
    {
        let canvas_ref = canvas_ref.clone();
        let latest = latest.clone();
        let pending = (*pending).clone();
        let frame = frame.clone();
        let layers = layers.clone();
        use_effect_with(
            (props.chart.clone(), props.fmt, width, props.height),
            move |(chart, fmt, w, h)| {
                *latest.borrow_mut() = Some((chart.clone(), *fmt, *w, *h));
                if !pending.get() {
                    pending.set(true);
                    let latest = latest.clone();
                    let pending = pending.clone();
                    let layers = layers.clone();
                    let handle = request_animation_frame(move |_| {
                        pending.set(false);
                        let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                            return;
                        };
                        if let Some((chart, fmt, w, h)) = latest.borrow().as_ref() {
                            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
                            // A failed draw leaves the canvas blank; the table below still says it all.
                            let theme = Theme::light();
                            let mut layers = layers.borrow_mut();
                            let _ = layers.render(&canvas, *w, *h, dpr, &**chart, &theme, fmt);
                        }
                    });
                    // Replaced (not dropped inside its own callback) on the next request.
                    *frame.borrow_mut() = Some(handle);
                }
            },
        );
    }

    let summary = use_memo((props.chart.clone(), props.fmt), |(chart, fmt)| {
        chart.summary(fmt)
    });
    html! {
        <figure class="chart" ref={wrap}>
            <canvas ref={canvas_ref} role="img" aria-label={props.chart.title().to_string()}
                data-testid={props.testid.clone()} />
            <table class="visually-hidden" data-testid={format!("{}-table", props.testid)}>
                <caption>{ summary.caption.clone() }</caption>
                if !summary.head.is_empty() {
                    <thead><tr>{ for summary.head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                }
                <tbody>
                    { for summary.rows.iter().map(|r| html! {
                        <tr>
                            { for r.iter().enumerate().map(|(i, c)| if i == 0 {
                                html! { <th scope="row">{ c }</th> }
                            } else {
                                html! { <td>{ c }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
