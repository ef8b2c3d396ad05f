#!/usr/bin/env bash
# A ClickHouse cluster of three shards on loopback ports, for the SQL tests:
# shard i listens on HTTP 8130+i and native TCP 9130+i, and every shard knows
# the cluster "xinzhi3" (remote_servers), so a Distributed table on shard 1
# spreads queries over all three.
#   cluster.sh start DIR   start the three servers with their data under DIR
#   cluster.sh stop DIR    stop them
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}
server=$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)
users=/etc/clickhouse-server/users.xml

if [ "$cmd" = stop ]; then
  for i in 1 2 3; do
    [ -f "$dir/shard$i/pid" ] && kill "$(cat "$dir/shard$i/pid")" 2>/dev/null || true
  done
  exit 0
fi

shards=""
for i in 1 2 3; do
  shards+="<shard><replica><host>127.0.0.1</host><port>$((9130 + i))</port></replica></shard>"
done
for i in 1 2 3; do
  d="$dir/shard$i"
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
  cat > "$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/error.log</errorlog></logger>
  <http_port>$((8130 + i))</http_port>
  <tcp_port>$((9130 + i))</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$users</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>53687091</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers><xinzhi3>$shards</xinzhi3></remote_servers>
</yandex>
XML
  "$server" --config-file="$d/config.xml" >"$d/stdout.log" 2>&1 &
  echo $! >"$d/pid"
done
for i in 1 2 3; do
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$((8130 + i))/ping" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$((8130 + i))/ping" >/dev/null || { echo "ClickHouse shard $i did not start" >&2; cat "$dir/shard$i/stdout.log" "$dir/shard$i/error.log" >&2 || true; exit 1; }
done
echo "ClickHouse cluster xinzhi3: shards on HTTP ports 8131-8133"
