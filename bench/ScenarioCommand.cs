using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Bench;

/// <summary>The <c>scenario</c> benchmark: one replication of a scenario file, timed, with its headline figures.</summary>
public static class ScenarioCommand
{
    private static readonly Argument<FileInfo> File = new("file") { Description = "Scenario file (YAML)." };
    private static readonly Option<double?> Scale = new("--scale") { Description = "Override the scenario's firm sample scale." };
    private static readonly Option<int> Threads = new("--threads") { Description = "Worker threads (0 = one per core).", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Partitions = new("--partitions") { Description = "Partitions.", DefaultValueFactory = _ => 16 };
    private static readonly Option<ulong?> Seed = new("--seed") { Description = "Override the scenario's seed." };

    public static Command Create()
    {
        var command = new Command("scenario", "One replication of a GBA scenario, timed.") { File, Scale, Threads, Partitions, Seed };
        command.SetAction(parse =>
        {
            var load = Stopwatch.StartNew();
            var scenario = ScenarioLoader.Load(parse.GetValue(File)!.FullName);
            var loadSeconds = load.Elapsed.TotalSeconds;
            var options = new RunOptions { Scale = parse.GetValue(Scale), Threads = parse.GetValue(Threads), Partitions = parse.GetValue(Partitions), Seed = parse.GetValue(Seed) };
            var result = ScenarioRunner.Run(scenario, options);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = "gba",
                scenario = result.Scenario,
                seed = result.Seed,
                scale = result.Scale,
                months = result.Months,
                threads = options.Threads,
                partitions = options.Partitions,
                loadSeconds = Math.Round(loadSeconds, 3),
                seconds = Math.Round(result.Seconds, 3),
                resultHash = result.ResultHash,
                peakWorkingSetMb = Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                summary = result.Summary,
            }));
            return 0;
        });
        return command;
    }
}
