#!/bin/sh
# Baseline rebuild of wc: a Node.js script, copied to ./executable.
set -eu
{ echo '#!/usr/bin/env node'; cat wc.js; } > executable
chmod +x executable
