using System.CommandLine;
using GbaSim.Client;
using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using GbaSim.Client.Telemetry;
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
        Console.Error.WriteLine($"gbasim: {ArgumentErrors.Plain(error.Message)}");
    }
    return ExitCodes.InvalidInput;
}
// Traces and metrics go to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; an embedded silo's spans join this process's providers.
using var telemetry = await ClientTelemetry.StartAsync();
int exitCode;
using (var span = CommandSpan.Start(parse.CommandResult.Command.Name))
{
    // 'run' handles Ctrl-C itself (cancel the run, or leave it running); the others keep the library's handling.
    exitCode = await parse.InvokeAsync(parse.CommandResult.Command.Name == "run" ? new InvocationConfiguration { ProcessTerminationTimeout = null } : null);
    CommandSpan.Finished(span, exitCode);
}
await telemetry.StopAsync();
return exitCode;
