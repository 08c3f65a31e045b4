using GbaSim.Grains.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// The read-only endpoints behind the dashboard, all under <c>/api/runs/{id}</c> and all read
/// from the results store (so they work for running, finished and earlier silos' runs alike and
/// never touch a running simulation): the chain by stage, flows between cities, policy
/// spending, chain traces, a technology's journey and a city's recent activity.
/// </summary>
public static class DashboardEndpoints
{
    private const int DefaultTechnologies = 100;
    private const int MaxTechnologies = 500;
    private const int RecentTransitions = 25;

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs/{id}").WithTags("Dashboard");
        runs.MapGet("/chain", Chain).WithSummary("Technologies that reached each chain stage and that stalled at it, so far.");
        runs.MapGet("/flows", Flows).WithSummary("Talent, capital or technology (?kind=) flows between the cities, totalled by city pair, with the cross-border share.");
        runs.MapGet("/policies", Policies).WithSummary("Each policy's spending by month.");
        runs.MapGet("/technologies", Technologies).WithSummary("Chain traces found by ?city= (origin or any step), ?sector= and ?stage= (furthest reached), a page of ?limit= (at most 500) from ?offset=, with the total found.");
        runs.MapGet("/technologies/{technologyId:long}", Journey).WithSummary("One technology's journey across grains: every transition with month, stages, holder, city, border and funding.");
        runs.MapGet("/cities/{city}/activity", CityActivity).WithSummary("A city's newest chain transitions and the latest month's flows out of it.");
    }

    private static Results<Ok<ChainInfo>, ProblemHttpResult> Chain(string id, IResultsStore store)
    {
        if (store.GetRun(id) is not { } run)
        {
            return NoRun(id);
        }
        var stages = store.StageCounts(id).Select(s => new ChainStageInfo(s.Stage, s.Reached, s.Stalled)).ToArray();
        return TypedResults.Ok(new ChainInfo(id, run.MonthsDone, stages));
    }

    private static Results<Ok<FlowsInfo>, ProblemHttpResult> Flows(string id, string? kind, IResultsStore store)
    {
        if (store.GetRun(id) is not { } run)
        {
            return NoRun(id);
        }
        var flowKind = DashboardFilters.FlowKind(kind);
        if (flowKind.Problem is { } bad)
        {
            return bad;
        }
        var name = flowKind.Value!;
        var flows = store.FlowTotals(id, name)
            .Select(f => new CityFlowInfo(f.From, f.To, f.Amount, DashboardFilters.Crosses(f.From, f.To)))
            .ToArray();
        var between = flows.Where(f => f.From != f.To).ToArray();
        var betweenTotal = between.Sum(f => f.Amount);
        double? share = betweenTotal > 0 ? between.Where(f => f.CrossesBorder).Sum(f => f.Amount) / betweenTotal : null;
        var unit = DashboardFilters.FlowUnit(name);
        return TypedResults.Ok(new FlowsInfo(id, name, unit, run.MonthsDone, flows.Sum(f => f.Amount), share, flows));
    }

    private static Results<Ok<PoliciesInfo>, ProblemHttpResult> Policies(string id, IResultsStore store)
    {
        if (store.GetRun(id) is null)
        {
            return NoRun(id);
        }
        var rows = store.PolicySpending(id);
        var months = rows.Select(r => (r.Month, r.YearMonth)).Distinct().OrderBy(m => m.Month).ToArray();
        var column = months.Select((m, i) => (m.Month, i)).ToDictionary(m => m.Month, m => m.i);
        var policies = rows
            .GroupBy(r => r.Policy, StringComparer.Ordinal)
            .Select(g =>
            {
                var spent = new double[months.Length];
                foreach (var row in g)
                {
                    spent[column[row.Month]] = row.Spent;
                }
                var first = g.First();
                return new PolicySpendingInfo(first.Policy, first.Type, first.Budget, spent);
            })
            .ToArray();
        return TypedResults.Ok(new PoliciesInfo(id, [.. months.Select(m => m.YearMonth)], policies));
    }

    private static Results<Ok<TechnologiesInfo>, ProblemHttpResult> Technologies(string id, string? city, string? sector, string? stage, string? limit, string? offset, IResultsStore store, ScenarioLibrary library)
    {
        var count = QueryNumber.Int("limit", limit, 1, MaxTechnologies);
        var skip = QueryNumber.Int("offset", offset, 0, int.MaxValue);
        var (cityName, sectorCode, stageName) = (DashboardFilters.City(city), DashboardFilters.Sector(sector), DashboardFilters.Stage(stage));
        if ((count.Problem ?? skip.Problem ?? cityName.Problem ?? sectorCode.Problem ?? stageName.Problem) is { } bad)
        {
            return bad;
        }
        if (store.GetRun(id) is not { } run)
        {
            return NoRun(id);
        }
        var labels = GrainLabels.For(run, library);
        var months = store.StoredMonths(id).ToDictionary(m => m.Month, m => m.YearMonth);
        var search = new TechnologySearch(cityName.Value, sectorCode.Value, stageName.Value, count.Value ?? DefaultTechnologies, skip.Value ?? 0);
        var found = store.FindTechnologies(id, search).Select(t => Info(t, labels, months)).ToArray();
        var total = store.CountTechnologies(id, search);
        return TypedResults.Ok(new TechnologiesInfo(id, cityName.Value, sectorCode.Value, stageName.Value, search.Limit, search.Offset, total, found));
    }

    private static Results<Ok<JourneyInfo>, ProblemHttpResult> Journey(string id, long technologyId, IResultsStore store, ScenarioLibrary library)
    {
        if (store.GetRun(id) is not { } run)
        {
            return NoRun(id);
        }
        var rows = store.TechnologyJourney(id, technologyId);
        if (rows.Count == 0)
        {
            return Problems.NotFound($"Run '{id}' recorded no transition of technology {technologyId} (so far).");
        }
        var labels = GrainLabels.For(run, library);
        var steps = rows.Select(r => Info(r, labels)).ToArray();
        var furthest = rows.Max(r => ChainRank(r.Outcome == "advanced" ? r.To : r.From));
        var stalled = rows.Any(r => r.Outcome == "stalled");
        var first = rows[0];
        var technology = new TechnologyInfo(technologyId, labels.Technology(technologyId), first.Sector, first.OriginCity, ChainStages.All[furthest].FileName(),
            Outcome(ChainStages.All[furthest], stalled), rows[0].Month, rows[^1].Month, rows.Count, rows[0].YearMonth, rows[^1].YearMonth);
        return TypedResults.Ok(new JourneyInfo(id, technology, steps));
    }

    private static Results<Ok<CityActivityInfo>, ProblemHttpResult> CityActivity(string id, string city, IResultsStore store, ScenarioLibrary library)
    {
        if (store.GetRun(id) is not { } run)
        {
            return NoRun(id);
        }
        if (!Cities.TryParse(Uri.UnescapeDataString(city), out var parsed))
        {
            return Problems.NotFound($"There is no city '{city}'; the cities are {string.Join(", ", Cities.All.Select(x => x.DisplayName()))}.");
        }
        var name = parsed.DisplayName();
        var labels = GrainLabels.For(run, library);
        var transitions = store.RecentTransitions(id, name, RecentTransitions).Select(r => Info(r, labels)).ToArray();
        var flows = store.LatestFlowsFrom(id, name).Select(f => new MonthFlowInfo(f.Month, f.Kind, f.From, f.To, f.Amount)).ToArray();
        return TypedResults.Ok(new CityActivityInfo(id, name, transitions, flows));
    }

    private static TechnologyInfo Info(TechnologyTrace t, GrainLabels labels, Dictionary<int, string> months)
    {
        ChainStages.TryParse(t.FurthestStage, out var furthest);
        return new TechnologyInfo(t.Id, labels.Technology(t.Id), t.Sector, t.OriginCity, t.FurthestStage, Outcome(furthest, t.Stalled),
            t.FirstMonth, t.LastMonth, t.Transitions, months.GetValueOrDefault(t.FirstMonth, ""), months.GetValueOrDefault(t.LastMonth, ""));
    }

    private static TransitionInfo Info(TransitionRow r, GrainLabels labels) => new(
        r.Month, r.YearMonth, r.TechnologyId, r.Sector, r.From, r.To, r.Outcome, r.City, r.CrossedBorder,
        r.HolderKind, labels.Name(r.HolderKind, r.Holder), r.Readiness, r.FundingMillions);

    private static string Outcome(ChainStage furthest, bool stalled) => furthest == ChainStage.Market ? "market" : stalled ? "stalled" : "in progress";

    private static int ChainRank(string stage) => ChainStages.TryParse(stage, out var s) ? (int)s : 0;

    private static ProblemHttpResult NoRun(string id) => DashboardFilters.NoRun(id);
}
