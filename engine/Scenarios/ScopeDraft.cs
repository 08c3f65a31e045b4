using GbaSim.Engine.Yaml;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;

namespace GbaSim.Engine.Scenarios;

/// <summary>A policy's <c>scope:</c> as written; institution keys are kept with their locations to be checked against the world.</summary>
internal sealed record ScopeDraft(
    IReadOnlyList<Located<City>> Cities,
    IReadOnlyList<Located<Zone>> Zones,
    IReadOnlyList<Located<Sector>> Sectors,
    IReadOnlyList<Located<string>> Institutions,
    IReadOnlyList<Located<(City A, City B)>> Pairs)
{
    public static ScopeDraft Everywhere { get; } = new([], [], [], [], []);

    public PolicyScope ToScope() => new(
        Cities.Select(c => c.Value).Distinct().ToArray(),
        Zones.Select(z => z.Value).Distinct().ToArray(),
        Sectors.Select(s => s.Value).Distinct().ToArray(),
        Institutions.Select(i => i.Value).Distinct(StringComparer.Ordinal).ToArray(),
        Pairs.Select(p => p.Value).ToArray());
}
