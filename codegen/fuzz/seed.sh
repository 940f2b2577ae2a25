#!/usr/bin/env bash
# Seeds each target's corpus (fuzz/corpus/<target>/, not committed) from the real inputs:
# specs/ and tests/fixtures/. Run from codegen/: fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seed() { # target file...
    local target=$1; shift
    mkdir -p "fuzz/corpus/$target"
    for file in "$@"; do cp "$file" "fuzz/corpus/$target/$(echo "${file#../}" | tr / _)"; done
}
mapfile -t wsdls < <(find ../specs tests/fixtures -name '*.wsdl' -o -name '*.xsd' | sort)
mapfile -t pages_md < <(find ../specs tests/fixtures -name '*.md' ! -name README.md | sort)
mapfile -t pages_txt < <(find ../specs tests/fixtures -name '*.txt' | sort)
mapfile -t manifests < <(find ../specs tests/fixtures -name service.toml | sort)
seed wsdl "${wsdls[@]}"
seed interserver_md "${pages_md[@]}"
seed resellerclub_text "${pages_txt[@]}"
seed manifest "${manifests[@]}"

# pipeline: one seed per (folder, file), its two leading bytes picking them as the target
# does (folders and files sorted by name).
mkdir -p fuzz/corpus/pipeline
mapfile -t folders < <({ find ../specs -mindepth 1 -maxdepth 1 -type d
                         find tests/fixtures/specs -mindepth 2 -maxdepth 2 -type d; } \
                       | awk -F/ '{print $NF "\t" $0}' | LC_ALL=C sort | cut -f2)
for f in "${!folders[@]}"; do
    mapfile -t files < <(find "${folders[$f]}" -mindepth 1 -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort)
    for i in "${!files[@]}"; do
        { printf "\\x$(printf %02x "$f")\\x$(printf %02x "$i")"; cat "${folders[$f]}/${files[$i]}"; } \
            > "fuzz/corpus/pipeline/$f-$i"
    done
done
