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
    private static readonly Option<bool> Yearly = new("--yearly") { Description = "Also print the region's figures for the last month of every year, one JSON line each (for calibration)." };

    public static Command Create()
    {
        var command = new Command("scenario", "One replication of a GBA scenario, timed.") { File, Scale, Threads, Partitions, Seed, Yearly };
        command.SetAction(parse =>
        {
            var load = Stopwatch.StartNew();
            var scenario = ScenarioLoader.Load(parse.GetValue(File)!.FullName);
            var loadSeconds = load.Elapsed.TotalSeconds;
            var options = new RunOptions { Scale = parse.GetValue(Scale), Threads = parse.GetValue(Threads), Partitions = parse.GetValue(Partitions), Seed = parse.GetValue(Seed) };
            var yearly = parse.GetValue(Yearly);
            var year = new Dictionary<string, double>();
            var result = ScenarioRunner.Run(scenario, options, month =>
            {
                if (!yearly)
                {
                    return;
                }
                foreach (var (name, value) in month.Region.Values())
                {
                    year[name] = year.GetValueOrDefault(name) + value;
                }
                if (month.Index % 12 == 11)
                {
                    // Stocks are read at the year's end; flows are the year's sums.
                    foreach (var stock in new[] { "firms", "highTechEnterprises", "startUps", "incubated", "talentEmployed", "products", "researchers", "talentPool" })
                    {
                        year[stock] = month.Region.Values().First(v => v.Name == stock).Value;
                    }
                    Console.WriteLine(JsonSerializer.Serialize(new { year = month.Month.Year, figures = year.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value)) }));
                    year.Clear();
                }
            });
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
