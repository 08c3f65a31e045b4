using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim watch RUN</c>: follows a run live until it ends.</summary>
public static class WatchCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var silo = CommonOptions.Silo();
        var json = CommonOptions.Json();
        var command = new Command("watch", "Follow a run's progress live until it ends.") { run, silo, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(parse.GetValue(silo), null, cancellationToken);
                var info = await connection.Client.GetAsync(parse.GetValue(run)!);
                var final = await RunCommand.Follow(view, connection.Client, info, cancellationToken);
                if (asJson)
                {
                    view.Raw(SummaryTable.Json(final));
                }
                else if (final.Status == "completed")
                {
                    SummaryTable.Show(view, final);
                }
                else
                {
                    view.Line($"Run {final.Id} {final.Status}{(final.Error is null ? "" : $": {final.Error}")}");
                }
                return final.Status == "completed" ? ExitCodes.Success : ExitCodes.Failure;
            });
        });
        return command;
    }
}
