using GbaSim.Engine.Charts;
using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Scenarios;
using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// The chain and the flows over time, and where the cities lie, under <c>/api/runs/{id}</c>:
/// what the dashboard's month slider, Sankey and map read. All from the results store.
/// </summary>
public static class TimelineEndpoints
{
    private static readonly ChainStylesInfo Styles = new(
        [.. ChainStageStyle.All.Select(s => new StageStyleInfo(s.Stage, s.Name, s.Color, ChainStageStyle.Stalled(s.Name), ChainStageStyle.Waiting(s.Name)))],
        ChainStageStyle.StalledColor,
        ChainStageStyle.WaitingColor);

    public static void MapTimelineEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs/{id}").WithTags("Dashboard");
        runs.MapGet("/chain/months", ChainMonths).WithSummary("Technologies reaching and stalling at each chain stage, month by month; ?city= and ?sector= count only the transitions made there.");
        runs.MapGet("/flows/months", FlowMonths).WithSummary("Talent, capital or technology (?kind=) flows between two different cities, month by month and city pair.");
        app.MapGet("/api/chain/stages", () => TypedResults.Ok(Styles)).WithTags("Dashboard")
            .WithSummary("The chain's stages as charts draw them: name and colour, and the words for those stalled at or still at each.");
        runs.MapGet("/map", Map).WithSummary("The cities of the run's world with their positions (longitude, latitude) from the world file.");
    }

    private static Results<Ok<ChainMonthsInfo>, ProblemHttpResult> ChainMonths(string id, string? city, string? sector, IResultsStore store)
    {
        var (cityName, sectorCode, bad) = (DashboardFilters.City(city), DashboardFilters.Sector(sector), (ProblemHttpResult?)null);
        bad = cityName.Problem ?? sectorCode.Problem;
        if (bad is not null)
        {
            return bad;
        }
        if (store.GetRun(id) is null)
        {
            return DashboardFilters.NoRun(id);
        }
        var months = store.StoredMonths(id);
        var column = months.Select((m, i) => (m.Month, i)).ToDictionary(m => m.Month, m => m.i);
        var reached = ChainStages.All.ToDictionary(s => s.FileName(), _ => new long[months.Count]);
        var stalled = ChainStages.All.ToDictionary(s => s.FileName(), _ => new long[months.Count]);
        foreach (var count in store.StageCountsByMonth(id, cityName.Value, sectorCode.Value))
        {
            if (column.TryGetValue(count.Month, out var i) && reached.ContainsKey(count.Stage))
            {
                reached[count.Stage][i] = count.Reached;
                stalled[count.Stage][i] = count.Stalled;
            }
        }
        var stages = ChainStages.All.Select(s => new StageMonthsInfo(s.FileName(), reached[s.FileName()], stalled[s.FileName()])).ToArray();
        return TypedResults.Ok(new ChainMonthsInfo(id, cityName.Value, sectorCode.Value, [.. months.Select(m => m.YearMonth)], stages));
    }

    private static Results<Ok<FlowMonthsInfo>, ProblemHttpResult> FlowMonths(string id, string? kind, IResultsStore store)
    {
        var flowKind = DashboardFilters.FlowKind(kind);
        if (flowKind.Problem is { } bad)
        {
            return bad;
        }
        if (store.GetRun(id) is null)
        {
            return DashboardFilters.NoRun(id);
        }
        var months = store.StoredMonths(id);
        var column = months.Select((m, i) => (m.Month, i)).ToDictionary(m => m.Month, m => m.i);
        var pairs = new SortedDictionary<(string From, string To), double[]>();
        foreach (var flow in store.FlowsByMonth(id, flowKind.Value!))
        {
            if (!column.TryGetValue(flow.Month, out var i))
            {
                continue;
            }
            if (!pairs.TryGetValue((flow.From, flow.To), out var amounts))
            {
                pairs[(flow.From, flow.To)] = amounts = new double[months.Count];
            }
            amounts[i] += flow.Amount;
        }
        var infos = pairs.Select(p => new PairMonthsInfo(p.Key.From, p.Key.To, DashboardFilters.Crosses(p.Key.From, p.Key.To), p.Value)).ToArray();
        return TypedResults.Ok(new FlowMonthsInfo(id, flowKind.Value!, DashboardFilters.FlowUnit(flowKind.Value!), [.. months.Select(m => m.YearMonth)], infos));
    }

    private static Results<Ok<CityMapInfo>, ProblemHttpResult> Map(string id, IResultsStore store, ScenarioLibrary library)
    {
        if (store.GetRun(id) is not { } run)
        {
            return DashboardFilters.NoRun(id);
        }
        IReadOnlyDictionary<City, Model.World.GeoPosition?> positions;
        try
        {
            positions = library.Parse(run.ScenarioText, library.Relative(run.SourcePath)).World.Cities.ToDictionary(c => c.City, c => c.Position);
        }
        catch (Exception ex) when (ex is ScenarioValidationException or IOException or UnauthorizedAccessException)
        {
            // The scenario's files have moved or changed since the run: the map has no positions to draw.
            positions = new Dictionary<City, Model.World.GeoPosition?>();
        }
        var cities = Cities.All.Select(c => positions.GetValueOrDefault(c) is { } p
            ? new CityPlaceInfo(c.DisplayName(), p.Longitude, p.Latitude)
            : new CityPlaceInfo(c.DisplayName(), null, null)).ToArray();
        return TypedResults.Ok(new CityMapInfo(id, cities));
    }
}
