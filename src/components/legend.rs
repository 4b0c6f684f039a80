//! The key, above the chart: each line with its real dash and marker, and
//! the two shadings, so nothing relies on colour alone.

use std::rc::Rc;

use outturn_core::chart::{Marker, Scene, SeriesRole, Theme};
use yew::prelude::*;

use super::hex;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The chart whose lines are listed.
    pub scene: Rc<Scene>,
    /// Colours.
    pub theme: Theme,
}

fn swatch(role: SeriesRole, theme: &Theme) -> Html {
    let style = role.style();
    let colour = hex(role.colour(theme));
    let dash = style.dash.map(|(dash, gap)| format!("{dash} {gap}"));
    let marker = match style.marker {
        Marker::None => Html::default(),
        Marker::Circle => html! { <circle cx="16" cy="7" r="4" fill={colour.clone()} /> },
        Marker::Square => {
            html! { <rect x="13" y="4" width="6" height="6" fill={colour.clone()} /> }
        }
        Marker::Triangle => html! { <polygon points="16,2 21,11 11,11" fill={colour.clone()} /> },
    };
    html! {
        <svg class="outturn-swatch" width="32" height="14" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
            <line x1="1" y1="7" x2="31" y2="7" stroke={colour.clone()} stroke-width={style.width.to_string()}
                stroke-dasharray={dash} opacity={style.opacity.to_string()} />
            { marker }
        </svg>
    }
}

fn band_swatch(colour: String) -> Html {
    html! {
        <svg class="outturn-swatch" width="32" height="14" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="30" height="12" fill={colour} opacity="0.28" />
        </svg>
    }
}

/// The chart's key.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let theme = &props.theme;
    // Main series first (as a reader scans), earlier years after.
    let mut lines: Vec<_> = props.scene.lines.iter().collect();
    lines.sort_by_key(|line| match line.role {
        SeriesRole::Actual => 0,
        SeriesRole::Budget => 1,
        SeriesRole::Projection => 2,
        SeriesRole::Forecast => 3,
        SeriesRole::RunningVariance => 4,
        SeriesRole::NextBudget => 5,
        SeriesRole::PreviousActual { age } => 5 + age,
    });
    let over = props.scene.bands.iter().any(|band| band.over);
    let under = props.scene.bands.iter().any(|band| !band.over);
    html! {
        <ul class="outturn-legend" aria-label="Key">
            { for lines.into_iter().map(|line| html! {
                <li>{ swatch(line.role, theme) }<span>{ line.label.clone() }</span></li>
            }) }
            if over {
                <li>{ band_swatch(hex(theme.over)) }<span>{ "Shaded: actual over the affordable level" }</span></li>
            }
            if under {
                <li>{ band_swatch(hex(theme.under)) }<span>{ "Shaded: actual under the affordable level" }</span></li>
            }
        </ul>
    }
}
