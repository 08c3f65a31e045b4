using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>What every results store does with runs and months, SQLite and PostgreSQL alike.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreContractTests(PostgresServer server) : IDisposable
{
    private const int MonthCount = 4;
    private readonly ContractStores _stores = new(server);

    public static TheoryData<string> Kinds => ContractStores.Kinds;

    public void Dispose() => _stores.Dispose();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_run_round_trips_through_its_life_and_a_reopened_store(string kind)
    {
        var store = _stores.Open(kind);
        var run = StoreSamples.Run("run-1", seed: ulong.MaxValue - 7);
        store.CreateRun(run);
        store.MarkStarted("run-1", StoreSamples.Created.AddSeconds(1));
        store.AppendMonth("run-1", StoreSamples.Month(0));
        var result = StoreSamples.Result(run, 1);
        store.Complete("run-1", result, StoreSamples.Created.AddSeconds(9));

        var stored = _stores.Open(kind).GetRun("run-1")!;
        Assert.Equal(run.Seed, stored.Seed);
        Assert.Equal(RunStatus.Completed, stored.Status);
        Assert.Equal(1, stored.MonthsDone);
        Assert.Equal(result.ResultHash, stored.ResultHash);
        Assert.Equal(StoreSamples.Created.AddSeconds(9), stored.FinishedAt);
        Assert.True(double.IsNaN(stored.Summary!["conversion.breakthrough"]));
        Assert.Equal(result.Summary["crossBorderShare.talent"], stored.Summary["crossBorderShare.talent"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_run_id_and_a_month_are_stored_once(string kind)
    {
        var store = Filled(kind);
        Assert.Contains("already stored", Assert.Throws<InvalidOperationException>(() => store.CreateRun(StoreSamples.Run("run-1"))).Message);
        Assert.Contains("already stored", Assert.Throws<InvalidOperationException>(() => store.AppendMonth("run-1", StoreSamples.Month(1))).Message);
        Assert.Equal(MonthCount, store.GetRun("run-1")!.MonthsDone);
        Assert.Equal(MonthCount, store.Months("run-1").Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Unfinished_runs_are_interrupted_with_their_months_kept(string kind)
    {
        var store = Filled(kind);
        store.CreateRun(StoreSamples.Run("queued", StoreSamples.Created.AddMinutes(1)));

        Assert.Equal(2, store.InterruptUnfinishedRuns(StoreSamples.Created.AddHours(1)));

        Assert.Equal(RunStatus.Interrupted, store.GetRun("run-1")!.Status);
        Assert.Contains($"months 1..{MonthCount} are kept", store.GetRun("run-1")!.Error);
        Assert.Equal(RunStatus.Interrupted, store.GetRun("queued")!.Status);
        Assert.Equal(["queued", "run-1"], store.ListRuns().Select(r => r.Id));
        store.ProbeWrite();
    }

    [Fact]
    public void Both_stores_answer_the_dashboards_queries_and_exports_alike()
    {
        var sqlite = Filled(ContractStores.Sqlite);
        var postgres = Filled(ContractStores.Postgres);

        foreach (var table in CsvTableExport.Names)
        {
            Assert.Equal(Csv(sqlite, table), Csv(postgres, table));
        }
        Assert.Equal(sqlite.Series("run-1", "revenue", "Hong Kong"), postgres.Series("run-1", "revenue", "Hong Kong"));
        Assert.Equal(Flatten(sqlite.Months("run-1", "Macao")), Flatten(postgres.Months("run-1", "Macao")));
        Assert.Equal(sqlite.StageCounts("run-1"), postgres.StageCounts("run-1"));
        Assert.Equal(sqlite.FlowTotals("run-1", "talent"), postgres.FlowTotals("run-1", "talent"));
        Assert.Equal(sqlite.PolicySpending("run-1"), postgres.PolicySpending("run-1"));
        Assert.Equal(sqlite.TechnologyJourney("run-1", 2001), postgres.TechnologyJourney("run-1", 2001));
        Assert.Equal(sqlite.RecentTransitions("run-1", "Shenzhen", 5), postgres.RecentTransitions("run-1", "Shenzhen", 5));
        Assert.Equal(sqlite.LatestFlowsFrom("run-1", "Guangzhou"), postgres.LatestFlowsFrom("run-1", "Guangzhou"));
        Assert.Equal(sqlite.MonthActivity("run-1"), postgres.MonthActivity("run-1"));
        var found = 0;
        foreach (var search in (TechnologySearch[])[new(null, null, null, 50), new("Shenzhen", null, null, 50), new(null, "ic", null, 50), new(null, null, "market", 50), new(null, null, "breakthrough", 3)])
        {
            var expected = sqlite.FindTechnologies("run-1", search);
            found += expected.Count;
            Assert.Equal(expected, postgres.FindTechnologies("run-1", search));
        }
        Assert.True(found > 50, $"the searches found only {found} traces");
        Assert.NotEmpty(sqlite.TechnologyJourney("run-1", 2001));
    }

    /// <summary>A store of the kind holding run-1, running, with <see cref="MonthCount"/> months.</summary>
    private SqlResultsStore Filled(string kind)
    {
        var store = _stores.Open(kind);
        store.CreateRun(StoreSamples.Run("run-1"));
        store.MarkStarted("run-1", StoreSamples.Created);
        for (var m = 0; m < MonthCount; m++)
        {
            store.AppendMonth("run-1", StoreSamples.Month(m, transitions: 9));
        }
        return store;
    }

    private static string Csv(SqlResultsStore store, string table)
    {
        using var writer = new StringWriter();
        store.ExportCsv("run-1", table, writer);
        return writer.ToString();
    }

    private static List<(int, string, string, double)> Flatten(IReadOnlyList<MonthFigures> months) =>
        [.. months.SelectMany(m => m.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (m.Month, m.YearMonth, f.Key, f.Value)))];
}
