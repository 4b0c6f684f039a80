//! Colours for drawing. The widget fills a [`Theme`] from its CSS custom
//! properties so host pages can restyle charts; these defaults are the light
//! and dark palettes (after the UK Analysis Function's accessible palette).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// Parses `#rgb` or `#rrggbb` (CSS hex colours).
    pub fn parse_hex(text: &str) -> Option<Self> {
        let hex = text.trim().strip_prefix('#')?;
        let channel = |i: usize, width: usize| -> Option<u8> {
            let part = hex.get(i * width..(i + 1) * width)?;
            let value = u8::from_str_radix(part, 16).ok()?;
            Some(if width == 1 { value * 17 } else { value })
        };
        match hex.len() {
            3 => Some(Self(channel(0, 1)?, channel(1, 1)?, channel(2, 1)?)),
            6 => Some(Self(channel(0, 2)?, channel(1, 2)?, channel(2, 2)?)),
            _ => None,
        }
    }
}

impl Colour {
    /// Parses a computed CSS colour, `rgb(18, 67, 109)` or `rgba(18, 67, 109, 0.5)`
    /// (the alpha is ignored), as `getComputedStyle` reports any colour,
    /// including named and system colours.
    pub fn parse_css(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(hex) = Self::parse_hex(text) {
            return Some(hex);
        }
        let inner = text
            .strip_prefix("rgba(")
            .or_else(|| text.strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let mut channels = inner
            .split([',', ' ', '/'])
            .filter(|part| !part.is_empty())
            .map(|part| crate::format::parse_decimal(part.trim()));
        let mut next = || -> Option<u8> { Some(channels.next()??.round().clamp(0.0, 255.0) as u8) };
        Some(Self(next()?, next()?, next()?))
    }
}

impl Colour {
    /// Relative luminance (WCAG 2.2), from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let value = f64::from(channel) / 255.0;
            if value <= 0.04045 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The contrast ratio of two colours (WCAG 2.2), from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour drawn at `opacity` (0 to 1) over `under`: the colour the
    /// reader sees.
    pub fn over(self, under: Colour, opacity: f64) -> Colour {
        let blend = |top: u8, bottom: u8| {
            (opacity * f64::from(top) + (1.0 - opacity) * f64::from(bottom))
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Colour(
            blend(self.0, under.0),
            blend(self.1, under.1),
            blend(self.2, under.2),
        )
    }
}

/// The colours of one chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Chart background.
    pub background: Colour,
    /// Axis titles.
    pub text: Colour,
    /// Tick labels.
    pub text_muted: Colour,
    /// Gridlines.
    pub grid: Colour,
    /// The zero line and plot frame.
    pub axis: Colour,
    /// Affordable level line.
    pub budget: Colour,
    /// Actual line.
    pub actual: Colour,
    /// Forecast line.
    pub forecast: Colour,
    /// Earlier years' actuals.
    pub previous: Colour,
    /// Next year's affordable level.
    pub next_budget: Colour,
    /// Shading where actual is over the affordable level.
    pub over: Colour,
    /// Shading where actual is under the affordable level.
    pub under: Colour,
}

impl Theme {
    /// For light backgrounds. Lines have at least 3:1 contrast on white.
    pub const fn light() -> Self {
        Self {
            background: Colour(0xff, 0xff, 0xff),
            text: Colour(0x0b, 0x0c, 0x0c),
            text_muted: Colour(0x50, 0x5a, 0x5f),
            grid: Colour(0xe1, 0xe4, 0xe6),
            axis: Colour(0x6f, 0x77, 0x7b),
            budget: Colour(0x3d, 0x3d, 0x3d),
            actual: Colour(0x12, 0x43, 0x6d),
            forecast: Colour(0x80, 0x16, 0x50),
            previous: Colour(0x8a, 0x8f, 0x94),
            next_budget: Colour(0x6b, 0x4f, 0xa0),
            over: Colour(0xd4, 0x35, 0x1c),
            under: Colour(0x28, 0xa1, 0x97),
        }
    }

    /// For dark backgrounds.
    pub const fn dark() -> Self {
        Self {
            background: Colour(0x12, 0x14, 0x16),
            text: Colour(0xf3, 0xf2, 0xf1),
            text_muted: Colour(0xc0, 0xc5, 0xc9),
            grid: Colour(0x33, 0x38, 0x3c),
            axis: Colour(0x8d, 0x95, 0x9a),
            budget: Colour(0xd8, 0xd8, 0xd8),
            actual: Colour(0x5d, 0xa9, 0xf0),
            forecast: Colour(0xf2, 0x8a, 0xc4),
            previous: Colour(0x80, 0x86, 0x8b),
            next_budget: Colour(0xb9, 0xa2, 0xe8),
            over: Colour(0xf4, 0x6a, 0x25),
            under: Colour(0x3c, 0xc9, 0xbd),
        }
    }
}

impl Theme {
    /// Opacity of the variance shading (over and under the affordable
    /// level) on this theme's background: 0.28 on a light background, 0.4
    /// on a dark one. A tint of the same opacity reads far fainter on a
    /// dark background (1.5:1 for the over shading at 0.28); at 0.4 it is
    /// at least as distinct as on a light one, and every line drawn over it
    /// keeps 3:1 (`tests/contrast.rs`).
    /// (A dark background: every channel under half, a plain test, so the
    /// widget compiles no luminance arithmetic for it.)
    pub fn shading_opacity(&self) -> f64 {
        let Colour(red, green, blue) = self.background;
        if red.max(green).max(blue) < 0x80 {
            0.4
        } else {
            0.28
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::light()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_colours_parse() {
        assert_eq!(
            Colour::parse_css("rgb(18, 67, 109)"),
            Some(Colour(18, 67, 109))
        );
        assert_eq!(
            Colour::parse_css("rgba(0, 0, 0, 0.5)"),
            Some(Colour(0, 0, 0))
        );
        assert_eq!(
            Colour::parse_css("rgb(255 255 255 / 50%)"),
            Some(Colour(255, 255, 255))
        );
        assert_eq!(Colour::parse_css("#fff"), Some(Colour(255, 255, 255)));
        assert_eq!(Colour::parse_css("canvastext"), None);
    }

    #[test]
    fn hex_colours_parse() {
        assert_eq!(Colour::parse_hex("#12436d"), Some(Colour(0x12, 0x43, 0x6d)));
        assert_eq!(Colour::parse_hex(" #fff "), Some(Colour(255, 255, 255)));
        assert_eq!(Colour::parse_hex("red"), None);
        assert_eq!(Colour::parse_hex("#12345"), None);
    }
}
