using System.Text;
using GbaSim.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// Ready when the results store answers a read and can write: the last write succeeded recently,
/// or a probe write does (see <see cref="IStoreWriteHealth"/>). <c>/health</c> stays liveness only.
/// </summary>
public sealed class ReadinessCheck(IResultsStore store, IStoreWriteHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.ListRuns(1);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The results store cannot be read."));
        }
        return Task.FromResult(health.CanWrite(out var problem)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Not ready: {problem}."));
    }

    /// <summary>Answers with the status and, when not ready, why (as plain text, naming no path).</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(report.Status.ToString());
        foreach (var entry in report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy && e.Description is not null))
        {
            text.Append('\n').Append(entry.Description);
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.Append('\n').ToString());
    }
}
