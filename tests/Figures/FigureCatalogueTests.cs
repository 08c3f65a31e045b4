using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;
using GbaSim.Engine.Runs;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.World;

namespace GbaSim.Tests.Figures;

/// <summary>Every figure a run, a month or a comparison produces has words in the one catalogue, in an order of meaning.</summary>
public sealed class FigureCatalogueTests
{
    /// <summary>The keys a summary of at least twelve months carries, built from a real twelfth month.</summary>
    internal static IReadOnlyDictionary<string, double> YearSummary()
    {
        var builder = new SummaryBuilder(1);
        var cities = Cities.All.ToDictionary(c => c, _ => new CityFigures { Firms = 10, InventionPatents = 2 });
        for (var m = 0; m < 12; m++)
        {
            builder.Add(new MonthRecord(m, new YearMonth(2025, 1).AddMonths(m), cities, new CityFigures { Firms = 110 }, [], [], []));
        }
        return builder.Build();
    }

    [Fact]
    public void Every_summary_key_has_a_catalogue_entry_with_label_unit_scope_and_definition()
    {
        var summary = YearSummary();
        Assert.True(summary.Count >= 20);
        foreach (var key in summary.Keys)
        {
            Assert.True(FigureCatalogue.Contains(FigureKinds.Summary, key), $"summary key {key} is not in the catalogue");
            var figure = FigureCatalogue.Summary(key);
            Assert.False(string.IsNullOrWhiteSpace(figure.Definition));
            Assert.False(string.IsNullOrWhiteSpace(figure.Unit));
            Assert.False(string.IsNullOrWhiteSpace(figure.Scope));
            Assert.NotEqual(key, figure.Label);
        }
    }

    [Fact]
    public void Every_monthly_figure_and_comparison_metric_has_a_catalogue_entry()
    {
        foreach (var name in CityFigures.Names.Concat(ComparisonAnalysis.SeriesFigures))
        {
            Assert.True(FigureCatalogue.Contains(FigureKinds.Monthly, name), $"monthly figure {name} is not in the catalogue");
            Assert.Equal(FigureKinds.Monthly, FigureCatalogue.Monthly(name).Period);
        }
        foreach (var name in ComparisonAnalysis.DefaultMetrics.Concat(ComparisonAnalysis.ChainMetrics))
        {
            Assert.True(FigureCatalogue.Contains(FigureKinds.Summary, name), $"comparison metric {name} is not in the catalogue");
        }
    }

    [Fact]
    public void Labels_say_whether_a_figure_is_monthly_cumulative_yearly_or_at_the_run_end()
    {
        Assert.Contains("per month", FigureCatalogue.Monthly("inventionPatents").Label);
        Assert.Contains("run total", FigureCatalogue.Summary("inventionPatents").Label);
        Assert.Contains("Year 1", FigureCatalogue.Summary("year1.inventionPatents").Label);
        Assert.Contains("end of the run", FigureCatalogue.Summary("highTechEnterprises").Label);
        Assert.Equal(FigureKinds.Guangdong, FigureCatalogue.Summary("year1.highTechEnterprises").Scope);
        Assert.Equal(FigureKinds.AllCities, FigureCatalogue.Summary("highTechEnterprises").Scope);
        Assert.Equal("yuan", FigureCatalogue.Summary("technologyTransactionValue").Unit);
        Assert.Equal(FigureKinds.Neutral, FigureCatalogue.Summary("policySpending").Better);
    }

    [Fact]
    public void Summary_keys_are_ordered_along_the_chain_not_alphabetically()
    {
        var ordered = FigureCatalogue.Ordered(FigureKinds.Summary, YearSummary().Keys).ToList();
        Assert.Equal("technologiesStarted", ordered[0]);
        Assert.True(ordered.IndexOf("conversion.basic-research") < ordered.IndexOf("conversion.financing"));
        Assert.True(ordered.IndexOf("conversion.financing") < ordered.IndexOf("technologiesCommercialized"));
        Assert.True(ordered.IndexOf("technologiesCommercialized") < ordered.IndexOf("year1.patentsGranted"));
        Assert.NotEqual(ordered, ordered.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Every_entry_has_a_label_definition_and_scope_and_all_but_comparison_columns_a_unit()
    {
        Assert.All(FigureCatalogue.All, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Label), f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.Definition), f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.Scope), f.Name);
            // A comparison's columns take the unit of the figure they compare; every other entry has its own.
            Assert.True(f.Kind == FigureKinds.Statistic && !f.Name.StartsWith("costPer.", StringComparison.Ordinal) || f.Unit.Length > 0, $"{f.Kind} {f.Name} has no unit");
        });
        // What the dashboard charts beyond summaries and months: the chain, each kind of flow, and the totals it adds up.
        foreach (var (kind, name) in new[] { (FigureKinds.Chain, "chain.stages"), (FigureKinds.Chain, "chain.counts"), (FigureKinds.Flow, "flow.talent"), (FigureKinds.Flow, "flow.capital"),
            (FigureKinds.Flow, "flow.technology"), (FigureKinds.Flow, "flow.crossBorderShare"), (FigureKinds.Monthly, "patentsGranted"), (FigureKinds.Monthly, "policySpending") })
        {
            Assert.True(FigureCatalogue.Contains(kind, name), $"{kind} {name} is not in the catalogue");
        }
        // The flows' units are those the silo's flow queries answer with.
        Assert.All(new[] { "talent", "capital", "technology" }, kind => Assert.Equal(GbaSim.Silo.Api.DashboardFilters.FlowUnit(kind), FigureCatalogue.Of(FigureKinds.Flow, $"flow.{kind}").Unit));
        Assert.All(CostPerOutcome.Outcomes, o => Assert.Equal(FigureKinds.Yuan, FigureCatalogue.Statistic(CostPerOutcome.FigureName(o)).Format));
    }

    [Fact]
    public void Names_are_unique_within_each_kind()
    {
        Assert.Equal(FigureCatalogue.All.Count, FigureCatalogue.All.Select(f => (f.Kind, f.Name)).Distinct().Count());
    }
}
