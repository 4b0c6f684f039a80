//! Downloads for one chart: the chart as SVG or PNG (twice the size, for
//! print), each with its title and key, and its figures as CSV with the
//! same numbers as the table.

use crate::backend::render_export_svg;
use outturn_core::chart::{chart_height, layout_window, Theme, Viewport};
use outturn_core::view::Panel;
use yew::prelude::*;

use crate::download::{save_png, save_text};
use crate::state::Shared;

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The chart.
    pub panel: Shared<Panel>,
    /// Title written on the exported chart (indicator and chart).
    pub title: AttrValue,
    /// File name without extension, e.g. `domiciliary-care-hours-2011-12-budget`.
    pub stem: AttrValue,
    /// Width the chart is drawn at, CSS pixels.
    pub width: u32,
    /// The x window shown (a zoomed timeline), if not the panel's own.
    #[prop_or_default]
    pub window: Option<Viewport>,
    /// Colours.
    pub theme: Theme,
}

/// A file the bar saves.
#[derive(Clone, Copy)]
enum Format {
    Svg,
    Png,
    Csv,
}

/// Three download buttons.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    // One handler for the three formats, so the chart is laid out and
    // titled the same way whichever file is asked for.
    let save = |format: Format| {
        let (panel, title, stem, theme) = (
            props.panel.clone(),
            props.title.clone(),
            props.stem.clone(),
            props.theme,
        );
        let width = f64::from(props.width);
        let window = props.window.unwrap_or(props.panel.scene.x_window);
        Callback::from(move |_: MouseEvent| {
            let frame = layout_window(&panel.scene, window, width, chart_height(width));
            let result = match format {
                Format::Svg => {
                    render_export_svg(&title, &panel.legend_shown(), &panel.scene, &frame, &theme)
                        .map_err(|e| e.to_string().into())
                        .and_then(|svg| save_text(&format!("{stem}.svg"), "image/svg+xml", &svg))
                }
                Format::Png => save_png(
                    &format!("{stem}.png"),
                    &title,
                    &panel.legend_shown(),
                    &panel.scene,
                    &frame,
                    &theme,
                ),
                // The scene's unit is the chart's: the indicator's, the unit
                // cost's, or pounds for the £ effect.
                Format::Csv => save_text(
                    &format!("{stem}.csv"),
                    "text/csv;charset=utf-8",
                    &panel.table(&title).to_csv(&panel.scene.unit),
                ),
            };
            if let Err(error) = result {
                web_sys::console::error_1(&error);
            }
        })
    };
    let (on_svg, on_png, on_csv) = (save(Format::Svg), save(Format::Png), save(Format::Csv));
    html! {
        <div class="outturn-exports" role="group" aria-label={format!("Download {}", props.title)}>
            <span class="outturn-exports-label" aria-hidden="true">{ "Download:" }</span>
            <button type="button" class="outturn-export-svg" onclick={on_svg}>{ "Chart as SVG" }</button>
            <button type="button" class="outturn-export-png" onclick={on_png}>{ "Chart as PNG" }</button>
            <button type="button" class="outturn-export-csv" onclick={on_csv}>{ "Figures as CSV" }</button>
        </div>
    }
}
