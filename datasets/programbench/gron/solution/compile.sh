#!/bin/sh
# Baseline rebuild of gron: a Node.js script, copied to ./executable.
set -eu
{ echo '#!/usr/bin/env node'; cat gron.js; } > executable
chmod +x executable
