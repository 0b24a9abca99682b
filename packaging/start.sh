#!/bin/sh
# Installs what is missing, builds, and starts the TransferLab desktop application.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
"$here/install-deps.sh"
"$here/build.sh" --target transferlab
exec "${TRANSFERLAB_BUILD_DIR:-$here/../build}/app/transferlab" "$@"
