#!/usr/bin/env bash
# Times GbaSim's Boltzmann exchange on Mesa 3.3.1, for the side-by-side figure in docs/performance.md.
# Mesa's own dependencies come from Debian; Mesa itself from PyPI where that is reachable, else from
# a source tree named by MESA_SRC (the folder that holds mesa/). Arguments go to boltzmann.py.
set -euo pipefail
cd "$(dirname "$0")"
if ! /usr/bin/python3 -c "import numpy, pandas, scipy, tqdm" 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy python3-pandas python3-scipy python3-tqdm >/dev/null
fi
if [[ -n "${MESA_SRC:-}" ]]; then
  export PYTHONPATH="$MESA_SRC${PYTHONPATH:+:$PYTHONPATH}"
elif ! /usr/bin/python3 -c "import mesa" 2>/dev/null; then
  /usr/bin/python3 -m pip install --quiet --break-system-packages "mesa==3.3.1" \
    || { echo "Mesa 3.3.1 is not installed and PyPI cannot be reached: set MESA_SRC to a Mesa source tree." >&2; exit 1; }
fi
exec /usr/bin/python3 boltzmann.py "$@"
