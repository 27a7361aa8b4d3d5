#!/usr/bin/env bash
# Regenerates the corpus samples named real-journald-* and real-rsyslog-*: collector console logs
# from examples/ passed through a real systemd-journald (started by hand, fed with systemd-cat,
# read back with journalctl) and a real rsyslogd (imfile in, omfile out in three templates).
# Needs root, systemd's journald and journalctl, and rsyslog (Debian: apt-get install rsyslog).
# Everything runs in a temporary directory and is stopped by PID at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
T=$(mktemp -d)
trap 'kill $(cat "$T"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$T"' EXIT
samples=corpus/samples
sources=(examples/network/console-v0130-gateway-connection-refused.log examples/tls/console-v0130-private-ca-unknown-authority.log)

header() { # cause source transport
  printf '#@ expect: %s\n#@ why: %s passed through a real %s (corpus/tools/real-transports.sh)\n' "$1" "$2" "$3"
}

# --- journald -----------------------------------------------------------------------------
mkdir -p /run/systemd/journal
/lib/systemd/systemd-journald & echo $! > "$T/journald.pid"
sleep 1
for src in "${sources[@]}"; do
  cause=$(basename "$(dirname "$src")"); name=$(basename "$src" .log)
  ident="otelcol-$cause"
  systemd-cat -t "$ident" -p info < "$src"
  sleep 1
  for fmt in json short-iso-precise short cat; do
    out="$samples/$cause/real-journald-$fmt-$name.log"
    { header "$cause" "$src" "systemd-journald, read with journalctl -o $fmt"; journalctl -t "$ident" -o "$fmt" --no-pager -q; } > "$out"
  done
done
kill "$(cat "$T/journald.pid")"; rm -f "$T/journald.pid"
rm -rf /run/systemd/journal /run/log/journal

# --- rsyslog ------------------------------------------------------------------------------
mkdir -p "$T/work"
for src in "${sources[@]}"; do
  cause=$(basename "$(dirname "$src")"); name=$(basename "$src" .log)
  : > "$T/in.log"
  cat > "$T/rsyslog.conf" <<CONF
global(workDirectory="$T/work")
module(load="imfile")
input(type="imfile" File="$T/in.log" Tag="otelcol-contrib[812]:" Severity="info" Facility="daemon")
action(type="omfile" file="$T/traditional.log" template="RSYSLOG_TraditionalFileFormat")
action(type="omfile" file="$T/precise.log" template="RSYSLOG_FileFormat")
action(type="omfile" file="$T/rfc5424.log" template="RSYSLOG_SyslogProtocol23Format")
CONF
  rm -f "$T"/traditional.log "$T"/precise.log "$T"/rfc5424.log "$T"/work/*
  rsyslogd -n -f "$T/rsyslog.conf" -i "$T/rsyslogd.pid" & sleep 2
  cat "$src" >> "$T/in.log"
  for _ in $(seq 1 30); do
    [ "$(wc -l < "$T/traditional.log" 2>/dev/null || echo 0)" -ge "$(wc -l < "$src")" ] && break
    sleep 0.5
  done
  kill "$(cat "$T/rsyslogd.pid")"; sleep 1
  for tmpl in traditional precise rfc5424; do
    { header "$cause" "$src" "rsyslogd ($tmpl template)"; cat "$T/$tmpl.log"; } > "$samples/$cause/real-rsyslog-$tmpl-$name.log"
  done
done
echo "wrote $(ls $samples/*/real-* | wc -l) samples"
