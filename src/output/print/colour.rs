//! Colour management of the print twins: what Typst paints in RGB or ICC-based grey becomes
//! DeviceCMYK through the output intent's own profile (Coated FOGRA39), with LittleCMS.
//!
//! - Vector colour: relative colorimetric with black-point compensation, the intent for flat
//!   colour that must match the screen where the press can; a brand colour keeps its exact inks
//!   (the caller looks it up first).
//! - Photos: perceptual (the profile's own gamut mapping) with black-point compensation.
//! - Greys, vector or raster: black ink only, of the lightness the grey has on screen (a grey
//!   built of four inks shifts colour with every press's balance).
//!
//! RGB without a profile is read as sRGB, the space Typst and the screen twins paint in; Typst's
//! ICC-based grey has sRGB's tone curve.

use std::sync::OnceLock;

use lcms2::{CIExyY, DisallowCache, Flags, GlobalContext, Intent, PixelFormat, Profile, Transform};

/// The print condition's characterisation, built from FOGRA39 data (see its README).
pub const FOGRA39: &[u8] = include_bytes!("../../../layouts/base/print/CoatedFOGRA39-trycksak.icc");
/// The profile RGB without one is read in.
const SRGB: &[u8] = include_bytes!("../../../layouts/base/print/sRGB.icc");

type Shared<In, Out> = Transform<In, Out, GlobalContext, DisallowCache>;
type PhotoTransform = Shared<[u8; 3], [u8; 4]>;
/// The press's inks to sRGB: how a brand colour given as inks shows on screen.
type ProofTransform = Shared<[f64; 4], [f64; 3]>;

/// The transforms, made once per process and shared by the threads.
struct Cms {
    vector: Shared<[f64; 3], [f64; 4]>,
    /// Lightness (L*, 0–100) of the 256 sRGB grey levels.
    grey_lightness: [f64; 256],
    /// Lightness of black ink alone at 0, 1, … 100 %, on the press.
    k_ramp: [f64; 101],
}

fn cms() -> Result<&'static Cms, String> {
    static CMS: OnceLock<Result<Cms, String>> = OnceLock::new();
    CMS.get_or_init(|| Cms::new().map_err(|e| format!("colour management: {e}")))
        .as_ref()
        .map_err(Clone::clone)
}

/// The photo transform, made when a print twin first has an RGB image: it is the costly one
/// (LittleCMS samples the whole perceptual pipeline into a table), and most leaflets have none.
fn photo() -> Result<&'static PhotoTransform, String> {
    static PHOTO: OnceLock<Result<PhotoTransform, String>> = OnceLock::new();
    PHOTO
        .get_or_init(|| {
            let transform = || {
                Transform::new_flags_context(
                    GlobalContext::new(),
                    &Profile::new_icc(SRGB)?,
                    PixelFormat::RGB_8,
                    &Profile::new_icc(FOGRA39)?,
                    PixelFormat::CMYK_8,
                    Intent::Perceptual,
                    Flags::NO_CACHE | Flags::BLACKPOINT_COMPENSATION,
                )
            };
            transform().map_err(|e: lcms2::Error| format!("colour management: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Cms {
    fn new() -> Result<Cms, lcms2::Error> {
        let srgb = Profile::new_icc(SRGB)?;
        let press = Profile::new_icc(FOGRA39)?;
        let d50 = CIExyY {
            x: 0.3457,
            y: 0.3585,
            Y: 1.0,
        };
        let lab = Profile::new_lab4_context(GlobalContext::new(), &d50)?;
        let shared = Flags::NO_CACHE | Flags::BLACKPOINT_COMPENSATION;
        let vector = Transform::new_flags_context(
            GlobalContext::new(),
            &srgb,
            PixelFormat::RGB_DBL,
            &press,
            PixelFormat::CMYK_DBL,
            Intent::RelativeColorimetric,
            shared,
        )?;
        let srgb_lab: Transform<[f64; 3], [f64; 3]> = Transform::new(
            &srgb,
            PixelFormat::RGB_DBL,
            &lab,
            PixelFormat::Lab_DBL,
            Intent::RelativeColorimetric,
        )?;
        let press_lab: Transform<[f64; 4], [f64; 3]> = Transform::new(
            &press,
            PixelFormat::CMYK_DBL,
            &lab,
            PixelFormat::Lab_DBL,
            Intent::RelativeColorimetric,
        )?;
        let greys: Vec<[f64; 3]> = (0..256).map(|v| [f64::from(v) / 255.0; 3]).collect();
        let mut grey_lab = vec![[0.0; 3]; 256];
        srgb_lab.transform_pixels(&greys, &mut grey_lab);
        let ramp: Vec<[f64; 4]> = (0..=100).map(|k| [0.0, 0.0, 0.0, f64::from(k)]).collect();
        let mut ramp_lab = vec![[0.0; 3]; 101];
        press_lab.transform_pixels(&ramp, &mut ramp_lab);
        Ok(Cms {
            vector,
            grey_lightness: std::array::from_fn(|i| grey_lab[i][0]),
            k_ramp: std::array::from_fn(|i| ramp_lab[i][0]),
        })
    }

    /// The black ink (0–1) that prints a grey of sRGB level `level` (0–1) as light as it shows
    /// on screen, sRGB's black scaled to the darkest black ink (black-point compensation).
    fn grey_ink(&self, level: f64) -> f64 {
        let at = level.clamp(0.0, 1.0) * 255.0;
        let (low, frac) = (at.floor() as usize, at.fract());
        let high = (low + 1).min(255);
        let lightness = self.grey_lightness[low]
            + (self.grey_lightness[high] - self.grey_lightness[low]) * frac;
        let (paper, black) = (self.k_ramp[0], self.k_ramp[100]);
        let target = black + lightness / 100.0 * (paper - black);
        // The ramp darkens from paper to full black: find the step that holds the target.
        for k in 0..100 {
            let (light, dark) = (self.k_ramp[k], self.k_ramp[k + 1]);
            if target >= dark {
                let span = light - dark;
                let within = if span > 0.0 {
                    (light - target) / span
                } else {
                    0.0
                };
                return ((k as f64 + within.clamp(0.0, 1.0)) / 100.0).clamp(0.0, 1.0);
            }
        }
        1.0
    }
}

/// A vector colour (sRGB, 0–1) as CMYK (0–1): black ink alone for a neutral grey, else the
/// relative colorimetric conversion.
pub fn vector_cmyk(rgb: [f64; 3]) -> Result<[f64; 4], String> {
    let cms = cms()?;
    let rgb = rgb.map(|v| v.clamp(0.0, 1.0));
    let neutral = (rgb[0] - rgb[1]).abs() < 0.5 / 255.0 && (rgb[1] - rgb[2]).abs() < 0.5 / 255.0;
    if neutral {
        return Ok([0.0, 0.0, 0.0, cms.grey_ink(rgb[1])]);
    }
    let mut out = [[0.0; 4]];
    cms.vector.transform_pixels(&[rgb], &mut out);
    Ok(out[0].map(|v| (v / 100.0).clamp(0.0, 1.0)))
}

/// Inks (0–1) as the sRGB colour they print (0–255): the press's profile to sRGB, relative
/// colorimetric with black-point compensation (the inverse of [`vector_cmyk`]); for a layout's
/// colours given as inks only.
pub fn ink_to_screen(ink: [f64; 4]) -> Result<[u8; 3], String> {
    static PROOF: OnceLock<Result<ProofTransform, String>> = OnceLock::new();
    let proof = PROOF
        .get_or_init(|| {
            let transform = || {
                Transform::new_flags_context(
                    GlobalContext::new(),
                    &Profile::new_icc(FOGRA39)?,
                    PixelFormat::CMYK_DBL,
                    &Profile::new_icc(SRGB)?,
                    PixelFormat::RGB_DBL,
                    Intent::RelativeColorimetric,
                    Flags::NO_CACHE | Flags::BLACKPOINT_COMPENSATION,
                )
            };
            transform().map_err(|e: lcms2::Error| format!("colour management: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)?;
    let mut out = [[0.0; 3]];
    proof.transform_pixels(&[ink.map(|v| v.clamp(0.0, 1.0) * 100.0)], &mut out);
    Ok(out[0].map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8))
}

/// A vector grey (sRGB tone curve, 0–1) as black ink (0–1).
pub fn grey_ink(level: f64) -> Result<f64, String> {
    Ok(cms()?.grey_ink(level))
}

/// Interleaved 8-bit RGB pixels as interleaved 8-bit CMYK (perceptual).
pub fn photo_cmyk(rgb: &[u8]) -> Result<Vec<u8>, String> {
    let photo = photo()?;
    let pixels: Vec<[u8; 3]> = rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = vec![[0u8; 4]; pixels.len()];
    photo.transform_pixels(&pixels, &mut out);
    Ok(out.into_iter().flatten().collect())
}

/// 8-bit grey pixels (sRGB tone curve) as DeviceGray pixels that print in black ink of the
/// same lightness.
pub fn photo_grey(grey: &[u8]) -> Result<Vec<u8>, String> {
    let cms = cms()?;
    let table: Vec<u8> = (0..=255u8)
        .map(|v| (255.0 * (1.0 - cms.grey_ink(f64::from(v) / 255.0))).round() as u8)
        .collect();
    Ok(grey.iter().map(|&v| table[usize::from(v)]).collect())
}

/// Interleaved 8-bit RGB pixels with their width and height.
pub type RgbPixels = (Vec<u8>, u32, u32);

/// A CMYK JPEG's pixels in sRGB, for the screen twin (the print twin keeps the JPEG and its
/// inks): through the JPEG's own CMYK profile if it has one, else the print condition's,
/// perceptual. `None` for any other image; an error for a CMYK JPEG that cannot be read.
pub fn cmyk_jpeg_for_screen(data: &[u8]) -> Option<Result<RgbPixels, String>> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;

    if !data.starts_with(&[0xff, 0xd8]) {
        return None;
    }
    let mut headers = zune_jpeg::JpegDecoder::new(ZCursor::new(data));
    headers.decode_headers().ok()?;
    if !matches!(
        headers.input_colorspace()?,
        ColorSpace::CMYK | ColorSpace::YCCK
    ) {
        return None;
    }
    Some((|| {
        let options = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::CMYK);
        let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(data), options);
        let pixels = decoder
            .decode()
            .map_err(|e| format!("cannot read a CMYK JPEG: {e:?}"))?;
        let info = decoder.info().ok_or("a CMYK JPEG without a size")?;
        let (width, height) = (u32::from(info.width), u32::from(info.height));
        let own = decoder
            .icc_profile()
            .and_then(|icc| Profile::new_icc(&icc).ok())
            .filter(|p| p.color_space() == lcms2::ColorSpaceSignature::CmykData);
        let press = match own {
            Some(profile) => profile,
            None => Profile::new_icc(FOGRA39).map_err(|e| e.to_string())?,
        };
        let transform: Transform<[u8; 4], [u8; 3]> = Transform::new_flags(
            &press,
            PixelFormat::CMYK_8,
            &Profile::new_icc(SRGB).map_err(|e| e.to_string())?,
            PixelFormat::RGB_8,
            Intent::Perceptual,
            Flags::BLACKPOINT_COMPENSATION,
        )
        .map_err(|e| e.to_string())?;
        // Photoshop's convention, which PDF readers and Ghostscript follow: a CMYK JPEG with an
        // Adobe marker stores its inks inverted.
        let inverted = adobe_marker(data);
        let ink = |v: u8| if inverted { 255 - v } else { v };
        let cmyk: Vec<[u8; 4]> = pixels
            .chunks_exact(4)
            .map(|p| [ink(p[0]), ink(p[1]), ink(p[2]), ink(p[3])])
            .collect();
        let mut rgb = vec![[0u8; 3]; cmyk.len()];
        transform.transform_pixels(&cmyk, &mut rgb);
        Ok((rgb.into_iter().flatten().collect(), width, height))
    })())
}

/// Whether a JPEG has an Adobe (APP14) segment before its image data.
fn adobe_marker(data: &[u8]) -> bool {
    let mut at = 2;
    while at + 4 <= data.len() && data[at] == 0xff {
        let marker = data[at + 1];
        let length = usize::from(u16::from_be_bytes([data[at + 2], data[at + 3]]));
        if marker == 0xee && data[at + 4..].starts_with(b"Adobe") {
            return true;
        }
        // Start of scan: the headers are over.
        if marker == 0xda {
            return false;
        }
        at += 2 + length;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greys_print_in_black_ink_alone() {
        assert_eq!(vector_cmyk([0.0; 3]).unwrap(), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(vector_cmyk([1.0; 3]).unwrap(), [0.0, 0.0, 0.0, 0.0]);
        let mid = vector_cmyk([0.5; 3]).unwrap();
        assert_eq!(mid[..3], [0.0; 3]);
        // sRGB 50 % grey is L* 53; FOGRA39 black ink reaches that near 60 %, with dot gain.
        assert!((0.45..0.75).contains(&mid[3]), "{mid:?}");
    }

    #[test]
    fn colours_go_through_the_profile() {
        let red = vector_cmyk([1.0, 0.0, 0.0]).unwrap();
        assert!(red[1] > 0.8 && red[2] > 0.8 && red[0] < 0.1, "{red:?}");
        let total: f64 = vector_cmyk([0.05, 0.0, 0.1]).unwrap().iter().sum();
        assert!(total <= 3.0 + 1e-6, "{total}");
    }
}
