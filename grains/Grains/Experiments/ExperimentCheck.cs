using System.Globalization;
using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Scenarios;
using GbaSim.Model.World;

namespace GbaSim.Grains.Experiments;

/// <summary>
/// Checks an experiment of fork groups before anything is recorded: a baseline and variants that
/// parse, distinct labels and seeds, a fork month every variant can branch at, one scale for all.
/// </summary>
public static class ExperimentCheck
{
    public static CheckedExperiment Check(ExperimentRequest request, ScenarioLibrary library, int maxSeeds)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(library);
        if (request.Baseline is not { } baselineSource || string.IsNullOrWhiteSpace(baselineSource.Text))
        {
            throw RequestRejectedException.BadArgument("The experiment needs a baseline: {\"text\": \"<YAML>\", \"path\": \"<where it sits in the library>\"}.");
        }
        if (request.Variants is not { Count: > 0 } variantSources || variantSources.Any(v => v is null || string.IsNullOrWhiteSpace(v.Text)))
        {
            throw RequestRejectedException.BadArgument("The experiment needs at least one variant, each with its YAML as 'text'.");
        }
        if (request.Seeds is not { Count: > 0 } seeds || seeds.Count > maxSeeds)
        {
            throw RequestRejectedException.BadArgument($"The experiment needs between 1 and {maxSeeds} seeds.");
        }
        if (seeds.Distinct().Count() != seeds.Count)
        {
            throw RequestRejectedException.BadArgument("The seeds must differ from each other.");
        }
        if (!YearMonth.TryParse(request.ForkAt, out var forkAt))
        {
            throw RequestRejectedException.BadArgument($"forkAt must be a month written YYYY-MM; got '{request.ForkAt}'.");
        }
        if (request.Scale is { } scale && !(scale > 0 && scale <= FirmGenerator.MaxScale))
        {
            throw RequestRejectedException.BadArgument(string.Create(CultureInfo.InvariantCulture, $"scale must be in (0, {FirmGenerator.MaxScale}]; got {scale}."));
        }

        var baseline = Entry(baselineSource, library);
        var variants = variantSources.Select(v => Entry(v, library)).ToArray();
        var labels = variants.Select(v => v.Label).Prepend(baseline.Label).ToArray();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            var repeated = labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'");
            throw RequestRejectedException.BadArgument($"Every scenario of an experiment needs its own label; these repeat: {string.Join(", ", repeated)}.");
        }
        foreach (var variant in variants)
        {
            if (ScenarioFork.Problem(baseline.Scenario, variant.Scenario, forkAt) is { } problem)
            {
                throw RequestRejectedException.BadArgument($"Variant '{variant.Label}' cannot be forked from '{baseline.Label}' at {forkAt}: {problem}.");
            }
            if (request.Scale is null && variant.Scenario.Scale.CompareTo(baseline.Scenario.Scale) != 0)
            {
                throw RequestRejectedException.BadArgument(string.Create(CultureInfo.InvariantCulture,
                    $"Variant '{variant.Label}' runs at scale {variant.Scenario.Scale} and the baseline '{baseline.Label}' at {baseline.Scenario.Scale}; forked variants share the baseline's sampled firms: give one scale for all (scale in the request, --scale in gbasim compare)."));
            }
        }
        return new CheckedExperiment(baseline, variants, seeds, request.Scale ?? baseline.Scenario.Scale, forkAt.ToString());
    }

    private static CheckedExperiment.Entry Entry(ExperimentScenario source, ScenarioLibrary library)
    {
        var scenario = ScenarioLibraryGrain.Parse(library, source.Text, source.Path);
        return new CheckedExperiment.Entry(string.IsNullOrWhiteSpace(source.Label) ? scenario.Name : source.Label, scenario, source.Text, source.Path);
    }
}

/// <summary>An experiment that passed <see cref="ExperimentCheck"/>.</summary>
public sealed record CheckedExperiment(CheckedExperiment.Entry Baseline, IReadOnlyList<CheckedExperiment.Entry> Variants, IReadOnlyList<ulong> Seeds, double Scale, string ForkAt)
{
    public sealed record Entry(string Label, ScenarioDefinition Scenario, string Text, string? Path);
}
