#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so tests use a real
# Secret Service (through keytar) without touching the user's own keyring. Where there is no D-Bus or
# gnome-keyring (macOS, Windows), the command runs as it is and keytar uses the OS keychain.
set -euo pipefail
if [ -n "${MLC_KEYRING:-}" ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export MLC_KEYRING="$dir"
dbus-run-session -- sh -c 'echo -n test | XDG_DATA_HOME="$MLC_KEYRING" gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null && "$@"' keyring "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
