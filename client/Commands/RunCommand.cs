using System.CommandLine;
using System.Globalization;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Experiments;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim run FILE</c>: validates the scenario, submits it, shows its progress live and prints the summary.</summary>
public static class RunCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var file = new Argument<string>("file") { Description = "The scenario file (YAML)." };
        var seed = new Option<ulong?>("--seed") { Description = "Run with this seed instead of the scenario's." };
        var scale = new Option<double?>("--scale") { Description = "Share of firms to simulate, in (0, 1]; figures are scaled back up." };
        var threads = new Option<int?>("--threads") { Description = "Shards stepped at once (0 = all); results do not depend on it." };
        var shards = new Option<int?>("--shards") { Description = "Shard grains to spread the world over (default: the silo's); results do not depend on it." };
        var granularity = new Option<string?>("--granularity") { Description = "shard (actors inside shard grains, the default) or entity (every city, institution and firm a grain of its own); results do not depend on it." };
        granularity.AcceptOnlyFromAmong(Granularity.Shard, Granularity.Entity);
        var scenarioRoot = CommonOptions.ScenarioRoot();
        var silo = CommonOptions.Silo();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write the run's tables (CSV) and summary (JSON) into this folder." };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run a scenario and show its progress and summary.") { file, seed, scale, threads, shards, granularity, scenarioRoot, silo, output, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scale) is { } s && (s <= 0 || s > 1))
            {
                result.AddError($"--scale must be in (0, 1]; got {s.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (result.GetValue(threads) is < 0)
            {
                result.AddError("--threads must be 0 (every shard at once) or more.");
            }
            if (result.GetValue(shards) is < 1)
            {
                result.AddError("--shards must be 1 or more.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var scenario = ScenarioFile.Read(parse.GetValue(file)!, parse.GetValue(scenarioRoot));
                scenario.Load();
                await using var connection = await SiloConnection.OpenAsync(parse.GetValue(silo), scenario.Library, cancellationToken);
                var run = await connection.Client.SubmitAsync(new RunRequest(scenario.Text, scenario.PathInLibrary, null,
                    parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(threads), parse.GetValue(shards), parse.GetValue(granularity)));
                RunInfo final;
                try
                {
                    final = await Follow(view, connection.Client, run, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await connection.Client.CancelAsync(run.Id);
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
            await foreach (var item in client.WatchAsync(run.Id, cancellationToken))
            {
                if (item.Month is { } month)
                {
                    report(month.MonthsDone, month.MonthsTotal, Caption(month.Month));
                }
                final = item.Final ?? final;
            }
            return final ?? await client.GetAsync(run.Id);
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
                await File.WriteAllTextAsync(Path.Combine(output.FullName, $"{table}.csv"), await client.ExportAsync(run.Id, table), cancellationToken);
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
        return RunOutcome.Report(view, run);
    }
}
