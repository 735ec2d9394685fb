#!/usr/bin/env bash
# SRTP engine vs libsrtp 2 (OpenSSL build), one sitting, same pinned core, interleaved:
#   libsrtp, ours (JDK 17), libsrtp, ours (JDK 25), ... ROUNDS times, then the RESULT lines to compare.
# Both sides report CPU time per packet of the benchmark thread (CLOCK_THREAD_CPUTIME_ID), which stays
# meaningful when other processes share the machine; JMH's wall-clock ns/op is printed too.
# usage (from the repository root, after: mvn -B -Pbench -pl gateway -am package -DskipTests):
#   bash gateway/src/bench/sh/srtp-vs-libsrtp.sh [ROUNDS]   env: CPU (default 1), JDK17, JDK25, SCRATCH, SHARED
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../.." && pwd)
rounds=${1:-2}
CPU=${CPU:-1}
JDK17=${JDK17:-java}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
SCRATCH=${SCRATCH:-/tmp/libsrtp-bench}
SHARED=${SHARED:-$root/../shared}
[ -d "$SHARED/bench/libsrtp" ] || SHARED=/work/shared
jar="$root/gateway/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -Pbench -pl gateway -am package -DskipTests" >&2; exit 2; }
mkdir -p "$SCRATCH"
libsrtp() { (cd "$SCRATCH" && CPU=$CPU RUNS=1 bash "$SHARED/bench/libsrtp/run.sh" "$1" 2>/dev/null | grep -E '^RESULT,(src-openssl|native-floor)' || true); }
ours() { taskset -c "$CPU" "$1" -jar "$jar" SrtpBenchmark 2>&1 | grep -E '^RESULT-CPU|^SrtpBenchmark\.' ; }
for r in $(seq 1 "$rounds"); do
  echo "## round $r"
  libsrtp 80; libsrtp 32
  ours "$JDK17"
  libsrtp 80; libsrtp 32
  ours "$JDK25"
done
libsrtp 80; libsrtp 32
