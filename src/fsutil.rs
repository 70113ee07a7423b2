//! Writing files so that a reader never sees half of one.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

/// The prefix and suffix of [`write_atomic`]'s temporary files.
const TEMP_PREFIX: &str = ".trycksak-";
const TEMP_SUFFIX: &str = ".tmp";

/// Whether `path` is one of [`write_atomic`]'s temporary files (left by a killed build).
pub fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// `path` holds either its old content or the complete new one, never a part. A failure removes
/// the temporary file. The file gets the mode any build tool's files get (`0666` less the
/// umask), not a temporary file's private `0600`. Under the output folder, write through the
/// sandbox's `OutputDir::write`, which checks the path first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    std::fs::create_dir_all(dir)
        .with_context(|| t!("cannot-create", path = dir.display().to_string()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode given to open(2), which the kernel reduces by the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| t!("cannot-create-temporary", path = dir.display().to_string()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    temp.persist(path)
        .map_err(|err| err.error)
        .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    Ok(())
}

/// The SHA-256 of `content`, in hex: the manifest's checksums and the print twins' build id.
pub fn sha256_hex(content: &[u8]) -> String {
    Sha256::digest(content)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_empty_input() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
