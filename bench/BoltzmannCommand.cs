using System.CommandLine;
using System.Diagnostics;
using GbaSim.Bench.Boltzmann;
using GbaSim.Bench.Hosting;
using GbaSim.Grains.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace GbaSim.Bench;

/// <summary>The <c>boltzmann</c> benchmark: the wealth-exchange model on shard grains in an in-process silo.</summary>
public static class BoltzmannCommand
{
    private static readonly Option<int> Agents = new("--agents") { Description = "Number of agents.", DefaultValueFactory = _ => 1_000_000 };
    private static readonly Option<int> Steps = new("--steps") { Description = "Steps to run.", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> Threads = new("--threads") { Description = "Shards stepped at once (0 = all of them; Orleans's thread pool runs them).", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Shards = new("--shards") { Description = "Shard grains the agents are spread over.", DefaultValueFactory = _ => 16 };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42UL };
    private static readonly Option<int> Warmup = new("--warmup") { Description = "Steps of a small untimed run first (0 = none), so the timed run starts on optimised code.", DefaultValueFactory = _ => 50 };

    /// <summary>Agents of the warm-up run: enough for every shard to run many turns, few enough to take a fraction of a second.</summary>
    private const int WarmupAgents = 50_000;

    public static Command Create()
    {
        var command = new Command("boltzmann", "Boltzmann wealth exchange on shard grains in an in-process silo.") { Agents, Steps, Threads, Shards, Seed, Warmup };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var agents = parse.GetValue(Agents);
            var steps = parse.GetValue(Steps);
            var setup = Stopwatch.StartNew();
            await using var silo = await BenchSilo.StartAsync(configure: s => s.Services.AddSingleton<IShardModelFactory, BoltzmannShardModelFactory>(), cancellationToken: cancellationToken);
            var warmup = parse.GetValue(Warmup);
            await WarmUpAsync(silo.Grains, Math.Min(agents, WarmupAgents), parse.GetValue(Shards), parse.GetValue(Threads), parse.GetValue(Seed), warmup);
            var run = await BoltzmannRun.StartAsync(silo.Grains, agents, parse.GetValue(Shards), parse.GetValue(Threads), parse.GetValue(Seed));
            var setupSeconds = setup.Elapsed.TotalSeconds;
            long messages = 0;
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            for (var step = 0; step < steps; step++)
            {
                foreach (var report in await run.StepAsync())
                {
                    messages += report.Delivered;
                }
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
            var (hash, wealth) = await run.OutcomeAsync();
            await run.ReleaseAsync();
            Figures.Print(new
            {
                model = "boltzmann",
                agents,
                steps,
                threads = parse.GetValue(Threads),
                shards = run.Shards,
                processors = Environment.ProcessorCount,
                warmupSteps = warmup,
                setupSeconds = Math.Round(setupSeconds, 3),
                seconds = Math.Round(seconds, 3),
                cpuSeconds = Math.Round(cpuSeconds, 3),
                agentStepsPerSecond = Math.Round((double)agents * steps / seconds),
                messagesPerSecond = Math.Round(messages / seconds),
                gini = Math.Round(BoltzmannModel.Gini(wealth), 6),
                resultHash = hash,
                peakWorkingSetMb = Figures.PeakWorkingSetMb(),
            });
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Runs a small run for <paramref name="steps"/> steps and lets it go: hot methods pass through
    /// quick and instrumented code before the JIT optimises them, and the timed run should not pay for that.
    /// </summary>
    private static async Task WarmUpAsync(IGrainFactory grains, int agents, int shards, int threads, ulong seed, int steps)
    {
        if (steps <= 0)
        {
            return;
        }
        var rehearsal = await BoltzmannRun.StartAsync(grains, agents, shards, threads, seed);
        for (var step = 0; step < steps; step++)
        {
            await rehearsal.StepAsync();
        }
        await rehearsal.ReleaseAsync();
    }

    public static Command CreateBareArray()
    {
        var command = new Command("boltzmann-bare", "The same model as a bare single-threaded array loop, for comparison.") { Agents, Steps, Seed };
        command.SetAction(parse =>
        {
            var agents = parse.GetValue(Agents);
            var steps = parse.GetValue(Steps);
            var clock = Stopwatch.StartNew();
            var wealth = BareArrayBoltzmann.Run(agents, steps, parse.GetValue(Seed));
            var seconds = clock.Elapsed.TotalSeconds;
            Figures.Print(new
            {
                model = "boltzmann-bare",
                agents,
                steps,
                threads = 1,
                seconds = Math.Round(seconds, 3),
                agentStepsPerSecond = Math.Round((double)agents * steps / seconds),
                gini = Math.Round(BoltzmannModel.Gini(wealth), 6),
                peakWorkingSetMb = Figures.PeakWorkingSetMb(),
            });
            return 0;
        });
        return command;
    }
}
