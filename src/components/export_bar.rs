//! Downloads for one chart: the chart as SVG or PNG (twice the size, for
//! print), each with its title and key, and its figures as CSV with the
//! same numbers as the table.

use std::rc::Rc;

use outturn_core::chart::{chart_height, layout, render_export_svg, Theme};
use outturn_core::view::Panel;
use yew::prelude::*;

use crate::download::{save_png, save_text};

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The chart.
    pub panel: Rc<Panel>,
    /// Title written on the exported chart (indicator and chart).
    pub title: AttrValue,
    /// File name without extension, e.g. `domiciliary-care-hours-2011-12-budget`.
    pub stem: AttrValue,
    /// Width the chart is drawn at, CSS pixels.
    pub width: u32,
    /// Colours.
    pub theme: Theme,
}

/// Three download buttons.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let width = f64::from(props.width);
    let frame = {
        let panel = props.panel.clone();
        Rc::new(move || layout(&panel.scene, width, chart_height(width)))
    };
    let report = |result: Result<(), wasm_bindgen::JsValue>| {
        if let Err(error) = result {
            gloo::console::error!(error);
        }
    };
    let on_svg = {
        let (panel, title, stem, theme, frame) = (
            props.panel.clone(),
            props.title.clone(),
            props.stem.clone(),
            props.theme,
            frame.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let svg = render_export_svg(
                &title,
                &panel.legend_shown(),
                &panel.scene,
                &frame(),
                &theme,
            );
            report(
                svg.map_err(|e| e.to_string().into())
                    .and_then(|svg| save_text(&format!("{stem}.svg"), "image/svg+xml", &svg)),
            );
        })
    };
    let on_png = {
        let (panel, title, stem, theme, frame) = (
            props.panel.clone(),
            props.title.clone(),
            props.stem.clone(),
            props.theme,
            frame.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            report(save_png(
                &format!("{stem}.png"),
                &title,
                &panel.legend_shown(),
                &panel.scene,
                &frame(),
                &theme,
            ));
        })
    };
    let on_csv = {
        let (panel, title, stem) = (props.panel.clone(), props.title.clone(), props.stem.clone());
        Callback::from(move |_: MouseEvent| {
            // The scene's unit is the chart's: the indicator's, the unit
            // cost's, or pounds for the £ effect.
            let csv = panel.table(&title).to_csv(&panel.scene.unit);
            report(save_text(
                &format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                &csv,
            ));
        })
    };
    html! {
        <div class="outturn-exports" role="group" aria-label={format!("Download {}", props.title)}>
            <span class="outturn-exports-label" aria-hidden="true">{ "Download:" }</span>
            <button type="button" class="outturn-export-svg" onclick={on_svg}>{ "Chart as SVG" }</button>
            <button type="button" class="outturn-export-png" onclick={on_png}>{ "Chart as PNG" }</button>
            <button type="button" class="outturn-export-csv" onclick={on_csv}>{ "Figures as CSV" }</button>
        </div>
    }
}
