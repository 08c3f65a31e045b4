using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary>
/// <c>gbasim resume RUN</c>: continues an interrupted run (its silo or cluster was stopped) from
/// its last checkpoint, follows it live and prints its summary, as <c>run</c> does.
/// </summary>
public static class ResumeCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var silo = new SiloTargetOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write the run's tables (CSV) and summary (JSON) into this folder." };
        var json = CommonOptions.Json();
        var command = new Command("resume", "Continue an interrupted run from its last checkpoint, with the result it would have had without the stop.") { run, silo.Silo, silo.Cluster, silo.ClusterId, output, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), null, cancellationToken);
                var resumed = await connection.Client.ResumeAsync(parse.GetValue(run)!);
                var final = await RunCommand.Follow(view, connection.Client, resumed, cancellationToken);
                return await RunCommand.Report(view, connection.Client, final, asJson, parse.GetValue(output), cancellationToken);
            });
        });
        return command;
    }
}
