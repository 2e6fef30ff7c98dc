#!/usr/bin/env bash
# Prove a built Linux archive (packaging/build_bundle.py) as a PM would use it, on a
# machine where pmdesk's Python is out of reach: every pmdesk below runs with a clean
# environment (env -i: HOME, PATH=/usr/bin:/bin and what the step needs).
#
#   packaging/linux/check_bundle.sh ARCHIVE [PMDESK_TO_COMPARE]
#
# 1. install.sh into a fresh home: program, menu entry, icons, file type land where
#    the XDG specifications say; the menu entry validates;
# 2. the command line offscreen: --version, sample, export --format docx (read back),
#    a schema 1 project exported (the migrations run in the bundle);
# 3. the desktop knows .pmdesk (glob and magic: a renamed project too) and opens it
#    with pmdesk (gio, as GNOME and xdg-mime ask);
# 4. the window offscreen opens the sample; a second pmdesk hands over and exits;
# 5. the window under Xvfb: "double-clicking" the project (gio open runs the menu
#    entry's Exec) shows it; Ctrl+Q quits. Then the time from launch to the sample
#    shown, the bundle against PMDESK_TO_COMPARE (e.g. an installed wheel's pmdesk),
#    median of 5 warm runs each, taken in turn: reported, not judged.
# Needs: Xvfb, xdotool, gio (libglib2.0-bin), python3; desktop-file-validate if present.
set -euo pipefail
ARCHIVE=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)  # before the cd below: $0 may be relative
COMPARE=${2:-}
WORK=$(mktemp -d)
H=$WORK/home
mkdir -p "$H"
cd "$WORK"
tar xzf "$ARCHIVE"
TOP=$(echo "$WORK"/pmdesk-*-linux-*)
CLEAN=(env -i HOME="$H" PATH=/usr/bin:/bin LANG=C.UTF-8)  # an array, not a function:
clean() { "${CLEAN[@]}" "$@"; }  # run in the background, "${CLEAN[@]}" keeps its pid
fail() { echo "check_bundle: $*" >&2; exit 1; }
DISPLAY_PID=""
STARTED=()  # every pmdesk started in the background: none outlives a failed check
cleanup() {
    for pid in "${STARTED[@]}" $(cat "$WORK/timed.pids" 2>/dev/null); do
        kill "$pid" 2>/dev/null || true
    done
    if [ -n "$DISPLAY_PID" ]; then kill "$DISPLAY_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "== 1. install into a fresh home"
clean sh "$TOP/install.sh"
APP=$H/.local/lib/pmdesk/pmdesk
DATA=$H/.local/share
for f in "$APP" "$H/.local/bin/pmdesk" "$DATA/applications/pmdesk.desktop" \
    "$DATA/mime/packages/pmdesk.xml" "$DATA/icons/hicolor/scalable/apps/pmdesk.svg" \
    "$DATA/icons/hicolor/scalable/mimetypes/application-x-pmdesk.svg"; do
    [ -e "$f" ] || fail "install.sh did not make $f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    for f in "apps/pmdesk.png" "mimetypes/application-x-pmdesk.png"; do
        [ -f "$DATA/icons/hicolor/${size}x$size/$f" ] || fail "no ${size}px $f"
    done
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$DATA/applications/pmdesk.desktop"
fi
echo "bundle: $(du -sh "$H/.local/lib/pmdesk" | cut -f1) installed, archive $(du -h "$ARCHIVE" | cut -f1)"

echo "== 2. the command line, offscreen, no Python on PATH"
run() { clean QT_QPA_PLATFORM=offscreen "$APP" "$@"; }
# (Output captured, then matched: `grep -q` in a pipe may end the writer early.)
said=$(run --version)
[[ "$said" == "pmdesk "[0-9]* ]] || fail "pmdesk --version said: $said"
run sample "$WORK/crm.pmdesk"
run export "$WORK/crm.pmdesk" --format docx -o "$WORK/crm.docx"
python3 - "$WORK/crm.docx" <<'EOF'
import sys, zipfile
body = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")
assert "云帆" in body, "the sample's title is not in the exported document"
print(f"crm.docx: {len(body)} characters of document.xml, the sample's title in it")
EOF

# A project of schema 1 (tests/data): opening it runs every Alembic revision, which
# the bundle carries as files.
cp "$HERE/../../tests/data/crm-schema1.pmdesk" "$WORK/old.pmdesk"
run export "$WORK/old.pmdesk" --format md -o "$WORK/old.md"
[ -s "$WORK/old.md" ] || fail "a schema 1 project did not export"

echo "== 3. the desktop's file type and default application"
cp "$WORK/crm.pmdesk" "$WORK/renamed.db"
for f in crm.pmdesk renamed.db; do
    type=$(clean gio info -a standard::content-type "$WORK/$f" | sed -n 's/.*content-type: //p')
    [ "$type" = "application/x-pmdesk" ] || fail "$f is seen as $type"
done
said=$(clean gio mime application/x-pmdesk)
[[ "$said" == *"Default application"*": pmdesk.desktop"* ]] || fail "no default application: $said"
echo "crm.pmdesk and renamed.db: application/x-pmdesk, opened by pmdesk.desktop"

holder() {  # the pid in the lock file of project $1, if any
    python3 -c 'import json,sys
try: print(json.load(open(sys.argv[1], encoding="utf-8"))["pid"])
except OSError: pass' "$(dirname "$1")/.~lock.$(basename "$1")#"
}
wait_for_holder() {  # project, pid, seconds
    for _ in $(seq 1 $(($3 * 10))); do
        [ "$(holder "$1")" = "$2" ] && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

echo "== 4. the window offscreen; a second pmdesk hands over"
cp "$WORK/crm.pmdesk" "$WORK/offscreen.pmdesk"
"${CLEAN[@]}" QT_QPA_PLATFORM=offscreen "$APP" "$WORK/offscreen.pmdesk" >"$WORK/offscreen.log" 2>&1 &
FIRST=$!
STARTED+=("$FIRST")
wait_for_holder "$WORK/offscreen.pmdesk" $FIRST 60 || {
    cat "$WORK/offscreen.log" >&2
    fail "the window did not open the project offscreen"
}
timeout 60 "${CLEAN[@]}" QT_QPA_PLATFORM=offscreen "$APP" \
    || fail "a second pmdesk did not hand over to the first"
kill -0 $FIRST || fail "the first pmdesk ended"
kill $FIRST
wait $FIRST || true
echo "opened offscreen by pid $FIRST; a second pmdesk handed over and exited"

echo "== 5. the window under X: double-click, Ctrl+Q, time to the sample"
# A display number nobody uses (-displayfd: Xvfb picks it and writes it down);
# -noreset: without it the server resets as the last window closes, and the next
# pmdesk, starting in that moment, finds no display.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$WORK/display" >/dev/null 2>&1 &
DISPLAY_PID=$!
for _ in $(seq 1 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$WORK/display")"
shown() {  # waits for a visible window titled after project $1; prints its id
    for _ in $(seq 1 1200); do
        id=$(xdotool search --onlyvisible --name "^$1" 2>/dev/null | head -n1 || true)
        if [ -n "$id" ]; then echo "$id"; return 0; fi
        sleep 0.05
    done
    return 1
}
quit() {  # Ctrl+Q to window $1, then wait until its process $2 is gone
    xdotool windowfocus --sync "$1" && xdotool key --clearmodifiers ctrl+q
    for _ in $(seq 1 300); do kill -0 "$2" 2>/dev/null || return 0; sleep 0.1; done
    kill "$2"
    fail "pmdesk did not quit on Ctrl+Q"
}
clean DISPLAY="$DISPLAY" gio open "$WORK/crm.pmdesk" >"$WORK/gio.log" 2>&1 &
window=$(shown crm.pmdesk) || { cat "$WORK/gio.log" >&2; fail "double-click did not open it"; }
pid=$(xdotool getwindowpid "$window")
STARTED+=("$pid")
[ "$(readlink -f "/proc/$pid/exe")" = "$(readlink -f "$APP")" ] || fail "not the bundle's window"
echo "double-click opened: $(xdotool getwindowname "$window") (pid $pid, the installed bundle)"
quit "$window" "$pid"

time_to_sample() {  # the seconds from starting "$@" to the sample's window, then quit
    local start end id
    start=$(date +%s.%N)
    "$@" "$WORK/crm.pmdesk" >>"$WORK/timing.log" 2>&1 &
    local pid=$!
    echo "$pid" >>"$WORK/timed.pids"  # (in $(…): the array would not reach cleanup)
    id=$(shown crm.pmdesk) || { cat "$WORK/timing.log" >&2; fail "no window: $*"; }
    end=$(date +%s.%N)
    quit "$id" "$pid"
    python3 -c "print(f'{$end - $start:.2f}')"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# Warm runs taken in turn (bundle, other, bundle, other …) so that the load of a
# shared machine weighs on both alike; the medians are reported, not judged.
BUNDLE_RUN=("${CLEAN[@]}" DISPLAY="$DISPLAY" "$APP")
time_to_sample "${BUNDLE_RUN[@]}" >/dev/null  # the disk cache warmed
if [ -n "$COMPARE" ]; then time_to_sample env HOME="$H" "$COMPARE" >/dev/null; fi
: >"$WORK/bundle.times"
: >"$WORK/other.times"
for _ in 1 2 3 4 5; do
    time_to_sample "${BUNDLE_RUN[@]}" >>"$WORK/bundle.times"
    if [ -n "$COMPARE" ]; then time_to_sample env HOME="$H" "$COMPARE" >>"$WORK/other.times"; fi
done
echo "launch to sample shown, median of 5: bundle $(median <"$WORK/bundle.times") s" \
    "($(tr '\n' ' ' <"$WORK/bundle.times"))"
if [ -n "$COMPARE" ]; then
    echo "launch to sample shown, median of 5: $COMPARE $(median <"$WORK/other.times") s" \
        "($(tr '\n' ' ' <"$WORK/other.times"))"
fi
echo "check_bundle: all good"
