using System.CommandLine;
using System.Text.Json;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim inspect RUN GRAIN</c>: a grain's state, e.g. <c>city/Shenzhen</c> or <c>firm/sz-ict-00042</c>.</summary>
public static class InspectCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var run = CommonOptions.RunId();
        var grain = new Argument<string>("grain") { Description = "type/key: city/Shenzhen, institution/hkust, firm/sz-ict-00042, ledger/Hong Kong, policy/<name>." };
        var silo = new SiloTargetOptions();
        var command = new Command("inspect", "Show a grain's state at the latest or final step.") { run, grain, silo.Silo, silo.Cluster, silo.ClusterId };
        command.SetAction((parse, cancellationToken) =>
        {
            var view = views(true);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var name = parse.GetValue(grain)!;
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == name.Length - 1)
                {
                    throw new ArgumentException($"'{name}' is not a grain name; write type/key, e.g. city/Shenzhen.");
                }
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), null, cancellationToken);
                var state = await connection.Client.InspectAsync(parse.GetValue(run)!, name[..slash], name[(slash + 1)..]);
                using var document = JsonDocument.Parse(state);
                view.Raw(JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
