#!/usr/bin/env bash
# Seeds each target's corpus (fuzz/corpus/<target>/, not committed) from the answers in
# tests/fixtures/, each with a leading byte for status 200. Run from generated-client/:
# fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seed() { # target folder extension
    mkdir -p "fuzz/corpus/$1"
    for file in "tests/fixtures/$2"/*."$3"; do
        { printf '\x00'; cat "$file"; } > "fuzz/corpus/$1/$(basename "$file")"
    done
}
seed soap_decode soap xml
seed json_decode answers json
