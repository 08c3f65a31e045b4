using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// Adds a process's OpenTelemetry providers through <c>AddOpenTelemetry()</c>: traces of the
/// <see cref="SiloTelemetry.Sources"/> and metrics of the <see cref="SiloTelemetry.Meters"/>,
/// always into the in-process buffers, and also over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (or the signal's own <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>..._METRICS_ENDPOINT</c>) is
/// set; the exporter reads the other standard <c>OTEL_*</c> variables itself.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static SiloTelemetry AddGbaSimTelemetry(this IServiceCollection services, string serviceName,
        int spanBuffer = SiloTelemetry.DefaultSpanBuffer, int chainSpanBuffer = SiloTelemetry.DefaultChainSpanBuffer, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        environment ??= Environment.GetEnvironmentVariable;
        var otlpTraces = IsSet(environment, "OTEL_EXPORTER_OTLP_ENDPOINT") || IsSet(environment, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var otlpMetrics = IsSet(environment, "OTEL_EXPORTER_OTLP_ENDPOINT") || IsSet(environment, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var telemetry = new SiloTelemetry(serviceName, spanBuffer, chainSpanBuffer, otlpTraces, otlpMetrics);
        services.AddSingleton(telemetry);
        var version = typeof(SiloTelemetry).Assembly.GetName().Version?.ToString();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceNamespace: "gbasim", serviceVersion: version))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. SiloTelemetry.Sources]).AddProcessor(new InProcessSpanProcessor(telemetry.Spans, telemetry.ChainSpans));
                if (otlpTraces)
                {
                    tracing.AddOtlpExporter(otlp =>
                    {
                        // A run ends with a burst of chain spans; the SDK's default queue (2,048) would drop many.
                        if (!IsSet(environment, "OTEL_BSP_MAX_QUEUE_SIZE"))
                        {
                            otlp.BatchExportProcessorOptions.MaxQueueSize = SiloTelemetry.OtlpQueueSize;
                        }
                    });
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. SiloTelemetry.Meters]).AddReader(telemetry.Metrics.Reader);
                if (otlpMetrics)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return telemetry;
    }

    private static bool IsSet(Func<string, string?> environment, string name) => !string.IsNullOrWhiteSpace(environment(name));
}
