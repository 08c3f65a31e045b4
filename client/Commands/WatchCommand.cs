using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim watch RUN</c>: follows a run live until it ends; exit code 4 when it failed, was cancelled or was interrupted.</summary>
public static class WatchCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var silo = new SiloTargetOptions();
        var json = CommonOptions.Json();
        var command = new Command("watch", "Follow a run's progress live until it ends.") { run, silo.Silo, silo.Cluster, silo.ClusterId, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), null, cancellationToken);
                var info = await connection.Client.GetAsync(parse.GetValue(run)!);
                var final = await RunCommand.Follow(view, connection.Client, info, cancellationToken);
                if (asJson)
                {
                    view.Raw(SummaryTable.Json(final));
                }
                else if (final.Status == RunStatusNames.Completed)
                {
                    SummaryTable.Show(view, final);
                }
                return RunOutcome.Report(view, final);
            });
        });
        return command;
    }
}
