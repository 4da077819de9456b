#!/usr/bin/env bash
# Installs and runs S3Proxy (an S3-compatible server, Apache-2.0) for the *IT tests and demos.
# The jar-with-dependencies comes from Maven Central through Maven itself; nothing else is downloaded.
#
#   scripts/s3-test-server.sh install          idempotent; prints the jar path
#   scripts/s3-test-server.sh start PORT DIR   runs in the foreground on 127.0.0.1:PORT, data in DIR
#
# Credentials: identity "local-identity", credential "local-credential".
set -euo pipefail
VERSION="${S3PROXY_VERSION:-2.6.0}"
CACHE="${DATA_EMBASSY_CACHE:-$HOME/.cache/data-embassy}/s3proxy"
JAR="$CACHE/s3proxy-$VERSION.jar"

install() {
  if [ ! -s "$JAR" ]; then
    mkdir -p "$CACHE"
    local m2="$HOME/.m2/repository/org/gaul/s3proxy/$VERSION/s3proxy-$VERSION-jar-with-dependencies.jar"
    if [ ! -s "$m2" ]; then
      mvn -q dependency:get -Dartifact="org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" -Dtransitive=false >&2
    fi
    cp "$m2" "$JAR.tmp" && mv "$JAR.tmp" "$JAR"
  fi
  echo "$JAR"
}

case "${1:-}" in
  install) install ;;
  start)
    port="${2:?port}"; dir="${3:?data dir}"
    install >/dev/null
    mkdir -p "$dir/blobs"
    cat > "$dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=local-identity
s3proxy.credential=local-credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/blobs
PROPS
    exec java -jar "$JAR" --properties "$dir/s3proxy.properties"
    ;;
  *) echo "usage: $0 install | start PORT DIR" >&2; exit 2 ;;
esac
