#!/usr/bin/env bash
# Runs the whole test suite, first installing what a fresh Debian machine lacks (npm, Chromium, PostgreSQL, Redis).
set -euo pipefail
cd "$(dirname "$0")"
.ci/install
exec dotnet test GbaSim.sln -c Release "$@"
