'use strict';
// Exports spans through one of the OpenTelemetry JavaScript SDK's OTLP trace exporters, the way a
// Node service sets tracing up, and exits. Used by NodeSdkFaultLabTest, which points it at a faulty
// server on 127.0.0.1 and reads what the SDK wrote to stdout and stderr.
//
//   node export-span.js --exporter http|grpc|proto --url URL [--processor simple|batch] [--spans N]
//        [--timeout-ms N] [--queue N] [--batch N] [--delay-ms N] [--burst N] [--gap-ms N]
//        [--deadline-ms N]
//
// Spans are ended --burst at a time (all at once by default) with --gap-ms between bursts, so a
// small batch queue can overflow and then take spans again, which is when the SDK reports drops.
//
// Diagnostics go through the SDK's own channels only: diag with a DiagConsoleLogger at the level
// OTEL_LOG_LEVEL names (INFO when unset, as most set-ups choose), and the default global error
// handler, which prints export errors a processor catches as flattened JSON through diag.error.
// Trust is configured as users do it: NODE_EXTRA_CA_CERTS for HTTP, and
// OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE for gRPC, both set by the caller.

const { diag, DiagConsoleLogger, DiagLogLevel } = require('@opentelemetry/api');
const { diagLogLevelFromString } = require('@opentelemetry/core');
const { BasicTracerProvider, SimpleSpanProcessor, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');

function parseArgs(argv) {
  const args = {
    exporter: 'http', url: undefined, processor: 'simple', spans: 1, timeoutMs: 2000,
    queue: 2048, batch: 512, delayMs: 50, burst: 0, gapMs: 0, deadlineMs: 30000,
  };
  const names = {
    '--exporter': 'exporter', '--url': 'url', '--processor': 'processor', '--spans': 'spans',
    '--timeout-ms': 'timeoutMs', '--queue': 'queue', '--batch': 'batch', '--delay-ms': 'delayMs',
    '--burst': 'burst', '--gap-ms': 'gapMs', '--deadline-ms': 'deadlineMs',
  };
  for (let i = 2; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length) {
      throw new Error(`unknown or incomplete option ${argv[i]}`);
    }
    const value = argv[i + 1];
    args[key] = typeof args[key] === 'number' ? Number(value) : value;
    if (typeof args[key] === 'number' && !Number.isFinite(args[key])) {
      throw new Error(`${argv[i]} needs a number, got ${value}`);
    }
  }
  if (!args.url) {
    throw new Error('--url is required');
  }
  return args;
}

function exporterFor(args) {
  const config = { url: args.url, timeoutMillis: args.timeoutMs };
  switch (args.exporter) {
    case 'http':
      return new (require('@opentelemetry/exporter-trace-otlp-http').OTLPTraceExporter)(config);
    case 'proto':
      return new (require('@opentelemetry/exporter-trace-otlp-proto').OTLPTraceExporter)(config);
    case 'grpc':
      return new (require('@opentelemetry/exporter-trace-otlp-grpc').OTLPTraceExporter)(config);
    default:
      throw new Error(`unknown exporter ${args.exporter}`);
  }
}

function processorFor(args, exporter) {
  if (args.processor === 'simple') {
    return new SimpleSpanProcessor(exporter);
  }
  if (args.processor === 'batch') {
    return new BatchSpanProcessor(exporter, {
      maxQueueSize: args.queue,
      maxExportBatchSize: args.batch,
      scheduledDelayMillis: args.delayMs,
      exportTimeoutMillis: args.timeoutMs,
    });
  }
  throw new Error(`unknown processor ${args.processor}`);
}

async function main() {
  const args = parseArgs(process.argv);
  // the caller bounds the process too; this makes a hung export end with a word on stderr
  const deadline = setTimeout(() => {
    process.stderr.write(`export-span: gave up after ${args.deadlineMs} ms\n`);
    process.exit(3);
  }, args.deadlineMs);

  const level = diagLogLevelFromString(process.env.OTEL_LOG_LEVEL) ?? DiagLogLevel.INFO;
  diag.setLogger(new DiagConsoleLogger(), level);

  const provider = new BasicTracerProvider({ spanProcessors: [processorFor(args, exporterFor(args))] });
  const tracer = provider.getTracer('otel-doctor-node-lab');
  const burst = args.burst > 0 ? args.burst : args.spans;
  for (let i = 0; i < args.spans; i++) {
    if (i > 0 && i % burst === 0 && args.gapMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, args.gapMs));
    }
    tracer.startSpan('GET /api/orders').end();
  }
  if (args.processor === 'batch') {
    // a service keeps running: give the processor's own timer the time to export (and to report a
    // failure through the global error handler) before the flush at shutdown, which reports nothing
    await new Promise((resolve) => setTimeout(resolve, args.delayMs + args.timeoutMs + 500));
  }
  try {
    await provider.forceFlush();
  } catch (err) {
    // SimpleSpanProcessor rethrows the export error it already handed to the global error handler
  }
  try {
    await provider.shutdown();
  } catch (err) {
    // likewise: the error handler has printed it
  }
  clearTimeout(deadline);
  // a gRPC channel may keep timers alive after shutdown; the export is over, so is the program
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`export-span: ${err && err.stack ? err.stack : err}\n`);
  process.exit(2);
});
