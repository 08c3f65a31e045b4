using System.CommandLine;
using System.Globalization;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;
using GbaSim.Model.World;
using GbaSim.Engine.Figures;
using GbaSim.Grains.Experiments;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim run FILE</c>: validates the scenario, submits it, shows its progress live and prints the summary.</summary>
public static class RunCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var file = new Argument<string>("file") { Description = "The scenario file (YAML)." };
        var seed = new Option<ulong?>("--seed") { Description = "Run with this seed instead of the scenario's." };
        var scale = new Option<double?>("--scale") { Description = "Firms simulated as a multiple of the high-tech enterprises, in (0, 20]: a sample below 1, a larger world of the same profile above 1; figures are divided by it." };
        var threads = new Option<int?>("--threads") { Description = "Shards stepped at once (0 = all); results do not depend on it." };
        var shards = new Option<int?>("--shards") { Description = "Shard grains to spread the world over (default: the silo's); results do not depend on it." };
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Description = "Months between checkpoints, from which the run goes on after a lost silo or `gbasim resume` (0 = none; default: the silo's, 12)." };
        var granularity = new Option<string?>("--granularity") { Description = "shard (actors inside shard grains, the default) or entity (every city, institution and firm a grain of its own); results do not depend on it." };
        granularity.AcceptOnlyFromAmong(Granularity.Shard, Granularity.Entity);
        var scenarioRoot = CommonOptions.ScenarioRoot();
        var silo = new SiloTargetOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write the run's tables (CSV) and summary (JSON) into this folder." };
        var json = CommonOptions.Json();
        var detach = new Option<bool>("--detach") { Description = "Submit the run, print its id and return at once; follow it later with 'gbasim watch RUN'. Needs a silo of your own." };
        var command = new Command("run", "Run a scenario and show its progress and summary; Ctrl-C asks the silo to cancel it, a second Ctrl-C leaves it running.") { file, seed, scale, threads, shards, granularity, checkpointEvery, scenarioRoot, silo.Silo, silo.Cluster, silo.ClusterId, output, json, detach };
        command.Validators.Add(result =>
        {
            if (CommonOptions.Parsed(result, scale) is { } s && !(s > 0 && s <= FirmGenerator.MaxScale))
            {
                result.AddError($"--scale must be in (0, {FirmGenerator.MaxScale}]; got {s.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (CommonOptions.Parsed(result, threads) is < 0)
            {
                result.AddError("--threads must be 0 (every shard at once) or more.");
            }
            if (CommonOptions.Parsed(result, shards) is < 1)
            {
                result.AddError("--shards must be 1 or more.");
            }
            if (result.GetValue(checkpointEvery) is < 0)
            {
                result.AddError("--checkpoint-every must be 0 (no checkpoints) or a number of months.");
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
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), scenario.Library, cancellationToken);
                if (parse.GetValue(detach) && connection.Embedded)
                {
                    throw new ArgumentException("--detach needs a silo of your own (start one with gbasim-silo, or name one with --silo): the silo this command started in its own process would stop with it.");
                }
                var run = await connection.Client.SubmitAsync(new RunRequest(scenario.Text, scenario.PathInLibrary, null,
                    parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(threads), parse.GetValue(shards), parse.GetValue(granularity), CheckpointEvery: parse.GetValue(checkpointEvery)));
                if (parse.GetValue(detach))
                {
                    return Detached(view, run, asJson);
                }
                using var interruption = new RunInterruption(view, run.Id, () => connection.Client.CancelAsync(run.Id));
                RunInfo final;
                try
                {
                    final = await Follow(view, connection.Client, run, interruption.StopFollowing);
                }
                catch (OperationCanceledException) when (interruption.LeftRunning)
                {
                    view.Error(connection.Embedded
                        ? $"Stopped following run {run.Id}. The silo running it lives in this command and stops with it, so the run is interrupted; on a silo of your own it would go on."
                        : $"Left run {run.Id} running on the silo; follow it with 'gbasim watch {run.Id}' or cancel it with 'gbasim cancel {run.Id}'.");
                    return ExitCodes.LeftRunning;
                }
                if (interruption.CancelRequested)
                {
                    view.Error(final.Status == RunStatusNames.Cancelled
                        ? $"Run {run.Id} was cancelled on the silo at your request (Ctrl-C)."
                        : $"Run {run.Id} ended {final.Status} before the cancellation took effect.");
                }
                return await Report(view, connection.Client, final, asJson, parse.GetValue(output), cancellationToken);
            });
        });
        return command;
    }

    private static int Detached(IConsoleView view, RunInfo run, bool asJson)
    {
        if (asJson)
        {
            view.Raw(System.Text.Json.JsonSerializer.Serialize(new { runId = run.Id, scenario = run.Scenario, status = run.Status }));
        }
        else
        {
            view.Raw(run.Id);
            view.Error($"Submitted {run.Scenario} as run {run.Id} ({run.Status}); follow it with 'gbasim watch {run.Id}'.");
        }
        return ExitCodes.Success;
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
                if (item.Notice is { } notice)
                {
                    view.Error($"Run {run.Id}: {notice}");
                }
                final = item.Final ?? final;
            }
            return final ?? await client.GetAsync(run.Id);
        });
    }

    /// <summary>The progress line: the month's stocks and this month's patents, each named by the catalogue, e.g. "2026-03: high-tech 54,321 · invention patents 12,909 + other patents 91,891 this month · R&D staff 1,136,000".</summary>
    public static string Caption(MonthInfo month)
    {
        ArgumentNullException.ThrowIfNull(month);
        string Figure(string name) => $"{FigureCatalogue.Monthly(name).Short} {(month.Figures.TryGetValue(name, out var v) ? SummaryTable.Value(FigureCatalogue.Monthly(name), v) : "?")}";
        return $"{month.YearMonth}: {Figure("highTechEnterprises")} · {Figure("inventionPatents")} + {Figure("otherPatents")} this month · {Figure("talentEmployed")}";
    }

    /// <summary>Writes the run's tables when asked, shows its summary (or JSON) and what it recovered from; returns the exit code.</summary>
    internal static async Task<int> Report(IConsoleView view, SiloClient client, RunInfo run, bool asJson, DirectoryInfo? output, CancellationToken cancellationToken)
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
            foreach (var recovery in run.Recoveries ?? [])
            {
                view.Line($"Recovered: {recovery}");
            }
        }
        return RunOutcome.Report(view, run);
    }
}
