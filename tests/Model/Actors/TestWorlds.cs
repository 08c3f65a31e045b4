using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>
/// Worlds for actor tests: the compact world of <see cref="ModelFixtures"/>, with
/// chosen parameters, a changed institution, or only the institutions a test names.
/// </summary>
public static class TestWorlds
{
    /// <summary>The fixture world with the given parameters.</summary>
    public static WorldDefinition With(ModelParameters parameters) => ModelFixtures.World(parameters);

    /// <summary>The fixture world with one institution changed (for example its capacity).</summary>
    public static WorldDefinition Changing(string key, Func<InstitutionDefinition, InstitutionDefinition> change, ModelParameters? parameters = null)
    {
        var world = ModelFixtures.World(parameters);
        if (world.Institutions.All(i => i.Key != key))
        {
            throw new ArgumentException($"No institution '{key}' in the fixture world.", nameof(key));
        }
        return world with { Institutions = world.Institutions.Select(i => i.Key == key ? change(i) : i).ToArray() };
    }

    /// <summary>The fixture world's cities and links with only <paramref name="institutions"/>.</summary>
    public static WorldDefinition Only(ModelParameters? parameters, params InstitutionDefinition[] institutions) =>
        ModelFixtures.World(parameters) with { Institutions = institutions };

    public static InstitutionDefinition Institution(
        string key,
        InstitutionKind kind,
        City city,
        int researchers = 0,
        double quality = 0.6,
        double capacity = 0,
        double capital = 0,
        double fee = 0,
        Sector[]? sectors = null,
        ChainStage[]? stages = null,
        Zone zone = Zone.None) =>
        new(key, key, kind, city, zone, researchers, quality, 0, capacity, capital, fee, sectors ?? [], stages ?? []);
}
