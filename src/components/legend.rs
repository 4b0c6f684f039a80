//! The key, above the chart (as ONS guidance asks): each line with its real
//! dash and marker, the shadings and bars. Line entries are toggle buttons
//! that show or hide the line.

use outturn_core::chart::{BarKind, Marker, SeriesRole, Theme, BAR_OPACITY, ZONE_OPACITY};
use yew::prelude::*;

use super::hex;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Every line the chart can show: (role, label).
    pub entries: Vec<(SeriesRole, String)>,
    /// Sides of the shaded band pieces drawn (true = over).
    pub bands: Vec<bool>,
    /// The chart shades the amber zone between a floor and a target.
    #[prop_or_default]
    pub zone: bool,
    /// Kinds of bars drawn.
    pub bars: Vec<BarKind>,
    /// Hidden lines.
    pub hidden: Vec<SeriesRole>,
    /// Called with a line to show or hide it.
    pub on_toggle: Callback<SeriesRole>,
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

/// A filled block in `colour` at `opacity`, as the chart fills bars and shading.
fn block_swatch(colour: String, opacity: f64) -> Html {
    html! {
        <svg class="outturn-swatch" width="32" height="14" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="30" height="12" fill={colour.clone()} opacity={opacity.to_string()} stroke={colour} />
        </svg>
    }
}

/// The chart's key.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let theme = &props.theme;
    // Main series first (as a reader scans), earlier years after.
    let mut entries: Vec<&(SeriesRole, String)> = props.entries.iter().collect();
    outturn_core::order::sort_stable_by_key(&mut entries, |(role, _)| role.rank());
    let lines = entries.into_iter().map(|(role, label)| {
        let role = *role;
        let shown = !props.hidden.contains(&role);
        let on_toggle = props.on_toggle.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_toggle.emit(role));
        html! {
            <li>
                <button type="button" class="outturn-legend-toggle" aria-pressed={shown.to_string()}
                    data-line={role.key()} title={if shown { "Hide this line" } else { "Show this line" }} {onclick}>
                    { swatch(role, theme) }<span>{ label.clone() }</span>
                </button>
            </li>
        }
    });
    let over = props.bands.iter().any(|b| *b);
    let under = props.bands.iter().any(|b| !*b);
    let bar = |kind: BarKind, label: &str| {
        props.bars.contains(&kind).then(|| {
            html! { <li class="outturn-legend-static">{ block_swatch(hex(kind.colour(theme)), BAR_OPACITY) }<span>{ label.to_string() }</span></li> }
        })
    };
    html! {
        <ul class="outturn-legend" aria-label="Key (buttons show or hide lines)">
            { for lines }
            if over {
                <li class="outturn-legend-static">{ block_swatch(hex(theme.over), theme.shading_opacity()) }<span>{ "Shaded: actual over the affordable level" }</span></li>
            }
            if under {
                <li class="outturn-legend-static">{ block_swatch(hex(theme.under), theme.shading_opacity()) }<span>{ "Shaded: actual under the affordable level" }</span></li>
            }
            if props.zone {
                <li class="outturn-legend-static">{ block_swatch(hex(theme.over), ZONE_OPACITY) }<span>{ "Shaded: between floor and target (Amber)" }</span></li>
            }
            { for bar(BarKind::Over, "Bars up: over the affordable level") }
            { for bar(BarKind::Under, "Bars down: under the affordable level") }
            { for bar(BarKind::Volume, "Volume effect") }
            { for bar(BarKind::Price, "Price effect") }
            { for bar(BarKind::Total, "Total £ effect") }
            { for bar(BarKind::Better, "Bars: better than target") }
            { for bar(BarKind::Worse, "Bars: worse than target") }
            { for bar(BarKind::Beside, "Bars: above or below target") }
        </ul>
    }
}
