using GbaSim.Grains.Experiments;
using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Client.Reports;
using GbaSim.Engine.Calibration;
using GbaSim.Engine.Experiments;

namespace GbaSim.Client.Commands;

/// <summary>
/// <c>gbasim calibrate SCENARIO --targets FILE</c>: fits the model parameters the targets file
/// names to its yearly targets (Nelder–Mead over replications with common random numbers, on
/// the silo or embedded), then reports each target at the fit, held-out ones included.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file to calibrate." };
        var targetsOption = new Option<string>("--targets") { Description = "The targets file: parameters to fit with their ranges, yearly targets with sources, replications, scale (docs/experiments.md#calibration).", Required = true };
        var only = new Option<string?>("--parameters") { Description = "Comma-separated parameters of the targets file to fit; the others keep the scenario's values (default: all of them)." };
        var evaluations = new Option<int?>("--max-evaluations") { Description = "The most parameter sets to try, instead of the targets file's maxEvaluations." };
        var scenarioRoot = CommonOptions.ScenarioRoot();
        var silo = new SiloTargetOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the fitted parameters (a scenario parameters: section), the fit per target (CSV), the optimiser's path (CSV) and the whole report (JSON) into this folder." };
        var json = CommonOptions.Json();
        var command = new Command("calibrate", "Fit model parameters to yearly targets over replications with common random numbers, and report the fit.")
        {
            scenario, targetsOption, only, evaluations, scenarioRoot, silo.Silo, silo.Cluster, silo.ClusterId, output, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var file = ScenarioFile.Read(parse.GetValue(scenario)!, parse.GetValue(scenarioRoot));
                var loaded = file.Load();
                var targetsPath = parse.GetValue(targetsOption)!;
                if (!File.Exists(targetsPath))
                {
                    throw new FileNotFoundException($"The targets file '{targetsPath}' does not exist.", targetsPath);
                }
                var targets = CalibrationDesign.Only(CalibrationTargetsReader.Load(targetsPath, loaded), parse.GetValue(only));
                if (parse.GetValue(evaluations) is { } limit)
                {
                    targets = limit is >= 1 and <= 10_000 ? targets with { MaxEvaluations = limit } : throw new ArgumentException($"--max-evaluations must be 1 to 10,000, not {limit}.");
                }
                var definition = CalibrationDesign.Through(loaded, targets);

                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), file.Library, cancellationToken);
                var files = new Dictionary<string, ScenarioSource>(StringComparer.Ordinal) { [file.FullPath] = new ScenarioSource(file.FullPath, file.Text, file.PathInLibrary) };
                var seeds = Enumerable.Range(0, targets.Replications).Select(i => (Replication: i, Seed: ReplicationSeeds.Of(definition.Seed, i))).ToArray();
                Task<IReadOnlyList<ReplicationResult>> Evaluate(GbaSim.Engine.Scenarios.ScenarioDefinition point)
                {
                    var runs = seeds.Select(s => new PlannedRun(point.Name, point, s.Replication, s.Seed, point.Parameters)).ToArray();
                    return new ExperimentExecution(connection.Client, runs, files, targets.Scale).RunAsync((_, _, _) => { }, cancellationToken);
                }
                var title = $"Calibrating {string.Join(", ", targets.Parameters.Select(p => p.Name))} to {targets.Targets.Count(t => !t.HeldOut)} targets (at most {targets.MaxEvaluations} evaluations x {targets.Replications} replication(s))";
                var report = await view.ProgressAsync(title, progress =>
                    CalibrationFit.RunAsync(definition, targets, Evaluate, (done, most) => progress(done, most, $"{done} evaluations"), cancellationToken));
                if (parse.GetValue(output) is { } folder)
                {
                    CalibrationFiles.Write(folder, report);
                    view.Error($"Wrote fitted-parameters.yaml, fit.csv, trace.csv and calibration.json to {folder.FullName}");
                }
                if (asJson)
                {
                    view.Raw(CalibrationFiles.Json(report));
                }
                else
                {
                    CalibrationTable.Show(view, report);
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
