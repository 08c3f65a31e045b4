using System.Net;
using GbaSim.Grains.Runs;
using GbaSim.Silo.Access;
using GbaSim.Silo.Api;
using GbaSim.Silo.Storage;
using GbaSim.Silo.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// Builds the <c>gbasim-silo</c> process: an Orleans silo (localhost clustering, the GbaSim grains)
/// co-hosted with ASP.NET Core, which serves the HTTP API and the GbaSim dashboard as thin
/// endpoints over the same grains the CLI calls, the Orleans Dashboard at <c>/orleans/</c>,
/// OpenAPI, health and readiness. Settings come from appsettings.json, GBASIM_* environment
/// variables and the command line.
/// </summary>
public static class SiloHost
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--port"] = "Silo:Port",
        ["--host"] = "Silo:Host",
        ["--advertised-address"] = "Silo:AdvertisedAddress",
        ["--api-key"] = "Silo:ApiKey",
        ["--gateway-port"] = "Silo:GatewayPort",
        ["--silo-port"] = "Silo:SiloPort",
        ["--cluster-id"] = "Silo:ClusterId",
        ["--cluster"] = "Silo:Cluster",
        ["--role"] = "Silo:Role",
        ["--data"] = "Silo:DataFolder",
        ["--store"] = "Silo:Store",
        ["--threads"] = "Silo:Threads",
        ["--shards"] = "Silo:Shards",
        ["--max-runs"] = "Silo:MaxConcurrentRuns",
        ["--max-queued"] = "Silo:MaxQueuedRuns",
        ["--scenarios"] = "Silo:ScenarioLibrary",
    };

    public static WebApplication Build(string[] args, Action<SiloOptions>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, WebRootPath = DashboardFolder() });
        builder.Configuration.AddEnvironmentVariables("GBASIM_");
        builder.Configuration.AddCommandLine(args, Switches);
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        overrides?.Invoke(silo);
        var redis = Validate(silo, builder.Configuration.GetSection(SiloOptions.Section).Get<RunRegistryOptions>() ?? new RunRegistryOptions());
        if (redis is not null)
        {
            // Before anything else: a stopped or misnamed Redis is one clear line, not Orleans's retries.
            RedisProbe.EnsureReachableAsync(redis).GetAwaiter().GetResult();
        }
        FreePorts.Assign(silo);
        // Before anything listens: a folder in use, a damaged database or an unreachable shared store stops the start here, with one clear line.
        var storage = SiloStorage.Open(SharedStore(silo), silo.DataFolder, DateTimeOffset.UtcNow);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(silo.Host), silo.Port);
            kestrel.Limits.MaxRequestBodySize = silo.MaxScenarioBytes + (64 * 1024);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(silo.MinBodyBytesPerSecond, TimeSpan.FromSeconds(silo.BodyGraceSeconds));
        });
        builder.UseOrleans(orleans =>
        {
            if (redis is null)
            {
                orleans.UseSingleSiloClustering(silo);
            }
            else
            {
                orleans.UseRedisCluster(silo, redis);
            }
            if (silo.Role == SiloRoles.Shards)
            {
                orleans.HostOnlyShards();
            }
            orleans.AddGbaSim(silo, builder.Configuration, storage);
            orleans.AddDashboard();
            if (SiloAccess.HasKey(silo))
            {
                orleans.AddIncomingGrainCallFilter<GatewayKeyFilter>();
            }
        });
        builder.Services.AddGbaSimAccess(silo);
        builder.Services.AddExceptionHandler<BadBodyHandler>();
        builder.Services.AddSingleton<GbaSim.Silo.Experiments.ComparisonJobs>();
        var telemetry = builder.Services.AddGbaSimTelemetry(SiloTelemetry.SiloService, silo.SpanBuffer, silo.ChainSpanBuffer);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("store", tags: ["ready"]);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, DashboardJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(2, TimelineJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(3, GbaSim.Silo.Experiments.ComparisonJsonContext.Default);
        });

        var app = builder.Build();
        // Resolved now so that the host owns it and disposing the host releases the folder.
        app.Services.GetRequiredService<SiloStorage>();
        app.Logger.LogInformation("Telemetry as {Service}: in-process buffers; OTLP traces {Traces}, metrics {Metrics} (OTEL_EXPORTER_OTLP_ENDPOINT).",
            telemetry.ServiceName, telemetry.ExportsTracesOverOtlp ? "on" : "off", telemetry.ExportsMetricsOverOtlp ? "on" : "off");
        app.UseRequestSpans();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGbaSimAccess(silo);
        // The dashboard: static files at the root URL, from the build output (see GbaSim.Silo.csproj).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        // Probes need no key: they tell only whether the silo is up and its store can write.
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = ReadinessCheck.WriteAsync }).AllowAnonymous();
        app.MapRunEndpoints();
        app.MapExperimentEndpoints();
        app.MapScenarioEndpoints();
        app.MapDashboardEndpoints();
        app.MapTimelineEndpoints();
        app.MapHousekeepingEndpoints();
        app.MapComparisonEndpoints();
        app.MapTelemetryEndpoints();
        app.MapFigureEndpoints();
        app.MapOrleansDashboard(routePrefix: "/orleans");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Printed, not logged, so that people and scripts always see where the silo is.
            var library = app.Services.GetRequiredService<IOptions<GbaSim.Grains.Scenarios.ScenarioLibraryOptions>>().Value.Folder;
            Console.Out.WriteLine($"GbaSim silo listening on {Address(app)} (gateway: {Gateway(silo)}; silo port: {silo.SiloPort}; role: {silo.Role}; cluster: {silo.ClusterId}{(redis is null ? "" : $" in {redis}")}; data: {Path.GetFullPath(silo.DataFolder)}; store: {storage.Store.Location}; scenarios: {library}; API key: {(SiloAccess.HasKey(silo) ? "required" : "none")})");
            Console.Out.Flush();
        });
        return app;
    }

    /// <summary>The address the silo's HTTP API listens on, with the real port when 0 was asked for.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? "http://127.0.0.1:5080";
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where clients reach the gateway (as <c>--silo</c> takes it), and where it listens when that differs.</summary>
    private static string Gateway(SiloOptions silo) =>
        IPAddress.IsLoopback(IPAddress.Parse(silo.Host))
            ? $"localhost:{silo.GatewayPort}"
            : $"{new IPEndPoint(SingleSiloClustering.AdvertisedAddress(silo), silo.GatewayPort)}, listening on {silo.Host}";

    /// <summary>The dashboard's files, copied beside the silo by the build; null (no static files) when absent.</summary>
    private static string? DashboardFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "dashboard");
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The shared store <see cref="SiloOptions.Store"/> names, or null for the data folder's (checked by <see cref="Validate"/>).</summary>
    private static StoreAddress? SharedStore(SiloOptions silo) =>
        string.IsNullOrWhiteSpace(silo.Store) ? null : StoreAddress.TryParse(silo.Store, out var address, out _) ? address : null;

    /// <returns>The cluster's Redis when the silo joins one, else null.</returns>
    private static RedisAddress? Validate(SiloOptions silo, RunRegistryOptions runs)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(silo.Store) && !StoreAddress.TryParse(silo.Store, out _, out var storeProblem))
        {
            problems.Add(storeProblem!);
        }
        foreach (var (name, port) in new[] { ("Port", silo.Port), ("GatewayPort", silo.GatewayPort), ("SiloPort", silo.SiloPort) })
        {
            if (port is < 0 or > 65535)
            {
                problems.Add($"Silo:{name} must be between 0 and 65535; got {port}.");
            }
        }
        if (silo.GatewayPort != 0 && silo.GatewayPort == silo.SiloPort)
        {
            problems.Add($"Silo:GatewayPort and Silo:SiloPort must differ; both are {silo.SiloPort}.");
        }
        RedisAddress? redis = null;
        if (!string.IsNullOrWhiteSpace(silo.Cluster))
        {
            try
            {
                redis = RedisAddress.Parse(silo.Cluster);
            }
            catch (FormatException ex)
            {
                problems.Add($"Silo:Cluster (--cluster): {ex.Message}");
            }
        }
        if (runs.MaxConcurrentRuns < 1)
        {
            problems.Add($"Silo:MaxConcurrentRuns must be at least 1; got {runs.MaxConcurrentRuns}.");
        }
        if (runs.MaxQueuedRuns < 1)
        {
            problems.Add($"Silo:MaxQueuedRuns must be at least 1; got {runs.MaxQueuedRuns}.");
        }
        if (runs.Threads < 0)
        {
            problems.Add($"Silo:Threads must be 0 (every shard at once) or more; got {runs.Threads}.");
        }
        if (runs.Shards < 1 || runs.Shards > runs.MaxShards)
        {
            problems.Add($"Silo:Shards must be between 1 and {runs.MaxShards}; got {runs.Shards}.");
        }
        if (silo.SpanBuffer < 1 || silo.ChainSpanBuffer < 1)
        {
            problems.Add($"Silo:SpanBuffer and Silo:ChainSpanBuffer must be at least 1; got {silo.SpanBuffer} and {silo.ChainSpanBuffer}.");
        }
        if (!IPAddress.TryParse(silo.Host, out var host))
        {
            problems.Add($"Silo:Host must be an IP address; got '{silo.Host}'.");
        }
        else if (!IPAddress.IsLoopback(host) && !SiloAccess.HasKey(silo))
        {
            problems.Add($"Silo:Host is {silo.Host}, which other machines can reach, and the silo has no API key: set GBASIM_Silo__ApiKey (or pass --api-key) to a key of at least {ApiKeys.MinLength} characters, or bind to 127.0.0.1.");
        }
        if (!string.IsNullOrEmpty(silo.AdvertisedAddress) && (!IPAddress.TryParse(silo.AdvertisedAddress, out var advertised) || advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any)))
        {
            problems.Add($"Silo:AdvertisedAddress must be one IP address clients can reach; got '{silo.AdvertisedAddress}'.");
        }
        if (SiloAccess.HasKey(silo) && (silo.ApiKey.Length < ApiKeys.MinLength || silo.ApiKey.Any(char.IsControl) || silo.ApiKey.Trim().Length != silo.ApiKey.Length))
        {
            problems.Add($"Silo:ApiKey must be at least {ApiKeys.MinLength} characters, without control characters or spaces at either end; got {silo.ApiKey.Length} characters.");
        }
        if (!double.IsFinite(silo.MinBodyBytesPerSecond) || silo.MinBodyBytesPerSecond <= 0 || !double.IsFinite(silo.BodyGraceSeconds) || silo.BodyGraceSeconds <= 1)
        {
            problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Silo:MinBodyBytesPerSecond must be above 0 and Silo:BodyGraceSeconds above 1; got {silo.MinBodyBytesPerSecond} and {silo.BodyGraceSeconds}."));
        }
        if (string.IsNullOrWhiteSpace(silo.ClusterId))
        {
            problems.Add("Silo:ClusterId must not be empty.");
        }
        if (!SiloRoles.IsKnown(silo.Role))
        {
            problems.Add($"Silo:Role (--role) must be {SiloRoles.Full} or {SiloRoles.Shards}; got '{silo.Role}'.");
        }
        else if (silo.Role == SiloRoles.Shards && redis is null)
        {
            problems.Add($"Silo:Role {SiloRoles.Shards} is for a silo that joins a cluster: name its Redis with --cluster redis://HOST:PORT.");
        }
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(SiloOptions), typeof(SiloOptions), problems);
        }
        return redis;
    }
}
