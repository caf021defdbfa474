#!/usr/bin/env bash
# Proves the Linux package: builds the .deb, installs it with dpkg, runs the installed command, uninstalls it.
# Run after the tests (it skips them); needs root or sudo for apt-get/dpkg. About 3-6 minutes on 2 cores.
# REUSE_DEB=1 skips the build and tests the .deb already in target/jpackage/.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
say() { echo "ci-package: $*"; }

if ! command -v fakeroot >/dev/null || ! command -v objcopy >/dev/null || ! command -v dpkg-deb >/dev/null; then
    say "installing fakeroot and binutils (jpackage --type deb needs them)"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fakeroot binutils dpkg >/dev/null
fi

if [[ -z ${REUSE_DEB:-} ]]; then mvn -B -q -Ppackage package -DskipTests; fi
deb=$(ls target/jpackage/qart-align_*_amd64.deb)
version=$(dpkg-deb -f "$deb" Version | sed 's/-[0-9]*$//')
say "built $deb ($(du -h "$deb" | cut -f1)), version $version"

if dpkg -s qart-align >/dev/null 2>&1; then $sudo dpkg -r qart-align >/dev/null; fi
$sudo dpkg -i "$deb" || { $sudo apt-get update -qq; $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f >/dev/null; }
installed=/opt/qart-align/bin/qart-align
work=$(mktemp -d)
cleanup() {
    $sudo dpkg -P qart-align >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

[[ -x $installed ]] || { say "FAIL: $installed missing after dpkg -i"; exit 1; }
ls /usr/share/applications/qart-align*.desktop >/dev/null || { say "FAIL: no menu entry installed"; exit 1; }
[[ $(readlink -f /usr/bin/qart-align) == "$installed" ]] || { say "FAIL: qart-align is not on the PATH"; exit 1; }
"$installed" --version | tee "$work/version.txt"
grep -qx "QArt Align $version" "$work/version.txt" || { say "FAIL: --version does not say $version"; exit 1; }

help=$(XDG_DATA_HOME="$work/xdg" "$installed" --help)
echo "$help"
# picocli wraps long defaults, so compare with the whitespace taken out.
tr -d ' \n' <<<"$help" | grep -qF "$work/xdg/qart-align/labels.db" \
    || { say "FAIL: the installed default database is not under \$XDG_DATA_HOME/qart-align/"; exit 1; }

db=$work/labels.db
"$installed" demo --pairs 30 --simulate-labels --db "$db"
"$installed" eval --evaluator zxing-plain --db "$db"
# DJL and libtorch from the bundled runtime, offline: the shipped feature model must load.
"$installed" models | tee "$work/models.txt"
grep -q "qr-art-features" "$work/models.txt" || { say "FAIL: the shipped models did not load"; exit 1; }
"$installed" report --db "$db" --bootstrap 100 --out "$work/report.json"
grep -q '"cohen_kappa"' "$work/report.json" || { say "FAIL: the installed report has no cohen_kappa"; exit 1; }

# Training needs no write access to the install folder: the learned models go beside the database. Run it as a user
# who cannot write /opt (nobody, when this script runs as root), on a demo database in a temp folder.
train=$work/train
mkdir -p "$train"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
    chmod o+x "$work"
    chown nobody "$train"
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
if "${as_user[@]}" touch "$(dirname "$installed")/.write-probe" 2>/dev/null; then
    rm -f "$(dirname "$installed")/.write-probe"
    say "FAIL: the training user can write the install folder, so this check would prove nothing"; exit 1
fi
marker=$work/before-training
touch "$marker"
"${as_user[@]}" env HOME="$train" "$installed" demo --pairs 60 --simulate-labels --db "$train/labels.db"
"${as_user[@]}" env HOME="$train" "$installed" eval --evaluator zxing-plain --db "$train/labels.db"
"${as_user[@]}" env HOME="$train" "$installed" train-aesthetic --db "$train/labels.db" --folds 3 --epochs 50 \
    | tee "$work/train-aesthetic.txt"
"${as_user[@]}" env HOME="$train" "$installed" train-scan --db "$train/labels.db" --folds 3 | tee "$work/train-scan.txt"
grep -q "cross-validated Spearman" "$work/train-aesthetic.txt" || { say "FAIL: train-aesthetic did not train"; exit 1; }
grep -q "CV AUC" "$work/train-scan.txt" || { say "FAIL: train-scan did not train"; exit 1; }
for m in learned-aesthetic learned-scan; do
    [[ -f $train/labels-models/$m/model.json ]] || { say "FAIL: $m is not beside the database"; exit 1; }
done
changed=$(find "$(dirname "$(dirname "$installed")")" -newer "$marker" -print -quit)
[[ -z $changed ]] || { say "FAIL: training wrote into the install folder: $changed"; exit 1; }
"${as_user[@]}" env HOME="$train" "$installed" models --db "$train/labels.db" | tee "$work/learned.txt"
grep -q "^learned learned-scan" "$work/learned.txt" || { say "FAIL: models does not list the learned models"; exit 1; }

$sudo dpkg -r qart-align && $sudo dpkg -P qart-align >/dev/null
[[ ! -e $installed ]] || { say "FAIL: $installed still there after dpkg -r"; exit 1; }
trap 'rm -rf "$work"' EXIT
say "OK: installed, ran and removed $deb"
