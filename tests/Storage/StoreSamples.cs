using System.Reflection;
using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.World;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>Realistic runs and months whose every stored value can be predicted.</summary>
internal static class StoreSamples
{
    public static readonly YearMonth Start = new(2026, 1);

    public static readonly DateTimeOffset Created = new(2026, 3, 4, 10, 20, 30, TimeSpan.FromHours(8));

    /// <summary>Distinct flow keys (kind, from, to) that <see cref="Month"/> cycles through.</summary>
    public const int FlowKeys = 6;

    private static readonly PropertyInfo[] FigureProperties = typeof(CityFigures).GetProperties()
        .Where(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(double))
        .ToArray();

    public static RunRecord Run(string id, DateTimeOffset? createdAt = null, ulong seed = 20260101, int months = 12) => new(
        Id: id,
        Scenario: "baseline",
        Description: "Baseline policies, 2026 onwards",
        SourcePath: "scenarios/baseline.yaml",
        ScenarioText: "name: baseline\nmonths: 12\nseed: 20260101\n",
        Seed: seed,
        Scale: 0.1,
        Months: months,
        Threads: 4,
        Status: RunStatus.Queued,
        CreatedAt: createdAt ?? Created,
        StartedAt: null,
        FinishedAt: null,
        MonthsDone: 0,
        ResultHash: null,
        Seconds: null,
        Error: null,
        Summary: null,
        Shards: 8,
        Granularity: "shard");

    /// <summary>A month of all eleven cities and the region, each figure distinct, with transitions, flows and policy spending.</summary>
    public static MonthRecord Month(int index, int transitions = 5, int flows = 8, int policies = 3, int variant = 0)
    {
        var cities = Cities.All.ToDictionary(c => c, c => Figures(index, c, variant));
        return new MonthRecord(
            index,
            Start.AddMonths(index),
            cities,
            Figures(index, null, variant),
            [.. Enumerable.Range(0, transitions).Select(i => Transition(index, i))],
            [.. Enumerable.Range(0, flows).Select(i => Flow(i))],
            [.. Enumerable.Range(0, policies).Select(i => Policy(index, i))]);
    }

    /// <summary>The value <see cref="Month"/> gives a figure of a city (or the region, null) in a month.</summary>
    public static double Figure(int month, City? city, string figure, int variant = 0)
    {
        var i = CityFigures.Names.ToList().IndexOf(figure);
        Assert.True(i >= 0, $"no figure {figure}");
        var value = (variant * 10_000_000L) + (month * 100_000L) + ((city is { } c ? (int)c + 1 : 12) * 1_000L) + i;
        return FigureProperties[i].PropertyType == typeof(double) ? value + 0.25 : value;
    }

    public static RunResult Result(RunRecord run, int months) => new(
        run.Scenario, run.Seed, run.Scale, months, months * 10L, 12.5, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["technologiesCommercialized"] = 1234.5,
            ["medianMonthsToMarket"] = 37,
            ["crossBorderShare.talent"] = 0.1234567890123,
            ["conversion.breakthrough"] = double.NaN,
        });

    private static CityFigures Figures(int month, City? city, int variant)
    {
        var figures = new CityFigures();
        for (var i = 0; i < FigureProperties.Length; i++)
        {
            var property = FigureProperties[i];
            var value = Figure(month, city, CityFigures.Names[i], variant);
            property.SetValue(figures, property.PropertyType == typeof(long) ? (object)(long)value : value);
        }
        return figures;
    }

    private static ChainTransition Transition(int month, int i)
    {
        var technology = new Technology(
            Id: (month * 1_000L) + i,
            Field: (Sector)(i % Sectors.Count),
            Stage: (ChainStage)((i % (ChainStages.Count - 1)) + 1),
            Readiness: (byte)(1 + (i % 9)),
            Origin: (City)(i % Cities.Count),
            BorderCrossings: 0,
            Quality: 0.5f + (i % 5 * 0.1f),
            BornStep: Math.Max(0, month - (i % 7)),
            StageSince: month,
            FundingMillions: 1.5f * i);
        return new ChainTransition(
            technology,
            From: (ChainStage)(i % (ChainStages.Count - 1)),
            To: (ChainStage)((i % (ChainStages.Count - 1)) + 1),
            Outcome: i % 3 == 0 ? TransitionOutcome.Stalled : TransitionOutcome.Advanced,
            City: (City)((i + 3) % Cities.Count),
            CrossedBorder: i % 2 == 1,
            HolderKind: i % 2 == 0 ? HolderKind.Institution : HolderKind.Firm,
            Holder: 10_000 + i,
            Counterpart: 20_000 + i);
    }

    /// <summary>Flow i has key i mod <see cref="FlowKeys"/>, so flows repeat keys and must be summed.</summary>
    private static FlowRecord Flow(int i) => new((FlowKind)(i % FlowKeys % 3), (City)(i % FlowKeys), City.HongKong, 1.5 * (i + 1));

    private static PolicyMonth Policy(int month, int i) =>
        new($"policy-{i}", i % 2 == 0 ? "subsidy" : "tax-credit", (month * 10.0) + i + 0.5, ((month + 1) * 10.0) + i, 1e9 + i);
}
