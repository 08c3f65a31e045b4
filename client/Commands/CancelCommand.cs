using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim cancel RUN</c>: stops a queued or running run.</summary>
public static class CancelCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var silo = new SiloTargetOptions();
        var command = new Command("cancel", "Cancel a queued or running run.") { run, silo.Silo, silo.Cluster, silo.ClusterId };
        command.SetAction((parse, cancellationToken) =>
        {
            var view = views(false);
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), null, cancellationToken);
                var info = await connection.Client.CancelAsync(parse.GetValue(run)!);
                view.Line($"Run {info.Id} is being cancelled (status {info.Status}).");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
