using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Telemetry;
using GbaSim.Silo.Telemetry;

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
    private static readonly Option<bool> Telemetry = new("--telemetry") { Description = "Attach the silo's telemetry providers (in-process buffers only, never OTLP) to measure what telemetry costs." };
    private static readonly Option<int?> ChainEvery = new("--chain-every") { Description = "With --telemetry: trace one technology in N (default: every one below scale 0.1, else one in 20)." };
    private static readonly Option<int> Repeat = new("--repeat") { Description = "Run the replication this many times in one process, one JSON line each (later ones run on warmed-up code).", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var command = new Command("scenario", "One replication of a GBA scenario, timed.") { File, Scale, Threads, Partitions, Seed, Yearly, Telemetry, ChainEvery, Repeat };
        command.SetAction(parse =>
        {
            var load = Stopwatch.StartNew();
            var scenario = ScenarioLoader.Load(parse.GetValue(File)!.FullName);
            var loadSeconds = load.Elapsed.TotalSeconds;
            var chainEvery = parse.GetValue(ChainEvery);
            var options = new RunOptions
            {
                Scale = parse.GetValue(Scale),
                Threads = parse.GetValue(Threads),
                Partitions = parse.GetValue(Partitions),
                Seed = parse.GetValue(Seed),
                ChainTraces = chainEvery is { } every ? new ChainTraceOptions(every) : null,
            };
            // The silo's providers, with the OTLP exporter held off whatever the environment says.
            using var telemetry = parse.GetValue(Telemetry) ? SiloTelemetry.Start("gbasim-bench", environment: _ => null) : null;
            var yearly = parse.GetValue(Yearly);
            var year = new Dictionary<string, double>();
            for (var replication = 1; replication <= Math.Max(1, parse.GetValue(Repeat)); replication++)
            {
                var spansBefore = telemetry?.Spans.Added ?? 0;
                var chainSpansBefore = telemetry?.ChainSpans.Added ?? 0;
                var cpuBefore = Environment.CpuUsage.TotalTime;
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
                var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    model = "gba",
                    scenario = result.Scenario,
                    seed = result.Seed,
                    scale = result.Scale,
                    months = result.Months,
                    threads = options.Threads,
                    partitions = options.Partitions,
                    replication,
                    loadSeconds = Math.Round(loadSeconds, 3),
                    seconds = Math.Round(result.Seconds, 3),
                    cpuSeconds = Math.Round(cpuSeconds, 3),
                    resultHash = result.ResultHash,
                    peakWorkingSetMb = Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                    telemetry = telemetry is null ? null : new { spans = telemetry.Spans.Added - spansBefore, chainSpans = telemetry.ChainSpans.Added - chainSpansBefore },
                    summary = result.Summary,
                }));
            }
            return 0;
        });
        return command;
    }
}
