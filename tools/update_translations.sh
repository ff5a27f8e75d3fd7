#!/bin/sh
# Re-extract the UI strings into assets/translations/stagetimer_ko.ts and
# compile the .qm the app loads. Translations already in the .ts are kept;
# new strings arrive as "unfinished" for a translator (pyside6-linguist).
# Run from anywhere; uses pyside6-lupdate/-lrelease from $PYSIDE_BIN, the
# project's .venv, or PATH.
set -eu
cd "$(dirname "$0")/.."

find_tool() {
    for candidate in "${PYSIDE_BIN:-}/$1" ".venv/bin/$1" "$(command -v "$1" 2>/dev/null || true)"; do
        if [ -x "$candidate" ] && [ -f "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    echo "update_translations: $1 not found (pip install PySide6-Essentials, or set PYSIDE_BIN)" >&2
    exit 1
}
LUPDATE=$(find_tool pyside6-lupdate)
LRELEASE=$(find_tool pyside6-lrelease)

for lang in ko; do
    ts="assets/translations/stagetimer_$lang.ts"
    # stagetimer/core marks its agenda error texts with QT_TRANSLATE_NOOP (no Qt import there).
    "$LUPDATE" $(find stagetimer/ui stagetimer/core -name "*.py" | sort) -source-language en -target-language "$lang" \
        -locations none -no-obsolete -ts "$ts"
    # lupdate reads every "#:" attribute comment in the code as a note to the
    # translator; they describe the code, not the string, so they are dropped.
    sed -i.bak '/<extracomment>.*<\/extracomment>/d' "$ts" && rm -f "$ts.bak"
    "$LRELEASE" "$ts" -qm "assets/translations/stagetimer_$lang.qm"
done
