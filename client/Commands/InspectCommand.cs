using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim inspect RUN GRAIN</c>: a grain's state, e.g. <c>city/Shenzhen</c> or <c>firm/sz-ict-00042</c>, as a table (or its JSON with <c>--json</c>).</summary>
public static class InspectCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var grain = new Argument<string>("grain") { Description = "type/key: city/Shenzhen, institution/hkust, firm/sz-ict-00042, ledger/Hong Kong, policy/<name>." };
        var silo = CommonOptions.Silo();
        var json = CommonOptions.Json();
        var command = new Command("inspect", "Show a grain's state at the latest or final step.") { run, grain, silo, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var name = parse.GetValue(grain)!;
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == name.Length - 1)
                {
                    throw new ArgumentException($"'{name}' is not a grain name; write type/key, e.g. city/Shenzhen.");
                }
                await using var connection = await SiloConnection.OpenAsync(parse.GetValue(silo), null, cancellationToken);
                var id = parse.GetValue(run)!;
                var state = await connection.Client.InspectAsync(id, name[..slash], name[(slash + 1)..]);
                if (asJson)
                {
                    using var document = System.Text.Json.JsonDocument.Parse(state);
                    view.Raw(System.Text.Json.JsonSerializer.Serialize(document.RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                }
                else
                {
                    GrainStateTable.Show(view, state, await connection.Client.GetAsync(id));
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
