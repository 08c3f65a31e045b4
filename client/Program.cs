using System.CommandLine;
using GbaSim.Client;
using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using Spectre.Console;

// Rich output on a terminal, plain lines when redirected; JSON output is always plain.
IConsoleView Views(bool machine) => machine || Console.IsOutputRedirected || Console.IsErrorRedirected
    ? new PlainView(Console.Out, Console.Error)
    : new RichView(AnsiConsole.Console);

var root = new RootCommand("gbasim: run Greater Bay Area innovation-ecosystem scenarios on a GbaSim silo.")
{
    RunCommand.Create(Views),
    CompareCommand.Create(Views),
    ValidateCommand.Create(Views),
    RunsCommand.Create(Views),
    StatusCommand.Create(Views),
    WatchCommand.Create(Views),
    ResultsCommand.Create(Views),
    InspectCommand.Create(Views),
    CancelCommand.Create(Views),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"gbasim: {error.Message}");
    }
    return ExitCodes.InvalidInput;
}
return await parse.InvokeAsync();
