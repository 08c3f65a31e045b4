using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GbaSim.Bench.Hosting;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Runs;

namespace GbaSim.Bench;

/// <summary>
/// The <c>scenario</c> benchmark: one replication of a scenario file, run through the run registry
/// of an in-process silo as the CLI's embedded silo runs it, timed, with its headline figures.
/// </summary>
public static class ScenarioCommand
{
    private static readonly Argument<FileInfo> File = new("file") { Description = "Scenario file (YAML)." };
    private static readonly Option<double?> Scale = new("--scale") { Description = "Override the scenario's firm sample scale." };
    private static readonly Option<ulong?> Seed = new("--seed") { Description = "Override the scenario's seed." };
    private static readonly Option<int?> Shards = new("--shards") { Description = "Shard grains the actors are spread over (default: the silo's, 8)." };
    private static readonly Option<int> Threads = new("--threads") { Description = "Shards stepped at once (0 = all of them).", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> GranularityOption = new("--granularity") { Description = "shard (actors in shard grains) or entity (a grain per actor).", DefaultValueFactory = _ => Granularity.Shard };
    private static readonly Option<bool> Yearly = new("--yearly") { Description = "Also print the region's figures for the last month of every year, one JSON line each (for calibration)." };
    private static readonly Option<int?> CheckpointEvery = new("--checkpoint-every") { Description = "Months between checkpoints (0 for none; default: the silo's, 12)." };
    private static readonly Option<int> Repeat = new("--repeat") { Description = "Run the replication this many times in one silo, one JSON line each (later ones run on warmed-up code).", DefaultValueFactory = _ => 1 };

    /// <summary>Region figures read at a year's end; the others are the year's sums.</summary>
    private static readonly string[] Stocks = ["firms", "highTechEnterprises", "startUps", "incubated", "talentEmployed", "products", "researchers", "talentPool"];

    public static Command Create()
    {
        GranularityOption.AcceptOnlyFromAmong(Granularity.Shard, Granularity.Entity);
        var command = new Command("scenario", "One replication of a GBA scenario through an in-process silo, timed.") { File, Scale, Seed, Shards, Threads, GranularityOption, Yearly, Repeat, CheckpointEvery };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(File)!;
            var library = LibraryOf(file);
            var request = new RunRequest(
                await System.IO.File.ReadAllTextAsync(file.FullName, cancellationToken),
                Path.GetRelativePath(library, file.FullName).Replace('\\', '/'),
                null,
                parse.GetValue(Seed),
                parse.GetValue(Scale),
                parse.GetValue(Threads),
                parse.GetValue(Shards),
                parse.GetValue(GranularityOption),
                CheckpointEvery: parse.GetValue(CheckpointEvery));
            var start = Stopwatch.StartNew();
            await using var silo = await BenchSilo.StartAsync(library, cancellationToken: cancellationToken);
            var siloSeconds = start.Elapsed.TotalSeconds;
            var registry = silo.Grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key);
            var yearly = parse.GetValue(Yearly);
            var failed = false;
            using var exchange = new ShardExchangeMeter();
            for (var replication = 1; replication <= Math.Max(1, parse.GetValue(Repeat)); replication++)
            {
                exchange.Reset();
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                var submitted = await registry.Submit(request);
                var year = new Dictionary<string, double>();
                RunInfo? run = null;
                await foreach (var item in silo.Grains.GetGrain<IRunGrain>(submitted.Id).Watch(cancellationToken))
                {
                    if (item.Month is { } month && yearly)
                    {
                        AddToYear(year, month.Month);
                    }
                    run = item.Final ?? run;
                }
                var wallSeconds = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                // The registry keeps a finished run's actors for inspection; nobody inspects here.
                await silo.Grains.GetGrain<IRunControl>(submitted.Id).Release();
                failed |= run?.Status != RunStatusNames.Completed;
                Figures.Print(new
                {
                    model = "gba",
                    scenario = run?.Scenario,
                    status = run?.Status,
                    error = run?.Error,
                    seed = run?.Seed,
                    scale = run?.Scale,
                    months = run?.Months,
                    shards = run?.Shards,
                    threads = run?.Threads,
                    granularity = run?.Granularity,
                    replication,
                    siloStartSeconds = Math.Round(siloSeconds, 3),
                    seconds = run?.Seconds is { } s ? Math.Round(s, 3) : (double?)null,
                    wallSeconds = Math.Round(wallSeconds, 3),
                    cpuSeconds = Math.Round(cpuSeconds, 3),
                    resultHash = run?.ResultHash,
                    peakWorkingSetMb = Figures.PeakWorkingSetMb(),
                    collector = Figures.Collector(),
                    // What a cluster would carry between silos: envelopes between shards, and those crossing silos with 2 and 3 silos.
                    envelopesExchanged = exchange.Total,
                    envelopesCrossingSilos = new { two = exchange.CrossingSilos(2), three = exchange.CrossingSilos(3) },
                    summary = run?.Summary,
                });
            }
            return failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>The scenario library to serve: the nearest folder holding <c>worlds</c> at or above the file's, so <c>extends</c> and <c>world</c> resolve as in the repository.</summary>
    private static string LibraryOf(FileInfo file)
    {
        for (var directory = file.Directory; directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "worlds")))
            {
                return directory.FullName;
            }
        }
        return file.DirectoryName!;
    }

    private static void AddToYear(Dictionary<string, double> year, MonthInfo month)
    {
        foreach (var (name, value) in month.Figures)
        {
            year[name] = year.GetValueOrDefault(name) + value;
        }
        if (month.Month % 12 != 11)
        {
            return;
        }
        foreach (var stock in Stocks.Where(month.Figures.ContainsKey))
        {
            year[stock] = month.Figures[stock];
        }
        Console.WriteLine(JsonSerializer.Serialize(new { year = int.Parse(month.YearMonth[..4], CultureInfo.InvariantCulture), figures = year.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value)) }));
        year.Clear();
    }
}
