using GbaSim.Client.Output;
using GbaSim.Client.Reports;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;
using GbaSim.Tests.Model;
using Spectre.Console;

namespace GbaSim.Tests.Experiments;

/// <summary>The console's comparison table on a 160-column terminal: every column named, no figure's name broken inside a word.</summary>
public sealed class ComparisonTableTests
{
    private static ComparisonReport Report()
    {
        var plan = new ExperimentPlan(ModelFixtures.Scenario() with { Name = "base" }, [ModelFixtures.Scenario() with { Name = "a-rather-long-variant-name" }], 5);
        var results = new List<ReplicationResult>();
        for (var r = 0; r < 5; r++)
        {
            Dictionary<string, double> Summary(double lift) => ComparisonAnalysis.DefaultMetrics.ToDictionary(m => m, m =>
                FigureCatalogue.Summary(m).Format == FigureKinds.Percent ? 0.4 + (lift / 100) + (r * 0.001) : (1.2e9 * (1 + lift)) + (r * 1e6));
            results.Add(new ReplicationResult("base", r, (ulong)r, $"b{r}", "h", Summary(0), []));
            results.Add(new ReplicationResult("a-rather-long-variant-name", r, (ulong)r, $"v{r}", "h", Summary(r % 2 == 0 ? 0.05 : 0.02), []));
        }
        return ComparisonAnalysis.Analyze(plan, results, ComparisonAnalysis.DefaultMetrics, []);
    }

    private static string[] Rendered(int width)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = width;
        ComparisonTable.Show(new RichView(console), Report());
        return writer.ToString().Split('\n');
    }

    [Fact]
    public void Compare_table_names_every_column_and_never_breaks_a_figure_name_inside_a_word()
    {
        var lines = Rendered(160);
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 160, l));
        var rows = lines.Where(l => l.StartsWith('│')).ToArray();
        var header = rows[0].Split('│', StringSplitOptions.None)[1..^1];
        Assert.Equal(1 + ComparisonTable.Columns.Count, header.Length);
        Assert.All(header, cell => Assert.False(string.IsNullOrWhiteSpace(cell), $"a column without a header: {rows[0]}"));
        Assert.Contains("verdict", rows[0]);

        var words = FigureCatalogue.All.SelectMany(f => f.Heading.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var firstColumn = rows.Skip(1).Select(r => r.Split('│')[1].Trim()).Where(c => c.Length > 0);
        Assert.All(firstColumn.SelectMany(c => c.Split(' ')), fragment => Assert.Contains(fragment, words));
    }

    [Fact]
    public void Compare_table_prints_money_in_millions_and_billions_and_shares_in_points()
    {
        var text = string.Join('\n', Rendered(200));
        Assert.Contains(" B ", text);
        Assert.Contains(" pp", text);
        Assert.DoesNotContain("E+", text);
        Assert.DoesNotContain("Infinity", text);
    }
}
