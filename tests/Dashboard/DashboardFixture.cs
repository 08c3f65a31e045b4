using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Tests.Silo;
using Microsoft.Playwright;

namespace GbaSim.Tests.Dashboard;

/// <summary>
/// One real silo process, one headless Chromium and one finished gba-small run, shared by the
/// dashboard's browser tests.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly TempData _data = new();
    private IPlaywright? _playwright;

    public SiloProcess Silo { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A gba-small run that has completed, for the views that show a finished run.</summary>
    public string CompletedRunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Silo = await SiloProcess.StartAsync(_data.Path, "--max-runs", "2");
        using (var http = Silo.Http())
        {
            using var response = await http.PostAsync("api/runs?scenario=gba-small.yaml", null);
            response.EnsureSuccessStatusCode();
            var run = await response.Content.ReadFromJsonAsync<JsonElement>();
            CompletedRunId = run.GetProperty("id").GetString()!;
            var done = await ApiHelpers.WaitAsync(http, CompletedRunId, ApiHelpers.Finished, seconds: 180);
            Assert.Equal("completed", done.GetProperty("status").GetString());
        }
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh page of the dashboard (its own context) that records console errors.</summary>
    public async Task<DashboardPage> OpenAsync(string hash = "") => await DashboardPage.OpenAsync(Browser, Silo.Address, hash);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
        _data.Dispose();
    }
}
