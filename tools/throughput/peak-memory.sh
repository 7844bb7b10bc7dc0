#!/usr/bin/env bash
# Peak resident memory of the release dechrome binary on a generated ~10 MB
# HTML page and a ~50 MB one-line text file (made at run time in a temporary
# folder from the bench files, deleted afterwards).
#   tools/throughput/peak-memory.sh [DECHROME_BINARY] [-- throughput args for --make-big]
# Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/target/release/dechrome}"
shift || true
[[ "${1:-}" == "--" ]] && shift

if [[ ! -x /usr/bin/time ]]; then
    echo "peak-memory: /usr/bin/time missing: apt-get install time" >&2
    exit 2
fi
[[ -x "$bin" ]] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
tool="$here/target/release/dechrome-throughput"
[[ -x "$tool" ]] || cargo build --release --quiet --manifest-path "$here/Cargo.toml"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$tool" --make-big "$work" "$@" 2>/dev/null

measure() { # label, then the command
    local label="$1"
    shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
        echo "$label: exit $? ($(head -c 300 "$work/stderr.txt"))"
    }
    local kb secs
    kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")"
    secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")"
    printf '%-40s peak RSS %7.1f MB   wall %s\n' "$label" "$(awk -v kb="$kb" 'BEGIN {print kb / 1024}')" "$secs"
}

html_mb="$(du -m --apparent-size "$work/big.html" | cut -f1)"
text_mb="$(du -m --apparent-size "$work/big.txt" | cut -f1)"
measure "big.html (${html_mb} MiB), --format json" "$bin" --format json "$work/big.html"
measure "big.txt (${text_mb} MiB, one line), --format json" "$bin" --format json "$work/big.txt"
measure "big.html, --explain --format json" "$bin" --explain --format json "$work/big.html"
