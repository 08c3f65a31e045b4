using System.CommandLine;
using System.Globalization;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim runs</c>: the silo's runs, newest first.</summary>
public static class RunsCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var silo = new SiloTargetOptions();
        var json = CommonOptions.Json();
        var command = new Command("runs", "List the silo's runs, newest first.") { silo.Silo, silo.Cluster, silo.ClusterId, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var view = views(parse.GetValue(json));
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), null, cancellationToken);
                var runs = await connection.Client.ListAsync();
                if (parse.GetValue(json))
                {
                    view.Raw(System.Text.Json.JsonSerializer.Serialize(runs, GbaSim.Silo.Api.ApiJsonContext.Default.IReadOnlyListRunInfo));
                    return ExitCodes.Success;
                }
                view.Table("Runs", ["id", "scenario", "status", "months", "seed", "scale", "created"], runs.Select(r => (IReadOnlyList<string>)
                [
                    r.Id, r.Scenario, r.Status, $"{r.MonthsDone}/{r.Months}", r.Seed, r.Scale.ToString(CultureInfo.InvariantCulture), r.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                ]));
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
