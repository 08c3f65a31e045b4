using System.Text.Json;
using GbaSim.Tests.Scenarios;
using Microsoft.Playwright;

namespace GbaSim.Tests.Dashboard;

/// <summary>
/// A page of the dashboard in its own browser context: it collects the console's errors and the
/// page's uncaught exceptions, reads charts through ECharts, and takes the documentation's
/// screenshots when GBASIM_SCREENSHOTS=1.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console error: {message.Text} ({message.Location})");
                }
            }
        };
        page.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add(request.Url);
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri silo, string hash)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = silo.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(60_000);
        var page = new DashboardPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync("/" + hash);
        return page;
    }

    /// <summary>The series of the ECharts chart drawn in the element with this id: each one's type, data and links.</summary>
    public async Task<JsonElement[]> SeriesAsync(string chartId)
    {
        var series = await Page.EvaluateAsync<JsonElement>("""
            id => {
              const element = document.getElementById(id);
              const chart = element && echarts.getInstanceByDom(element);
              if (!chart) return [];
              return chart.getOption().series.map(s => ({ type: s.type, data: s.data ?? [], links: s.links ?? [] }));
            }
            """, chartId);
        return [.. series.EnumerateArray()];
    }

    /// <summary>Waits until the chart with this id has a series of the given type with data (and links, for graphs).</summary>
    public async Task<JsonElement> WaitForSeriesAsync(string chartId, string type, bool withLinks = false)
    {
        await Page.WaitForFunctionAsync("""
            ([id, type, withLinks]) => {
              const element = document.getElementById(id);
              const chart = element && echarts.getInstanceByDom(element);
              const series = chart?.getOption().series?.find(s => s.type === type);
              return !!series && (series.data ?? []).length > 0 && (!withLinks || (series.links ?? []).length > 0);
            }
            """, new object[] { chartId, type, withLinks }, new PageWaitForFunctionOptions { PollingInterval = 100 });
        return (await SeriesAsync(chartId)).First(s => s.GetProperty("type").GetString() == type);
    }

    /// <summary>Saves docs/images/dashboard-{name}.png when GBASIM_SCREENSHOTS=1; otherwise does nothing.</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("GBASIM_SCREENSHOTS") != "1")
        {
            return;
        }
        // From the top, with the charts' animations finished.
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.WaitForTimeoutAsync(800);
        var path = Repository.PathOf(Path.Combine("docs", "images", $"dashboard-{name}.png"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    /// <summary>
    /// Fails with every console error and uncaught exception the page logged, but those that
    /// contain one of <paramref name="expected"/> (such as the browser's note of a 400 answer the
    /// page asked for on purpose).
    /// </summary>
    public void AssertNoConsoleErrors(params string[] expected)
    {
        lock (_errors)
        {
            var unexpected = _errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToArray();
            Assert.True(unexpected.Length == 0, "The dashboard logged errors:\n" + string.Join("\n", unexpected));
        }
    }

    /// <summary>Fails unless every request the page made went to the silo: the dashboard needs no internet.</summary>
    public void AssertOnlyRequestsTo(Uri silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_requests)
        {
            Assert.NotEmpty(_requests);
            var elsewhere = _requests.Where(url => !url.StartsWith(silo.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)).ToArray();
            Assert.True(elsewhere.Length == 0, "The dashboard requested resources from elsewhere than the silo:\n" + string.Join("\n", elsewhere));
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
