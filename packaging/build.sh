#!/bin/sh
# Configures (once) and builds TransferLab in Release mode into ./build. Quick when nothing changed.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="${TRANSFERLAB_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" "$@"
