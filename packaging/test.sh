#!/bin/sh
# Installs what is missing, builds everything, and runs the whole test suite with ctest.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build="${TRANSFERLAB_BUILD_DIR:-$here/../build}"
"$here/install-deps.sh"
"$here/build.sh"
cd "$build"
ctest --output-on-failure --timeout 900 "$@"
