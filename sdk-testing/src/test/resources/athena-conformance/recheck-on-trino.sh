#!/usr/bin/env bash
# Re-checks the conformance cases' expectations on a real Trino (what Athena engine v3 runs).
#
#   recheck-on-trino.sh [--write] [file.txt ...]
#
# Downloads io.trino:trino-server (tar.gz, from Maven Central through mvn) into $TRINO_WORK
# (default /tmp/trino-conformance), configures it bound to 127.0.0.1:$TRINO_PORT with the memory
# and tpch connectors only and a 3 GB heap, starts it, runs recheck.py (which loads the fixture
# tables into memory.tpch and compares every case), and stops it again. --write rewrites the
# expectations that differ with Trino's answers: review the diff before committing.
# Trino 476 needs Java 24+: set TRINO_JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64).
# The build never runs this script; the JUnit suite reads only the .txt files.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
VERSION="${TRINO_VERSION:-476}"
WORK="${TRINO_WORK:-/tmp/trino-conformance}"
PORT="${TRINO_PORT:-18080}"
JAVA_HOME="${TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SERVER="$WORK/trino-server-$VERSION"

mkdir -p "$WORK"
if [ ! -d "$SERVER" ]; then
  mvn -B -q dependency:copy -Dartifact="io.trino:trino-server:$VERSION:tar.gz" -DoutputDirectory="$WORK"
  tar xzf "$WORK/trino-server-$VERSION.tar.gz" -C "$WORK"
  # Only the connectors the suite uses: a much faster start.
  mkdir -p "$WORK/unused-plugins"
  for plugin in "$SERVER"/plugin/*; do
    case "$(basename "$plugin")" in memory|tpch) ;; *) mv "$plugin" "$WORK/unused-plugins/" ;; esac
  done
fi
mkdir -p "$SERVER/etc/catalog" "$WORK/data"
cat > "$SERVER/etc/config.properties" <<PROPS
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$PORT
discovery.uri=http://127.0.0.1:$PORT
query.max-memory=1GB
query.max-memory-per-node=1GB
PROPS
cat > "$SERVER/etc/node.properties" <<PROPS
node.environment=test
node.id=conformance
node.data-dir=$WORK/data
node.bind-ip=127.0.0.1
node.internal-address=127.0.0.1
PROPS
printf '%s\n' -server -Xmx3G -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djdk.attach.allowAttachSelf=true \
  -XX:+EnableDynamicAgentLoading > "$SERVER/etc/jvm.config"
echo connector.name=memory > "$SERVER/etc/catalog/memory.properties"
echo connector.name=tpch > "$SERVER/etc/catalog/tpch.properties"

JAVA_HOME="$JAVA_HOME" PATH="$JAVA_HOME/bin:$PATH" "$SERVER/bin/launcher" run > "$WORK/trino.log" 2>&1 &
TRINO_PID=$!
trap 'kill "$TRINO_PID" 2>/dev/null || true; wait "$TRINO_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/v1/info" | grep -q '"starting":false'; then break; fi
  if ! kill -0 "$TRINO_PID" 2>/dev/null; then echo "Trino did not start; see $WORK/trino.log" >&2; exit 1; fi
  sleep 2
done
python3 "$HERE/recheck.py" --server "http://127.0.0.1:$PORT" "$@"
