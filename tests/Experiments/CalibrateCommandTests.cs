using System.Globalization;
using System.Text.Json;
using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Experiments;

/// <summary><c>gbasim calibrate</c> end to end on its embedded silo: it finds a parameter again from a target the model itself produced.</summary>
public sealed class CalibrateCommandTests
{
    [Fact]
    public async Task Calibrate_recovers_the_patent_rate_that_produced_a_synthetic_target()
    {
        using var library = new TinyLibrary();
        using var data = new TempData();
        var truth = library.Write("truth.yaml", """
            extends: tiny.yaml
            name: truth
            parameters:
              inventionPatentsPerTalent: 0.1
            """);
        var run = await ClientProcess.RunAsync(data.Path, "run", truth, "--json");
        Assert.True(run.ExitCode == 0, run.Errors);
        var summary = JsonDocument.Parse(run.Output).RootElement.GetProperty("summary");
        var inventions = summary.GetProperty("year.2025.inventionPatents").GetDouble();
        var granted = summary.GetProperty("year.2025.patentsGranted").GetDouble();
        var targets = library.Write("targets.yaml", string.Create(CultureInfo.InvariantCulture, $"""
            replications: 1
            maxEvaluations: 16
            parameters:
              inventionPatentsPerTalent: {"{"} min: 0.03, max: 0.2, start: 0.05 {"}"}
            targets:
              - figure: inventionPatents
                year: 2025
                value: {inventions:R}
                tolerance: 0.02
                source: the model at inventionPatentsPerTalent 0.1 (synthetic)
              - figure: patentsGranted
                year: 2025
                value: {granted:R}
                tolerance: 0.02
                heldOut: true
                source: the model at inventionPatentsPerTalent 0.1 (synthetic)
            """));
        var output = Path.Combine(data.Path, "fit");

        var calibrate = await ClientProcess.RunAsync(data.Path, "calibrate", library.Scenario, "--targets", targets, "--out", output, "--json");

        Assert.True(calibrate.ExitCode == 0, calibrate.Errors);
        var report = JsonDocument.Parse(calibrate.Output).RootElement;
        var fitted = report.GetProperty("parameters")[0];
        Assert.Equal("inventionPatentsPerTalent", fitted.GetProperty("name").GetString());
        Assert.InRange(fitted.GetProperty("value").GetDouble(), 0.095, 0.105);
        Assert.True(report.GetProperty("evaluations").GetInt32() <= 16);
        var fit = report.GetProperty("targets").EnumerateArray().ToArray();
        Assert.True(fit[0].GetProperty("hit").GetBoolean(), fit[0].ToString());
        Assert.True(fit[1].GetProperty("heldOut").GetBoolean());
        // The held-out year is the run summary's yearly figure for the nine Guangdong cities, as the statistics count.
        Assert.Equal(granted, fit[1].GetProperty("mean").GetDouble(), granted * 0.02);
        var snippet = await File.ReadAllTextAsync(Path.Combine(output, "fitted-parameters.yaml"));
        Assert.Contains("parameters:\n  inventionPatentsPerTalent: 0.", snippet.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "fit.csv")) && File.Exists(Path.Combine(output, "trace.csv")));
    }

    [Fact]
    public async Task Targets_file_errors_are_reported_at_file_line_and_column()
    {
        using var library = new TinyLibrary();
        using var data = new TempData();
        var targets = library.Write("bad-targets.yaml", """
            parameters:
              inventionPatentsPerTalen: { min: 0.03, max: 0.2 }
            targets:
              - figure: inventionPatent
                year: 2030
                value: 100
                source: example
            """);

        var calibrate = await ClientProcess.RunAsync(data.Path, "calibrate", library.Scenario, "--targets", targets);

        Assert.Equal(2, calibrate.ExitCode);
        Assert.Contains($"{targets}:2:3: unknown model parameter 'inventionPatentsPerTalen' (did you mean 'inventionPatentsPerTalent'?", calibrate.Errors, StringComparison.Ordinal);
        Assert.Contains($"{targets}:4:13: unknown figure 'inventionPatent' (did you mean 'inventionPatents'?", calibrate.Errors, StringComparison.Ordinal);
        Assert.Contains($"{targets}:5:11: the scenario 'tiny' does not simulate all of 2030 (it simulates 2025 to 2025 whole)", calibrate.Errors, StringComparison.Ordinal);
    }
}
