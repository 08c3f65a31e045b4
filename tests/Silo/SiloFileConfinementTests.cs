using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Tests.Scenarios;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>
/// Through every endpoint that takes a scenario (POST /api/runs, /api/scenarios/validate and
/// /api/experiments) a scenario naming a file outside the silo's library, a device, a pipe or a
/// link out of it is refused at once with 400 and located errors; no answer holds any of such a
/// file, nor the silo's own paths.
/// </summary>
public sealed class SiloFileConfinementTests(TrappedLibrarySilo fixture) : IClassFixture<TrappedLibrarySilo>
{
    private const string ProbeStart = "name: probe\nseed: 1\nstart: 2025-01\nhorizon: 12\n";

    [Fact]
    public async Task Run_extending_etc_passwd_is_refused_without_quoting_it_or_naming_silo_paths()
    {
        var (error, body) = await RefusedAsync("api/runs?path=probe.yaml", "extends: /etc/passwd\nname: probe\n");

        AssertAt(error, "probe.yaml", 1, 10);
        Assert.Equal("the extended scenario file '/etc/passwd' is outside the silo's scenario library", error.GetProperty("message").GetString());
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Run_whose_world_is_dev_zero_is_refused_at_once()
    {
        var (error, body) = await RefusedAsync("api/runs?path=variants/probe.yaml", ProbeStart + "world: /dev/zero\n");

        AssertAt(error, "variants/probe.yaml", 5, 8);
        Assert.StartsWith("the world file '/dev/zero' is outside", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Validation_of_a_scenario_extending_etc_hostname_through_dot_dots_is_refused()
    {
        var (error, body) = await RefusedAsync("api/scenarios/validate?path=probe.yaml", "extends: ../../../../../../../../etc/hostname\nname: probe\n");

        AssertAt(error, "probe.yaml", 1, 10);
        Assert.StartsWith("the extended scenario file '../../../../../../../../etc/hostname' is outside", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Validation_of_a_scenario_extending_a_fifo_in_the_library_is_refused_at_once()
    {
        var (error, body) = await RefusedAsync("api/scenarios/validate?path=probe.yaml", "extends: pipe.yaml\nname: probe\n");

        AssertAt(error, "probe.yaml", 1, 10);
        Assert.Equal("the extended scenario file 'pipe.yaml' is empty or is not a regular file", error.GetProperty("message").GetString());
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Run_through_a_link_out_of_the_library_is_refused_without_quoting_the_secret()
    {
        var (error, body) = await RefusedAsync("api/runs?path=probe.yaml", "extends: linked.yaml\nname: probe\n");

        AssertAt(error, "probe.yaml", 1, 10);
        Assert.StartsWith("the extended scenario file 'linked.yaml' is outside", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Missing_world_is_named_as_written_not_by_the_silo_path()
    {
        var (error, body) = await RefusedAsync("api/runs?path=probe.yaml", ProbeStart + "world: worlds/atlantis.yaml\n");

        AssertAt(error, "probe.yaml", 5, 8);
        Assert.Equal("the world file 'worlds/atlantis.yaml' does not exist", error.GetProperty("message").GetString());
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Experiment_whose_baseline_extends_etc_passwd_is_refused_without_quoting_it()
    {
        using var http = fixture.Silo.Http();
        var request = new
        {
            baseline = new { text = "extends: /etc/passwd\nname: probe\n", path = "probe.yaml" },
            variants = new[] { new { text = "extends: zero.yaml\nname: variant\n", path = "variant.yaml", label = "variant" } },
            seeds = new[] { 1 },
            forkAt = "2025-06",
        };

        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("api/experiments", request);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the answer took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var error = Assert.Single((await ProblemAsync(response)).GetProperty("errors").EnumerateArray());
        AssertAt(error, "probe.yaml", 1, 10);
        AssertLeaksNothing(body);
    }

    [Fact]
    public async Task Library_scenarios_that_are_a_fifo_or_a_link_out_are_not_found_at_once()
    {
        using var http = fixture.Silo.Http();
        foreach (var name in new[] { "pipe.yaml", "linked.yaml", "zero.yaml" })
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync($"api/runs?scenario={name}", null);

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{name}: the answer took {watch.Elapsed}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            AssertLeaksNothing(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Library_listing_skips_the_traps_and_answers_at_once()
    {
        using var http = fixture.Silo.Http();
        var watch = Stopwatch.StartNew();

        var list = await http.GetFromJsonAsync<JsonElement>("api/scenarios");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the listing took {watch.Elapsed}");
        Assert.Equal(["base.yaml"], list.EnumerateArray().Select(s => s.GetProperty("path").GetString()));
        AssertLeaksNothing(list.GetRawText());
    }

    /// <summary>Posts a scenario and returns its single error and the whole answer, asserting a 400 problem within five seconds.</summary>
    private async Task<(JsonElement Error, string Body)> RefusedAsync(string url, string scenario)
    {
        using var http = fixture.Silo.Http();
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(url, Yaml(scenario));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the answer took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var error = Assert.Single((await ProblemAsync(response)).GetProperty("errors").EnumerateArray());
        return (error, body);
    }

    private static void AssertAt(JsonElement error, string file, int line, int column)
    {
        Assert.Equal(file, error.GetProperty("file").GetString());
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.Equal(column, error.GetProperty("column").GetInt32());
    }

    /// <summary>Nothing of /etc/passwd or the secret, and none of the silo's absolute paths.</summary>
    private void AssertLeaksNothing(string body)
    {
        Assert.DoesNotContain(LibraryFolder.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Library.Parent, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);
        Assert.DoesNotContain(Repository.Root, body, StringComparison.Ordinal);
        foreach (var piece in File.ReadAllLines("/etc/passwd").SelectMany(l => l.Split(':').Append(l)).Where(p => p.Length >= 8))
        {
            Assert.DoesNotContain(piece, body, StringComparison.Ordinal);
        }
    }
}
