using System.CommandLine;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary><c>gbasim validate FILE</c>: checks a scenario (and the files it extends and its world) without running it; no silo needed.</summary>
public static class ValidateCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var file = new Argument<string>("file") { Description = "The scenario file (YAML)." };
        var scenarioRoot = CommonOptions.ScenarioRoot();
        var command = new Command("validate", "Check a scenario file and report every error with file:line:column.") { file, scenarioRoot };
        command.SetAction((parse, _) =>
        {
            var view = views(false);
            return CommandFailures.GuardAsync(view, () =>
            {
                var path = parse.GetValue(file)!;
                var scenario = ScenarioFile.Read(path, parse.GetValue(scenarioRoot)).Load();
                view.Line($"{path}: valid scenario '{scenario.Name}', {scenario.Start} to {scenario.End} ({scenario.HorizonMonths} months), scale {scenario.Scale}, {scenario.Policies.Count} polic{(scenario.Policies.Count == 1 ? "y" : "ies")}.");
                return Task.FromResult(ExitCodes.Success);
            });
        });
        return command;
    }
}
