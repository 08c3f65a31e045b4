using System.CommandLine;
using System.Globalization;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Engine.Scenarios;
using GbaSim.Silo.Api;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim run FILE</c>: validates the scenario, submits it, shows its progress live and prints the summary.</summary>
public static class RunCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var file = new Argument<string>("file") { Description = "The scenario file (YAML)." };
        var seed = new Option<ulong?>("--seed") { Description = "Run with this seed instead of the scenario's." };
        var scale = new Option<double?>("--scale") { Description = "Share of firms to simulate, in (0, 1]; figures are scaled back up." };
        var threads = new Option<int?>("--threads") { Description = "Threads for the run (0 = one per core); results do not depend on it." };
        var silo = CommonOptions.Silo();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write the run's tables (CSV) and summary (JSON) into this folder." };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run a scenario and show its progress and summary.") { file, seed, scale, threads, silo, output, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scale) is { } s && (s <= 0 || s > 1))
            {
                result.AddError($"--scale must be in (0, 1]; got {s.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (result.GetValue(threads) is < 0)
            {
                result.AddError("--threads must be 0 (one per core) or more.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var scenario = ScenarioFile.Read(parse.GetValue(file)!);
                ScenarioLoader.Load(scenario.FullPath);
                await using var connection = await SiloConnection.OpenAsync(parse.GetValue(silo), scenario.Library, cancellationToken);
                var run = await connection.Client.SubmitAsync(scenario.Text, scenario.PathInLibrary, parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(threads), cancellationToken);
                RunInfo final;
                try
                {
                    final = await Follow(view, connection.Client, run, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await connection.Client.CancelAsync(run.Id, CancellationToken.None);
                    throw;
                }
                return await Report(view, connection.Client, final, asJson, parse.GetValue(output), cancellationToken);
            });
        });
        return command;
    }

    /// <summary>Shows a run's months as they finish, until it ends; returns its final record.</summary>
    public static async Task<RunInfo> Follow(IConsoleView view, SiloClient client, RunInfo run, CancellationToken cancellationToken)
    {
        return await view.ProgressAsync($"{run.Scenario} ({run.Id})", async report =>
        {
            RunInfo? final = null;
            await foreach (var (month, status) in client.WatchAsync(run.Id, cancellationToken))
            {
                if (month is not null)
                {
                    report(month.MonthsDone, month.MonthsTotal, Caption(month.Month));
                }
                if (status is not null)
                {
                    final = status;
                }
            }
            return final ?? await client.GetAsync(run.Id, cancellationToken);
        });
    }

    private static string Caption(MonthInfo month)
    {
        string Figure(string name) => month.Figures.TryGetValue(name, out var v) ? v.ToString("N0", CultureInfo.InvariantCulture) : "?";
        return $"{month.YearMonth} high-tech {Figure("highTechEnterprises")} patents {Figure("inventionPatents")}+{Figure("otherPatents")} talent {Figure("talentEmployed")}";
    }

    private static async Task<int> Report(IConsoleView view, SiloClient client, RunInfo run, bool asJson, DirectoryInfo? output, CancellationToken cancellationToken)
    {
        if (output is not null && run.MonthsDone > 0)
        {
            output.Create();
            foreach (var table in new[] { "months", "transitions", "flows", "policies" })
            {
                await File.WriteAllTextAsync(Path.Combine(output.FullName, $"{table}.csv"), await client.ExportAsync(run.Id, table, cancellationToken), cancellationToken);
            }
            await File.WriteAllTextAsync(Path.Combine(output.FullName, "summary.json"), SummaryTable.Json(run), cancellationToken);
        }
        if (asJson)
        {
            view.Raw(SummaryTable.Json(run));
        }
        else if (run.Status == "completed")
        {
            SummaryTable.Show(view, run);
        }
        if (run.Status == "completed")
        {
            return ExitCodes.Success;
        }
        view.Error($"Run {run.Id} {run.Status}: {run.Error}");
        return ExitCodes.Failure;
    }
}
