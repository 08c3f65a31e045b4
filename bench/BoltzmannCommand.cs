using System.CommandLine;
using System.Diagnostics;
using GbaSim.Bench.Boltzmann;
using GbaSim.Bench.Hosting;
using GbaSim.Grains.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace GbaSim.Bench;

/// <summary>
/// The Boltzmann benchmarks: the wealth-exchange model on shard grains in an in-process silo
/// (<c>boltzmann</c>), as a bare array loop (<c>boltzmann-bare</c>), and both in one process,
/// alternating, with their ratio (<c>side-by-side</c>).
/// </summary>
public static class BoltzmannCommand
{
    private static readonly Option<int> Agents = new("--agents") { Description = "Number of agents.", DefaultValueFactory = _ => 1_000_000 };
    private static readonly Option<int> Steps = new("--steps") { Description = "Steps to run.", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> Threads = new("--threads") { Description = "Shards stepped at once (0 = all of them; Orleans's thread pool runs them).", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Shards = new("--shards") { Description = "Shard grains the agents are spread over.", DefaultValueFactory = _ => 16 };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42UL };
    private static readonly Option<int> Warmup = new("--warmup") { Description = "Steps of a small untimed run first (0 = none), so the timed run starts on optimised code.", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> Rounds = new("--rounds") { Description = "Pairs of runs (kernel, then bare loop) to alternate.", DefaultValueFactory = _ => 3 };

    /// <summary>Agents of the warm-up run: enough for every shard to run many turns, few enough to take a fraction of a second.</summary>
    private const int WarmupAgents = 50_000;

    public static Command Create()
    {
        var command = new Command("boltzmann", "Boltzmann wealth exchange on shard grains in an in-process silo.") { Agents, Steps, Threads, Shards, Seed, Warmup };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var setup = Stopwatch.StartNew();
            await using var silo = await StartWarmSiloAsync(parse, cancellationToken);
            var setupSeconds = setup.Elapsed.TotalSeconds;
            var timing = await TimeKernelAsync(silo, parse);
            PrintKernel(parse, timing, setupSeconds);
            return 0;
        });
        return command;
    }

    public static Command CreateBareArray()
    {
        var command = new Command("boltzmann-bare", "The same model as a bare single-threaded array loop, for comparison.") { Agents, Steps, Seed };
        command.SetAction(parse =>
        {
            PrintBare(parse, BareArrayBoltzmann.Measure(parse.GetValue(Agents), parse.GetValue(Steps), parse.GetValue(Seed)));
            return 0;
        });
        return command;
    }

    public static Command CreateSideBySide()
    {
        var command = new Command("side-by-side", "The kernel on shard grains and the bare loop in one process, alternating; a line per run and one with their ratio.")
        {
            Agents, Steps, Threads, Shards, Seed, Warmup, Rounds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var silo = await StartWarmSiloAsync(parse, cancellationToken);
            // A bare run first too, so that both loops are compiled before either is timed.
            BareArrayBoltzmann.Run(Math.Min(parse.GetValue(Agents), WarmupAgents), parse.GetValue(Warmup), parse.GetValue(Seed));
            var kernel = new List<double>();
            var bare = new List<double>();
            var cpuRatios = new List<double>();
            for (var round = 0; round < Math.Max(1, parse.GetValue(Rounds)); round++)
            {
                var k = await TimeKernelAsync(silo, parse);
                PrintKernel(parse, k, null);
                var b = BareArrayBoltzmann.Measure(parse.GetValue(Agents), parse.GetValue(Steps), parse.GetValue(Seed));
                PrintBare(parse, b);
                kernel.Add(k.AgentStepsPerSecond);
                bare.Add(b.AgentStepsPerSecond);
                cpuRatios.Add(k.AgentStepsPerCpuSecond / b.AgentStepsPerCpuSecond);
            }
            var ratios = kernel.Zip(bare, (k, b) => k / b).ToArray();
            Figures.Print(new
            {
                model = "boltzmann-side-by-side",
                agents = parse.GetValue(Agents),
                steps = parse.GetValue(Steps),
                shards = parse.GetValue(Shards),
                rounds = kernel.Count,
                kernelMedianAgentStepsPerSecond = Math.Round(Median(kernel)),
                bareMedianAgentStepsPerSecond = Math.Round(Median(bare)),
                ratioMedian = Math.Round(Median(ratios), 3),
                ratios = ratios.Select(r => Math.Round(r, 3)).ToArray(),
                // Per CPU second: what the kernel does with each core against the loop's one, which a busy machine disturbs less than wall time.
                cpuRatioMedian = Math.Round(Median(cpuRatios), 3),
                loadAverage = Figures.LoadAverage(),
            });
            return 0;
        });
        return command;
    }

    private static async Task<BenchSilo> StartWarmSiloAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var silo = await BenchSilo.StartAsync(configure: s => s.Services.AddSingleton<IShardModelFactory, BoltzmannShardModelFactory>(), cancellationToken: cancellationToken);
        var warmup = parse.GetValue(Warmup);
        if (warmup > 0)
        {
            // Hot methods pass through quick and instrumented code before the JIT optimises them; the timed run should not pay for that.
            await BoltzmannRun.TimeAsync(silo.Grains, Math.Min(parse.GetValue(Agents), WarmupAgents), warmup, parse.GetValue(Shards), parse.GetValue(Threads), parse.GetValue(Seed));
        }
        return silo;
    }

    private static Task<BoltzmannTiming> TimeKernelAsync(BenchSilo silo, ParseResult parse) =>
        BoltzmannRun.TimeAsync(silo.Grains, parse.GetValue(Agents), parse.GetValue(Steps), parse.GetValue(Shards), parse.GetValue(Threads), parse.GetValue(Seed));

    private static void PrintKernel(ParseResult parse, BoltzmannTiming timing, double? setupSeconds) => Figures.Print(new
    {
        model = "boltzmann",
        agents = parse.GetValue(Agents),
        steps = parse.GetValue(Steps),
        threads = parse.GetValue(Threads),
        shards = parse.GetValue(Shards),
        processors = Environment.ProcessorCount,
        warmupSteps = parse.GetValue(Warmup),
        setupSeconds = setupSeconds is { } s ? Math.Round(s, 3) : (double?)null,
        seconds = Math.Round(timing.Seconds, 3),
        cpuSeconds = Math.Round(timing.CpuSeconds, 3),
        agentStepsPerSecond = Math.Round(timing.AgentStepsPerSecond),
        agentStepsPerCpuSecond = Math.Round(timing.AgentStepsPerCpuSecond),
        messagesPerSecond = Math.Round(timing.Messages / timing.Seconds),
        gini = Math.Round(BoltzmannModel.Gini(timing.Wealth), 6),
        resultHash = timing.ResultHash,
        peakWorkingSetMb = Figures.PeakWorkingSetMb(),
        loadAverage = Figures.LoadAverage(),
    });

    private static void PrintBare(ParseResult parse, BoltzmannTiming timing) => Figures.Print(new
    {
        model = "boltzmann-bare",
        agents = parse.GetValue(Agents),
        steps = parse.GetValue(Steps),
        threads = 1,
        seconds = Math.Round(timing.Seconds, 3),
        cpuSeconds = Math.Round(timing.CpuSeconds, 3),
        agentStepsPerSecond = Math.Round(timing.AgentStepsPerSecond),
        gini = Math.Round(BoltzmannModel.Gini(timing.Wealth), 6),
        peakWorkingSetMb = Figures.PeakWorkingSetMb(),
        loadAverage = Figures.LoadAverage(),
    });

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
