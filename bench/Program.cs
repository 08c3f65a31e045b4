using System.CommandLine;
using GbaSim.Bench;

var root = new RootCommand("GbaSim benchmarks: each prints one JSON line of figures.");
root.Subcommands.Add(BoltzmannCommand.Create());
root.Subcommands.Add(BoltzmannCommand.CreateBareArray());
root.Subcommands.Add(BoltzmannCommand.CreateSideBySide());
root.Subcommands.Add(ScenarioCommand.Create());
return await root.Parse(args).InvokeAsync();
