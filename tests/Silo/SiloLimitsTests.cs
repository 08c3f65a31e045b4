using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>
/// What the silo refuses, and how: Host names off its list, scenario bodies that are not YAML,
/// changes asked by other sites, numbers out of range, oversize and slow bodies, work beyond its
/// queue, and comparisons that are not comparisons; none of them with a 500.
/// </summary>
public sealed class SiloLimitsTests(LimitsSiloFixture fixture) : IClassFixture<LimitsSiloFixture>
{
    private const string SmallScenario = "name: tiny\nextends: gba-small.yaml\n";

    [Fact]
    public async Task Host_header_off_the_allow_list_is_refused_and_loopback_and_listed_names_are_served()
    {
        using var http = fixture.Silo.Http();
        foreach (var (host, expected) in new[]
        {
            ("evil.example", HttpStatusCode.BadRequest),
            ($"evil.example:{fixture.Silo.Address.Port}", HttpStatusCode.BadRequest),
            ("127.0.0.1.nip.io", HttpStatusCode.BadRequest),
            ($"localhost:{fixture.Silo.Address.Port}", HttpStatusCode.OK),
            ($"{LimitsSiloFixture.AllowedHost}:{fixture.Silo.Address.Port}", HttpStatusCode.OK),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/runs");
            request.Headers.Host = host;
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == expected, $"Host {host} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Scenario_bodies_are_taken_only_as_application_yaml_and_others_including_text_plain_are_415()
    {
        using var http = fixture.Silo.Http();
        foreach (var type in new[] { "text/plain", "text/yaml", "application/x-www-form-urlencoded", "application/json" })
        {
            foreach (var path in new[] { "api/runs", "api/scenarios/validate" })
            {
                using var response = await http.PostAsync(path, new StringContent(SmallScenario, Encoding.UTF8, type));
                Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{type} to {path} answered {response.StatusCode}");
                Assert.Contains("application/yaml", (await ProblemAsync(response)).GetProperty("detail").GetString());
            }
        }
        using var untyped = await http.PostAsync("api/scenarios/validate", new ByteArrayContent(Encoding.UTF8.GetBytes(SmallScenario)));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, untyped.StatusCode);
        foreach (var type in new[] { "application/yaml", "application/x-yaml" })
        {
            using var valid = await http.PostAsync("api/scenarios/validate", new StringContent(SmallScenario, Encoding.UTF8, type));
            Assert.True(valid.StatusCode == HttpStatusCode.OK, $"{type} answered {valid.StatusCode}");
        }
    }

    [Fact]
    public async Task Changes_asked_by_a_page_of_another_site_are_403_and_there_are_no_cors_headers()
    {
        using var http = fixture.Silo.Http();
        foreach (var (header, value) in new[] { ("Origin", "http://evil.example"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs?scenario=gba-small.yaml");
            request.Headers.Add(header, value);
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{header}: {value} answered {response.StatusCode}");
            await ProblemAsync(response);
        }
        using var own = new HttpRequestMessage(HttpMethod.Post, "api/scenarios/validate") { Content = Yaml(SmallScenario) };
        own.Headers.Add("Origin", fixture.Silo.Address.GetLeftPart(UriPartial.Authority));
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(own)).StatusCode);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/runs");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Numbers_that_are_not_finite_or_out_of_range_are_400_problems_naming_the_parameter()
    {
        using var http = fixture.Silo.Http();
        foreach (var (path, parameter) in new[]
        {
            ("api/runs?scenario=gba-small.yaml&scale=NaN", "scale"),
            ("api/runs?scenario=gba-small.yaml&scale=Infinity", "scale"),
            ("api/runs?scenario=gba-small.yaml&scale=1e999", "scale"),
            ("api/runs?scenario=gba-small.yaml&scale=-0.5", "scale"),
            ("api/runs?scenario=gba-small.yaml&scale=0", "scale"),
            ("api/runs?scenario=gba-small.yaml&seed=-1", "seed"),
            ("api/runs?scenario=gba-small.yaml&seed=1.5", "seed"),
            ("api/runs?scenario=gba-small.yaml&shards=0", "shards"),
            ("api/runs?scenario=gba-small.yaml&shards=100000", "shards"),
            ("api/runs?scenario=gba-small.yaml&threads=-1", "threads"),
            ("api/runs?scenario=gba-small.yaml&threads=99999999", "threads"),
            ("api/runs?scenario=gba-small.yaml&threads=abc", "threads"),
        })
        {
            using var response = await http.PostAsync(path, null);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {response.StatusCode}");
            Assert.StartsWith(parameter, (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        foreach (var path in new[] { "api/runs?limit=-5", "api/runs?limit=0", "api/runs?limit=NaN", "api/runs?limit=100000", "api/runs/any/technologies?limit=-5", "api/runs/any/chains?limit=-5" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {response.StatusCode}");
            Assert.StartsWith("limit", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var experiment = new { baseline = new { text = SmallScenario }, variants = new[] { new { text = SmallScenario.Replace("tiny", "tiny-2", StringComparison.Ordinal) } }, seeds = new[] { 1 }, forkAt = "2026-01", threads = -3 };
        using var threads = await http.PostAsJsonAsync("api/experiments", experiment);
        Assert.Equal(HttpStatusCode.BadRequest, threads.StatusCode);
        await ProblemAsync(threads);
    }

    [Fact]
    public async Task Oversize_bodies_are_413_on_every_endpoint_that_takes_one_with_or_without_a_length()
    {
        using var http = fixture.Silo.Http();
        // Over the 1 MiB scenario limit and over the 1 MiB + 64 KiB that Kestrel takes at all.
        var huge = new string('#', 1024 * 1024 + (128 * 1024));
        foreach (var (path, type) in new[] { ("api/runs", "application/yaml"), ("api/scenarios/validate", "application/yaml"), ("api/comparisons", "application/json"), ("api/experiments", "application/json") })
        {
            foreach (var chunked in new[] { false, true })
            {
                HttpContent content = chunked ? new UnknownLengthContent(huge, type) : new StringContent(huge, Encoding.UTF8, type);
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                // The silo may answer before it has read the body; waiting for its go-ahead keeps the client from sending into a closed connection.
                request.Headers.ExpectContinue = true;
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{path} ({(chunked ? "chunked" : "with a length")}) answered {response.StatusCode}");
                await ProblemAsync(response);
            }
        }
    }

    [Fact]
    public async Task Body_that_stops_arriving_is_408_problem_details()
    {
        foreach (var (path, type, start) in new[] { ("/api/runs", "application/yaml", "name: slow\n"), ("/api/comparisons", "application/json", "{\"baseline\":"), ("/api/experiments", "application/json", "{\"baseline\":") })
        {
            using var client = new TcpClient();
            await client.ConnectAsync(fixture.Silo.Address.Host, fixture.Silo.Address.Port);
            var stream = client.GetStream();
            var head = $"POST {path} HTTP/1.1\r\nHost: {fixture.Silo.Address.Authority}\r\nContent-Type: {type}\r\nContent-Length: 4000\r\n\r\n{start}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
            Assert.Contains("application/problem+json", answer);
            Assert.Contains("too-slow", answer);
        }
    }

    [Fact]
    public async Task Full_queue_answers_429_with_Retry_After_and_the_client_says_the_silo_is_busy()
    {
        using var http = fixture.Silo.Http();
        var ids = new List<string>();
        try
        {
            foreach (var _ in Enumerable.Range(0, 2))
            {
                using var accepted = await http.PostAsync("api/runs?scenario=gba-baseline.yaml", null);
                Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
                ids.Add((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
            using var busy = await http.PostAsync("api/runs?scenario=gba-small.yaml", null);
            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
            Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {busy.Headers.RetryAfter}");
            Assert.Contains("queue is full", (await ProblemAsync(busy)).GetProperty("detail").GetString());

            using var data = new TempData();
            var client = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-small.yaml", "--silo", fixture.Silo.Gateway);
            Assert.Equal(1, client.ExitCode);
            Assert.Contains("busy", client.Errors);
            Assert.DoesNotContain("   at ", client.Errors);
        }
        finally
        {
            foreach (var id in Enumerable.Reverse(ids))
            {
                using var _ = await http.PostAsync($"api/runs/{id}/cancel", null);
            }
        }
    }

    [Fact]
    public async Task Comparison_that_is_not_a_summary_is_400_and_a_bad_stored_file_never_breaks_the_listing()
    {
        using var http = fixture.Silo.Http();
        foreach (var body in new[] { "{\"baseline\":\"x\"}", "{}", "[]", "null", "{\"baseline\":\"x\",\"replications\":0,\"metrics\":[],\"scenarios\":[],\"comparisons\":[],\"series\":[]}", "not json" })
        {
            using var response = await http.PostAsync("api/comparisons", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body} answered {response.StatusCode}");
            await ProblemAsync(response);
        }
        var good = "{\"baseline\":\"gba-small\",\"replications\":2,\"metrics\":[\"firms\"],\"scenarios\":[],\"comparisons\":[],\"series\":[]}";
        using (var saved = await http.PostAsync("api/comparisons", new StringContent(good, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        var folder = Path.Combine(fixture.DataFolder, "comparisons");
        await File.WriteAllTextAsync(Path.Combine(folder, "29990101-000000-bad001.json"), "{\"baseline\":\"x\"}");
        await File.WriteAllTextAsync(Path.Combine(folder, "29990101-000000-bad002.json"), "{ truncated");
        using var list = await http.GetAsync("api/comparisons");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = await list.Content.ReadFromJsonAsync<JsonElement>();
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal("gba-small", only.GetProperty("baseline").GetString());
    }
}
