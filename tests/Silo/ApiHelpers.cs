using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GbaSim.Tests.Silo;

/// <summary>Small calls against a silo's API shared by the integration tests.</summary>
public static class ApiHelpers
{
    public static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    public static async Task<JsonElement> SubmitAsync(HttpClient http, string scenarioPath, string query = "")
    {
        var text = await File.ReadAllTextAsync(Scenarios.Repository.PathOf(scenarioPath));
        var relative = Path.GetRelativePath(Scenarios.Repository.PathOf("scenarios"), Scenarios.Repository.PathOf(scenarioPath));
        using var response = await http.PostAsync($"api/runs?path={Uri.EscapeDataString(relative)}{query}", Yaml(text));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> WaitAsync(HttpClient http, string runId, Func<JsonElement, bool> until, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
            if (until(run))
            {
                return run;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {runId} did not reach the awaited state; last seen: {run}");
            }
            await Task.Delay(100);
        }
    }

    public static bool Finished(JsonElement run) => run.GetProperty("status").GetString() is "completed" or "failed" or "cancelled" or "interrupted";

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        return JsonDocument.Parse(body).RootElement;
    }
}
