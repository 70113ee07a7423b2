//! Images of programmes and layouts, checked before anything is typeset: a file that is not an
//! image, is cut short, or would decode to gigabytes (a decompression bomb) is an error with its
//! reason, never a crash or an out-of-memory kill later in Typst.

use image::{ImageReader, Limits};

/// More pixels than any print job needs: an A3 page at 300 ppi is 17 million. A 30 000 ×
/// 30 000 bomb (900 million pixels) is refused from its header, before any decoding.
pub const MAX_PIXELS: u64 = 100_000_000;
/// The most memory one image may take while decoding.
const MAX_DECODE_BYTES: u64 = 1 << 30;

/// What a raster image is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
}

/// Why an image file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// Neither a raster format we print nor SVG.
    NotAnImage,
    /// A raster image with more pixels than [`MAX_PIXELS`].
    TooLarge {
        width: u32,
        height: u32,
    },
    /// The format is known, but decoding failed (cut short, corrupt).
    Broken(String),
    Unreadable(String),
}

impl ImageProblem {
    /// The problem as a sentence about `name`, and how to fix it.
    pub fn explain(&self, name: &str) -> (String, String) {
        match self {
            ImageProblem::NotAnImage => (
                t!("image-not-an-image", image = name),
                t!("image-not-an-image.help"),
            ),
            ImageProblem::TooLarge { width, height } => (
                t!(
                    "image-too-large",
                    image = name,
                    width = *width,
                    height = *height,
                    millions = (*width as u64 * *height as u64) / 1_000_000
                ),
                t!("image-too-large.help"),
            ),
            ImageProblem::Broken(why) => (
                t!("image-broken", image = name, why = why.as_str()),
                t!("image-broken.help"),
            ),
            ImageProblem::Unreadable(why) => (
                t!("image-cannot-read", image = name, why = why.as_str()),
                t!("image-cannot-read.help"),
            ),
        }
    }
}

/// Checks an image file's bytes (read through [`crate::project::Project::read`]):
/// `Ok(Some(..))` for a raster image that decodes completely within the limits, `Ok(None)` for
/// SVG (vector: no pixels to count).
pub fn inspect_bytes(bytes: &[u8]) -> Result<Option<Raster>, ImageProblem> {
    if looks_like_svg(bytes) {
        return Ok(None);
    }
    let format = image::guess_format(bytes).map_err(|_| ImageProblem::NotAnImage)?;
    if !matches!(
        format,
        image::ImageFormat::Png
            | image::ImageFormat::Jpeg
            | image::ImageFormat::Gif
            | image::ImageFormat::WebP
    ) {
        return Err(ImageProblem::NotAnImage);
    }
    let reader = || {
        let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
        let mut limits = Limits::default();
        limits.max_alloc = Some(MAX_DECODE_BYTES);
        reader.limits(limits);
        reader
    };
    // The header alone gives the size: refuse a bomb before allocating anything for it.
    let (width, height) = reader()
        .into_dimensions()
        .map_err(|err| ImageProblem::Broken(err.to_string()))?;
    if width as u64 * height as u64 > MAX_PIXELS {
        return Err(ImageProblem::TooLarge { width, height });
    }
    // Decoding the whole image finds files that are cut short.
    reader()
        .decode()
        .map_err(|err| ImageProblem::Broken(err.to_string()))?;
    Ok(Some(Raster { width, height }))
}

/// SVG is XML text: optional BOM and white space, then `<svg` or an XML declaration or comment.
pub fn looks_like_svg(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let head = &text[start..text.len().min(start + 512)];
    head.starts_with(b"<svg")
        || ((head.starts_with(b"<?xml") || head.starts_with(b"<!--"))
            && head.windows(4).any(|w| w == b"<svg"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbImage::new(width, height)
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        bytes
    }

    #[test]
    fn a_small_png_is_measured() {
        assert_eq!(
            inspect_bytes(&png(30, 20)),
            Ok(Some(Raster {
                width: 30,
                height: 20
            }))
        );
    }

    #[test]
    fn a_cut_short_png_is_broken() {
        let bytes = png(200, 200);
        assert!(matches!(
            inspect_bytes(&bytes[..bytes.len() / 2]),
            Err(ImageProblem::Broken(_))
        ));
    }

    #[test]
    fn text_is_not_an_image_and_svg_is_vector() {
        assert_eq!(
            inspect_bytes(b"hello, world"),
            Err(ImageProblem::NotAnImage)
        );
        assert_eq!(
            inspect_bytes(
                b"\n<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
            ),
            Ok(None)
        );
    }
}
