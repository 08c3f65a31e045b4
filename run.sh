#!/usr/bin/env bash
# Runs the gbasim client (see README.md), first installing what a fresh Debian machine lacks for the build.
set -euo pipefail
cd "$(dirname "$0")"
.ci/install --no-browser >&2
exec dotnet run -c Release --project client -- "$@"
