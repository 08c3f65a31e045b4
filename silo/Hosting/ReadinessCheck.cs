using GbaSim.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbaSim.Silo.Hosting;

/// <summary>Ready when the results store answers.</summary>
public sealed class ReadinessCheck(IResultsStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.ListRuns(1);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
        }
    }
}
