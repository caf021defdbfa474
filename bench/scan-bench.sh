#!/usr/bin/env bash
# Times zxing-plain and zxing-robust over the 2,000-code demo set against zbarimg and ZXingReader (same images,
# one process each) and prints codes/s and ratios ours/theirs. Usage: bench/scan-bench.sh [DB] [--threads N]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-target/bench/scan-demo.db}
shift || true

missing=()
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
command -v ZXingReader >/dev/null 2>&1 || missing+=(zxing-cpp-tools)
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "installing ${missing[*]} with apt" >&2
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}"
fi

if [ ! -f target/qart-align.jar ]; then
    mvn -q -B package -DskipTests
fi
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
    java -jar target/qart-align.jar demo --db "$DB" --pairs 2000
fi
java -jar target/qart-align.jar bench-scan --db "$DB" "$@"
