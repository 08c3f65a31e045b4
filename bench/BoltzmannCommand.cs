using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using GbaSim.Bench.Boltzmann;
using GbaSim.Kernel.Options;

namespace GbaSim.Bench;

/// <summary>The <c>boltzmann</c> benchmark: the wealth-exchange model on the grain runtime.</summary>
public static class BoltzmannCommand
{
    private static readonly Option<int> Agents = new("--agents") { Description = "Number of agent grains.", DefaultValueFactory = _ => 1_000_000 };
    private static readonly Option<int> Steps = new("--steps") { Description = "Supersteps to run.", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> Threads = new("--threads") { Description = "Worker threads (0 = one per core).", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Partitions = new("--partitions") { Description = "Partitions.", DefaultValueFactory = _ => 16 };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42UL };

    public static Command Create()
    {
        var command = new Command("boltzmann", "Boltzmann wealth exchange on the grain runtime.") { Agents, Steps, Threads, Partitions, Seed };
        command.SetAction(parse =>
        {
            var agents = parse.GetValue(Agents);
            var steps = parse.GetValue(Steps);
            var options = new RuntimeOptions { Threads = parse.GetValue(Threads), Partitions = parse.GetValue(Partitions) };
            using var runtime = BoltzmannModel.Build(agents, options, parse.GetValue(Seed));
            long messages = 0;
            var clock = Stopwatch.StartNew();
            runtime.Run(steps, afterStep: report => messages += report.Messages);
            var seconds = clock.Elapsed.TotalSeconds;
            Print(new
            {
                model = "boltzmann",
                agents,
                steps,
                threads = runtime.Threads,
                partitions = runtime.PartitionCount,
                seconds = Math.Round(seconds, 3),
                agentStepsPerSecond = Math.Round((double)agents * steps / seconds),
                messagesPerSecond = Math.Round(messages / seconds),
                gini = Math.Round(BoltzmannModel.Gini(runtime), 6),
                resultHash = runtime.ComputeResultHash(),
                peakWorkingSetMb = PeakWorkingSetMb(),
            });
            return 0;
        });
        return command;
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
            Print(new
            {
                model = "boltzmann-bare",
                agents,
                steps,
                threads = 1,
                seconds = Math.Round(seconds, 3),
                agentStepsPerSecond = Math.Round((double)agents * steps / seconds),
                gini = Math.Round(BoltzmannModel.Gini(wealth), 6),
                peakWorkingSetMb = PeakWorkingSetMb(),
            });
            return 0;
        });
        return command;
    }

    private static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }

    private static void Print(object figures) => Console.WriteLine(JsonSerializer.Serialize(figures));
}
