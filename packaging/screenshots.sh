#!/bin/sh
# Takes the README screenshots from the real application under a virtual X server: the first
# start (demo experiment, block diagram, freeze and hyperparameter docks) and the same
# experiment training with live curves.
#
#   packaging/screenshots.sh [BUILD_DIR] [OUT_DIR]
#
# Needs xvfb-run and ImageMagick's import. Settings and application data go to a fresh
# temporary home, so every run is a first start.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$root/docs/screenshots}
app="$build/app/transferlab"
[ -x "$app" ] || { echo "screenshots.sh: $app not found; build first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshots.sh: ImageMagick's import is missing" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# Seconds of training before the second shot; long enough for an epoch on a slow machine.
train_seconds=${TRAIN_SECONDS:-60}

export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" HOME="$home" LANG=C.UTF-8 LC_ALL=C.UTF-8

shoot() {  # shoot NAME SECONDS ARGS...: starts the window, waits, takes the screen, quits
    name=$1 wait=$2
    shift 2
    xvfb-run -a -s "-screen 0 1440x900x24" sh -c '
        "$0" "$@" &
        pid=$!
        sleep '"$wait"'
        import -window root "'"$out/$name"'.png"
        kill $pid; wait $pid 2>/dev/null || true
    ' "$app" "$@"
    echo "$out/$name.png"
}

# First start writes the demo data and opens the demo experiment; the second start opens it
# again as the most recent file and trains it at once.
shoot main-window 20
shoot training "$train_seconds" --train
