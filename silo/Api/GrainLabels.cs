using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Scenarios;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;
using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Api;

/// <summary>
/// Names the grains that held a technology as people write them (<c>firm/sz-ict-00042</c>,
/// <c>institution/hkust</c>), so that the dashboard can open them in the grain inspector. A
/// firm's name is read from its key; an institution's comes from the run's world file.
/// </summary>
public sealed class GrainLabels
{
    private readonly IReadOnlyList<InstitutionDefinition> _institutions;

    private GrainLabels(IReadOnlyList<InstitutionDefinition> institutions) => _institutions = institutions;

    /// <summary>The labels of a run, from its scenario's world file, read from the silo's library as the run read it.</summary>
    public static GrainLabels For(RunRecord run, ScenarioLibrary library)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(library);
        try
        {
            return new GrainLabels(library.Parse(run.ScenarioText, library.Relative(run.SourcePath)).World.Institutions);
        }
        catch (Exception ex) when (ex is ScenarioValidationException or IOException or UnauthorizedAccessException)
        {
            // The scenario's files have moved or changed since the run: institutions keep their index.
            return new GrainLabels([]);
        }
    }

    /// <summary>A technology as people can read it: the key of the institution that discovered it and its serial there, e.g. <c>hkust-7</c>.</summary>
    public string Technology(long id)
    {
        var index = TechnologyIds.InstitutionIndex(id);
        var origin = index >= 0 && index < _institutions.Count ? _institutions[index].Key : $"institution#{index}";
        return $"{origin}-{TechnologyIds.Serial(id)}";
    }

    public string Name(string holderKind, long key)
    {
        if (holderKind == "firm")
        {
            return "firm/" + ModelActors.FirmName(key);
        }
        return key >= 0 && key < _institutions.Count ? "institution/" + _institutions[(int)key].Key : $"institution/#{key}";
    }
}
