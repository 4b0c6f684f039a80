//! The £ effect of a volume variance, split into volume and price.
//!
//! For an activity with a unit cost (hours with £ per hour):
//! - [`CostConvention::VolumeAtActualCost`] (Kent's domiciliary care table
//!   2.7): volume = (actual - budget volume) × actual unit cost,
//!   price = (actual - budget unit cost) × budget volume;
//! - [`CostConvention::VolumeAtBudgetCost`] (Kent's independent foster care
//!   table 2.2.2): volume = (actual - budget volume) × budget unit cost,
//!   price = (actual - budget unit cost) × actual volume.
//!
//! Either way volume + price = actual spend - budgeted spend, exactly.

use super::YearAnalysis;
use crate::model::Unit;

/// Which unit cost prices the volume effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CostConvention {
    /// Volume at the actual unit cost, price at the budgeted volume (default).
    #[default]
    VolumeAtActualCost,
    /// Volume at the budgeted unit cost, price at the actual volume.
    VolumeAtBudgetCost,
}

impl CostConvention {
    /// Every convention, in the order they are offered.
    pub const ALL: [CostConvention; 2] = [
        CostConvention::VolumeAtActualCost,
        CostConvention::VolumeAtBudgetCost,
    ];

    /// URL and command-line word: `actual-cost`, `budget-cost`.
    pub fn slug(self) -> &'static str {
        match self {
            CostConvention::VolumeAtActualCost => "actual-cost",
            CostConvention::VolumeAtBudgetCost => "budget-cost",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|convention| convention.slug() == slug)
    }

    /// How the choice is offered: "Volume at actual unit cost, price at
    /// affordable volume".
    pub fn label(self) -> &'static str {
        match self {
            CostConvention::VolumeAtActualCost => {
                "Volume at actual unit cost, price at affordable volume"
            }
            CostConvention::VolumeAtBudgetCost => {
                "Volume at affordable unit cost, price at actual volume"
            }
        }
    }

    /// How the convention is named on the chart and in sentences.
    pub fn describe(self) -> &'static str {
        match self {
            CostConvention::VolumeAtActualCost => {
                "volume priced at the actual unit cost, price at the affordable volume"
            }
            CostConvention::VolumeAtBudgetCost => {
                "volume priced at the affordable unit cost, price at the actual volume"
            }
        }
    }
}

/// The £ effect of an indicator's variance, in pounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostEffect {
    /// The convention used.
    pub convention: CostConvention,
    /// Affordable volume to date (indicator units).
    pub budget_volume: f64,
    /// Actual volume to date (indicator units).
    pub actual_volume: f64,
    /// Affordable unit cost, £ per unit.
    pub budget_unit_cost: f64,
    /// Actual unit cost, £ per unit.
    pub actual_unit_cost: f64,
    /// Volume effect, £.
    pub volume: f64,
    /// Price effect, £.
    pub price: f64,
}

impl CostEffect {
    /// volume + price, £: equals actual spend - budgeted spend.
    pub fn total(&self) -> f64 {
        self.volume + self.price
    }

    /// Budgeted spend, £ (budget volume × budget unit cost).
    pub fn budget_spend(&self) -> f64 {
        self.budget_volume * self.budget_unit_cost
    }

    /// Actual spend, £ (actual volume × actual unit cost).
    pub fn actual_spend(&self) -> f64 {
        self.actual_volume * self.actual_unit_cost
    }
}

/// The cost effect of `volume` priced by `cost` (the unit-cost indicator's
/// analysis of the same year, whose unit is `cost_unit`).
///
/// A year's unit cost is the cost indicator's year value to date. Returns
/// `None` unless both volumes and both unit costs exist and the cost unit is
/// a price in pounds.
pub fn cost_effect(
    volume: &YearAnalysis,
    cost: &YearAnalysis,
    cost_unit: &Unit,
    convention: CostConvention,
) -> Option<CostEffect> {
    let pounds = cost_unit.pounds_per_value()?;
    let budget_volume = volume.budget_to_date?;
    let actual_volume = volume.actual_compared?;
    let budget_unit_cost = cost.budget_to_date? * pounds;
    let actual_unit_cost = cost.actual_compared? * pounds;
    let volume_change = actual_volume - budget_volume;
    let cost_change = actual_unit_cost - budget_unit_cost;
    let (volume_effect, price_effect) = match convention {
        CostConvention::VolumeAtActualCost => (
            volume_change * actual_unit_cost,
            cost_change * budget_volume,
        ),
        CostConvention::VolumeAtBudgetCost => (
            volume_change * budget_unit_cost,
            cost_change * actual_volume,
        ),
    };
    Some(CostEffect {
        convention,
        budget_volume,
        actual_volume,
        budget_unit_cost,
        actual_unit_cost,
        volume: volume_effect,
        price: price_effect,
    })
}
