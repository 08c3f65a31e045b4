using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// The one place where a process's OpenTelemetry providers are built and disposed: a tracer
/// provider for the GbaSim sources (runs, steps, partition turns, technology chains), ASP.NET
/// Core's requests and HttpClient's calls, and a meter provider for the GbaSim meters and the
/// HTTP server and client meters. Both always feed the in-process buffers that the silo's
/// dashboard reads; both also export over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or the
/// signal's own <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>..._METRICS_ENDPOINT</c>) is set,
/// the exporter reading the other standard <c>OTEL_*</c> variables itself (protocol, headers,
/// timeouts, <c>OTEL_BSP_*</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </summary>
/// <remarks>
/// A process has at most one set: the first one started is <see cref="Current"/>, and a silo
/// embedded in the client uses the client's instead of starting its own (two providers
/// listening to the same sources would export every span twice).
/// </remarks>
public sealed class SiloTelemetry : IDisposable
{
    public const string SiloService = "gbasim-silo";

    public const string ClientService = "gbasim-client";

    public const int DefaultSpanBuffer = 20_000;

    public const int DefaultChainSpanBuffer = 10_000;

    /// <summary>Spans waiting for the OTLP exporter, unless OTEL_BSP_MAX_QUEUE_SIZE says otherwise.</summary>
    public const int OtlpQueueSize = 65_536;

    private static SiloTelemetry? _current;

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;
    private int _disposed;

    private SiloTelemetry(string serviceName, TracerProvider tracing, MeterProvider metering, InProcessSpanBuffer spans, InProcessSpanBuffer chainSpans, InProcessMetrics metrics, bool otlpTraces, bool otlpMetrics)
    {
        ServiceName = serviceName;
        _tracing = tracing;
        _metering = metering;
        Spans = spans;
        ChainSpans = chainSpans;
        Metrics = metrics;
        ExportsTracesOverOtlp = otlpTraces;
        ExportsMetricsOverOtlp = otlpMetrics;
    }

    /// <summary>Activity sources traced (a trailing * matches a prefix).</summary>
    public static IReadOnlyList<string> Sources { get; } = ["GbaSim.*", "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>Meters read.</summary>
    public static IReadOnlyList<string> Meters { get; } = ["GbaSim.*", "Microsoft.AspNetCore.Hosting", "System.Net.Http"];

    /// <summary>The providers this process started, if it started any and has not disposed them.</summary>
    public static SiloTelemetry? Current => Volatile.Read(ref _current);

    public string ServiceName { get; }

    /// <summary>Recent runtime, run and request spans.</summary>
    public InProcessSpanBuffer Spans { get; }

    /// <summary>Recent technology-chain spans.</summary>
    public InProcessSpanBuffer ChainSpans { get; }

    /// <summary>Current metric values, read on demand.</summary>
    public InProcessMetrics Metrics { get; }

    public bool ExportsTracesOverOtlp { get; }

    public bool ExportsMetricsOverOtlp { get; }

    /// <summary>Builds the providers (see the class summary) under <paramref name="serviceName"/>.</summary>
    /// <param name="environment">Where to read the OTEL_* switches; the process environment by default.</param>
    public static SiloTelemetry Start(string serviceName, int spanBuffer = DefaultSpanBuffer, int chainSpanBuffer = DefaultChainSpanBuffer, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        environment ??= Environment.GetEnvironmentVariable;
        var otlpTraces = IsSet(environment, "OTEL_EXPORTER_OTLP_ENDPOINT") || IsSet(environment, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var otlpMetrics = IsSet(environment, "OTEL_EXPORTER_OTLP_ENDPOINT") || IsSet(environment, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var spans = new InProcessSpanBuffer(spanBuffer);
        var chainSpans = new InProcessSpanBuffer(chainSpanBuffer);
        var metrics = new InProcessMetrics();
        var version = typeof(SiloTelemetry).Assembly.GetName().Version?.ToString();
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceNamespace: "gbasim", serviceVersion: version);

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource([.. Sources])
            .AddProcessor(new InProcessSpanProcessor(spans, chainSpans));
        if (otlpTraces)
        {
            tracing.AddOtlpExporter(otlp =>
            {
                // A run ends with a burst of chain spans; the SDK's default queue (2,048) would drop many.
                if (!IsSet(environment, "OTEL_BSP_MAX_QUEUE_SIZE"))
                {
                    otlp.BatchExportProcessorOptions.MaxQueueSize = OtlpQueueSize;
                }
            });
        }

        var metering = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter([.. Meters])
            .AddReader(metrics.Reader);
        if (otlpMetrics)
        {
            metering.AddOtlpExporter();
        }

        var telemetry = new SiloTelemetry(serviceName, tracing.Build(), metering.Build(), spans, chainSpans, metrics, otlpTraces, otlpMetrics);
        Interlocked.CompareExchange(ref _current, telemetry, null);
        return telemetry;
    }

    /// <summary>Exports what is pending (spans in the OTLP batch, metrics since the last export).</summary>
    public void Flush(int timeoutMilliseconds = 5_000)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _tracing.ForceFlush(timeoutMilliseconds);
            _metering.ForceFlush(timeoutMilliseconds);
        }
    }

    /// <summary>Flushes and shuts both providers down; spans and metrics after this go nowhere.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Interlocked.CompareExchange(ref _current, null, this);
        _tracing.Dispose();
        _metering.Dispose();
    }

    private static bool IsSet(Func<string, string?> environment, string name) => !string.IsNullOrWhiteSpace(environment(name));
}
