#!/usr/bin/env python3
"""Writes a realistic, seeded OpenTelemetry Collector log for benchmarks.

usage: generate.py --size BYTES --format console|json [--error-rate 0.015] [--seed 42] OUT

The mix follows what a busy collector prints: debug-exporter summaries, memory_limiter debug
lines, health-check and scrape info lines, info-level 'Exporting failed. Will retry' lines, and
warn/error lines (the --error-rate share) spread over several failure causes, each repeating with
new time stamps, intervals and counts as real failures do. The same seed gives the same bytes.
"""
import argparse
import json
import random
from datetime import datetime, timedelta, timezone

RESOURCE = {"service.instance.id": "6b1f0c2e-4d3a-4e5f-9a7b-1c2d3e4f5a6b", "service.name": "otelcol-contrib", "service.version": "0.130.0"}

FAILURES = [
    ("rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.20.30.40:4317: connect: connection refused\"", "otlp/backend"),
    ("rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\"", "otlp/central"),
    ("not retryable error: Permanent error: rpc error: code = Unauthenticated desc = error exporting items, request to https://otlp.vendor.example/v1/traces responded with HTTP Status Code 401, Message=invalid API key, Details=[]", "otlphttp/vendor"),
    ("rpc error: code = DeadlineExceeded desc = context deadline exceeded", "otlp/mimir"),
    ("sending queue is full", "otlp/tempo"),
    ("Throttle (30s), error: rpc error: code = Unavailable desc = error exporting items, request to https://otlp.vendor.example/v1/metrics responded with HTTP Status Code 503, Message=ingest temporarily unavailable, Details=[]", "otlphttp/vendor"),
]


def ts_console(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def fields_console(d):
    return "{" + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in d.items()) + "}"


def line(fmt, t, level, caller, msg, fields):
    if fmt == "json":
        record = {"level": level, "ts": ts_console(t), "caller": caller, "msg": msg}
        record.update(fields)
        return json.dumps(record, separators=(",", ":"))
    return f"{ts_console(t)}\t{level}\t{caller}\t{msg}\t{fields_console(fields)}"


def component(cid, signal="traces"):
    return {"resource": RESOURCE, "otelcol.component.id": cid, "otelcol.component.kind": "exporter", "otelcol.signal": signal}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--format", choices=["console", "json"], default="console")
    p.add_argument("--error-rate", type=float, default=0.015)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("out")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    t = datetime(2025, 6, 10, 9, 0, 0, tzinfo=timezone.utc)
    written = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as out:
        while written < a.size:
            t += timedelta(milliseconds=rnd.randint(1, 40))
            r = rnd.random()
            if r < a.error_rate:
                err, cid = rnd.choice(FAILURES)
                f = component(cid)
                if err == "sending queue is full":
                    f.update({"error": err, "rejected_items": rnd.randint(50, 2048)})
                    s = line(a.format, t, "error", "internal/base_exporter.go:117", "Exporting failed. Rejecting data.", f)
                elif err.startswith("not retryable"):
                    f.update({"error": err, "dropped_items": rnd.randint(1, 5000)})
                    s = line(a.format, t, "error", "internal/queue_sender.go:51", "Exporting failed. Dropping data.", f)
                else:
                    f.update({"error": err, "interval": f"{rnd.uniform(2.5, 30):.9f}s"})
                    s = line(a.format, t, "warn" if rnd.random() < 0.5 else "error", "internal/retry_sender.go:133",
                             "Exporting failed. Will retry the request after interval.", f)
            elif r < a.error_rate + 0.01:
                err, cid = rnd.choice(FAILURES[:4])
                f = component(cid)
                f.update({"error": err, "interval": f"{rnd.uniform(2.5, 7.5):.9f}s"})
                s = line(a.format, t, "info", "internal/retry_sender.go:133", "Exporting failed. Will retry the request after interval.", f)
            elif r < 0.62:
                f = component("debug", rnd.choice(["traces", "metrics", "logs"]))
                f.update({"resource spans": rnd.randint(1, 8), "spans": rnd.randint(1, 400)})
                s = line(a.format, t, "info", "debugexporter@v0.130.0/exporter.go:64", "Traces", f)
            elif r < 0.82:
                s = line(a.format, t, "debug", "memorylimiter/memorylimiter.go:236", "Currently used memory.",
                         {"resource": RESOURCE, "otelcol.component.kind": "processor", "cur_mem_mib": rnd.randint(200, 900)})
            elif r < 0.92:
                s = line(a.format, t, "info", "healthcheckextension@v0.130.0/healthcheckextension.go:34", "Health Check state change",
                         {"resource": RESOURCE, "otelcol.component.id": "health_check", "otelcol.component.kind": "extension", "status": "ready"})
            else:
                s = line(a.format, t, "debug", "scrape/scrape.go:1395", "Scrape succeeded",
                         {"resource": RESOURCE, "otelcol.component.id": "prometheus", "otelcol.component.kind": "receiver",
                          "target": f"http://10.0.{rnd.randint(0, 9)}.{rnd.randint(1, 250)}:9100/metrics", "samples": rnd.randint(100, 3000)})
            out.write(s + "\n")
            written += len(s.encode("utf-8")) + 1


if __name__ == "__main__":
    main()
