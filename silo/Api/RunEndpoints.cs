using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GbaSim.Engine.Scenarios;
using GbaSim.Silo.Hosting;
using GbaSim.Silo.Runs;
using GbaSim.Silo.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>The run endpoints under <c>/api/runs</c>: submit, list, status, live events, results, export, grain state, cancel.</summary>
public static class RunEndpoints
{
    public static void MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Runs");
        runs.MapPost("", Submit).WithSummary("Submit a scenario (YAML body), or run a library scenario with ?scenario=path.");
        runs.MapGet("", (IResultsStore store) => TypedResults.Ok(store.ListRuns().Select(RunInfo.From).ToArray())).WithSummary("List runs, newest first.");
        runs.MapGet("/{id}", Get).WithSummary("A run's status and progress.");
        runs.MapGet("/{id}/events", Events).WithSummary("Server-sent events: one 'month' event per finished month, then a 'status' event when the run ends.");
        runs.MapGet("/{id}/results", Results).WithSummary("A run's headline figures and monthly series, for the region or ?city=.");
        runs.MapGet("/{id}/export/{table}", Export).WithSummary("A run's table as CSV: months, transitions, flows or policies.");
        runs.MapGet("/{id}/grains/{type}/{key}", Inspect).WithSummary("The state of a grain (e.g. city/Shenzhen) at the latest or final step.");
        runs.MapPost("/{id}/cancel", Cancel).WithSummary("Cancel a queued or running run.");
    }

    private static async Task<Results<Accepted<RunInfo>, ProblemHttpResult>> Submit(
        HttpRequest request, RunCoordinator coordinator, ScenarioLibrary library, IOptions<SiloOptions> options,
        string? scenario, string? path, string? seed, double? scale, int? threads, CancellationToken cancellationToken)
    {
        ulong? seedValue = null;
        if (seed is not null)
        {
            if (!ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.BadArgument($"seed must be a whole number from 0 to {ulong.MaxValue}; got '{seed}'.");
            }
            seedValue = parsed;
        }
        if (scale is not null && (scale <= 0 || scale > 1))
        {
            return Problems.BadArgument($"scale must be in (0, 1]; got {scale}.");
        }
        if (threads is < 0)
        {
            return Problems.BadArgument($"threads must be 0 (one per core) or more; got {threads}.");
        }
        ScenarioDefinition definition;
        try
        {
            if (scenario is not null)
            {
                var loaded = library.Load(scenario);
                if (loaded is null)
                {
                    return Problems.NotFound($"The scenario library has no file '{scenario}'.");
                }
                definition = loaded;
            }
            else
            {
                var (text, problem) = await ScenarioBody.ReadAsync(request, options.Value.MaxScenarioBytes, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }
                definition = library.Parse(text!, path);
            }
        }
        catch (ScenarioValidationException ex)
        {
            return Problems.Invalid(ex, library);
        }
        var record = coordinator.Submit(definition, seedValue, scale, threads);
        return TypedResults.Accepted($"/api/runs/{record.Id}", RunInfo.From(record));
    }

    private static Results<Ok<RunInfo>, ProblemHttpResult> Get(string id, IResultsStore store) =>
        store.GetRun(id) is { } run ? TypedResults.Ok(RunInfo.From(run)) : Problems.NotFound($"There is no run '{id}'.");

    private static Results<ServerSentEventsResult<string>, ProblemHttpResult> Events(string id, IResultsStore store, RunCoordinator coordinator, CancellationToken cancellationToken)
    {
        var run = store.GetRun(id);
        if (run is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        return TypedResults.ServerSentEvents(Stream(id, store, coordinator, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(string id, IResultsStore store, RunCoordinator coordinator, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (coordinator.TryGetActive(id, out var active))
        {
            var reader = active.Feed.Subscribe();
            try
            {
                await foreach (var month in reader.ReadAllAsync(cancellationToken))
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(month, ApiJsonContext.Default.MonthEvent), "month");
                }
            }
            finally
            {
                active.Feed.Unsubscribe(reader);
            }
        }
        else
        {
            // A run from an earlier silo: replay what the store holds.
            var run = store.GetRun(id)!;
            foreach (var month in store.Months(id))
            {
                var info = new MonthInfo(month.Month, month.YearMonth, month.Figures);
                yield return new SseItem<string>(JsonSerializer.Serialize(new MonthEvent(id, month.Month + 1, run.Months, info), ApiJsonContext.Default.MonthEvent), "month");
            }
        }
        // The feed closes when the run finishes; its record is final a moment later.
        for (var i = 0; i < 50 && store.GetRun(id) is { } pending && !pending.Status.IsFinished(); i++)
        {
            await Task.Delay(20, cancellationToken);
        }
        yield return new SseItem<string>(JsonSerializer.Serialize(RunInfo.From(store.GetRun(id)!), ApiJsonContext.Default.RunInfo), "status");
    }

    private static Results<Ok<RunResults>, ProblemHttpResult> Results(string id, string? city, IResultsStore store)
    {
        var run = store.GetRun(id);
        if (run is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        if (city is not null && !GbaSim.Model.Ecosystem.Cities.TryParse(city, out _))
        {
            return Problems.NotFound($"There is no city '{city}'; the cities are {string.Join(", ", GbaSim.Model.Ecosystem.Cities.All.Select(c => GbaSim.Model.Ecosystem.Cities.DisplayName(c)))}.");
        }
        var cityName = city is null ? null : CityName(city);
        var months = store.Months(id, cityName).Select(m => new MonthInfo(m.Month, m.YearMonth, m.Figures)).ToArray();
        return TypedResults.Ok(new RunResults(RunInfo.From(run), cityName, months));
    }

    private static IResult Export(string id, string table, IResultsStore store)
    {
        if (store.GetRun(id) is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        var name = table.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? table[..^4] : table;
        try
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            store.ExportCsv(id, name, writer);
            return TypedResults.Text(writer.ToString(), "text/csv");
        }
        catch (ArgumentException ex)
        {
            return Problems.NotFound(ex.Message);
        }
    }

    private static async Task<IResult> Inspect(string id, string type, string key, IResultsStore store, RunCoordinator coordinator)
    {
        var run = store.GetRun(id);
        if (run is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        if (!coordinator.TryGetActive(id, out var active) || active.Run is null)
        {
            return Problems.NotFound($"Run '{id}' no longer holds its grains in memory (only the newest finished runs do); its figures remain under /api/runs/{id}/results.");
        }
        var state = await active.Run.InspectAsync(type, Uri.UnescapeDataString(key));
        return state is null
            ? Problems.NotFound($"Run '{id}' has no grain '{type}/{key}'. Grains are named city/<city>, institution/<key>, firm/<name>, ledger/<city> or policy/<name>.")
            : TypedResults.Text(state, "application/json");
    }

    private static Results<Accepted<RunInfo>, ProblemHttpResult> Cancel(string id, IResultsStore store, RunCoordinator coordinator)
    {
        var run = store.GetRun(id);
        if (run is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        if (!coordinator.Cancel(id))
        {
            return Problems.Conflict($"Run '{id}' has already finished ({run.Status.Name()}); there is nothing to cancel.");
        }
        return TypedResults.Accepted($"/api/runs/{id}", RunInfo.From(store.GetRun(id)!));
    }

    private static string CityName(string city) => GbaSim.Model.Ecosystem.Cities.TryParse(city, out var c) ? GbaSim.Model.Ecosystem.Cities.DisplayName(c) : city;
}
