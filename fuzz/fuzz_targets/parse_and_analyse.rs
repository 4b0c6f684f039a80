//! Any bytes through everything the widget and the CLI do with a file:
//! decode, parse and validate, then for every indicator, year and view build
//! the view, lay out and draw each chart, make its table and CSV, and the
//! summary JSON. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use outturn_core::analysis::CostConvention;
use outturn_core::chart::{chart_height, layout, render_svg, Theme};
use outturn_core::summary::summary_json;
use outturn_core::view::{dashboard, DashboardOrder, IndicatorView, View, ViewOptions};
use outturn_core::{decode_text, parse_dataset};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode_text(bytes) else {
        return;
    };
    let Ok(parsed) = parse_dataset(&text) else {
        return;
    };
    let dataset = parsed.dataset;
    let _ = summary_json(&dataset, CostConvention::VolumeAtBudgetCost).to_string();
    let _ = dashboard(&dataset, None, DashboardOrder::Variance);
    for indicator in dataset.indicators.iter().take(4) {
        for figures in indicator.years.iter().take(3) {
            for view in View::ALL {
                let options = ViewOptions {
                    view,
                    as_at: Some(bytes.len() % 13),
                    window: Some((1.5, 7.0)),
                    ..ViewOptions::default()
                };
                let Some(shown) = IndicatorView::new(&dataset, &indicator.id, figures.year, &options) else {
                    continue;
                };
                for panel in &shown.panels {
                    let width = 200.0 + (bytes.len() % 900) as f64;
                    let frame = layout(&panel.scene, width, chart_height(width));
                    let _ = render_svg(&panel.scene, &frame, &Theme::light());
                    let _ = panel.table("x").to_csv(&panel.scene.unit);
                    for position in 0..panel.scene.count().min(40) {
                        let _ = panel.announcement(position, position % 3);
                    }
                }
            }
        }
    }
});
