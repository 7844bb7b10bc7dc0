//! Compiles every phrase file in `data/phrases/` into the binary, so adding
//! a language is adding a file.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("data/phrases");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/phrases exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out =
        String::from("/// Phrase files compiled into the binary: (language code, file text).\n");
    out.push_str("pub const PHRASE_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let lang = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name");
        let absolute = std::fs::canonicalize(path).expect("phrase file path");
        writeln!(
            out,
            "    ({lang:?}, include_str!({:?})),",
            absolute.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("phrase_files.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
