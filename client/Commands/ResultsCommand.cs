using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim results RUN [--format table|csv|json] [--city C]</c>: a run's figures (the months it finished); exit code 4 when it failed, was cancelled or was interrupted.</summary>
public static class ResultsCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var silo = CommonOptions.Silo();
        var format = new Option<string>("--format") { Description = "table (headline figures and year-by-year figures), csv (every month, figure and city) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var city = new Option<string?>("--city") { Description = "Monthly figures of one city instead of the region (table and json)." };
        var command = new Command("results", "Show a run's figures.") { run, silo, format, city };
        command.SetAction((parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(format)!;
            var view = views(chosen != "table");
            return CommandFailures.GuardAsync(view, async () =>
            {
                await using var connection = await SiloConnection.OpenAsync(parse.GetValue(silo), null, cancellationToken);
                var id = parse.GetValue(run)!;
                switch (chosen)
                {
                    case "csv":
                        view.Raw((await connection.Client.ExportAsync(id, "months")).TrimEnd());
                        return RunOutcome.Report(view, await connection.Client.GetAsync(id));
                    case "json":
                        var results = await connection.Client.ResultsAsync(id, parse.GetValue(city));
                        view.Raw(System.Text.Json.JsonSerializer.Serialize(results, GbaSim.Silo.Api.ApiJsonContext.Default.RunResults));
                        return RunOutcome.Report(view, results.Run);
                    default:
                        var table = await connection.Client.ResultsAsync(id, parse.GetValue(city));
                        if (table.Run.Summary is not null)
                        {
                            SummaryTable.Show(view, table.Run);
                        }
                        YearTable.Show(view, table.City ?? "Region (all 11 cities)", table.Months);
                        return RunOutcome.Report(view, table.Run);
                }
            });
        });
        return command;
    }
}
