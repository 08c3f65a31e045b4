using GbaSim.Engine.Calibration;
using GbaSim.Model.World;
using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Experiments;

/// <summary>Calibration compares published yearly figures with a run's months: stocks at December, flows summed over the year.</summary>
public sealed class YearlyFiguresTests
{
    /// <summary>Eighteen months from July 2024: month i has i high-tech enterprises, 10 invention and 30 other patents.</summary>
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, double>> Months = Enumerable.Range(0, 18)
        .Select(i => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["highTechEnterprises"] = i, ["inventionPatents"] = 10, ["otherPatents"] = 30 })
        .ToArray();

    private static readonly YearMonth July2024 = new(2024, 7);

    [Fact]
    public void Stock_is_read_at_December_and_flows_are_summed_over_the_year()
    {
        Assert.Equal(17, YearlyFigures.Of(Months, July2024, "highTechEnterprises", 2025));
        Assert.Equal(120, YearlyFigures.Of(Months, July2024, "inventionPatents", 2025));
        Assert.Equal(480, YearlyFigures.Of(Months, July2024, YearlyFigures.PatentsGranted, 2025));
        Assert.Equal(0.25, YearlyFigures.Of(Months, July2024, YearlyFigures.InventionShare, 2025));
    }

    [Fact]
    public void Year_not_simulated_whole_has_no_figure()
    {
        Assert.True(double.IsNaN(YearlyFigures.Of(Months, July2024, "inventionPatents", 2024)));
        Assert.True(double.IsNaN(YearlyFigures.Of(Months, July2024, "inventionPatents", 2026)));
        Assert.Equal([2025], YearlyFigures.WholeYears(July2024, 18));
    }

    [Fact]
    public void Experiments_doc_describes_every_targets_file_key()
    {
        var doc = File.ReadAllText(Repository.PathOf("docs/experiments.md"));

        Assert.All(CalibrationTargetsReader.Keys.Concat(CalibrationTargetsReader.TargetKeys), key => Assert.Contains($"| `{key}` |", doc, StringComparison.Ordinal));
    }
}
