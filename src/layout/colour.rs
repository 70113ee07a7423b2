//! A brand colour as a brand manual gives it: ink percentages for print (`[c, m, y, k]`), a
//! screen colour (`"#003399"`), or both (`{print: [..], screen: "#…"}`). The side not given is
//! converted through the print condition's own profile (Coated FOGRA39, with LittleCMS: relative
//! colorimetric with black-point compensation, as the print twins convert), so that a colour
//! looks on screen as it will print, and a screen colour prints as near as the press can.

use serde::{Deserialize, Serialize};

/// Which sides of a colour the layout gave; the other is converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    Ink,
    Screen,
    Both,
}

/// A brand colour: its inks in percent and its screen colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    /// Cyan, magenta, yellow and black ink, 0–100.
    pub ink: [f64; 4],
    /// Red, green and blue (sRGB), 0–255.
    pub screen: [u8; 3],
    pub given: Given,
}

impl Colour {
    /// A colour given as inks, its screen colour through the print profile.
    pub fn from_ink(ink: [f64; 4]) -> Colour {
        let screen = crate::output::print::colour::ink_to_screen(ink.map(|v| v / 100.0))
            .unwrap_or_else(|_| naive_screen(ink));
        Colour {
            ink,
            screen,
            given: Given::Ink,
        }
    }

    /// A colour given for screens, its inks through the print profile.
    pub fn from_screen(screen: [u8; 3]) -> Colour {
        let ink = crate::output::print::colour::vector_cmyk(screen.map(|v| f64::from(v) / 255.0))
            .map(|ink| ink.map(|v| (v * 1000.0).round() / 10.0))
            .unwrap_or([0.0, 0.0, 0.0, 100.0]);
        Colour {
            ink,
            screen,
            given: Given::Screen,
        }
    }

    /// The screen colour as `#rrggbb`.
    pub fn screen_hex(&self) -> String {
        let [r, g, b] = self.screen;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// The uncalibrated formula, only if the profile cannot be read (it is built in).
fn naive_screen(ink: [f64; 4]) -> [u8; 3] {
    let [c, m, y, k] = ink.map(|v| v / 100.0);
    let channel = |ink: f64| ((1.0 - ink) * (1.0 - k) * 255.0).round() as u8;
    [channel(c), channel(m), channel(y)]
}

/// `#rgb` or `#rrggbb` (the `#` may be left out), as brand manuals and web pages write them.
pub fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let digits = text.trim().trim_start_matches('#');
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let value = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        3 => {
            let mut rgb = [0; 3];
            for (i, c) in digits.chars().enumerate() {
                rgb[i] = value(&c.to_string().repeat(2))?;
            }
            Some(rgb)
        }
        6 => Some([
            value(&digits[0..2])?,
            value(&digits[2..4])?,
            value(&digits[4..6])?,
        ]),
        _ => None,
    }
}

/// The templates read a colour's inks (`data.layout.colours`); the screen colours go to them
/// separately, by name.
impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.ink.serialize(serializer)
    }
}

/// What a layout may write for a colour.
#[derive(Deserialize)]
#[serde(untagged)]
enum Written {
    Ink(Vec<f64>),
    Screen(String),
    Both { print: Vec<f64>, screen: String },
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let written =
            Written::deserialize(deserializer).map_err(|_| D::Error::custom(t!("colour-forms")))?;
        let inks = |values: Vec<f64>| -> Result<[f64; 4], D::Error> {
            let inks: [f64; 4] = values
                .as_slice()
                .try_into()
                .map_err(|_| D::Error::custom(t!("colour-ink-count", count = values.len())))?;
            if let Some(bad) = inks.iter().find(|v| !(0.0..=100.0).contains(*v)) {
                return Err(D::Error::custom(t!("colour-ink-range", value = *bad)));
            }
            Ok(inks)
        };
        let hex = |text: &str| {
            parse_hex(text).ok_or_else(|| D::Error::custom(t!("colour-hex", text = text)))
        };
        Ok(match written {
            Written::Ink(values) => Colour::from_ink(inks(values)?),
            Written::Screen(text) => Colour::from_screen(hex(&text)?),
            Written::Both { print, screen } => Colour {
                ink: inks(print)?,
                screen: hex(&screen)?,
                given: Given::Both,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Colour, String> {
        serde_yaml::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn inks_show_on_screen_as_the_press_prints_them() {
        assert_eq!(
            Colour::from_ink([0.0, 0.0, 0.0, 0.0]).screen,
            [255, 255, 255]
        );
        // Norrbotten's blue: a dark navy through FOGRA39, not the naive formula's bright #0042a6.
        let navy = Colour::from_ink([100.0, 60.0, 0.0, 35.0]).screen;
        assert!(navy[2] < 0x90 && navy[0] < 0x10, "{navy:?}");
        let black = Colour::from_ink([0.0, 0.0, 0.0, 100.0]).screen;
        assert!(black.iter().all(|v| *v < 0x30), "{black:?}");
    }

    #[test]
    fn a_colour_may_be_inks_a_hex_colour_or_both() {
        let ink = read("[100, 60, 0, 35]").unwrap();
        assert_eq!((ink.ink, ink.given), ([100.0, 60.0, 0.0, 35.0], Given::Ink));
        let screen = read("\"#003399\"").unwrap();
        assert_eq!(
            (screen.screen, screen.given),
            ([0x00, 0x33, 0x99], Given::Screen)
        );
        assert!(
            screen.ink[0] > 80.0 && screen.ink[2] < 10.0,
            "{:?}",
            screen.ink
        );
        assert_eq!(read("'#fff'").unwrap().screen, [255, 255, 255]);
        let both = read("{print: [0, 100, 85, 5], screen: '#e2001a'}").unwrap();
        assert_eq!(
            (both.ink, both.screen),
            ([0.0, 100.0, 85.0, 5.0], [0xe2, 0x00, 0x1a])
        );
    }

    #[test]
    fn a_wrong_colour_says_which_forms_are_allowed() {
        for bad in [
            "[1, 2, 3]",
            "[0, 0, 0, 120]",
            "'#12345'",
            "'blue'",
            "{ink: [0, 0, 0, 0]}",
        ] {
            let err = read(bad).unwrap_err();
            assert!(!err.contains("invalid type"), "{bad}: {err}");
        }
        assert!(read("'blue'").unwrap_err().contains("#003399"));
    }
}
