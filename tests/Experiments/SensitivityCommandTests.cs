using System.Text.Json;
using GbaSim.Tests.Dashboard;
using GbaSim.Tests.Silo;
using Microsoft.Playwright;

namespace GbaSim.Tests.Experiments;

/// <summary><c>gbasim sensitivity</c> end to end on its embedded silo, on a one-year scenario at 1% of firms.</summary>
public sealed class SensitivityCommandTests
{
    [Fact]
    public async Task Morris_ranks_the_patent_rate_first_for_invention_patents_and_writes_its_files()
    {
        using var library = new TinyLibrary();
        using var data = new TempData();
        var output = Path.Combine(data.Path, "out");

        var run = await ClientProcess.RunAsync(data.Path, "sensitivity", library.Scenario, "--method", "morris",
            "--parameters", "inventionPatentsPerTalent,pilotBaseSuccess=0.2:0.5,research-funding.budget", "--trajectories", "3",
            "--outputs", "inventionPatents,technologiesStarted", "--out", output, "--json");

        Assert.True(run.ExitCode == 0, run.Errors);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("morris", 12, 12), (report.GetProperty("method").GetString(), report.GetProperty("points").GetInt32(), report.GetProperty("runs").GetInt32()));
        var patents = report.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("output").GetString() == "inventionPatents");
        var first = patents.GetProperty("ranking")[0];
        Assert.Equal("inventionPatentsPerTalent", first.GetProperty("factor").GetString());
        Assert.True(first.GetProperty("muStar").GetProperty("value").GetDouble() > 0);
        var pilot = report.GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("parameter").GetString() == "pilotBaseSuccess");
        Assert.Equal((0.2, 0.5), (pilot.GetProperty("low").GetDouble(), pilot.GetProperty("high").GetDouble()));

        var runs = (await File.ReadAllLinesAsync(Path.Combine(output, "runs.csv"))).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(12, runs.Length);
        // Common random numbers: every design point ran with the scenario's seed.
        Assert.Equal(["20250101"], runs.Select(r => r[2]).Distinct());
        var indices = await File.ReadAllLinesAsync(Path.Combine(output, "indices.csv"));
        Assert.Equal(1 + 2 * 3, indices.Length);

        var errors = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(Path.Combine(output, "report.html")).AbsoluteUri);
        var charts = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.chart')].filter(d => echarts.getInstanceByDom(d)).length");
        Assert.Empty(errors);
        // Per output: the ranked bars and the mu*-sigma plane.
        Assert.Equal(2 * 2, charts);
    }

    [Fact]
    public async Task Morris_table_reads_in_the_outputs_units_and_progress_names_months_and_runs()
    {
        using var library = new TinyLibrary();
        using var data = new TempData();

        var run = await ClientProcess.RunAsync(data.Path, "sensitivity", library.Scenario, "--method", "morris",
            "--parameters", "inventionPatentsPerTalent,licenceBasePrice", "--trajectories", "2", "--outputs", "inventionPatents,technologyTransactionValue");

        Assert.True(run.ExitCode == 0, run.Errors);
        // Indices of a money figure are in yuan, as its summary figure reads, never in E-notation.
        Assert.DoesNotMatch(@"\dE[+-]\d", run.Output);
        Assert.Matches(@"(?m)^\d\tlicenceBasePrice\t", run.Output);
        Assert.Matches(@"\d+/\d+ months run; \d+/6 runs finished", run.Errors);
    }

    [Fact]
    public async Task Sobol_gives_the_patent_rate_most_of_the_variance_of_invention_patents()
    {
        using var library = new TinyLibrary();
        using var data = new TempData();

        var run = await ClientProcess.RunAsync(data.Path, "sensitivity", library.Scenario, "--method", "sobol",
            "--parameters", "inventionPatentsPerTalent,pilotBaseSuccess", "--samples", "6", "--outputs", "inventionPatents", "--json");

        Assert.True(run.ExitCode == 0, run.Errors);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(6 * (2 + 2), report.GetProperty("runs").GetInt32());
        var ranking = report.GetProperty("outputs")[0].GetProperty("ranking");
        Assert.Equal("inventionPatentsPerTalent", ranking[0].GetProperty("factor").GetString());
        Assert.True(ranking[0].GetProperty("total").GetProperty("value").GetDouble() > 0.8);
        Assert.True(ranking[1].GetProperty("total").GetProperty("value").GetDouble() < 0.2);
    }

    [Theory]
    [InlineData("breakthroughMonthy", "Unknown parameter 'breakthroughMonthy'. Model parameters: firmTalentMedian,")]
    [InlineData("breakthroughMonthly=0.5:0.1", "The range of 'breakthroughMonthly' must rise from LOW to HIGH within [0, 1]; got 0.5:0.1.")]
    [InlineData("research-funding.budget=a:b", "The range of 'research-funding.budget' must be written LOW:HIGH with two numbers")]
    public async Task Bad_parameters_are_refused_with_what_is_valid(string parameters, string message)
    {
        using var library = new TinyLibrary();
        using var data = new TempData();

        var run = await ClientProcess.RunAsync(data.Path, "sensitivity", library.Scenario, "--parameters", parameters);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
    }
}
