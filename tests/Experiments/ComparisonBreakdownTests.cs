using System.Text.Json;
using GbaSim.Client.Output;
using GbaSim.Client.Reports;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Statistics;
using GbaSim.Grains.Experiments;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.World;
using GbaSim.Tests.Model;
using Spectre.Console;

namespace GbaSim.Tests.Experiments;

/// <summary>A comparison city by city, and what each variant's extra spending buys.</summary>
public sealed class ComparisonBreakdownTests
{
    private static readonly string[] Labels = ["base", "more"];

    /// <summary>Five paired replications; the variant spends 100 M yuan more, commercialises 10, 12, 8, 11, 9 more technologies and has Shenzhen's patents 10 or 11 higher.</summary>
    private static ComparisonReport Report(bool withCities = true, double[]? extraTechnologies = null, double extraSpending = 1e8)
    {
        var plan = new ExperimentPlan(ModelFixtures.Scenario() with { Name = "base" }, [ModelFixtures.Scenario() with { Name = "more" }], 5);
        extraTechnologies ??= [10, 12, 8, 11, 9];
        var results = new List<ReplicationResult>();
        for (var r = 0; r < 5; r++)
        {
            foreach (var label in Labels)
            {
                var variant = label == "more";
                var cities = Cities.All.ToDictionary(c => c.DisplayName(), c => (IReadOnlyDictionary<string, double>)CityHeadlines.Metrics.ToDictionary(
                    m => m, m => 100.0 + r + (int)c + (variant && c == City.Shenzhen && m == "inventionPatents" ? 10 + (r % 2) : 0)));
                var summary = CityHeadlines.Metrics.ToDictionary(m => m, m => cities.Values.Sum(v => v[m]));
                summary["policySpending"] = 1e9 + (variant ? extraSpending : 0);
                summary["technologiesCommercialized"] = 500 + r + (variant ? extraTechnologies[r] : 0);
                summary["talentEmployed"] = 1000 + (r * 7 % 3);
                results.Add(new ReplicationResult(label, r, (ulong)r, $"{label}{r}", "h", summary, [], withCities ? cities : null));
            }
        }
        return ComparisonAnalysis.Analyze(plan, results, ["technologiesCommercialized", "inventionPatents", "policySpending"], []);
    }

    [Fact]
    public void City_headlines_of_the_eleven_cities_add_up_to_the_run_summary()
    {
        var random = new Random(11);
        var builder = new SummaryBuilder(1);
        var months = Cities.All.ToDictionary(c => c, _ => new List<IReadOnlyDictionary<string, double>>());
        for (var m = 0; m < 14; m++)
        {
            var cities = Cities.All.ToDictionary(c => c, _ => CityFigures.FromValues([.. CityFigures.Names.Select(_ => (double)random.Next(0, 1000))]));
            var region = CityFigures.FromValues([.. CityFigures.Names.Select((_, i) => cities.Values.Sum(c => c.Values().ElementAt(i).Value))]);
            builder.Add(new MonthRecord(m, new YearMonth(2025, 1).AddMonths(m), cities, region, [], [], []));
            foreach (var (city, figures) in cities)
            {
                months[city].Add(figures.Values().ToDictionary(v => v.Name, v => v.Value));
            }
        }
        var summary = builder.Build();
        var byCity = Cities.All.Select(c => CityHeadlines.Of(months[c])).ToArray();
        Assert.Equal(8, CityHeadlines.Metrics.Count);
        foreach (var metric in CityHeadlines.Metrics)
        {
            Assert.Equal(summary[metric], byCity.Sum(c => c[metric]), 6);
        }
        // A stock is read at the run's last month, a flow summed over the run.
        Assert.Equal(months[City.Zhuhai][^1]["highTechEnterprises"], byCity[(int)City.Zhuhai]["highTechEnterprises"]);
        Assert.Equal(months[City.Zhuhai].Sum(m => m["inventionPatents"] + m["otherPatents"]), byCity[(int)City.Zhuhai]["patentsGranted"]);
    }

    [Fact]
    public void Comparison_gives_each_city_per_scenario_with_the_variants_paired_change_and_keeps_it_in_its_json()
    {
        var report = Report();
        var shenzhen = report.Cities!.Single(c => c.City == "Shenzhen" && c.Metric == "inventionPatents" && c.Scenario == "more");
        Assert.Equal(10.4, shenzhen.Difference!.Mean, 9);
        Assert.True(shenzhen.Difference.ExcludesZero);
        Assert.Equal(102 + 1, shenzhen.Value.Mean - 10.4, 9);
        Assert.Null(report.Cities!.Single(c => c.City == "Shenzhen" && c.Metric == "inventionPatents" && c.Scenario == "base").Difference);
        Assert.Equal(11 * CityHeadlines.Metrics.Count * 2, report.Cities!.Count);
        // The cities add up to the region's figure, scenario by scenario.
        foreach (var label in Labels)
        {
            var region = report.Scenarios.Single(s => s.Label == label).Metrics["inventionPatents"].Mean;
            Assert.Equal(region, report.Cities!.Where(c => c.Scenario == label && c.Metric == "inventionPatents").Sum(c => c.Value.Mean), 6);
        }

        var json = JsonDocument.Parse(ComparisonJson.Write(report)).RootElement;
        var row = json.GetProperty("cities").EnumerateArray().First(c => c.GetProperty("scenario").GetString() == "more");
        Assert.Equal(["city", "metric", "scenario", "value", "difference"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("cities").EnumerateArray().First().GetProperty("difference").ValueKind);
        Assert.NotNull(ComparisonSummaryCheck.Check(ComparisonJson.Write(report)).Cities);
        Assert.Null(Report(withCities: false).Cities);
    }

    [Fact]
    public void Cost_per_outcome_divides_extra_spending_by_the_extra_outcome_with_fieller_bounds()
    {
        var cost = Report().Costs!.Single(c => c.Variant == "more" && c.Outcome == "technologiesCommercialized");
        var change = SampleSummary.Of([10, 12, 8, 11, 9]);
        Assert.True(cost.Defined);
        Assert.Equal(1e7, cost.YuanPerUnit, 3);
        Assert.Equal(1e8 / change.High, cost.Low, 3);
        Assert.Equal(1e8 / change.Low, cost.High, 3);
        Assert.Equal(1e8, cost.ExtraSpending.Mean, 3);
        Assert.StartsWith(FigureCatalogue.Statistic("costPer.technologiesCommercialized").Label, cost.Note, StringComparison.Ordinal);
        Assert.Contains("10 M yuan", cost.Note, StringComparison.Ordinal);
        Assert.Equal(CostPerOutcome.Outcomes.Count, Report().Costs!.Count);
        Assert.All(CostPerOutcome.Outcomes, o => Assert.True(FigureCatalogue.Contains(FigureKinds.Statistic, CostPerOutcome.FigureName(o)), o));
    }

    [Fact]
    public void Cost_per_outcome_is_not_defined_when_the_change_cannot_be_told_from_zero_falls_or_nothing_more_is_spent()
    {
        var noise = Report(extraTechnologies: [1, -1, 2, -2, 0.5]).Costs!.Single(c => c.Outcome == "technologiesCommercialized");
        Assert.False(noise.Defined);
        Assert.Equal(CostPerOutcome.NotDistinguishable, noise.Why);
        Assert.True(double.IsNaN(noise.YuanPerUnit));
        Assert.Contains("cannot be told from zero", noise.Note, StringComparison.Ordinal);
        Assert.Equal(CostPerOutcome.Falls, Report(extraTechnologies: [-10, -12, -8, -11, -9]).Costs!.Single(c => c.Outcome == "technologiesCommercialized").Why);
        Assert.All(Report(extraSpending: 0).Costs!, c => Assert.Equal(CostPerOutcome.NoExtraSpending, c.Why));
        // A change that is exactly zero in every replication is not a change either.
        Assert.Equal(CostPerOutcome.NotDistinguishable, Report().Costs!.Single(c => c.Outcome == "highTechEnterprises").Why);
        var json = JsonDocument.Parse(ComparisonJson.Write(Report(extraTechnologies: [1, -1, 2, -2, 0.5]))).RootElement;
        var undefined = json.GetProperty("costs").EnumerateArray().First(c => c.GetProperty("outcome").GetString() == "technologiesCommercialized");
        Assert.False(undefined.GetProperty("defined").GetBoolean());
        Assert.Equal("NaN", undefined.GetProperty("yuanPerUnit").GetString());
    }

    [Fact]
    public void Compare_table_shows_each_citys_change_adding_up_and_the_cost_per_outcome_or_why_not()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 160;
        ComparisonTable.Show(new RichView(console), Report());
        var text = writer.ToString();
        Assert.All(text.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 160, l));
        Assert.Contains("change by city", text, StringComparison.Ordinal);
        Assert.Matches(@"Shenzhen\s*│[^\n]*\+10\.4", text);
        Assert.Matches(@"all cities\s*│[^\n]*\+10\.4", text);
        Assert.Contains(FigureCatalogue.Statistic("costPer.technologiesCommercialized").Label, text, StringComparison.Ordinal);
        Assert.Contains("not defined", text, StringComparison.Ordinal);
        Assert.Contains(CostPerOutcome.NotDistinguishable, text, StringComparison.Ordinal);
    }
}
