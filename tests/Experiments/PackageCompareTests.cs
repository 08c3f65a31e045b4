using System.Globalization;
using System.Text.Json;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Policies;
using GbaSim.Tests.Model;
using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Experiments;

/// <summary>A package of levers in <c>compare</c>: it runs once without each lever, and each lever's contribution is the package less that run, pair by pair.</summary>
public sealed class PackageCompareTests
{
    private static PolicyDefinition Lever(PolicyType type, string name) => ModelFixtures.Policy(type) with { Name = name };

    private static readonly ScenarioDefinition Base = ModelFixtures.Scenario() with { Name = "base", Policies = [Lever(PolicyType.CrossBorderResearchFunding, "funding")] };

    [Fact]
    public void A_variant_adding_or_changing_two_or_more_policies_is_a_package_run_once_without_each()
    {
        var package = Base with
        {
            Name = "package",
            Policies = [Lever(PolicyType.CrossBorderResearchFunding, "funding") with { Budget = 5e9 }, Lever(PolicyType.HighTechTaxRelief, "tax"), Lever(PolicyType.IncubatorSupport, "incubators")],
        };
        var single = Base with { Name = "single", Policies = [.. Base.Policies, Lever(PolicyType.IpProtection, "ip")] };

        var plan = new ExperimentPlan(Base, [package, single], replications: 3);

        Assert.Equal(["package without funding", "package without tax", "package without incubators"], plan.Removals.Select(r => r.Label));
        // A changed lever goes back to the baseline's version, an added one goes; the others stay as the package has them.
        Assert.Equal(Base.Policies[0], plan.Removals[0].Scenario.Policies[0]);
        Assert.Equal(["funding", "incubators"], plan.Removals[1].Scenario.Policies.Select(p => p.Name));
        Assert.Equal(5e9, plan.Removals[1].Scenario.Policies[0].Budget);
        Assert.Equal(3 * (1 + 2 + 3), plan.Runs.Count);
        Assert.All(plan.Runs.GroupBy(r => r.Replication), replication => Assert.Single(replication.Select(r => r.Seed).Distinct()));
    }

    [Fact]
    public void Contribution_is_the_package_less_the_package_without_the_lever_pair_by_pair()
    {
        var package = Base with { Name = "package", Policies = [.. Base.Policies, Lever(PolicyType.HighTechTaxRelief, "tax"), Lever(PolicyType.IncubatorSupport, "incubators")] };
        var plan = new ExperimentPlan(Base, [package], replications: 4);
        double[] baseline = [100, 110, 90, 105], full = [130, 150, 118, 140], noTax = [120, 131, 110, 128], noIncubators = [112, 128, 99, 117];
        var results = new List<ReplicationResult>();
        foreach (var (label, values) in new[] { ("base", baseline), ("package", full), ("package without tax", noTax), ("package without incubators", noIncubators) })
        {
            results.AddRange(values.Select((v, r) => new ReplicationResult(label, r, (ulong)r, $"{label}{r}", "h", new Dictionary<string, double> { ["inventionPatents"] = v }, [])));
        }

        var report = ComparisonAnalysis.Analyze(plan, results, ["inventionPatents"], []);

        var tax = Assert.Single(report.Contributions!, c => c.Lever == "tax");
        Assert.Equal(full.Zip(noTax, (a, b) => a - b).Average(), tax.Statistics.Difference.Mean, 9);
        Assert.Equal(tax.Statistics.Difference.Mean / full.Zip(baseline, (a, b) => a - b).Average(), tax.ShareOfPackageEffect, 9);
        Assert.True(tax.Statistics.Difference.Low < tax.Statistics.Difference.Mean && tax.Statistics.Difference.Mean < tax.Statistics.Difference.High);
        Assert.Equal(full.Zip(noIncubators, (a, b) => a - b).Average(), Assert.Single(report.Contributions!, c => c.Lever == "incubators").Statistics.Difference.Mean, 9);
        // The removal runs are not variants: they are neither compared with the baseline nor described as scenarios.
        Assert.DoesNotContain(report.Comparisons, c => c.Variant.Contains("without", StringComparison.Ordinal));
        Assert.Equal(["base", "package"], report.Scenarios.Select(s => s.Label));
    }

    [Fact]
    public async Task Compare_shows_each_lever_contribution_of_the_package_variant_in_json_and_report()
    {
        using var data = new TempData();
        var output = Path.Combine(data.Path, "out");
        var compare = await ClientProcess.RunAsync(data.Path, "compare", "scenarios/gba-small.yaml", "scenarios/small/innovation-package.yaml",
            "-r", "3", "--scale", "0.01", "--metrics", "talentEmployed,policySpending", "--out", output, "--json");
        Assert.True(compare.ExitCode == 0, compare.Errors);

        var contributions = JsonDocument.Parse(compare.Output).RootElement.GetProperty("contributions").EnumerateArray().ToArray();
        string[] levers = ["guangdong-hte-tax-relief", "gba-income-tax-subsidy", "incubator-places-and-rent"];
        Assert.Equal(levers.Order(), contributions.Select(c => c.GetProperty("lever").GetString()!).Distinct().Order());
        Assert.All(contributions, c => Assert.Equal("small-innovation-package", c.GetProperty("package").GetString()));

        // Each contribution is recomputed here from the package's and the removal runs' rows, replication by replication.
        var rows = (await File.ReadAllLinesAsync(Path.Combine(output, "replications.csv"))).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(3 * 5, rows.Length);
        double Mean(string label, int column) => rows.Where(r => r[0] == label).OrderBy(r => r[1]).Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray()
            .Zip(rows.Where(r => r[0] == "small-innovation-package").OrderBy(r => r[1]).Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)), (without, package) => package - without).Average();
        foreach (var lever in levers)
        {
            foreach (var (metric, column) in new[] { ("talentEmployed", 5), ("policySpending", 6) })
            {
                var reported = contributions.Single(c => c.GetProperty("lever").GetString() == lever && c.GetProperty("metric").GetString() == metric)
                    .GetProperty("statistics").GetProperty("difference").GetProperty("mean").GetDouble();
                var expected = Mean($"small-innovation-package without {lever}", column);
                Assert.Equal(expected, reported, (Math.Abs(expected) * 1e-9) + 1e-6);
            }
            // Every lever of the package pays out, so the package spends more with it than without.
            Assert.True(Mean($"small-innovation-package without {lever}", 6) > 0, lever);
        }
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.Contains("Each lever's contribution to small-innovation-package", html, StringComparison.Ordinal);
        Assert.All(levers, lever => Assert.Contains($"<td>{lever}</td>", html, StringComparison.Ordinal));
    }
}
