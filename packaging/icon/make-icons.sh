#!/usr/bin/env bash
# Regenerates every icon file from DrawIcon.java. Needs a JDK; the .ico needs ImageMagick (apt install imagemagick).
set -euo pipefail
cd "$(dirname "$0")/../.."
java packaging/icon/DrawIcon.java packaging/icons
cp packaging/icons/qart-align-64.png src/main/resources/org/qartalign/ui/about/icon-64.png
if command -v convert >/dev/null; then
    convert packaging/icons/qart-align-{16,24,32,48,64,128,256}.png packaging/icons/qart-align.ico
else
    echo "ImageMagick not found: packaging/icons/qart-align.ico left as it was" >&2
fi
# macOS .icns cannot be made here; on a Mac:
#   mkdir qart-align.iconset && for s in 16 32 128 256 512; do
#     cp packaging/icons/qart-align-$s.png qart-align.iconset/icon_${s}x${s}.png; done
#   iconutil -c icns qart-align.iconset -o packaging/icons/qart-align.icns
