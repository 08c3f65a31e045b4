using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim status RUN</c>: a run's status and progress; exit code 4 when it failed, was cancelled or was interrupted.</summary>
public static class StatusCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var silo = new SiloTargetOptions();
        var json = CommonOptions.Json();
        var command = new Command("status", "Show a run's status and progress.") { run, silo.Silo, silo.Cluster, silo.ClusterId, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var view = views(parse.GetValue(json));
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), null, cancellationToken);
                var info = await connection.Client.GetAsync(parse.GetValue(run)!);
                if (parse.GetValue(json))
                {
                    view.Raw(System.Text.Json.JsonSerializer.Serialize(info, GbaSim.Silo.Api.ApiJsonContext.Default.RunInfo));
                }
                else
                {
                    view.Line($"{info.Id} {info.Scenario}: {info.Status}, {info.MonthsDone}/{info.Months} months{(info.ResultHash is null ? "" : $", result hash {info.ResultHash}")}");
                }
                return RunOutcome.Report(view, info);
            });
        });
        return command;
    }
}
