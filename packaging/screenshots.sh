#!/usr/bin/env bash
# Screenshots for README, made from a fresh demo database under Xvfb WITH a window manager (openbox), so they show
# what users see: the window as the window manager sizes and decorates it.
# Needs xvfb, openbox, xdotool, imagemagick and libgtk-3-0 (installed with apt-get if missing).
# Usage: packaging/screenshots.sh [BLOCK...]   (default: every block; e.g. packaging/screenshots.sh labeling)
# SHOTS_DISPLAY=:21 shoots on that X display number (default: a random one of :80-:88); SHOTS_DB=file uses that db.
#
# Each screen's shots are one block: a function block_<name> <WxH> run once per screen size in SIZES. To add one,
# write the function and add its name to BLOCKS; run_app and shoot do the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/qart-align.jar
shots=docs/screenshots
work=$(mktemp -d)
mkdir -p "$shots"
SIZES=(1366x768 1920x1080)
BLOCKS=(labeling dashboard report)
[[ $# -gt 0 ]] && BLOCKS=("$@")

[[ -f $jar ]] || mvn -B -q package -DskipTests
if ! command -v Xvfb >/dev/null || ! command -v openbox >/dev/null || ! command -v xdotool >/dev/null \
        || ! command -v import >/dev/null || ! ldconfig -p | grep -q libgtk-3.so.0; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb openbox xdotool imagemagick \
        libgtk-3-0 x11-utils >/dev/null
fi

db=$work/labels.db
if [[ -n ${SHOTS_DB:-} ]]; then
    cp "$SHOTS_DB" "$db" && cp -r "${SHOTS_DB%.db}-images" "$work/labels-images"
else
    java -jar "$jar" demo --pairs 80 --candidates 3 --simulate-labels --db "$db"
    java -jar "$jar" eval --db "$db" 2>&1 | tail -3
    # The learned evaluators, so the Scan and Aesthetic tabs show every kind of eval (both save beside the database).
    java -jar "$jar" train-scan --db "$db" 2>&1 | tail -1
    java -Dai.djl.offline=true -jar "$jar" train-aesthetic --db "$db" --models models 2>&1 | tail -1
fi

display=${SHOTS_DISPLAY:-:$((80 + RANDOM % 9))}
xvfb=""
wm=""
app=""
stop_display() {
    [[ -n $wm ]] && kill "$wm" 2>/dev/null || true
    [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
    wait 2>/dev/null || true
    wm=""
    xvfb=""
}
cleanup() {
    [[ -n $app ]] && kill "$app" 2>/dev/null || true
    stop_display
    rm -rf "$work"
}
trap cleanup EXIT

# A fresh screen of the given size with openbox managing it.
start_display() {
    stop_display
    Xvfb "$display" -screen 0 "$1x24" >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=$display openbox >/dev/null 2>&1 &
    wm=$!
    sleep 1
}

# Shoots the app's window with the window manager's frame (the frame is the parent of the app's own X window).
shoot() {
    local id frame
    # No early exit in awk: xwininfo would die of SIGPIPE and pipefail would end the script.
    id=$(DISPLAY=$display xwininfo -root -tree | awk '/"QArt Align/ && !id {id = $1} END {print id}')
    frame=$(DISPLAY=$display xwininfo -tree -id "$id" | awk '/Parent window id/ {print $4}')
    [[ -z $frame || $frame == "0x0" ]] && frame=$id
    DISPLAY=$display import -window "${frame:-root}" "$shots/$1"
    echo "screenshots: $shots/$1 ($(identify -format '%wx%h' "$shots/$1"))"
    DISPLAY=$display xwininfo -id "$id" | awk '/Width|Height/ {printf "%s ", $0} END {print ""}'
}

# Starts the app, waits for a line on its stdout, shoots, quits. A fresh config folder each time: the shots show a
# first launch, not a remembered window size.
run_app() {
    local wait_for=$1 name=$2
    shift 2
    rm -rf "$work/config"
    DISPLAY=$display java -Dai.djl.offline=true -Dprism.order=sw -Dqartalign.configDir="$work/config" \
        -Dqartalign.startupProbe=true "$@" -jar "$jar" --db "$db" >"$work/app.out" 2>&1 &
    app=$!
    for _ in $(seq 1 600); do
        grep -q "$wait_for" "$work/app.out" && break
        kill -0 "$app" 2>/dev/null || { cat "$work/app.out"; exit 1; }
        sleep 0.1
    done
    sleep "${SHOT_DELAY:-4}"
    shoot "$name"
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=""
}

# The start form and the first code of the labeling screen, at every size: start-WxH.png, labeling-WxH.png.
block_labeling() {
    run_app START_FORM_SHOWN "start-$1.png"
    run_app FIRST_CODE_SHOWN "labeling-$1.png" -Dqartalign.autoLabeler=Ada
}

# ---- dashboard block (dashboard helper) --------------------------------------------------------------------------
# Every dashboard tab in the light and the dark theme, at the first size only: dashboard-<tab>.png and
# dashboard-<tab>-dark.png.
block_dashboard() {
    [[ $1 == "${SIZES[0]}" ]] || return 0
    for screen in overview scan aesthetic humans toast best-of-n disagreements; do
        run_app REPORT_SHOWN "dashboard-$screen.png" -Dqartalign.open=dashboard/$screen
        run_app REPORT_SHOWN "dashboard-$screen-dark.png" -Dqartalign.open=dashboard/$screen -Dqartalign.theme=dark
    done
}
# ---- end of dashboard block --------------------------------------------------------------------------------------

# ---- report block (alignment) ------------------------------------------------------------------------------------
# The HTML report in headless Chromium at the first size: report-top.png (banner, dataset), report-toast.png (the
# toast plot) and report-disagreements.png (tables with thumbnails). Chromium shoots a page from its top, so each
# part is cut into a page of its own (same head and style sheet) first.
block_report() {
    [[ $1 == "${SIZES[0]}" ]] || return 0
    command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
    local html=$work/report.html
    java -jar "$jar" report --db "$db" --format html --bootstrap 200 --out "$html"
    /usr/bin/python3 - "$html" "$work" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
body = s.index("<body>") + len("<body>")
parts = {"top": (body, s.index("<h3>Evaluators</h3>")),
         "toast": (s.index("<h2>Slices</h2>"), s.index("<h3>By ")),
         "disagreements": (s.index("<h2>Disagreements"), s.index("</body>"))}
for name, (a, b) in parts.items():
    with open(f"{sys.argv[2]}/report-{name}.html", "w", encoding="utf-8") as f:
        f.write(s[:body] + s[a:b] + "</body></html>")
PY
    for part in top toast disagreements; do
        chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
            --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" --window-size="${1/x/,}" \
            --screenshot="$shots/report-$part.png" "file://$work/report-$part.html" 2>/dev/null
    done
}
# ---- end of report block ----------------------------------------------------------------------------------------

for size in "${SIZES[@]}"; do
    start_display "$size"
    for block in "${BLOCKS[@]}"; do
        "block_$block" "$size"
    done
done
