using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>The silo's HTTP API, driven directly: runs, live events, results, inspection and every error it owes a clear answer.</summary>
public sealed class SiloApiTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task Submitted_run_completes_with_results_events_exports_and_inspectable_grains()
    {
        using var http = fixture.Silo.Http();
        var run = await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.02&seed=5");
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal("5", run.GetProperty("seed").GetString());

        var done = await WaitAsync(http, id, Finished);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(36, done.GetProperty("monthsDone").GetInt32());
        Assert.Equal(64, done.GetProperty("resultHash").GetString()!.Length);
        Assert.True(done.GetProperty("summary").GetProperty("year1.highTechEnterprises").GetDouble() > 40_000);

        var results = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}/results?city=Shenzhen");
        Assert.Equal(36, results.GetProperty("months").GetArrayLength());
        Assert.Equal("Shenzhen", results.GetProperty("city").GetString());

        var events = await http.GetStringAsync($"api/runs/{id}/events");
        Assert.Equal(36, events.Split("event: month").Length - 1);
        Assert.Contains("event: status", events);

        var csv = await http.GetStringAsync($"api/runs/{id}/export/transitions.csv");
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 10);

        var city = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}/grains/city/Hong%20Kong");
        Assert.Equal("city/Hong Kong", city.GetProperty("grain").GetString());
        Assert.True(city.GetProperty("state").GetProperty("talentPool").GetDouble() > 0);

        var list = await http.GetFromJsonAsync<JsonElement>("api/runs");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Invalid_scenario_is_refused_with_every_error_located()
    {
        using var http = fixture.Silo.Http();
        using var response = await http.PostAsync("api/runs?path=bad.yaml", Yaml("name: bad\nseed: 1\nstart: 2025-13\nhorizon: 12\nworld: worlds/gba.yaml\nscael: 0.5\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var errors = problem.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("file").GetString() == "bad.yaml");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 6 && e.GetProperty("column").GetInt32() == 1 && e.GetProperty("hint").GetString()!.Contains("scale"));
    }

    [Fact]
    public async Task Unknown_run_and_unknown_grain_are_404_problems()
    {
        using var http = fixture.Silo.Http();
        using var missing = await http.GetAsync("api/runs/no-such-run");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no-such-run", (await ProblemAsync(missing)).GetProperty("detail").GetString());

        var run = await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.01");
        var id = run.GetProperty("id").GetString()!;
        await WaitAsync(http, id, Finished);
        using var grain = await http.GetAsync($"api/runs/{id}/grains/firm/zz-nothing-1");
        Assert.Equal(HttpStatusCode.NotFound, grain.StatusCode);
        await ProblemAsync(grain);
    }

    [Fact]
    public async Task Figures_endpoint_serves_the_catalogue_with_a_label_unit_and_definition_for_every_summary_key_of_a_run()
    {
        using var http = fixture.Silo.Http();
        var figures = await http.GetFromJsonAsync<JsonElement>("api/figures");
        var entries = figures.EnumerateArray().ToArray();
        Assert.Equal(GbaSim.Engine.Figures.FigureCatalogue.All.Count, entries.Length);
        Assert.All(entries, e =>
        {
            foreach (var field in new[] { "name", "label", "definition", "unit", "scope", "period", "better", "format", "kind" })
            {
                Assert.True(e.TryGetProperty(field, out _), $"{field} missing in {e}");
            }
        });
        var run = await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.01");
        var done = await WaitAsync(http, run.GetProperty("id").GetString()!, Finished);
        foreach (var key in done.GetProperty("summary").EnumerateObject().Select(p => p.Name))
        {
            var entry = Assert.Single(entries, e => e.GetProperty("name").GetString() == GbaSim.Engine.Figures.FigureCatalogue.EntryName(key) && e.GetProperty("kind").GetString() == "summary");
            Assert.Equal(GbaSim.Engine.Figures.FigureCatalogue.Summary(GbaSim.Engine.Figures.FigureCatalogue.EntryName(key)).Label, entry.GetProperty("label").GetString());
        }
        var month = await http.GetFromJsonAsync<JsonElement>($"api/runs/{done.GetProperty("id").GetString()}/results");
        foreach (var key in month.GetProperty("months")[0].GetProperty("figures").EnumerateObject().Select(p => p.Name))
        {
            Assert.Single(entries, e => e.GetProperty("name").GetString() == key && e.GetProperty("kind").GetString() == "monthly");
        }
    }

    [Fact]
    public async Task Oversized_body_is_413_and_wrong_content_type_is_415()
    {
        using var http = fixture.Silo.Http();
        var huge = "# " + new string('x', 1024 * 1024 + 10) + "\nname: x\n";
        using var tooLarge = await http.PostAsync("api/runs", Yaml(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        await ProblemAsync(tooLarge);

        using var json = await http.PostAsync("api/runs", new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("application/yaml", (await ProblemAsync(json)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Cancelling_runs_stops_them_and_cancelling_a_finished_run_is_409()
    {
        using var http = fixture.Silo.Http();
        var run = await SubmitAsync(http, "scenarios/gba-baseline.yaml");
        var id = run.GetProperty("id").GetString()!;
        using (var cancel = await http.PostAsync($"api/runs/{id}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }
        var done = await WaitAsync(http, id, Finished);
        Assert.Equal("cancelled", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("monthsDone").GetInt32() < 144);

        using var again = await http.PostAsync($"api/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await ProblemAsync(again);
    }

    [Fact]
    public async Task Health_readiness_and_openapi_answer()
    {
        using var http = fixture.Silo.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("ready")).StatusCode);
        var openApi = await http.GetStringAsync("openapi/v1.json");
        Assert.Contains("/api/runs/{id}/events", openApi);
        var scenarios = await http.GetFromJsonAsync<JsonElement>("api/scenarios");
        Assert.Contains(scenarios.EnumerateArray(), s => s.GetProperty("path").GetString() == "gba-baseline.yaml");
    }
}
