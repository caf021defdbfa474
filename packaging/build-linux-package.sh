#!/usr/bin/env bash
# Builds target/jpackage/qart-align (app image) and target/jpackage/qart-align_<version>_amd64.deb.
# Called by `mvn -Ppackage package` after the jar, lib/ and the filtered argument files (target/packaging/) exist.
# Steps, as Scene Builder does for its non-modular app: jdeps -> jlink runtime -> jpackage --main-jar.
set -euo pipefail
target=${1:?usage: build-linux-package.sh TARGET_DIR [JAVA_HOME]}
java_home=${2:-${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}}
bin=$java_home/bin
args=$target/packaging/jpackage
out=$target/jpackage
rm -rf "$out"
mkdir -p "$out/input/lib"
cp "$target/qart-align.jar" "$out/input/"
cp "$target"/lib/*.jar "$out/input/lib/"
# The shipped models (the feature model and any score model) go beside the jar, where ModelFolders looks for them;
# a trained learned-aesthetic head belongs to one database and stays out.
mkdir -p "$out/input/models"
for m in "$target"/../models/*/; do
    case "$(basename "$m")" in learned-aesthetic|tools) ;; *) cp -r "$m" "$out/input/models/" ;; esac
done

# JDK modules: what jdeps finds from the app jar through its dependencies, what each library's own code and
# module descriptor asks for (DJL and JDBC drivers are reached by ServiceLoader, which jdeps cannot follow),
# plus the hand-kept extra-modules.txt.
jdk_modules=$("$bin/java" --list-modules | sed 's/@.*//' | sort -u)
{
    "$bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
        --class-path "$out/input/lib/*" -R "$out/input/qart-align.jar" || true
    for jar in "$out"/input/lib/*.jar; do
        if unzip -l "$jar" 2>/dev/null | grep -qE ' (META-INF/versions/[0-9]+/)?module-info\.class$'; then
            "$bin/jar" --describe-module --file "$jar" 2>/dev/null | awk '$1 == "requires" && $NF != "static" {print $2}'
        else
            "$bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar" 2>/dev/null || true
        fi
    done
    grep -v '^#' "$args/extra-modules.txt"
} | tr ',' '\n' | sed 's/[[:space:]]//g' | sort -u | grep -Fxf <(echo "$jdk_modules") > "$out/runtime-modules.txt"
modules=$(paste -sd, "$out/runtime-modules.txt")
echo "jlink modules: $modules"

"$bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$out/runtime"

"$bin/jpackage" --type app-image @"$args/common.txt" @"$args/linux-app-image.txt" \
    --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

# AppCDS: class lists of a --help run and, where Xvfb is available, of a launch to the first code on the labeling
# screen. postinst dumps the archive at install time, because an archive only matches the class path it was
# dumped with (/opt/qart-align/...), and the launcher's -XX:SharedArchiveFile picks it up (bench/startup.sh).
app=$out/qart-align/lib/app
rt=$out/qart-align/lib/runtime/bin/java
cp=$(grep '^app.classpath=' "$app/qart-align.cfg" | sed "s#^app.classpath=##; s#\$APPDIR#$app#" | paste -sd:)
lists=$out/classlists
mkdir -p "$lists"
"$rt" -XX:DumpLoadedClassList="$lists/help.classlist" -cp "$cp" org.qartalign.Launcher --help >/dev/null
if command -v Xvfb >/dev/null && ldconfig -p | grep -q libgtk-3.so.0; then
    db=$lists/db/labels.db
    "$rt" -cp "$cp" org.qartalign.Launcher demo --pairs 20 --db "$db" >/dev/null
    display=:$((70 + RANDOM % 9))
    Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=$display timeout 300 "$rt" -XX:DumpLoadedClassList="$lists/first-code.classlist" \
        -Dqartalign.autoLabeler=packaging -Dqartalign.startupProbe=exit -Dai.djl.offline=true \
        -cp "$cp" org.qartalign.Launcher --db "$db" >/dev/null 2>&1 || echo "warning: no first-code class list" >&2
    kill "$xvfb" 2>/dev/null || true
else
    echo "no Xvfb/GTK here: the AppCDS class list covers --help only" >&2
fi
cat "$lists"/*.classlist | grep -v '^#' | awk '!seen[$0]++' > "$app/qart-align.classlist"
echo "AppCDS class list: $(wc -l < "$app/qart-align.classlist") classes"

# The payload is mostly already-compressed jars: dpkg-deb's default xz spends minutes for a few percent.
export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    "$bin/jpackage" --type deb @"$args/linux-deb.txt" --app-image "$out/qart-align" --dest "$out"
    ls -l "$out"/*.deb
else
    echo "dpkg-deb or fakeroot missing (apt-get install fakeroot binutils): built the app image only" >&2
fi
