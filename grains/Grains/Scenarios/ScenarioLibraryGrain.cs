using GbaSim.Contracts;
using GbaSim.Contracts.Scenarios;
using GbaSim.Engine.Scenarios;
using Orleans.Concurrency;

namespace GbaSim.Grains.Scenarios;

/// <summary>The scenario library as a grain (see <see cref="IScenarioLibraryGrain"/>): answered by the silo that is asked, from its library.</summary>
[StatelessWorker]
public sealed class ScenarioLibraryGrain(ScenarioLibrary library) : Grain, IScenarioLibraryGrain
{
    public Task<IReadOnlyList<ScenarioInfo>> List() => Task.FromResult(library.List());

    public Task<ValidationInfo> Validate(string text, string? path)
    {
        var scenario = Parse(library, text, path);
        return Task.FromResult(new ValidationInfo(true, scenario.Name, scenario.HorizonMonths, scenario.Scale, scenario.Policies.Count));
    }

    /// <summary>Parses a scenario, turning validation errors into a rejection that lists them all.</summary>
    public static ScenarioDefinition Parse(ScenarioLibrary library, string text, string? path)
    {
        ArgumentNullException.ThrowIfNull(library);
        try
        {
            return library.Parse(text, path);
        }
        catch (ScenarioValidationException ex)
        {
            var errors = library.Describe(ex);
            var first = errors.FirstOrDefault();
            var detail = first is null ? "The scenario is invalid." : $"{first.File}:{first.Line}:{first.Column}: {first.Message}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "");
            throw new RequestRejectedException(RejectionKind.InvalidScenario, detail, errors);
        }
    }
}
