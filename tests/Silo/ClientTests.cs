using System.Text.Json;

namespace GbaSim.Tests.Silo;

/// <summary>The real <c>gbasim</c> client against the real silo, and on its own embedded silo.</summary>
public sealed class ClientTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private string Silo => fixture.Silo.Gateway;

    [Fact]
    public async Task Run_status_results_watch_and_inspect_through_the_client()
    {
        using var data = new TempData();
        var run = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--scale", "0.02", "--silo", Silo, "--json");
        Assert.True(run.ExitCode == 0, run.Errors);
        var summary = JsonDocument.Parse(run.Output).RootElement;
        var id = summary.GetProperty("runId").GetString()!;
        Assert.Equal("gba-small", summary.GetProperty("scenario").GetString());
        Assert.Equal(36, summary.GetProperty("steps").GetInt32());
        Assert.True(summary.GetProperty("summary").GetProperty("year1.patentsGranted").GetDouble() > 0);

        var status = await ClientProcess.RunAsync(data.Path, "status", id, "--silo", Silo);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("completed", status.Output);

        var csv = await ClientProcess.RunAsync(data.Path, "results", id, "--format", "csv", "--silo", Silo);
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("month,year_month,city,figure,value", csv.Output.Trim(), StringComparison.OrdinalIgnoreCase);

        var watch = await ClientProcess.RunAsync(data.Path, "watch", id, "--silo", Silo, "--json");
        Assert.Equal(0, watch.ExitCode);
        Assert.Equal(id, JsonDocument.Parse(watch.Output).RootElement.GetProperty("runId").GetString());

        var inspect = await ClientProcess.RunAsync(data.Path, "inspect", id, "city/Shenzhen", "--silo", Silo, "--json");
        Assert.Equal(0, inspect.ExitCode);
        Assert.Equal("city/Shenzhen", JsonDocument.Parse(inspect.Output).RootElement.GetProperty("grain").GetString());

        var runs = await ClientProcess.RunAsync(data.Path, "runs", "--silo", Silo);
        Assert.Contains(id, runs.Output);
    }

    [Fact]
    public async Task Embedded_silo_and_silo_process_give_the_same_result_hash()
    {
        using var data = new TempData();
        var viaSilo = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--scale", "0.02", "--silo", Silo, "--json");
        var embedded = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--scale", "0.02", "--threads", "1", "--json");
        Assert.True(viaSilo.ExitCode == 0, viaSilo.Errors);
        Assert.True(embedded.ExitCode == 0, embedded.Errors);
        string Hash(string output) => JsonDocument.Parse(output).RootElement.GetProperty("resultHash").GetString()!;
        Assert.Equal(Hash(viaSilo.Output), Hash(embedded.Output));
        Assert.True(File.Exists(Path.Combine(data.Path, "gbasim.db")), "the embedded silo keeps its results in the data folder");
    }

    [Fact]
    public async Task Invalid_scenario_exits_2_with_file_line_and_column()
    {
        using var data = new TempData();
        var file = Path.Combine(data.Path, "scenarios", "broken.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "name: broken\nseed: 1\nstart: 2025-01\nhorizon: twelve\nworld: missing.yaml\n");
        var validate = await ClientProcess.RunAsync(data.Path, "validate", file);
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("broken.yaml:4:10", validate.Errors);
        Assert.DoesNotContain("   at ", validate.Errors);

        var run = await ClientProcess.RunAsync(data.Path, "run", file, "--silo", Silo);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.yaml:4:10", run.Errors);
    }

    [Fact]
    public async Task Unreachable_silo_exits_3_and_bad_arguments_exit_2()
    {
        using var data = new TempData();
        var unreachable = await ClientProcess.RunAsync(data.Path, "runs", "--silo", "127.0.0.1:9");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Contains("127.0.0.1:9", unreachable.Errors);

        var badScale = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--scale", "2", "--silo", Silo);
        Assert.Equal(2, badScale.ExitCode);

        var missing = await ClientProcess.RunAsync(data.Path, "status", "no-such-run", "--silo", Silo);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-run", missing.Errors);
    }
}
