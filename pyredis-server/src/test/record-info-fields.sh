#!/bin/sh
# Records the INFO sections and field names of redis-server 7.0.15, for InfoFieldsTest.
#
#   redis-server --port 7602 --save '' --daemonize yes
#   pyredis-server/src/test/record-info-fields.sh 7602 \
#       > pyredis-server/src/test/resources/info-fields-redis-7.0.15.txt
#
# Lines "headers <INFO arguments>\t<section headers in order>" for the section selectors,
# then "<section>\t<field>" for every field of each section of INFO everything, in order
# (per-command, per-error, per-database and module lines are left out: they depend on use).
set -eu
port=$1
cli() { redis-cli -p "$port" "$@" | tr -d '\r'; }
echo "#: redis-server 7.0.15 by pyredis-server/src/test/record-info-fields.sh"
for a in "" default all everything "server clients" "CPU" "nosuch"; do
  printf 'headers %s\t%s\n' "$a" "$(cli info $a | grep '^#' | sed 's/^# //' | tr '\n' ' ' | sed 's/ $//')"
done
cli info everything | awk '
  /^# / { section = tolower(substr($0, 3)); next }
  /^$/ { next }
  /^(cmdstat_|errorstat_|latency_percentiles_usec_|db[0-9]|module:)/ { next }
  { split($0, kv, ":"); printf "%s\t%s\n", section, kv[1] }'
