using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Engine.Figures;

namespace GbaSim.Tests.Silo;

/// <summary>The <c>gbasim</c> command as a planner meets it: catalogue words, readable grain state, plain argument errors, Ctrl-C, detaching, and where it keeps data.</summary>
public sealed class PlannerCliTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private string Silo => fixture.Silo.Gateway;

    private static string RunId(string text) => JsonDocument.Parse(text).RootElement.GetProperty("runId").GetString()!;

    [Fact]
    public async Task Run_summary_results_and_inspect_speak_the_catalogue()
    {
        using var data = new TempData();
        var run = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--scale", "0.02", "--silo", Silo);
        Assert.True(run.ExitCode == 0, run.Errors);
        var labels = new[] { "technologiesStarted", "conversion.financing", "technologiesCommercialized", "technologyTransactionValue", "year1.highTechEnterprises" }
            .Select(k => FigureCatalogue.Summary(k).Label).ToArray();
        var positions = labels.Select(l => run.Output.IndexOf(l, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, run.Output));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("conversion.financing", run.Output);
        Assert.DoesNotContain("E+", run.Output);
        // The progress line names what it counts.
        Assert.Contains("invention patents", run.Errors);
        Assert.Contains("this month", run.Errors);

        var id = System.Text.RegularExpressions.Regex.Match(run.Output, @"\(run (\S+), seed").Groups[1].Value;
        var results = await ClientProcess.RunAsync(data.Path, "results", id, "--silo", Silo);
        Assert.Equal(0, results.ExitCode);
        Assert.Contains("invention patents, year total", results.Output);
        Assert.Contains("high-tech, year end", results.Output);

        var inspect = await ClientProcess.RunAsync(data.Path, "inspect", id, "city/Shenzhen", "--silo", Silo);
        Assert.True(inspect.ExitCode == 0, inspect.Errors);
        Assert.Contains("final state (completed) after step 36 of 36", inspect.Output);
        Assert.Contains("talentPool\t", inspect.Output);
        Assert.DoesNotContain("{", inspect.Output);
        // No float printed with more than three decimals.
        Assert.DoesNotMatch(@"\d\.\d{4,}", inspect.Output);
    }

    [Theory]
    [InlineData("--seed", "-1", "--seed must be a whole number from 0 to 18446744073709551615; got '-1'.")]
    [InlineData("--scale", "half", "--scale must be a number such as 0.05; got 'half'.")]
    [InlineData("--shards", "many", "--shards must be a whole number; got 'many'.")]
    public async Task Argument_errors_are_said_in_plain_words_without_type_names(string option, string value, string expected)
    {
        using var data = new TempData();
        var run = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", option, value, "--silo", Silo);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Errors);
        Assert.DoesNotContain("System.", run.Errors);
        Assert.DoesNotContain("`1", run.Errors);
    }

    [Fact]
    public async Task Detach_submits_returns_the_run_id_and_the_run_goes_on()
    {
        using var data = new TempData();
        var detached = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--scale", "0.02", "--silo", Silo, "--detach", "--json");
        Assert.True(detached.ExitCode == 0, detached.Errors);
        var id = RunId(detached.Output);
        var watch = await ClientProcess.RunAsync(data.Path, "watch", id, "--silo", Silo, "--json");
        Assert.Equal(0, watch.ExitCode);
        Assert.Equal("completed", JsonDocument.Parse(watch.Output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ctrl_C_on_run_asks_the_silo_to_cancel_and_says_so()
    {
        using var data = new TempData();
        await using var client = InterruptibleClient.Start(data.Path, "run", "scenarios/gba-baseline.yaml", "--scale", "0.3", "--threads", "1", "--silo", Silo);
        await client.WaitForErrorAsync("1/144");
        client.Interrupt();
        Assert.Equal(4, await client.ExitCodeAsync());
        Assert.Contains("press Ctrl-C again to leave it running", client.Errors);
        Assert.Contains("was cancelled on the silo at your request", client.Errors);
        using var http = fixture.Silo.Http();
        var runs = await http.GetFromJsonAsync<JsonElement>("api/runs");
        var run = runs.EnumerateArray().First(r => client.Errors.Contains(r.GetProperty("id").GetString()!, StringComparison.Ordinal));
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Second_Ctrl_C_leaves_the_run_running_and_says_how_to_follow_it()
    {
        using var data = new TempData();
        await using var client = InterruptibleClient.Start(data.Path, "run", "scenarios/gba-baseline.yaml", "--scale", "0.3", "--threads", "1", "--silo", Silo);
        await client.WaitForErrorAsync("1/144");
        client.Interrupt();
        await client.WaitForErrorAsync("press Ctrl-C again");
        client.Interrupt();
        Assert.Equal(130, await client.ExitCodeAsync());
        Assert.Contains("running on the silo; follow it with 'gbasim watch", client.Errors);
        using var http = fixture.Silo.Http();
        var runs = await http.GetFromJsonAsync<JsonElement>("api/runs");
        var run = runs.EnumerateArray().First(r => client.Errors.Contains(r.GetProperty("id").GetString()!, StringComparison.Ordinal));
        Assert.NotEqual("cancelled", run.GetProperty("status").GetString());
        // Not the test's to keep: the silo is shared with the other tests.
        using var cancel = await http.PostAsync($"api/runs/{run.GetProperty("id").GetString()}/cancel", null);
    }

    [Fact]
    public async Task Embedded_mode_says_it_started_a_silo_and_keeps_data_in_the_per_user_folder()
    {
        using var home = new TempData();
        var xdg = Path.Combine(home.Path, "share");
        var runs = await ClientProcess.RunAsync(home.Path, new Dictionary<string, string> { ["GBASIM_DATA"] = "", ["XDG_DATA_HOME"] = xdg }, "runs");
        Assert.True(runs.ExitCode == 0, runs.Errors);
        var line = Assert.Single(runs.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("started one in its own process", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(xdg, "gbasim"), line);
        Assert.True(File.Exists(Path.Combine(xdg, "gbasim", "gbasim.db")));
    }
}
