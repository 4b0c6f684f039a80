//! Words and numbers the UK way: `2,410,522 hours`, `£1,234`, `£118k`,
//! `£1.2m`, `+8,006 (+0.3%)`, and the plain-English sentences built from the
//! analysis (headline, cost effect, tooltip rows).

mod narrative;
mod number;

pub use narrative::{cost_sentence, headline, point_detail, printed_sentences, PointDetail};
pub use number::{
    format_amount, format_axis_tick, format_money, format_number, format_percent, format_signed,
    format_value, format_variance,
};
