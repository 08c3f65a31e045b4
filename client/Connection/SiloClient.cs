using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using GbaSim.Silo.Api;

namespace GbaSim.Client.Connection;

/// <summary>The silo's HTTP API, typed. Problems come back as <see cref="SiloProblemException"/>.</summary>
public sealed class SiloClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = ApiJsonContext.Default };

    public Uri Address => http.BaseAddress!;

    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<RunInfo> SubmitAsync(string yaml, string? path, ulong? seed, double? scale, int? threads, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (path is not null)
        {
            query.Add($"path={Uri.EscapeDataString(path)}");
        }
        if (seed is not null)
        {
            query.Add($"seed={seed}");
        }
        if (scale is not null)
        {
            query.Add($"scale={scale.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (threads is not null)
        {
            query.Add($"threads={threads}");
        }
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await http.PostAsync("api/runs" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), content, cancellationToken);
        return await ReadAsync(response, ApiJsonContext.Default.RunInfo, cancellationToken);
    }

    /// <summary>Submits an experiment whose scenarios fork at a month: one fork group per seed (POST /api/experiments).</summary>
    public async Task<ExperimentInfo> SubmitExperimentAsync(ExperimentRequest request, CancellationToken cancellationToken) =>
        await ReadAsync(await http.PostAsJsonAsync("api/experiments", request, ApiJsonContext.Default.ExperimentRequest, cancellationToken), ApiJsonContext.Default.ExperimentInfo, cancellationToken);

    public async Task<RunInfo[]> ListAsync(CancellationToken cancellationToken) =>
        await ReadAsync(await http.GetAsync("api/runs", cancellationToken), ApiJsonContext.Default.RunInfoArray, cancellationToken);

    public async Task<RunInfo> GetAsync(string runId, CancellationToken cancellationToken) =>
        await ReadAsync(await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}", cancellationToken), ApiJsonContext.Default.RunInfo, cancellationToken);

    public async Task<RunResults> ResultsAsync(string runId, string? city, CancellationToken cancellationToken) =>
        await ReadAsync(await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/results" + (city is null ? "" : $"?city={Uri.EscapeDataString(city)}"), cancellationToken), ApiJsonContext.Default.RunResults, cancellationToken);

    public async Task<string> ExportAsync(string runId, string table, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/export/{Uri.EscapeDataString(table)}", cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<string> InspectAsync(string runId, string type, string key, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/grains/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(key)}", cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<RunInfo> CancelAsync(string runId, CancellationToken cancellationToken) =>
        await ReadAsync(await http.PostAsync($"api/runs/{Uri.EscapeDataString(runId)}/cancel", null, cancellationToken), ApiJsonContext.Default.RunInfo, cancellationToken);

    /// <summary>The run's live events: each finished month, then its final status.</summary>
    public async IAsyncEnumerable<(MonthEvent? Month, RunInfo? Status)> WatchAsync(string runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/runs/{Uri.EscapeDataString(runId)}/events");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            if (item.EventType == "month")
            {
                yield return (JsonSerializer.Deserialize(item.Data, ApiJsonContext.Default.MonthEvent), null);
            }
            else if (item.EventType == "status")
            {
                yield return (null, JsonSerializer.Deserialize(item.Data, ApiJsonContext.Default.RunInfo));
            }
        }
    }

    /// <summary>Keeps a comparison's summary on the silo for the dashboard's compare view; returns its id.</summary>
    public async Task<string> SaveComparisonAsync(string summaryJson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(summaryJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/comparisons", content, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public void Dispose() => http.Dispose();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (response)
        {
            await ThrowIfProblemAsync(response, cancellationToken);
            return (await response.Content.ReadFromJsonAsync(type, cancellationToken))!;
        }
    }

    private static async Task ThrowIfProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string title = response.ReasonPhrase ?? "Error", detail = body;
        var errors = new List<ScenarioErrorInfo>();
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            title = root.TryGetProperty("title", out var t) ? t.GetString() ?? title : title;
            detail = root.TryGetProperty("detail", out var d) ? d.GetString() ?? detail : detail;
            if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                errors.AddRange(list.Deserialize(ApiJsonContext.Default.ScenarioErrorInfoArray) ?? []);
            }
        }
        catch (JsonException)
        {
            // Not problem details: keep the raw body as the explanation.
        }
        throw new SiloProblemException((int)response.StatusCode, title, string.IsNullOrWhiteSpace(detail) ? $"{(int)response.StatusCode} {response.StatusCode}" : detail, errors);
    }
}
