#!/usr/bin/env bash
# Install everything the project needs on a fresh Debian machine: the PostgreSQL server (from
# Debian's packages, when absent) and one Python 3.11 virtual environment pinned by
# requirements.lock. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

have_pg_server() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${WEBCARE_PG_BINDIR:-}" ]; }

if [ -z "${WEBCARE_WAREHOUSE_URL:-}" ] && ! have_pg_server; then
  echo "==> installing the PostgreSQL server from Debian's packages"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # The project runs its own cluster; don't let the package create and start a system one.
  $SUDO mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# Headless Chromium renders the quality report, the index and the Data Docs in the tests.
if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Chromium from Debian's packages (headless page checks in the tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PYTHON="$candidate"; break
    fi
  done
fi
[ -n "$PYTHON" ] || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)" >&2; exit 1; }

stamp=.venv/.requirements.lock.sha256
want=$(sha256sum requirements.lock | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> creating .venv from requirements.lock (about a minute)"
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --no-deps -r requirements.lock
  .venv/bin/python -m pip check >/dev/null || { .venv/bin/python -m pip check; exit 1; }
  echo "$want" > "$stamp"
fi
echo "==> setup done: $(.venv/bin/python --version), $(.venv/bin/dbt --version 2>/dev/null | sed -n 's/.*installed: *//p' | head -1 | sed 's/^/dbt-core /')"

# The browser libraries of GX's Data Docs, pinned, so the docs open offline (webcare.data_docs).
assets_stamp=docs_assets/node_modules/.package-lock.sha256
assets_want=$(sha256sum docs_assets/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$assets_stamp" 2>/dev/null)" != "$assets_want" ]; then
  command -v npm >/dev/null || { echo "npm is required for the Data Docs assets (Debian: apt-get install npm)" >&2; exit 1; }
  echo "==> installing the Data Docs browser assets from the npm registry"
  (cd docs_assets && npm ci --ignore-scripts --no-audit --no-fund --legacy-peer-deps --loglevel=error >/dev/null)
  echo "$assets_want" > "$assets_stamp"
fi
