#!/usr/bin/env bash
# Key press to next code painted, on a real X server with a window manager, driven by xdotool.
# The app (-Dqartalign.latencyProbe) prints CODE_PAINTED <code> <us> for each code: microseconds from the FX
# handler of the last key (the one that completed the previous code) to the pulse after the one that drew the new
# image (when input may open). xdotool types "s 4" per code, waits for the paint line, then waits out the guard.
# Usage: bench/labeling-latency.sh [CODES=200]   needs Xvfb, openbox, xdotool, /usr/bin/python3
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
jar=target/qart-align.jar
work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
java -jar "$jar" demo --pairs $(( (n + 20) / 2 )) --candidates 2 --db "$work/labels.db" >/dev/null
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 & xvfb=$!
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 & wm=$!
app=""
trap '[[ -n $app ]] && kill $app 2>/dev/null; kill $wm $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
DISPLAY=$display java -Dqartalign.configDir="$work/config" -Dqartalign.autoLabeler=bench -Dqartalign.startupProbe=true \
    -Dqartalign.latencyProbe=true -jar "$jar" --db "$work/labels.db" >"$work/app.out" 2>&1 & app=$!
until grep -q FIRST_CODE_SHOWN "$work/app.out"; do sleep 0.2; done
sleep 1
win=$(DISPLAY=$display xdotool search --name 'QArt Align' | tail -1)
DISPLAY=$display xdotool windowactivate --sync "$win" >/dev/null 2>&1 || true
for i in $(seq 1 "$n"); do
    before=$(grep -c CODE_PAINTED "$work/app.out" || true)
    DISPLAY=$display xdotool key --delay 30 s 4
    for _ in $(seq 1 200); do
        [[ $(grep -c CODE_PAINTED "$work/app.out" || true) -gt $before ]] && break
        sleep 0.01
    done
    sleep 0.25
done
grep CODE_PAINTED "$work/app.out" | awk '{print $3}' | tail -n "$n" | /usr/bin/python3 -c '
import sys, statistics
v = sorted(int(x) / 1000 for x in sys.stdin)
p95 = v[max(0, int(round(0.95 * len(v))) - 1)]
print(f"codes {len(v)}  key -> next code painted: median {statistics.median(v):.1f} ms, p95 {p95:.1f} ms, max {v[-1]:.1f} ms")'
