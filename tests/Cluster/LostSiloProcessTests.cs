using System.Text.Json;
using GbaSim.Silo.Hosting;
using GbaSim.Tests.Silo;
using GbaSim.Tests.Storage;
using Npgsql;
using Xunit.Abstractions;

namespace GbaSim.Tests.Cluster;

/// <summary>
/// Three full silo processes in a Redis cluster on one PostgreSQL store: one is killed with
/// SIGKILL in the middle of a run, and the run ends with the embedded default's hash, its record
/// and the client saying that a silo was lost.
/// </summary>
public sealed class LostSiloProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task Run_that_loses_one_of_three_silo_processes_to_sigkill_ends_with_the_embedded_hash()
    {
        var store = _postgres.NewDatabase();
        await using var cluster = await SiloProcessCluster.StartAsync(0);
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => cluster.AddSiloAsync(SiloRoles.Full, "--store", store)));

        var following = cluster.ClientAsync("run", "scenarios/gba-baseline.yaml", "--scale", "0.2", "--checkpoint-every", "6", "--shards", "6", "--json");
        await WaitForMonths(store, 20, following);
        silos[1].Kill();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} killed silo process {silos[1].ProcessId} (silos: {string.Join(", ", silos.Select(s => s.ProcessId))})");
        var (outcome, _) = await following;
        using var data = new TempData();
        var embedded = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-baseline.yaml", "--scale", "0.2", "--json");

        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}: {outcome.Errors}");
        Assert.True(embedded.ExitCode == 0, embedded.Errors);
        using var run = JsonDocument.Parse(outcome.Output);
        using var plain = JsonDocument.Parse(embedded.Output);
        Assert.Equal(plain.RootElement.GetProperty("resultHash").GetString(), run.RootElement.GetProperty("resultHash").GetString());
        // A step may reach for the dead silo again before membership has declared it dead: each such failure is a recovery of its own.
        var recoveries = run.RootElement.GetProperty("recoveries").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.NotEmpty(recoveries);
        foreach (var recovery in recoveries)
        {
            output.WriteLine(recovery);
            Assert.Contains("Lost silo", recovery, StringComparison.Ordinal);
        }
        Assert.Contains("went back to the checkpoint", outcome.Errors, StringComparison.Ordinal);
    }

    /// <summary>Waits until the store's only running run has stored <paramref name="months"/> months.</summary>
    private static async Task WaitForMonths(string store, int months, Task client)
    {
        var address = PostgresServer.Address(store);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(client.IsCompleted, "The client ended before the silo could be lost.");
            await using (var connection = new NpgsqlConnection(address.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT coalesce(max(months_done), 0) FROM runs WHERE status = 'running'", connection);
                if (Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= months)
                {
                    return;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No run reached {months} months.");
    }
}
