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
    write_char_table();
}

/// Code points below this get their `is_alphabetic` / `is_numeric` answers
/// from a table; `src/features.rs` reads it under the same name.
const TABLE_END: u32 = 0x3000;

/// Writes `char_table.rs`: bit sets of the alphabetic and the numeric code
/// points below [`TABLE_END`], asked of this build's standard library. The
/// build script is compiled by the same rustc as the crate, so the answers
/// are the ones `char::is_alphabetic` and `char::is_numeric` give at run
/// time; filling the table on first use instead cost ten million
/// instructions a process (the standard library's slow path, per code
/// point).
fn write_char_table() {
    let words = TABLE_END as usize / 64;
    let mut table = vec![[0u64; 2]; words];
    for c in (0..TABLE_END).filter_map(char::from_u32) {
        let (word, bit) = (c as usize / 64, c as u32 % 64);
        if c.is_alphabetic() {
            table[word][0] |= 1 << bit;
        }
        if c.is_numeric() {
            table[word][1] |= 1 << bit;
        }
    }
    let mut out = format!(
        "/// Alphabetic (`[0]`) and numeric (`[1]`) code points below {TABLE_END:#x}, one bit each.\n\
         static CHAR_TABLE: [[u64; {words}]; 2] = [\n"
    );
    for which in 0..2 {
        out.push_str("    [\n");
        for row in table.chunks(4) {
            out.push_str("       ");
            for w in row {
                write!(out, " {:#018x},", w[which]).unwrap();
            }
            out.push('\n');
        }
        out.push_str("    ],\n");
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("char_table.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
