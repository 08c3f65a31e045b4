using System.Text.Json;
using GbaSim.Engine.Scenarios;
using GbaSim.Tests.Scenarios;
using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Experiments;

/// <summary>
/// <c>gbasim calibrate</c> on the shipped targets file gives back the parameter values the
/// scenario ships. The whole design (four parameters, docs/experiments.md) takes minutes, so the
/// test fits two of them from the file's starting points, the others kept at their shipped values,
/// through the same command, targets, scale and replications.
/// </summary>
public sealed class ShippedCalibrationTests
{
    [Fact]
    public async Task Calibrating_the_baseline_on_its_targets_file_finds_the_shipped_patent_rates_again()
    {
        using var data = new TempData();
        var scenario = "scenarios/gba-baseline.yaml";

        var calibrate = await ClientProcess.RunAsync(data.Path, "calibrate", scenario, "--targets", "scenarios/calibration/targets.yaml",
            "--parameters", "inventionPatentsPerTalent,otherPatentsPerTalent", "--max-evaluations", "30", "--json");

        Assert.True(calibrate.ExitCode == 0, calibrate.Errors);
        var shipped = ScenarioLoader.Load(Repository.PathOf(scenario)).World.Parameters;
        var fitted = JsonDocument.Parse(calibrate.Output).RootElement.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(2, fitted.Length);
        foreach (var parameter in fitted)
        {
            var (name, value, start) = (parameter.GetProperty("name").GetString()!, parameter.GetProperty("value").GetDouble(), parameter.GetProperty("start").GetDouble());
            var expected = shipped.Get(name);
            Assert.True(Math.Abs(start / expected - 1) > 0.12, $"{name} starts at {start}, too near its shipped {expected} to show anything");
            Assert.True(Math.Abs(value / expected - 1) <= 0.04, $"{name}: fitted {value}, shipped {expected}");
        }
    }
}
