#!/bin/sh
# Baseline rebuild of head in Node.js (what the oracle agent submits).
set -e
{ printf '#!/bin/sh\nexec node "$(dirname "$0")/head.js" "$@"\n'; } > executable
chmod +x executable
