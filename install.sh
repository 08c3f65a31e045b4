#!/usr/bin/env bash
# Installs the gbasim command as a .NET global tool packed from this repository (~/.dotnet/tools/gbasim).
set -euo pipefail
cd "$(dirname "$0")"
.ci/install --no-browser >&2
rm -rf artifacts/tool
dotnet pack client -c Release -o artifacts/tool
# Reinstalled rather than updated, so that a repack of the same version replaces the old one.
dotnet tool uninstall --global GbaSim.Cli >/dev/null 2>&1 || true
dotnet tool install --global GbaSim.Cli --add-source artifacts/tool --ignore-failed-sources
case ":$PATH:" in
  *":$HOME/.dotnet/tools:"*) ;;
  *) echo "Add ~/.dotnet/tools to PATH (e.g. export PATH=\"\$PATH:\$HOME/.dotnet/tools\") to call gbasim." >&2 ;;
esac
