using System.Globalization;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;
using GbaSim.Silo.Hosting;
using GbaSim.Silo.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// <c>POST /api/experiments</c>: an experiment whose variants fork from the baseline. For each
/// seed the baseline's months before the fork run once and every scenario branches from there,
/// as one fork group that takes one of the silo's places; each scenario still gets a run of its
/// own under <c>/api/runs</c>, with every month, the shared ones included.
/// </summary>
public static class ExperimentEndpoints
{
    public const int MaxSeeds = 1000;

    public static void MapExperimentEndpoints(this IEndpointRouteBuilder app)
    {
        var experiments = app.MapGroup("/api/experiments").WithTags("Experiments");
        experiments.MapPost("", Submit).WithSummary("Run a baseline and variants that share their history up to forkAt: one fork group per seed.");
    }

    private static Results<Accepted<ExperimentInfo>, ProblemHttpResult> Submit(ExperimentRequest request, RunCoordinator coordinator, ScenarioLibrary library)
    {
        if (request.Baseline is not { } baselineSource || string.IsNullOrWhiteSpace(baselineSource.Text))
        {
            return Problems.BadArgument("The experiment needs a baseline: {\"text\": \"<YAML>\", \"path\": \"<where it sits in the library>\"}.");
        }
        if (request.Variants is not { Count: > 0 } variantSources || variantSources.Any(v => v is null || string.IsNullOrWhiteSpace(v.Text)))
        {
            return Problems.BadArgument("The experiment needs at least one variant, each with its YAML as 'text'.");
        }
        if (request.Seeds is not { Count: > 0 and <= MaxSeeds } seeds)
        {
            return Problems.BadArgument($"The experiment needs between 1 and {MaxSeeds} seeds.");
        }
        if (seeds.Distinct().Count() != seeds.Count)
        {
            return Problems.BadArgument("The seeds must differ from each other.");
        }
        if (!YearMonth.TryParse(request.ForkAt, out var forkAt))
        {
            return Problems.BadArgument($"forkAt must be a month written YYYY-MM; got '{request.ForkAt}'.");
        }
        if (request.Scale is { } scale && (scale <= 0 || scale > 1))
        {
            return Problems.BadArgument($"scale must be in (0, 1]; got {scale.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (request.Threads is < 0)
        {
            return Problems.BadArgument($"threads must be 0 (one per core) or more; got {request.Threads}.");
        }

        (string Label, ScenarioDefinition Scenario) baseline;
        var variants = new List<(string Label, ScenarioDefinition Scenario)>();
        try
        {
            var definition = library.Parse(baselineSource.Text, baselineSource.Path);
            baseline = (string.IsNullOrWhiteSpace(baselineSource.Label) ? definition.Name : baselineSource.Label, definition);
            foreach (var source in variantSources)
            {
                var variant = library.Parse(source.Text, source.Path);
                variants.Add((string.IsNullOrWhiteSpace(source.Label) ? variant.Name : source.Label, variant));
            }
        }
        catch (ScenarioValidationException ex)
        {
            return Problems.Invalid(ex, library);
        }

        var labels = new[] { baseline.Label }.Concat(variants.Select(v => v.Label)).ToArray();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            return Problems.BadArgument($"Every scenario of an experiment needs its own label; these repeat: {string.Join(", ", labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'"))}.");
        }
        foreach (var (label, variant) in variants)
        {
            if (ScenarioFork.Problem(baseline.Scenario, variant, forkAt) is { } problem)
            {
                return Problems.BadArgument($"Variant '{label}' cannot be forked from '{baseline.Label}' at {forkAt}: {problem}.");
            }
            if (request.Scale is null && variant.Scale.CompareTo(baseline.Scenario.Scale) != 0)
            {
                return Problems.BadArgument(string.Create(CultureInfo.InvariantCulture,
                    $"Variant '{label}' runs at scale {variant.Scale} and the baseline '{baseline.Label}' at {baseline.Scenario.Scale}; forked variants share the baseline's sampled firms: give one scale for all (scale in the request, --scale in gbasim compare)."));
            }
        }

        var runs = coordinator.SubmitForkGroups(baseline, variants, seeds, request.Scale, request.Threads, forkAt);
        var info = new ExperimentInfo(forkAt.ToString(), runs.Select(r => new ExperimentRunInfo(r.Label, r.Seed.ToString(CultureInfo.InvariantCulture), RunInfo.From(r.Run))).ToArray());
        return TypedResults.Accepted("/api/runs", info);
    }
}
