#!/usr/bin/env bash
# Signalling benchmark (issue 7): calls/s through a UDP -> TLS hop, SecureTrunk vs a Kamailio reference.
#
#   ours:      sipp UAC (UDP, as the PBX) -> SecureTrunk (UDP in, TLS out, B2BUA + media relay ports per call)
#                -> Kamailio (TLS in, UDP out) -> sipp UAS answering RTP/SAVP with a=crypto (load_uas_srtp.xml)
#   reference: sipp UAC (UDP) -> Kamailio (UDP in, TLS out) -> Kamailio (TLS in, UDP out) -> sipp UAS (load_uas.xml:
#                a proxy passes the plain offer through, so the far end answers RTP/AVP)
#
# usage: bench/signalling/run.sh [RATE ...]        (default: 100 200 300 400 500 600)
# Each rate runs SECONDS_PER_RATE (default 30) s per subject, interleaved (ours, reference); a subject stops climbing at its
# first rate with a failed call (SUBJECTS="securetrunk" or "kamailio-reference" runs one only).
# Prints RESULT lines: subject, rate, calls, failed, p50/p99 INVITE->200 (ms). See README.md.
# Needs: sip-tester kamailio kamailio-tls-modules openssl python3 (installed below if missing) and the jar
# (mvn -B -q package -DskipTests). Everything on loopback; every process started here is stopped on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED_BENCH:-/work/shared/bench}
jar=${JAR:-$root/gateway/target/securetrunk.jar}
out=${BUILD:-$here/target}
seconds=${SECONDS_PER_RATE:-30}
hold_ms=${HOLD_MS:-1000}
rates=("$@"); [[ ${#rates[@]} -gt 0 ]] || rates=(100 200 300 400 500 600)

need=()
for p in sip-tester kamailio kamailio-tls-modules openssl python3; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [[ ${#need[@]} -gt 0 ]]; then flock /tmp/apt.lock apt-get install -y -q --no-install-recommends "${need[@]}"; fi
[[ -f $jar ]] || { echo "no $jar: run mvn -B -q package -DskipTests first" >&2; exit 2; }

rm -rf "$out"; mkdir -p "$out"; cd "$out"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket
for _ in range(50):
    t=socket.socket(); t.bind(("127.0.0.1",0)); p=t.getsockname()[1]
    u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1",p)); print(p); break
    except OSError: pass
    finally: u.close(); t.close()'; }

# --- certificates: a CA and one leaf for 127.0.0.1 (Kamailio's server cert; SecureTrunk's own) -------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 7 -subj "/CN=bench CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=keyCertSign,cRLSign" 2>/dev/null
for n in kamailio gateway; do
  openssl req -newkey rsa:2048 -nodes -keyout $n-key.pem -out $n.csr -subj "/CN=$n.bench.test" 2>/dev/null
  openssl x509 -req -in $n.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out $n.pem -days 7 \
    -extfile <(printf "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth") 2>/dev/null
done

# --- far end: sipp UAS (SRTP answer for ours, plain for the reference) behind a Kamailio TLS-in/UDP-out ----------
uas_srtp=$(free_port); uas_plain=$(free_port)
sipp -sf "$shared/sipp/load_uas_srtp.xml" -i 127.0.0.1 -p "$uas_srtp" -nostdin -aa > uas-srtp.log 2>&1 & pids+=($!)
sipp -sf "$shared/sipp/load_uas.xml" -i 127.0.0.1 -p "$uas_plain" -nostdin -aa > uas-plain.log 2>&1 & pids+=($!)
far_udp=$(free_port); far_tls=$(free_port)
pids+=("$(bash "$shared/kamailio/start.sh" far-srtp "$far_udp" "$far_tls" "127.0.0.1:$uas_srtp" udp kamailio.pem kamailio-key.pem)")
far2_udp=$(free_port); far2_tls=$(free_port)
pids+=("$(bash "$shared/kamailio/start.sh" far-plain "$far2_udp" "$far2_tls" "127.0.0.1:$uas_plain" udp kamailio.pem kamailio-key.pem)")

# --- reference subject: Kamailio UDP in -> TLS out -------------------------------------------------------------
ref_udp=$(free_port); ref_tls=$(free_port)
pids+=("$(bash "$shared/kamailio/start.sh" reference "$ref_udp" "$ref_tls" "127.0.0.1:$far2_tls" tls kamailio.pem kamailio-key.pem)")

# --- our subject: SecureTrunk, legacy UDP in, secure-domain target = the far Kamailio over TLS -------------------
gw_udp=$(free_port); gw_tcp=$(free_port); gw_tls=$(free_port)
cat > securetrunk.conf <<CONF
securetrunk {
  sip.legacy { listen-addresses = ["127.0.0.1"], transports = [udp], udp-port = $gw_udp }
  sip.secure { listen-addresses = ["127.0.0.1"], tls-port = $gw_tls }
  pbx { allowed-sources = ["127.0.0.1"], profile = asterisk-chan_sip, target { host = "127.0.0.1", port = $uas_plain, transport = udp } }
  secure-domain { targets = [ { host = "127.0.0.1", port = $far_tls, transport = tls } ], profile = twilio-secure }
  tls { certificate = "$out/gateway.pem", private-key = "$out/gateway-key.pem", ca-bundle = "$out/ca.pem" }
  media { bind-address = "127.0.0.1", port-min = 30000, port-max = 49999, port-quarantine = 1s }
  limits { max-concurrent-calls = 5000, invite-rate-per-source = 100000 }
}
CONF
# the JVM options of packaging/securetrunk (the launcher operators run) unless JAVA_OPTS says otherwise
java ${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC} -jar "$jar" --log-level warn run --config securetrunk.conf > securetrunk.log 2>&1 & gw_pid=$!; pids+=($gw_pid)
for _ in $(seq 100); do grep -q 'SecureTrunk started' securetrunk.log && break; kill -0 $gw_pid 2>/dev/null || break; sleep 0.3; done
grep 'SecureTrunk started' securetrunk.log || { cat securetrunk.log >&2; exit 1; }
sleep 1

# CPU ticks (user+system) used so far by a subject's processes: the gateway JVM, or the reference Kamailio's
# processes (a per-call CPU cost is far less sensitive to the shared machine's load than latency is)
cpu_ticks() {
  local pids_of
  case $1 in
    securetrunk|warmup-ours) pids_of=$gw_pid ;;
    *) pids_of=$(pgrep -f "kamailio -f $out/reference/" | tr '\n' ' ') ;;
  esac
  local t=0 p
  for p in $pids_of; do
    [[ -r /proc/$p/stat ]] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$t"
}

# one load run: subject name, UDP port, rate, seconds -> RESULT line; returns 1 if any call failed
load() {
  local name=$1 port=$2 rate=$3 secs=$4
  local calls=$(( rate * secs )) dir=$name-$rate
  mkdir -p "$dir"
  local cmd=(sipp -sf "$shared/sipp/load_uac.xml" -s 1000 "127.0.0.1:$port" -i 127.0.0.1 -p "$(free_port)"
             -r "$rate" -m "$calls" -d "$hold_ms" -l $(( rate * 10 + 100 )) -recv_timeout 5000 -timeout $(( secs + 30 ))s
             -trace_rtt -rtt_freq 1 -trace_stat -fd 5 -nostdin)
  echo "RUN $name rate=$rate: (cd $dir && ${cmd[*]})"
  local status=0 cpu0 cpu1
  cpu0=$(cpu_ticks "$name")
  (cd "$dir" && exec "${cmd[@]}" > sipp.out 2>&1) || status=$?
  cpu1=$(cpu_ticks "$name")
  python3 - "$dir" "$name" "$rate" "$calls" "$status" "$((cpu1 - cpu0))" <<'PY'
import csv, glob, os, sys
d, name, rate, calls, status = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
cpu_ms = int(sys.argv[6]) * 1000.0 / os.sysconf("SC_CLK_TCK")
rt = []
for f in glob.glob(d + "/*_rtt.csv"):
    for row in csv.reader(open(f), delimiter=';'):
        if len(row) >= 3 and row[2].strip() == "1":
            try: rt.append(float(row[1]))
            except ValueError: pass
ok = failed = -1
for f in glob.glob(d + "/*_.csv"):
    rows = list(csv.reader(open(f), delimiter=';'))
    if len(rows) >= 2:
        h, last = rows[0], rows[-1]
        ok = int(last[h.index("SuccessfulCall(C)")]); failed = int(last[h.index("FailedCall(C)")])
rt.sort()
pct = lambda p: rt[min(len(rt) - 1, int(p * len(rt)))] if rt else float("nan")
print(f"RESULT {name} rate={rate}/s calls={calls} successful={ok} failed={failed} sipp_exit={status} "
      f"invite_to_200_ms p50={pct(0.50):.2f} p99={pct(0.99):.2f} max={rt[-1] if rt else float('nan'):.2f} samples={len(rt)} "
      f"subject_cpu_ms_per_call={cpu_ms / calls:.2f} load={open('/proc/loadavg').read().split()[0]}")
PY
  [[ $status == 0 ]]
}

# warm-up (JIT, TLS connections), not counted. The JVM compiles a per-call method with C2 only after thousands of
# calls (Tier4 thresholds), so a short warm-up measures the JIT, not the gateway: after 500 calls (the old 10 s at
# 50/s) C2 was still compiling through a 20 s run at 200/s and took half the gateway's CPU (2.5 of 5.2 ms per call).
# Each subject gets the same warm-up (WARMUP_RATE calls/s for WARMUP_SECONDS, default 150 x 60 s = 9000 calls).
warm_rate=${WARMUP_RATE:-150}; warm_secs=${WARMUP_SECONDS:-60}
load warmup-ours "$gw_udp" "$warm_rate" "$warm_secs" > /dev/null || true
load warmup-reference "$ref_udp" "$warm_rate" "$warm_secs" > /dev/null || true

ours_ok=1; ref_ok=1
case " ${SUBJECTS:-securetrunk kamailio-reference} " in *" securetrunk "*) ;; *) ours_ok=0;; esac
case " ${SUBJECTS:-securetrunk kamailio-reference} " in *" kamailio-reference "*) ;; *) ref_ok=0;; esac
for r in "${rates[@]}"; do
  if [[ $ours_ok == 1 ]]; then load securetrunk "$gw_udp" "$r" "$seconds" || ours_ok=0; fi
  if [[ $ref_ok == 1 ]]; then load kamailio-reference "$ref_udp" "$r" "$seconds" || ref_ok=0; fi
  [[ $ours_ok == 1 || $ref_ok == 1 ]] || break
  sleep 3
done
echo "done: logs in $out"
