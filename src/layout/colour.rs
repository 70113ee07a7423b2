//! A brand colour as printed (CMYK ink percentages), and its screen RGB.

use serde::{Deserialize, Serialize};

/// A colour as printed: cyan, magenta, yellow and black ink in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cmyk(pub [f64; 4]);

impl Cmyk {
    /// The colour for screens, as `#rrggbb`, by the usual uncalibrated conversion.
    pub fn to_rgb_hex(self) -> String {
        let [r, g, b] = self.to_rgb8();
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The colour for screens as red, green and blue, 0–255.
    pub fn to_rgb8(self) -> [u8; 3] {
        let [c, m, y, k] = self.0.map(|v| v / 100.0);
        let channel = |ink: f64| ((1.0 - ink) * (1.0 - k) * 255.0).round() as u8;
        [channel(c), channel(m), channel(y)]
    }
}

impl<'de> Deserialize<'de> for Cmyk {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let values = Vec::<f64>::deserialize(deserializer)?;
        let inks: [f64; 4] = values.as_slice().try_into().map_err(|_| {
            serde::de::Error::custom(format!(
                "a colour is four ink percentages [cyan, magenta, yellow, black], e.g. [0, 100, 85, 5]; this has {}",
                values.len()
            ))
        })?;
        if let Some(bad) = inks.iter().find(|v| !(0.0..=100.0).contains(*v)) {
            return Err(serde::de::Error::custom(format!(
                "ink percentages are 0 to 100, not {bad}"
            )));
        }
        Ok(Cmyk(inks))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmyk_converts_for_screens() {
        assert_eq!(Cmyk([0.0, 0.0, 0.0, 100.0]).to_rgb_hex(), "#000000");
        assert_eq!(Cmyk([0.0, 0.0, 0.0, 0.0]).to_rgb_hex(), "#ffffff");
        assert_eq!(Cmyk([0.0, 100.0, 100.0, 0.0]).to_rgb_hex(), "#ff0000");
    }
}
