namespace GbaSim.Silo.Telemetry;

/// <summary>
/// A process's telemetry as GbaSim reads it back: the in-process buffers the silo's dashboard
/// shows (recent runtime, run and request spans; technology-chain spans; current metric values)
/// and whether traces and metrics also leave over OTLP. The providers themselves are built by
/// OpenTelemetry's hosting extensions (see <see cref="TelemetryServiceCollectionExtensions"/>)
/// and live as long as the host.
/// </summary>
public sealed class SiloTelemetry(string serviceName, int spanBuffer, int chainSpanBuffer, bool otlpTraces, bool otlpMetrics)
{
    public const string SiloService = "gbasim-silo";

    public const string ClientService = "gbasim-client";

    public const int DefaultSpanBuffer = 20_000;

    public const int DefaultChainSpanBuffer = 10_000;

    /// <summary>Spans waiting for the OTLP exporter, unless OTEL_BSP_MAX_QUEUE_SIZE says otherwise.</summary>
    public const int OtlpQueueSize = 65_536;

    /// <summary>Activity sources traced (a trailing * matches a prefix): GbaSim's, Orleans's grain calls and runtime, ASP.NET Core's requests, HttpClient's calls.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["GbaSim.*", "Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>Meters read: GbaSim's, Orleans's, and the HTTP server and client meters.</summary>
    public static IReadOnlyList<string> Meters { get; } = ["GbaSim.*", "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "System.Net.Http"];

    public string ServiceName { get; } = serviceName;

    /// <summary>Recent runtime, run and request spans.</summary>
    public InProcessSpanBuffer Spans { get; } = new(spanBuffer);

    /// <summary>Recent technology-chain spans.</summary>
    public InProcessSpanBuffer ChainSpans { get; } = new(chainSpanBuffer);

    /// <summary>Current metric values, read on demand.</summary>
    public InProcessMetrics Metrics { get; } = new();

    public bool ExportsTracesOverOtlp { get; } = otlpTraces;

    public bool ExportsMetricsOverOtlp { get; } = otlpMetrics;
}
