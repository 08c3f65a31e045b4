using System.CommandLine;
using GbaSim.Bench;

var root = new RootCommand("GbaSim benchmarks: each prints one JSON line of figures.");
root.Subcommands.Add(BoltzmannCommand.Create());
root.Subcommands.Add(BoltzmannCommand.CreateBareArray());
root.Subcommands.Add(BoltzmannCommand.CreateSideBySide());
root.Subcommands.Add(ScenarioCommand.Create());
using var probe = Environment.GetEnvironmentVariable("GBASIM_PROBE") is null ? null : new AllocationProbe();
var code = await root.Parse(args).InvokeAsync();
if (probe is not null) AllocationProbe.Print();
return code;
