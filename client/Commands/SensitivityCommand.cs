using GbaSim.Grains.Experiments;
using System.CommandLine;
using System.Globalization;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Client.Reports;
using GbaSim.Engine.Sensitivity;

namespace GbaSim.Client.Commands;

/// <summary>
/// <c>gbasim sensitivity SCENARIO --method morris|sobol</c>: varies model and policy parameters
/// over a Morris or Saltelli design, every design point replicated with common random numbers
/// on the silo (or embedded), and ranks the parameters by their indices for each output figure.
/// </summary>
public static class SensitivityCommand
{
    /// <summary>Morris trajectories by default: ten is the low end of the usual 10 to 20 (Campolongo et al. 2007), which keeps a 60-parameter screen of gba-small within minutes.</summary>
    public const int DefaultTrajectories = 10;

    /// <summary>Sobol base samples by default: N(k + 2) runs, so a handful of parameters cost a few hundred runs.</summary>
    public const int DefaultSamples = 32;

    public static Command Create(Func<bool, IConsoleView> views)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file whose parameters to vary." };
        var method = new Option<string>("--method") { Description = "morris (elementary effects: screens many parameters) or sobol (variance shares: quantifies a few).", DefaultValueFactory = _ => "morris" };
        method.AcceptOnlyFromAmong("morris", "sobol");
        var parameters = new Option<string?>("--parameters") { Description = "Comma-separated parameters to vary, each NAME or NAME=LOW:HIGH: a model parameter (breakthroughMonthly), POLICY.PARAMETER or POLICY.budget (default: every model parameter and every parameter and budget of the scenario's policies, over their default ranges; see docs/experiments.md)." };
        var replications = new Option<int>("--replications", "-r") { Description = "Replications of every design point (replication i has the same seed at every point).", DefaultValueFactory = _ => 1 };
        var trajectories = new Option<int>("--trajectories") { Description = $"Morris trajectories (each costs one run per parameter, plus one).", DefaultValueFactory = _ => DefaultTrajectories };
        var samples = new Option<int>("--samples") { Description = "Sobol base samples N (the design has N x (parameters + 2) points).", DefaultValueFactory = _ => DefaultSamples };
        var outputs = new Option<string?>("--outputs") { Description = $"Comma-separated summary figures to analyse (default: {string.Join(",", SensitivityAnalysis.DefaultOutputs)}, those the runs report)." };
        var scale = new Option<double?>("--scale") { Description = "Share of firms to simulate in every run, in (0, 1]." };
        var scenarioRoot = CommonOptions.ScenarioRoot();
        var silo = new SiloTargetOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the indices (CSV), every run (CSV), the report (JSON) and a self-contained HTML report into this folder." };
        var json = CommonOptions.Json();
        var command = new Command("sensitivity", "Rank model and policy parameters by their influence on the headline figures (Morris or Sobol).")
        {
            scenario, method, parameters, replications, trajectories, samples, outputs, scale, scenarioRoot, silo.Silo, silo.Cluster, silo.ClusterId, output, json,
        };
        command.Validators.Add(result =>
        {
            // Defaults are not seen here (System.CommandLine fills them in later), so only values given are checked.
            if (Given(result, replications) is < 1 or > 100)
            {
                result.AddError("--replications must be between 1 and 100.");
            }
            if (Given(result, trajectories) is < 2 or > 1000)
            {
                result.AddError("--trajectories must be between 2 and 1000.");
            }
            if (Given(result, samples) is < 2 or > 100_000)
            {
                result.AddError("--samples must be between 2 and 100000.");
            }
            if (result.GetValue(scale) is { } s && (s <= 0 || s > 1))
            {
                result.AddError($"--scale must be in (0, 1]; got {s.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var file = ScenarioFile.Read(parse.GetValue(scenario)!, parse.GetValue(scenarioRoot));
                var definition = file.Load();
                var chosenMethod = parse.GetValue(method) == "sobol" ? SensitivityMethod.Sobol : SensitivityMethod.Morris;
                var factors = SensitivityFactors.Parse(parse.GetValue(parameters), definition);
                var size = chosenMethod == SensitivityMethod.Morris ? parse.GetValue(trajectories) : parse.GetValue(samples);
                var plan = new SensitivityPlan(definition, factors, chosenMethod, size, parse.GetValue(replications));
                var named = parse.GetValue(outputs) is { Length: > 0 } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), file.Library, cancellationToken);
                var files = new Dictionary<string, ScenarioSource>(StringComparer.Ordinal) { [file.FullPath] = new ScenarioSource(file.FullPath, file.Text, file.PathInLibrary) };
                var execution = new ExperimentExecution(connection.Client, plan.Runs, files, parse.GetValue(scale));
                var title = $"{plan.Runs.Count} runs ({chosenMethod.ToString().ToLowerInvariant()}: {plan.Points.Count} design points over {factors.Count} parameters x {plan.Replications} replication(s))";
                var results = await view.ProgressAsync(title, report => execution.RunBatchesAsync(report, cancellationToken));
                var analysed = named ?? SensitivityAnalysis.DefaultOutputs.Where(o => results.All(r => r.Summary.ContainsKey(o))).ToArray();
                var report = SensitivityAnalysis.Analyse(plan, results, analysed);
                if (parse.GetValue(output) is { } folder)
                {
                    SensitivityFiles.Write(folder, plan, results, report);
                    view.Error($"Wrote indices.csv, runs.csv, sensitivity.json and report.html to {folder.FullName}");
                }
                if (asJson)
                {
                    view.Raw(SensitivityFiles.Json(report));
                }
                else
                {
                    SensitivityTable.Show(view, report);
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>The value given on the command line, or null when the option was left to its default.</summary>
    internal static int? Given(System.CommandLine.Parsing.CommandResult result, Option<int> option) =>
        result.GetResult(option) is { Implicit: false } given ? given.GetValueOrDefault<int>() : null;
}
