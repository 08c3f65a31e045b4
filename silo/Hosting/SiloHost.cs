using System.Net;
using GbaSim.Silo.Api;
using GbaSim.Silo.Runs;
using GbaSim.Silo.Storage;
using GbaSim.Silo.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// Builds the silo: configuration (appsettings.json, GBASIM_* environment variables, command
/// line), telemetry, the results store, the run coordinator, the API, the dashboard, OpenAPI, health and
/// readiness. The same host runs as the <c>gbasim-silo</c> process or embedded in the client.
/// </summary>
public static class SiloHost
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--port"] = "Silo:Port",
        ["--host"] = "Silo:Host",
        ["--data"] = "Silo:DataFolder",
        ["--threads"] = "Silo:Threads",
        ["--max-runs"] = "Silo:MaxConcurrentRuns",
        ["--scenarios"] = "Silo:ScenarioLibrary",
    };

    public static WebApplication Build(string[] args, Action<SiloOptions>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, WebRootPath = DashboardFolder() });
        builder.Configuration.AddEnvironmentVariables("GBASIM_");
        builder.Configuration.AddCommandLine(args, Switches);
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        overrides?.Invoke(silo);
        Validate(silo);
        builder.Services.AddSingleton(Options.Create(silo));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(silo.Host), silo.Port);
            kestrel.Limits.MaxRequestBodySize = silo.MaxScenarioBytes + (64 * 1024);
        });

        if (SiloTelemetry.Current is { } shared)
        {
            // Embedded in a process that has its providers already (the client): use them; their owner disposes them.
            builder.Services.AddSingleton(shared);
        }
        else
        {
            // Owned by the host's container, so disposed (and flushed) with the host.
            builder.Services.AddSingleton(_ => SiloTelemetry.Start(SiloTelemetry.SiloService, silo.SpanBuffer, silo.ChainSpanBuffer));
        }
        builder.Services.AddSingleton<IResultsStore>(_ => new SqliteResultsStore(Path.GetFullPath(silo.DataFolder)));
        builder.Services.AddSingleton<ScenarioLibrary>();
        builder.Services.AddSingleton<GbaSim.Silo.Experiments.ComparisonArchive>();
        builder.Services.AddSingleton<RunCoordinator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunCoordinator>());
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("store", tags: ["ready"]);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, DashboardJsonContext.Default);
        });

        var app = builder.Build();
        // Started before the first request, so that every request has its span.
        var telemetry = app.Services.GetRequiredService<SiloTelemetry>();
        app.Logger.LogInformation("Telemetry as {Service}: in-process buffers; OTLP traces {Traces}, metrics {Metrics} (OTEL_EXPORTER_OTLP_ENDPOINT).",
            telemetry.ServiceName, telemetry.ExportsTracesOverOtlp ? "on" : "off", telemetry.ExportsMetricsOverOtlp ? "on" : "off");
        app.UseRequestSpans();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The dashboard: static files at the root URL, from the build output (see GbaSim.Silo.csproj).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapRunEndpoints();
        app.MapExperimentEndpoints();
        app.MapScenarioEndpoints();
        app.MapDashboardEndpoints();
        app.MapComparisonEndpoints();
        app.MapTelemetryEndpoints();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Printed, not logged, so that people and scripts always see where the silo is.
            Console.Out.WriteLine($"GbaSim silo listening on {Address(app)} (data: {Path.GetFullPath(silo.DataFolder)}; scenarios: {app.Services.GetRequiredService<ScenarioLibrary>().Root})");
            Console.Out.Flush();
        });
        return app;
    }

    /// <summary>The address the silo listens on, with the real port when 0 was asked for.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? "http://127.0.0.1:5080";
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The dashboard's files, copied beside the silo by the build; null (no static files) when absent.</summary>
    private static string? DashboardFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "dashboard");
        return Directory.Exists(folder) ? folder : null;
    }

    private static void Validate(SiloOptions silo)
    {
        if (silo.Port is < 0 or > 65535)
        {
            throw new OptionsValidationException(nameof(SiloOptions), typeof(SiloOptions), [$"Silo:Port must be between 0 and 65535; got {silo.Port}."]);
        }
        if (silo.MaxConcurrentRuns < 1)
        {
            throw new OptionsValidationException(nameof(SiloOptions), typeof(SiloOptions), [$"Silo:MaxConcurrentRuns must be at least 1; got {silo.MaxConcurrentRuns}."]);
        }
        if (silo.Threads < 0)
        {
            throw new OptionsValidationException(nameof(SiloOptions), typeof(SiloOptions), [$"Silo:Threads must be 0 (one per core) or more; got {silo.Threads}."]);
        }
        if (silo.SpanBuffer < 1 || silo.ChainSpanBuffer < 1)
        {
            throw new OptionsValidationException(nameof(SiloOptions), typeof(SiloOptions), [$"Silo:SpanBuffer and Silo:ChainSpanBuffer must be at least 1; got {silo.SpanBuffer} and {silo.ChainSpanBuffer}."]);
        }
        if (!IPAddress.TryParse(silo.Host, out _))
        {
            throw new OptionsValidationException(nameof(SiloOptions), typeof(SiloOptions), [$"Silo:Host must be an IP address; got '{silo.Host}'."]);
        }
    }
}
