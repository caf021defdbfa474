#!/usr/bin/env bash
# Start-time benchmark (no timed tests): `--help` wall time and classes loaded, and launch -> first code on the
# labeling screen, warm and cold, with and without an AppCDS archive. Figures are medians, written as ratios
# against baselines measured in the same run (the machine is shared, absolute times drift with its load).
# Usage: bench/startup.sh [RUNS]   (from a built tree: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java=${JAVA:-java}
jar=target/qart-align.jar
out=target/bench
mkdir -p "$out"
[[ -f $jar ]] || mvn -B -q package -DskipTests

if ! command -v Xvfb >/dev/null || ! ldconfig -p | grep -q libgtk-3.so.0; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb libgtk-3-0 >/dev/null
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# (a) --help
time_cmd() {
    local start
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    ms_since "$start"
}
for i in $(seq "$runs"); do
    time_cmd "$java" -version >>"$out/jvm.ms.tmp"
    time_cmd "$java" -jar "$jar" --help >>"$out/help.ms.tmp"
done
jvm_ms=$(median <"$out/jvm.ms.tmp")
help_ms=$(median <"$out/help.ms.tmp")
rm -f "$out"/*.ms.tmp

"$java" -Xlog:class+load:file="$out/help-classes.log" -jar "$jar" --help >/dev/null
total=$(grep -c 'source:' "$out/help-classes.log")
shared=$(grep -c 'source: shared objects file' "$out/help-classes.log" || true)
picocli=$(grep -c 'picocli' "$out/help-classes.log" || true)
ours=$(grep -c 'org\.qartalign\.' "$out/help-classes.log" || true)
heavy=$(grep -cE ' (ai\.djl\.|org\.sqlite\.|javafx\.|com\.sun\.javafx\.|com\.fasterxml\.|com\.google\.zxing\.)' \
    "$out/help-classes.log" || true)

# (b) launch -> first code, on an existing database
db=$out/db/labels.db
if [[ ! -f $db ]]; then
    "$java" -jar "$jar" demo --pairs 200 --db "$db"
fi
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

# Runs a command to the first code and prints the wall time until it says FIRST_CODE_SHOWN.
first_code_of() {
    local start ms=""
    start=$(date +%s%N)
    while IFS= read -r line; do
        if [[ $line == FIRST_CODE_SHOWN* && -z $ms ]]; then ms=$(ms_since "$start"); fi
    done < <(DISPLAY=$display timeout 120 "$@" --db "$db" 2>/dev/null)
    [[ -n $ms ]] || { echo "no FIRST_CODE_SHOWN from: $*" >&2; exit 1; }
    echo "$ms"
}
first_code() {
    first_code_of "$java" "$@" -Dqartalign.autoLabeler=bench -Dqartalign.startupProbe=exit -Dai.djl.offline=true \
        -jar "$jar"
}
cold() {
    python3 bench/evict.py "$jar" target/lib "$out/db" "$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")" \
        "$HOME/.openjfx" /tmp/sqlite-* "$out/app.jsa" 2>/dev/null
    first_code "$@"
}

archive=$out/app.jsa
rm -f "$archive"
DISPLAY=$display "$java" -XX:ArchiveClassesAtExit="$archive" -Dqartalign.autoLabeler=bench \
    -Dqartalign.startupProbe=exit -Dai.djl.offline=true -jar "$jar" --db "$db" >/dev/null 2>&1
cds=(-XX:SharedArchiveFile="$archive")

first_code >/dev/null
for i in $(seq "$runs"); do
    first_code >>"$out/warm.ms.tmp"
    first_code "${cds[@]}" >>"$out/warm-cds.ms.tmp"
    cold >>"$out/cold.ms.tmp"
    cold "${cds[@]}" >>"$out/cold-cds.ms.tmp"
    time_cmd "$java" "${cds[@]}" -jar "$jar" --help >>"$out/help-cds.ms.tmp"
done
warm=$(median <"$out/warm.ms.tmp")
warm_cds=$(median <"$out/warm-cds.ms.tmp")
cold_ms=$(median <"$out/cold.ms.tmp")
cold_cds=$(median <"$out/cold-cds.ms.tmp")
help_cds=$(median <"$out/help-cds.ms.tmp")
rm -f "$out"/*.ms.tmp

# The installed package (when there is one): its own archive, dumped by postinst, against sharing turned off.
installed=/opt/qart-align/bin/qart-align
if [[ -x $installed ]]; then
    probe="-Dqartalign.autoLabeler=bench -Dqartalign.startupProbe=exit"
    for i in $(seq "$runs"); do
        JAVA_TOOL_OPTIONS="$probe -Xshare:off" first_code_of "$installed" >>"$out/inst.ms.tmp"
        JAVA_TOOL_OPTIONS="$probe" first_code_of "$installed" >>"$out/inst-cds.ms.tmp"
        time_cmd env JAVA_TOOL_OPTIONS=-Xshare:off "$installed" --help >>"$out/inst-help.ms.tmp"
        time_cmd "$installed" --help >>"$out/inst-help-cds.ms.tmp"
    done
    inst=$(median <"$out/inst.ms.tmp")
    inst_cds=$(median <"$out/inst-cds.ms.tmp")
    inst_help=$(median <"$out/inst-help.ms.tmp")
    inst_help_cds=$(median <"$out/inst-help-cds.ms.tmp")
    rm -f "$out"/inst*.ms.tmp
    installed_rows="| installed \`qart-align --help\`, sharing off, baseline C | $inst_help | 1.00 |
| installed \`qart-align --help\` with its archive | $inst_help_cds | $(ratio "$inst_help_cds" "$inst_help") x C |
| installed, first code, warm, sharing off, baseline D | $inst | 1.00 |
| installed, first code, warm, with its archive | $inst_cds | $(ratio "$inst_cds" "$inst") x D |"
else
    installed_rows="| installed package | not installed | - |"
fi

cat <<REPORT | tee "$out/startup.md"
Start-time benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $runs runs each (medians), $(nproc) cores,
load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); java: $("$java" -version 2>&1 | head -1)

| what | median ms | ratio |
|---|---|---|
| bare JVM start (\`java -version\`), baseline A | $jvm_ms | 1.00 |
| \`qart-align --help\` | $help_ms | $(ratio "$help_ms" "$jvm_ms") x A |
| \`qart-align --help\` with the AppCDS archive | $help_cds | $(ratio "$help_cds" "$help_ms") x plain --help |
| first code on the labeling screen, warm, baseline B | $warm | 1.00 |
| first code, warm, with the AppCDS archive | $warm_cds | $(ratio "$warm_cds" "$warm") x B |
| first code, cold (page cache dropped for JDK, jars, database) | $cold_ms | $(ratio "$cold_ms" "$warm") x B |
| first code, cold, with the AppCDS archive | $cold_cds | $(ratio "$cold_cds" "$cold_ms") x cold |
$installed_rows

Classes loaded by \`--help\`: $total in all ($shared from the JDK's CDS archive), $picocli picocli, $ours ours,
$heavy from DJL, SQLite, JavaFX, Jackson or ZXing.
REPORT
