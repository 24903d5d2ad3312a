#!/bin/sh
# Baseline rebuild of fold in Node.js (what the oracle agent submits).
set -e
{ printf '#!/bin/sh\nexec node "$(dirname "$0")/fold.js" "$@"\n'; } > executable
chmod +x executable
