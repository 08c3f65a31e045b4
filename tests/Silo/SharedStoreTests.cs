using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;
using GbaSim.Tests.Storage;

namespace GbaSim.Tests.Silo;

/// <summary>Silo processes on a shared PostgreSQL store (<c>--store postgresql://…</c>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedStoreTests(PostgresServer server)
{
    [Fact]
    public async Task Runs_and_comparisons_in_the_shared_store_outlive_a_killed_silo()
    {
        var store = server.NewDatabase();
        using var firstData = new TempData();
        using var secondData = new TempData();
        await using var first = await SiloProcess.StartAsync(firstData.Path, "--store", store);

        var run = await ClientProcess.RunAsync(firstData.Path, "run", "scenarios/gba-small.yaml", "--scale", "0.01", "--silo", first.Gateway, "--json");
        Assert.True(run.ExitCode == 0, run.Errors);
        var hash = JsonDocument.Parse(run.Output).RootElement.GetProperty("resultHash").GetString();
        using var firstHttp = first.Http();
        var runId = (await firstHttp.GetFromJsonAsync<JsonElement>("/api/runs")).EnumerateArray().Single().GetProperty("id").GetString()!;
        var compare = await ClientProcess.RunAsync(firstData.Path, "compare", "scenarios/gba-small.yaml", "scenarios/small/pilot-platforms.yaml",
            "-r", "2", "--scale", "0.01", "--metrics", "technologiesCommercialized", "--silo", first.Gateway, "--json");
        Assert.True(compare.ExitCode == 0, compare.Errors);

        var months = await firstHttp.GetStringAsync($"/api/runs/{runId}/export/months");
        var comparisons = await firstHttp.GetStringAsync("/api/comparisons");
        var comparisonId = JsonDocument.Parse(comparisons).RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
        var summary = await firstHttp.GetStringAsync($"/api/comparisons/{comparisonId}");

        first.Kill();
        // A run another silo of the cluster is running: a silo joining the store must leave it alone.
        using (var shared = new PostgresResultsStore(PostgresServer.Address(store)))
        {
            shared.CreateRun(StoreSamples.Run("elsewhere"));
            shared.MarkStarted("elsewhere", StoreSamples.Created);
        }
        await using var second = await SiloProcess.StartAsync(secondData.Path, "--store", store);
        using var secondHttp = second.Http();

        var kept = await secondHttp.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
        Assert.Equal("completed", kept.GetProperty("status").GetString());
        Assert.Equal(hash, kept.GetProperty("resultHash").GetString());
        Assert.Equal(months, await secondHttp.GetStringAsync($"/api/runs/{runId}/export/months"));
        Assert.Equal(comparisons, await secondHttp.GetStringAsync("/api/comparisons"));
        Assert.Equal(summary, await secondHttp.GetStringAsync($"/api/comparisons/{comparisonId}"));
        Assert.Equal("running", (await secondHttp.GetFromJsonAsync<JsonElement>("/api/runs/elsewhere")).GetProperty("status").GetString());
        // Nothing went to the data folders: the silos kept no comparison files of their own.
        Assert.False(Directory.Exists(Path.Combine(firstData.Path, "comparisons")));
    }

    [Fact]
    public async Task A_store_that_cannot_be_used_stops_the_silo_with_one_line()
    {
        using var data = new TempData();
        var database = new Uri(server.NewDatabase()).AbsolutePath.TrimStart('/');

        var badUrl = await SiloProcess.RunToExitAsync(data.Path, "--store", "mysql://gbasim@127.0.0.1/x");
        Assert.Equal(2, badUrl.ExitCode);
        AssertOneLine(badUrl.Errors, "gbasim-silo: Silo:Store must be a URL of the form postgresql://USER@HOST:PORT/DATABASE");

        var nowhere = await SiloProcess.RunToExitAsync(data.Path, "--store", $"postgresql://gbasim@127.0.0.1:{SiloProcess.FreePort()}/{database}");
        Assert.Equal(8, nowhere.ExitCode);
        AssertOneLine(nowhere.Errors, "gbasim-silo: The PostgreSQL store postgresql://gbasim@127.0.0.1:");
        Assert.Contains("cannot be reached", nowhere.Errors);

        var wrongPassword = await SiloProcess.RunToExitAsync(data.Path, "--store", server.Url(database, "not-the-password"));
        Assert.Equal(8, wrongPassword.ExitCode);
        AssertOneLine(wrongPassword.Errors, $"gbasim-silo: The PostgreSQL store {server.Url(database, null)} refused the password of user gbasim.");
        Assert.DoesNotContain("not-the-password", wrongPassword.Errors);

        var noDatabase = await SiloProcess.RunToExitAsync(data.Path, new Dictionary<string, string> { ["PGPASSWORD"] = PostgresServer.Password }, "--store", server.Url("missing", null));
        Assert.Equal(8, noDatabase.ExitCode);
        AssertOneLine(noDatabase.Errors, "gbasim-silo: The PostgreSQL store");
        Assert.Contains("has no database missing", noDatabase.Errors);
    }

    [Fact]
    public void A_store_from_a_newer_build_is_refused_with_its_version()
    {
        var url = server.NewDatabase();
        using (var store = new PostgresResultsStore(PostgresServer.Address(url)))
        {
            store.CreateRun(StoreSamples.Run("run-1"));
        }
        using (var connection = new Npgsql.NpgsqlConnection(PostgresServer.Address(url).ConnectionString))
        {
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 'now')", connection);
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreStartupException>(() => SiloStorage.OpenShared(PostgresServer.Address(url)));
        Assert.Equal(StoreStartupFailure.DatabaseUnreadable, error.Failure);
        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("only knows versions up to", error.Message);
    }

    [Fact]
    public void Opening_a_current_store_again_changes_nothing()
    {
        var url = server.NewDatabase();
        using (var store = new PostgresResultsStore(PostgresServer.Address(url)))
        {
            store.CreateRun(StoreSamples.Run("run-1"));
        }
        using var again = SiloStorage.OpenShared(PostgresServer.Address(url));
        Assert.True(again.Store.IsShared);
        Assert.Equal(0, again.Interrupted);
        Assert.Equal(RunStatus.Queued, again.Store.GetRun("run-1")!.Status);
    }

    private static void AssertOneLine(string printed, string start)
    {
        var lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got: {printed}");
        Assert.StartsWith(start, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", printed);
    }
}
