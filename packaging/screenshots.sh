#!/usr/bin/env bash
# Screenshots for README, made from a fresh demo database under Xvfb so they stay current:
# docs/screenshots/start.png (start form) and docs/screenshots/labeling.png (first code on the labeling screen).
# Needs xvfb, imagemagick and libgtk-3-0 (installed with apt-get if missing). Usage: packaging/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/qart-align.jar
shots=docs/screenshots
work=$(mktemp -d)
mkdir -p "$shots"
[[ -f $jar ]] || mvn -B -q package -DskipTests
if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null || ! ldconfig -p | grep -q libgtk-3.so.0; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb imagemagick libgtk-3-0 x11-utils >/dev/null
fi

db=$work/labels.db
java -jar "$jar" demo --pairs 80 --candidates 3 --simulate-labels --db "$db"
java -jar "$jar" eval --db "$db"

display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
    [[ -n $app ]] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
sleep 1

# Shoots the app's own window (there is no window manager under Xvfb, so no decorations).
shoot() {
    local id
    id=$(DISPLAY=$display xwininfo -root -tree | awk '/"QArt Align/ {print $1; exit}')
    DISPLAY=$display import -window "${id:-root}" "$shots/$1"
    echo "screenshots: $shots/$1 ($(identify -format '%wx%h' "$shots/$1"))"
}

# Waits for a line on the app's stdout, or for a fixed time when there is nothing to wait for.
run_app() {
    local wait_for=$1 name=$2
    shift 2
    DISPLAY=$display java -Dai.djl.offline=true -Dprism.order=sw "$@" -jar "$jar" --db "$db" >"$work/app.out" 2>&1 &
    app=$!
    for _ in $(seq 1 600); do
        if [[ -n $wait_for ]] && grep -q "$wait_for" "$work/app.out"; then break; fi
        if [[ -z $wait_for ]] && DISPLAY=$display xwininfo -root -tree | grep -q '"QArt Align'; then sleep 3; break; fi
        kill -0 "$app" 2>/dev/null || { cat "$work/app.out"; exit 1; }
        sleep 0.1
    done
    sleep "${SHOT_DELAY:-5}"
    shoot "$name"
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=""
}

run_app START_FORM_SHOWN start.png -Dqartalign.startupProbe=true
run_app FIRST_CODE_SHOWN labeling.png -Dqartalign.autoLabeler=Ada -Dqartalign.startupProbe=true
for screen in overview scan toast disagreements; do
    run_app REPORT_SHOWN "dashboard-$screen.png" -Dqartalign.open=dashboard/$screen -Dqartalign.startupProbe=true
done
