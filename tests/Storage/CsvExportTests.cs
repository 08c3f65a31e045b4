using System.Globalization;
using CsvHelper;
using GbaSim.Model.Municipalities;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

public sealed class CsvExportTests : IDisposable
{
    private const int MonthCount = 4;
    private const int Transitions = 9;
    private const int Flows = 8;
    private const int Policies = 3;
    private readonly StoreFolder _folder = new();
    private readonly SqliteResultsStore _store;

    public CsvExportTests()
    {
        _store = _folder.Open();
        _store.CreateRun(StoreSamples.Run("run-1"));
        _store.MarkStarted("run-1", StoreSamples.Created);
        for (var m = 0; m < MonthCount; m++)
        {
            _store.AppendMonth("run-1", StoreSamples.Month(m, Transitions, Flows, Policies));
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The rows of a run's exported table, by column name.</summary>
    internal static List<Dictionary<string, string>> Rows(SqliteResultsStore store, string runId, string table) => Read(Export(store, runId, table)).Rows;

    [Fact]
    public void Months_are_exported_in_long_format_for_the_region_and_every_city()
    {
        var (header, rows) = Read(Export(_store, "run-1", "months"));
        Assert.Equal(["month", "year_month", "city", "figure", "value"], header);
        Assert.Equal(MonthCount * 12 * CityFigures.Names.Count, rows.Count);
        Assert.Equal("region", rows[0]["city"]);
        var row = rows.Single(r => r["month"] == "2" && r["city"] == "Hong Kong" && r["figure"] == "revenue");
        Assert.Equal("2026-03", row["year_month"]);
        Assert.Equal(StoreSamples.Figure(2, GbaSim.Model.Ecosystem.City.HongKong, "revenue"), double.Parse(row["value"], CultureInfo.InvariantCulture));
        Assert.Contains(".25", row["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_are_exported_one_row_each_with_readable_names()
    {
        var (header, rows) = Read(Export(_store, "run-1", "transitions"));
        Assert.Equal(
            ["month", "year_month", "technology_id", "sector", "from_stage", "to_stage", "outcome", "city", "crossed_border",
             "holder_kind", "holder", "counterpart", "readiness", "quality", "funding_millions", "born_step", "origin_city"],
            header);
        Assert.Equal(MonthCount * Transitions, rows.Count);
        // Transition 1 of month 2: see StoreSamples.
        var row = rows[(2 * Transitions) + 1];
        Assert.Equal("2001", row["technology_id"]);
        Assert.Equal("ic", row["sector"]);
        Assert.Equal("breakthrough", row["from_stage"]);
        Assert.Equal("proof-of-concept", row["to_stage"]);
        Assert.Equal("advanced", row["outcome"]);
        Assert.Equal("Huizhou", row["city"]);
        Assert.Equal("1", row["crossed_border"]);
        Assert.Equal("firm", row["holder_kind"]);
        Assert.Equal("Shenzhen", row["origin_city"]);
        Assert.Equal((double)0.6f, double.Parse(row["quality"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Flows_are_exported_summed_by_kind_and_city_pair()
    {
        var (header, rows) = Read(Export(_store, "run-1", "flows"));
        Assert.Equal(["month", "year_month", "kind", "from_city", "to_city", "amount"], header);
        Assert.Equal(MonthCount * StoreSamples.FlowKeys, rows.Count);
        // Flows 0 and 6 share a key: 1.5 + 10.5.
        var first = rows.Single(r => r["month"] == "0" && r["kind"] == "talent" && r["from_city"] == "Guangzhou");
        Assert.Equal("Hong Kong", first["to_city"]);
        Assert.Equal("12", first["amount"]);
    }

    [Fact]
    public void Policies_are_exported_one_row_per_policy_and_month()
    {
        var (header, rows) = Read(Export(_store, "run-1", "policies"));
        Assert.Equal(["month", "year_month", "policy", "type", "spent", "spent_to_date", "budget"], header);
        Assert.Equal(MonthCount * Policies, rows.Count);
        Assert.Equal(["policy-0", "policy-1", "policy-2"], rows.Take(3).Select(r => r["policy"]));
        Assert.Equal("31.5", rows[(3 * Policies) + 1]["spent"]);
    }

    [Fact]
    public void An_unknown_table_is_refused_with_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => Export(_store, "run-1", "figures"));
        foreach (var name in new[] { "months", "transitions", "flows", "policies" })
        {
            Assert.Contains(name, error.Message);
        }
    }

    [Fact]
    public void An_unknown_run_exports_only_the_header()
    {
        Assert.Equal("month,year_month,kind,from_city,to_city,amount", Export(_store, "missing", "flows").TrimEnd());
    }

    private static string Export(SqliteResultsStore store, string runId, string table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        store.ExportCsv(runId, table, writer);
        return writer.ToString();
    }

    private static (string[] Header, List<Dictionary<string, string>> Rows) Read(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        Assert.True(csv.Read(), "the export has no header");
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }
        return (header, rows);
    }
}
