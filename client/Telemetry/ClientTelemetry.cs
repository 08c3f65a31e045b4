using GbaSim.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GbaSim.Client.Telemetry;

/// <summary>
/// The command's OpenTelemetry providers, in a host of their own that starts before the Orleans
/// client or embedded silo: its listeners then see the command span, Orleans's grain calls and,
/// for the embedded default, the silo's run spans, all as service <c>gbasim-client</c>.
/// </summary>
public static class ClientTelemetry
{
    public static async Task<IHost> StartAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // The OTLP exporter reads OTEL_* from configuration, which an empty builder lacks.
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddGbaSimTelemetry(SiloTelemetry.ClientService);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
