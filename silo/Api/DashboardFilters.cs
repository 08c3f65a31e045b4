using GbaSim.Model.Ecosystem;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>A filter from a query string as the store spells it (null for "any"), or the 400 problem that lists what it may be.</summary>
public readonly record struct QueryName(string? Value, ProblemHttpResult? Problem);

/// <summary>
/// The dashboard endpoints' query filters (city, sector, stage, flow kind) checked against the
/// model's vocabulary, so that every endpoint refuses a misspelt name the same way.
/// </summary>
public static class DashboardFilters
{
    private static readonly string[] FlowKinds = [.. Enum.GetValues<FlowKind>().Select(k => k.ToString().ToLowerInvariant())];

    public static QueryName City(string? city)
    {
        if (string.IsNullOrEmpty(city))
        {
            return default;
        }
        return Cities.TryParse(city, out var c)
            ? new(c.DisplayName(), null)
            : new(null, Problems.BadArgument($"There is no city '{city}'; the cities are {string.Join(", ", Cities.All.Select(x => x.DisplayName()))}."));
    }

    public static QueryName Sector(string? sector)
    {
        if (string.IsNullOrEmpty(sector))
        {
            return default;
        }
        return Sectors.TryParse(sector, out var s)
            ? new(s.Code(), null)
            : new(null, Problems.BadArgument($"There is no sector '{sector}'; the sectors are {string.Join(", ", Sectors.All.Select(x => x.Code()))}."));
    }

    public static QueryName Stage(string? stage)
    {
        if (string.IsNullOrEmpty(stage))
        {
            return default;
        }
        return ChainStages.TryParse(stage, out var s)
            ? new(s.FileName(), null)
            : new(null, Problems.BadArgument($"There is no stage '{stage}'; the stages are {string.Join(", ", ChainStages.All.Select(x => x.FileName()))}."));
    }

    /// <summary>A flow kind, talent when none is given.</summary>
    public static QueryName FlowKind(string? kind)
    {
        var name = (kind ?? "talent").ToLowerInvariant();
        return FlowKinds.Contains(name)
            ? new(name, null)
            : new(null, Problems.BadArgument($"kind must be one of {string.Join(", ", FlowKinds)}; got '{kind}'."));
    }

    /// <summary>The unit a flow kind is counted in.</summary>
    public static string FlowUnit(string kind) => kind switch
    {
        "capital" or "data" => "yuan",
        "talent" => "people",
        "materials" => "prototypes",
        _ => "technologies",
    };

    public static bool Crosses(string from, string to) =>
        Cities.TryParse(from, out var a) && Cities.TryParse(to, out var b) && Cities.CrossesBorder(a, b);

    public static ProblemHttpResult NoRun(string id) => Problems.NotFound($"There is no run '{id}'.");
}
