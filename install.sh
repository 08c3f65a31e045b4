#!/usr/bin/env bash
# Installs the gbasim command as a .NET tool packed from this repository: global (~/.dotnet/tools/gbasim)
# by default, or into a folder with ./install.sh --tool-path DIR.
set -euo pipefail
cd "$(dirname "$0")"
where=(--global)
if [ $# -gt 0 ]; then where=("$@"); fi
.ci/install --no-browser >&2
rm -rf artifacts/tool
dotnet pack client -c Release -o artifacts/tool
# Reinstalled rather than updated, so that a repack of the same version replaces the old one.
dotnet tool uninstall "${where[@]}" GbaSim.Cli >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" GbaSim.Cli --add-source artifacts/tool --ignore-failed-sources
if [ "${where[0]}" = "--global" ]; then
  case ":$PATH:" in
    *":$HOME/.dotnet/tools:"*) ;;
    *) echo "Add ~/.dotnet/tools to PATH (e.g. export PATH=\"\$PATH:\$HOME/.dotnet/tools\") to call gbasim." >&2 ;;
  esac
fi
