//! The contrast of everything a chart draws, in every theme the stylesheet
//! defines (light, dark, high contrast). axe-core cannot judge text inside
//! the chart's SVG (it sits under the interaction layer, so axe reports it
//! "incomplete"), so this is where it is checked, from what is drawn:
//!
//! - every text, at its opacity, at least 4.5:1 against the chart's
//!   background (WCAG 1.4.3);
//! - every line, marker and bar edge at least 3:1 (WCAG 1.4.11), except
//!   the gridlines, which are drawn in the grid colour as decoration;
//! - the variance shading: every line colour keeps 3:1 against it, and on
//!   a dark background it is at least as distinct from the background as
//!   on the light one (issue 20 found the dark theme's shading too faint);
//! - every line in a legend differs from the others in colour, dash or
//!   marker, so the legend can say which line is which where a chart is too
//!   narrow for end labels, or leaves out a label that would be ambiguous.
//!
//! The themes are read from `assets/outturn.css`, the colours the widget
//! takes from its custom properties, and the core's own palettes (used by
//! the command line and the exports) must equal the stylesheet's.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::{kent, read};
use outturn_core::chart::{
    chart_height, layout_window, render_svg, BarKind, Colour, SeriesRole, Theme,
};
use outturn_core::model::FinancialYear;
use outturn_core::view::{IndicatorView, View, ViewOptions};
use outturn_core::Dataset;

/// A theme's custom properties, from the block after `selector` in the
/// stylesheet.
fn theme_in_css(css: &str, selector: &str) -> Theme {
    let start = css.find(selector).unwrap_or_else(|| panic!("{selector}"));
    let block = &css[start..];
    let block = &block[block.find('{').unwrap() + 1..block.find('}').unwrap()];
    let colour = |name: &str| {
        let at = block
            .find(&format!("--outturn-{name}:"))
            .unwrap_or_else(|| panic!("{selector} has no --outturn-{name}"));
        let value = block[at..].split([':', ';']).nth(1).unwrap();
        Colour::parse_hex(value).unwrap_or_else(|| panic!("{name}: {value}"))
    };
    Theme {
        background: colour("background"),
        text: colour("text"),
        text_muted: colour("text-muted"),
        grid: colour("grid"),
        axis: colour("axis"),
        budget: colour("budget"),
        actual: colour("actual"),
        forecast: colour("forecast"),
        previous: colour("previous"),
        next_budget: colour("next-budget"),
        over: colour("over"),
        under: colour("under"),
    }
}

/// The stylesheet's themes: light (the defaults), dark and high contrast.
fn themes() -> Vec<(&'static str, Theme)> {
    let css = read("assets/outturn.css");
    vec![
        (
            "light",
            theme_in_css(&css, ":host, :where(.outturn, [data-outturn])"),
        ),
        (
            "dark",
            theme_in_css(&css, ".outturn-root[data-theme=\"dark\"]"),
        ),
        (
            "high contrast",
            theme_in_css(&css, ".outturn-root[data-theme=\"contrast\"]"),
        ),
    ]
}

#[test]
fn the_cores_palettes_are_the_stylesheets() {
    let themes = themes();
    assert_eq!(themes[0].1, Theme::light());
    assert_eq!(themes[1].1, Theme::dark());
}

/// One drawn element's colours: (tag, fill, stroke, opacity).
type Mark = (String, Option<Colour>, Option<Colour>, f64);

/// Every element of an SVG drawing, with its colours.
fn marks(svg: &str) -> Vec<Mark> {
    svg.split('<')
        .skip(1)
        .filter(|part| !part.starts_with('/'))
        .map(|part| {
            let tag: String = part.chars().take_while(char::is_ascii_alphabetic).collect();
            let attribute = |name: &str| {
                let at = part.find(&format!(" {name}=\""))? + name.len() + 3;
                let end = part[at..].find('"')? + at;
                Some(&part[at..end])
            };
            let colour = |name: &str| attribute(name).and_then(Colour::parse_hex);
            let opacity = attribute("opacity").map_or(1.0, |o| o.parse::<f64>().unwrap());
            (tag, colour("fill"), colour("stroke"), opacity)
        })
        .collect()
}

/// Every view of `id` in `year` that the indicator has.
fn views(dataset: &Dataset, id: &str, year: &str) -> Vec<IndicatorView> {
    let year = FinancialYear::parse(year).unwrap();
    View::ALL
        .into_iter()
        .filter_map(|view| {
            let options = ViewOptions {
                view,
                ..ViewOptions::default()
            };
            IndicatorView::new(dataset, id, year, &options).filter(|shown| shown.view == view)
        })
        .collect()
}

/// Every view of `id` in `year` that the indicator has, drawn at a
/// desktop and a phone width in `theme`.
fn drawings(dataset: &Dataset, id: &str, year: &str, theme: &Theme) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for shown in views(dataset, id, year) {
        let view = shown.view;
        for panel in &shown.panels {
            for width in [896.0, 327.0] {
                let frame = layout_window(
                    &panel.scene,
                    panel.scene.x_window,
                    width,
                    chart_height(width),
                );
                let name = format!("{id} {} {} at {width}", view.slug(), panel.kind.slug());
                out.push((name, render_svg(&panel.scene, &frame, theme).unwrap()));
            }
        }
    }
    out
}

/// The indicators drawn: flows, a snapshot, unit costs and £ effects, a
/// termly flow, performance indicators with targets, floors and
/// benchmarks, and monitoring rounds.
fn every_kind_of_chart(theme: &Theme) -> Vec<(String, String)> {
    let kent = kent();
    let performance = outturn_core::parse_dataset(&read("assets/kent-2011-12-q4-performance.json"))
        .unwrap()
        .dataset;
    let exceptions =
        outturn_core::parse_dataset(&read("assets/kent-2016-01-childrens-exceptions.json"))
            .unwrap()
            .dataset;
    let rounds = outturn_core::parse_dataset(&read("tests/fixtures/valid/rounds.json"))
        .unwrap()
        .dataset;
    let mut out = Vec::new();
    for id in [
        "domiciliary-care-hours",
        "direct-payments",
        "foster-care-independent-weeks",
        "waste-tonnage",
        "early-years-hours",
    ] {
        out.extend(drawings(&kent, id, "2011-12", theme));
    }
    out.extend(drawings(
        &performance,
        "qpr-26-municipal-waste-diverted-from-landfill",
        "2011-12",
        theme,
    ));
    out.extend(drawings(
        &performance,
        "qpr-22-outcomes-achieved-first-review",
        "2011-12",
        theme,
    ));
    out.extend(drawings(
        &exceptions,
        "scs-24-cic-reviews-in-timescale",
        "2015-16",
        theme,
    ));
    let id = rounds.indicators[0].id.clone();
    let year = rounds.indicators[0].years[0].year.to_string();
    out.extend(drawings(&rounds, &id, &year, theme));
    out
}

#[test]
fn every_text_line_marker_and_bar_edge_drawn_has_its_contrast_in_every_theme() {
    let mut failures = Vec::new();
    for (name, theme) in themes() {
        let background = theme.background;
        let drawn = every_kind_of_chart(&theme);
        assert!(drawn.len() > 40, "{name}: {} drawings", drawn.len());
        for (chart, svg) in &drawn {
            for (tag, fill, stroke, opacity) in marks(svg) {
                let seen = |colour: Colour| colour.over(background, opacity);
                let mut check = |what: &str, colour: Colour, least: f64| {
                    let ratio = seen(colour).contrast(background);
                    if ratio < least {
                        failures.push(format!(
                            "{name}: {chart}: {what} {colour:?} at opacity {opacity} is {ratio:.2}:1, under {least}:1"
                        ));
                    }
                };
                match (tag.as_str(), fill, stroke) {
                    ("text", Some(fill), _) => check("text", fill, 4.5),
                    ("svg", ..) => {}
                    // The chart's background.
                    ("rect", Some(fill), None) if fill == background => {}
                    (_, _, Some(stroke)) if stroke == theme.grid => {}
                    (_, _, Some(stroke)) => check("line or edge", stroke, 3.0),
                    // Markers are solid; a fill with an opacity under 1
                    // is shading or a bar's body, which has its edge.
                    (_, Some(fill), None) if opacity >= 1.0 => check("marker", fill, 3.0),
                    _ => {}
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_shading_keeps_the_lines_readable_and_reads_on_a_dark_background() {
    let themes = themes();
    let light = &themes[0].1;
    let lines = |theme: &Theme| {
        [
            SeriesRole::Actual,
            SeriesRole::Budget,
            SeriesRole::Forecast,
            SeriesRole::NextBudget,
            SeriesRole::Target,
        ]
        .map(|role| role.colour(theme))
    };
    for (name, theme) in &themes {
        let opacity = theme.shading_opacity();
        for side in [theme.over, theme.under] {
            let tint = side.over(theme.background, opacity);
            for line in lines(theme) {
                let ratio = line.contrast(tint);
                assert!(
                    ratio >= 3.0,
                    "{name}: {line:?} on the shading {tint:?} is {ratio:.2}:1"
                );
            }
            // A bar's edge is its full colour.
            assert!(side.contrast(theme.background) >= 3.0, "{name}: {side:?}");
        }
        if theme.background.luminance() < 0.2 {
            for (dark, light_side) in [(theme.over, light.over), (theme.under, light.under)] {
                let ours = dark
                    .over(theme.background, opacity)
                    .contrast(theme.background);
                let theirs = light_side
                    .over(light.background, light.shading_opacity())
                    .contrast(light.background);
                assert!(
                    ours >= theirs,
                    "{name}: the shading {dark:?} is {ours:.2}:1 against the background, fainter than the light theme's {theirs:.2}:1"
                );
            }
        }
    }
    // Every bar kind's edge.
    for (name, theme) in &themes {
        for kind in [
            BarKind::Over,
            BarKind::Under,
            BarKind::Volume,
            BarKind::Price,
            BarKind::Total,
            BarKind::Better,
            BarKind::Worse,
            BarKind::Beside,
        ] {
            let ratio = kind.colour(theme).contrast(theme.background);
            assert!(ratio >= 3.0, "{name}: {kind:?} bars' edge is {ratio:.2}:1");
        }
    }
}

#[test]
fn every_line_in_a_legend_differs_from_the_others() {
    let kent = kent();
    let mut shown = Vec::new();
    for id in [
        "domiciliary-care-hours",
        "waste-tonnage",
        "direct-payments",
        "early-years-hours",
    ] {
        shown.extend(views(&kent, id, "2011-12"));
    }
    assert!(shown.len() > 20);
    for (name, theme) in themes() {
        for view in &shown {
            for panel in &view.panels {
                let looks: Vec<_> = panel
                    .legend
                    .iter()
                    .map(|(role, label)| {
                        let style = role.style();
                        (role.colour(&theme), style.dash, style.marker, label)
                    })
                    .collect();
                for (i, a) in looks.iter().enumerate() {
                    for b in &looks[i + 1..] {
                        assert!(
                            (a.0, a.1, a.2) != (b.0, b.1, b.2),
                            "{name}: {} {}: \"{}\" and \"{}\" look alike",
                            view.indicator.id,
                            panel.kind.slug(),
                            a.3,
                            b.3
                        );
                    }
                }
            }
        }
    }
}
