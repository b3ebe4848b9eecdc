#!/usr/bin/env bash
# Set up a fresh machine and run Sasaeai Map:
#   ./dev.sh demo   install what is needed, then open the app on the demo town
#   ./dev.sh test   install what is needed, then run the whole test suite
#   ./dev.sh app    install what is needed, then open the app on your own ledger
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
VENV=".venv"
# Japanese fonts (maps, screenshots), PDF tools and LibreOffice (form images in tests), Qt's runtime libraries.
SYSTEM_PACKAGES=(fonts-noto-cjk fonts-ipaexfont-gothic poppler-utils libreoffice-calc-nogui
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libnss3 libxcomposite1 libxdamage1 libxrandr2
  libxtst6 libxshmfence1 libasound2 libfontconfig1 libdbus-1-3 libxkbfile1 libxcb-cursor0)

setup_system() {
  command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  # Reinstall only when the project's dependencies changed since the last install.
  local stamp="$VENV/.installed-pyproject"
  if [ ! -f "$stamp" ] || ! cmp -s pyproject.toml "$stamp"; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    cp pyproject.toml "$stamp"
  fi
}

# The sync tests run against a real PostgreSQL server: a throwaway cluster on loopback, made for the
# test run and removed after it (Debian's "postgresql" package is installed when missing).
PG_DIR=""
PG_RUN=()

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_RUN[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

start_postgres() {
  if [ -n "${SASAEAI_TEST_PG_URL:-}" ]; then return 0; fi  # a server given from outside
  if [ -z "$(pg_bin)" ] && command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing PostgreSQL (Debian package postgresql) for the sync tests"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  local bin
  bin="$(pg_bin)"
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed and could not be installed: the sync tests will fail." >&2
    return 0
  fi
  PG_DIR="$(mktemp -d /tmp/sasaeai-pg.XXXXXX)"
  trap stop_postgres EXIT
  local password
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$PG_DIR/pw"
  if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
    chown -R postgres: "$PG_DIR"
    PG_RUN=(runuser -u postgres --)
  fi
  "${PG_RUN[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pw" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # A free port on loopback (another test run may hold 55432 on this machine at the same time).
  local port="${SASAEAI_TEST_PG_PORT:-$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
  if ! "${PG_RUN[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-k $PG_DIR -p $port -h 127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null; then
    cat "$PG_DIR/server.log" >&2
    return 1
  fi
  export SASAEAI_TEST_PG_URL="postgresql://postgres:$password@127.0.0.1:$port/postgres"
}

# Chromium (inside Qt WebEngine) refuses its sandbox when run as root.
[ "$(id -u)" -ne 0 ] || export QTWEBENGINE_DISABLE_SANDBOX=1

case "${1:-}" in
  demo)
    setup_system; setup_python
    exec "$VENV/bin/sasaeai-map" --demo "${@:2}" ;;
  app)
    setup_system; setup_python
    exec "$VENV/bin/sasaeai-map" "${@:2}" ;;
  translations)
    # Refresh the Japanese catalogue's list of UI strings from the code (translations are kept).
    setup_python
    "$VENV/bin/pyside6-lupdate" $(find app -name '*.py' | sort) -ts resources/translations/sasaeai_ja.ts -no-obsolete
    exit 0 ;;
  test)
    setup_system; setup_python; start_postgres
    export QT_QPA_PLATFORM=offscreen
    set +e
    "$VENV/bin/python" -m pytest "${@:2}"
    rc=$?
    set -e
    if [ "$rc" -eq 5 ]; then
      echo "pytest collected no tests: that is a failure here, the suite must run." >&2
      exit 1
    fi
    exit "$rc" ;;
  *)
    echo "usage: ./dev.sh demo | app | test [pytest args] | translations" >&2
    exit 2 ;;
esac
