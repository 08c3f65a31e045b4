using GbaSim.Client.Reports;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Statistics;
using GbaSim.Model.Policies;
using GbaSim.Tests.Model;

namespace GbaSim.Tests.Experiments;

/// <summary>What a comparison claims: tests that cannot reach significance say so, inputs are not findings, and only policies whose values differ are "changed".</summary>
public sealed class HonestStatisticsTests
{
    private static readonly PolicyDefinition Funding = ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 2e9);

    /// <summary>A baseline and one variant whose outcome rises by about 100 in every replication and whose spending is fixed by the scenario.</summary>
    private static (ExperimentPlan Plan, ComparisonReport Report) Compared(int replications)
    {
        var baseline = ModelFixtures.Scenario() with { Name = "base", Policies = [Funding] };
        var inherited = Funding with { Parameters = new Dictionary<string, double>(Funding.Parameters), Location = new SourceLocation("variant.yaml", 9, 3) };
        var pilots = ModelFixtures.Policy(PolicyType.PilotPlatform, budget: 5e8, parameters: new() { ["extraSlots"] = 40 });
        var variant = ModelFixtures.Scenario() with { Name = "pilots", Policies = [inherited, pilots] };
        var plan = new ExperimentPlan(baseline, [variant], replications);
        var results = new List<ReplicationResult>();
        for (var r = 0; r < replications; r++)
        {
            var noise = (r % 3) * 7.0;
            results.Add(Result("base", r, 1000 + noise, 2e9));
            results.Add(Result("pilots", r, 1100 + noise + r, 2.5e9));
        }
        return (plan, ComparisonAnalysis.Analyze(plan, results, ["technologiesCommercialized", "policySpending"], []));
    }

    private static ReplicationResult Result(string label, int replication, double commercialized, double spending) =>
        new(label, replication, (ulong)replication, $"{label}-{replication}", "hash", new Dictionary<string, double>
        {
            ["technologiesCommercialized"] = commercialized,
            ["policySpending"] = spending,
        }, []);

    [Fact]
    public void Wilcoxon_with_five_replications_cannot_go_below_one_sixteenth()
    {
        Assert.Equal(0.0625, TestLimits.SmallestWilcoxonP(5));
        var (_, p, exact) = WilcoxonSignedRank.Test([3, 5, 8, 13, 21]);
        Assert.True(exact);
        Assert.Equal(0.0625, p, 10);
        Assert.Equal(6, TestLimits.WilcoxonReplicationsNeeded(1));
        Assert.Equal(11, TestLimits.WilcoxonReplicationsNeeded(26));
    }

    [Fact]
    public void Five_replications_warn_that_wilcoxon_cannot_reach_significance_and_the_t_test_is_rough()
    {
        var (_, report) = Compared(5);
        var wilcoxon = report.Limits.Single(l => l.Test == TestLimits.Wilcoxon);
        Assert.False(wilcoxon.CanReachSignificance);
        Assert.Contains("0.0625", wilcoxon.Warning);
        Assert.Contains("at least 6 replications", wilcoxon.Warning);
        Assert.NotNull(report.Limits.Single(l => l.Test == TestLimits.TTest).Warning);
    }

    [Fact]
    public void Enough_replications_raise_no_warning()
    {
        var (_, report) = Compared(12);
        Assert.All(report.Limits, l => Assert.Null(l.Warning));
        Assert.True(report.Limits.Single(l => l.Test == TestLimits.Wilcoxon).CanReachSignificance);
    }

    [Fact]
    public void Policy_spending_is_an_input_not_a_finding_with_no_infinite_effect_or_cost_ratio()
    {
        var (_, report) = Compared(6);
        var spending = report.Comparisons.Single(c => c.Metric == "policySpending");
        Assert.Equal(Findings.Input, spending.Finding);
        Assert.False(spending.Distinguishable);
        Assert.True(double.IsNaN(spending.ChangePer100MillionYuan));
        Assert.False(double.IsInfinity(spending.Statistics.EffectSize));
        Assert.Contains("is an input, not a finding", spending.Verdict);
        Assert.Contains("500 M yuan", spending.Verdict.Replace("+", "", StringComparison.Ordinal));

        var outcome = report.Comparisons.Single(c => c.Metric == "technologiesCommercialized");
        Assert.Equal(Findings.Real, outcome.Finding);
        Assert.Equal(outcome.Statistics.Difference.Mean / 5, outcome.ChangePer100MillionYuan, 9);
        // The input is not in Holm's family: one outcome tested, so its adjusted p is its own.
        Assert.Equal(outcome.Statistics.TTestP, outcome.AdjustedTTestP, 12);
    }

    [Fact]
    public void A_difference_that_never_varies_has_no_t_test_or_effect_size()
    {
        var comparison = PairedComparison.Of([10, 12, 15], [13, 15, 18]);
        Assert.True(comparison.Constant);
        Assert.True(double.IsNaN(comparison.EffectSize));
        Assert.True(double.IsNaN(comparison.TTestP));
    }

    [Fact]
    public void A_figure_the_seed_never_moves_is_an_input_and_a_constant_change_of_a_varying_one_is_not_judged()
    {
        var plan = new ExperimentPlan(ModelFixtures.Scenario() with { Name = "base" }, [ModelFixtures.Scenario() with { Name = "more" }], 3);
        ReplicationResult Run(string label, int r, double commercialized, double projects) =>
            new(label, r, (ulong)r, $"{label}{r}", "h", new Dictionary<string, double> { ["technologiesCommercialized"] = commercialized, ["facilityProjects"] = projects }, []);
        var results = Enumerable.Range(0, 3).SelectMany(r => new[] { Run("base", r, 300 + (100 * r), 40), Run("more", r, 400 + (100 * r), 55) }).ToArray();
        var report = ComparisonAnalysis.Analyze(plan, results, ["technologiesCommercialized", "facilityProjects"], []);

        var projects = report.Comparisons.Single(c => c.Metric == "facilityProjects");
        Assert.Equal(Findings.Input, projects.Finding);
        Assert.Contains("same in every replication of each scenario", projects.Verdict);

        var commercialized = report.Comparisons.Single(c => c.Metric == "technologiesCommercialized");
        Assert.Equal(Findings.Noise, commercialized.Finding);
        Assert.Contains("by exactly +100 in every replication", commercialized.Verdict);
        Assert.True(double.IsNaN(commercialized.AdjustedTTestP));
    }

    [Fact]
    public void Inherited_untouched_policy_is_not_changed_and_a_new_budget_is()
    {
        var copy = Funding with { Parameters = new Dictionary<string, double>(Funding.Parameters), Location = new SourceLocation("other.yaml", 4, 1) };
        Assert.Equal(PolicyChange.Unchanged, PolicyChange.Between([Funding], [copy]).Single().Kind);

        var raised = PolicyChange.Between([Funding], [copy with { Budget = 3e9 }]).Single();
        Assert.Equal(PolicyChange.Changed, raised.Kind);
        Assert.Equal(["budget 2 B yuan → 3 B yuan"], raised.Differences);

        var removed = PolicyChange.Between([Funding], []).Single();
        Assert.Equal(PolicyChange.Removed, removed.Kind);
    }

    [Fact]
    public void Report_lists_only_changed_policies_and_says_the_limits_in_catalogue_words()
    {
        var (plan, report) = Compared(5);
        var html = HtmlReport.Render(plan, report);
        var changes = html[html.IndexOf("What each variant changes", StringComparison.Ordinal)..];
        Assert.Contains(PolicyCatalog.NameOf(PolicyType.PilotPlatform), changes);
        Assert.DoesNotContain($">{PolicyCatalog.NameOf(PolicyType.CrossBorderResearchFunding)}<", changes);
        Assert.Contains("Limits of these tests", html);
        Assert.Contains("0.0625", html);
        Assert.Contains(FigureCatalogue.Summary("technologiesCommercialized").Heading, html);
        Assert.Contains(FigureCatalogue.Statistic("changePer100MillionYuan").Short, html);
        Assert.DoesNotContain("E+", html[..html.IndexOf("<script>", StringComparison.Ordinal)]);
        Assert.DoesNotContain("Infinity", html);
    }
}
