using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Engine.Figures;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>Every chart of the run views names its figure in the catalogue's words, and draws it honestly: from zero, with whole labels and told-apart colours.</summary>
public sealed partial class DashboardTests
{
    /// <summary>The finished run's live view once its chain, chord and policy charts are drawn.</summary>
    private async Task<DashboardPage> OpenDrawnLiveRunAsync()
    {
        var dashboard = await fixture.OpenAsync($"#/live/{fixture.CompletedRunId}");
        await Expect(dashboard.Page.Locator("#live-status")).ToHaveTextAsync("completed");
        await dashboard.WaitForSeriesAsync("chain-chart", "sankey", withLinks: true);
        await dashboard.WaitForSeriesAsync("flows-chart", "chord", withLinks: true);
        await dashboard.WaitForSeriesAsync("policy-chart", "bar");
        return dashboard;
    }

    [Fact]
    public async Task Every_chart_of_the_run_and_chain_views_is_titled_and_defined_by_the_catalogue()
    {
        using var http = fixture.Silo.Http();
        var catalogue = (await http.GetFromJsonAsync<JsonElement>("api/figures")).EnumerateArray().ToArray();
        await using var dashboard = await OpenDrawnLiveRunAsync();
        var page = dashboard.Page;
        CatalogueCharts.AssertSpeak(await page.EvaluateAsync<JsonElement>(CatalogueCharts.OfTheView), catalogue);
        await page.SelectOptionAsync("#flow-kind", "capital");
        await Expect(page.Locator("section.card h2[data-figure='flow.capital']")).ToHaveTextAsync(FigureCatalogue.Of(FigureKinds.Flow, "flow.capital").Heading);

        await page.GotoAsync($"/#/chain/{fixture.CompletedRunId}");
        await dashboard.WaitForSeriesAsync("chain-time-sankey", "sankey", withLinks: true);
        await dashboard.WaitForSeriesAsync("chain-time-counts", "bar");
        await dashboard.WaitForSeriesAsync("flow-map", "graph");
        CatalogueCharts.AssertSpeak(await page.EvaluateAsync<JsonElement>(CatalogueCharts.OfTheView), catalogue);
        await page.SelectOptionAsync("#map-kind", "technology");
        await Expect(page.Locator("section.card h2[data-figure='flow.technology']")).ToHaveTextAsync(FigureCatalogue.Of(FigureKinds.Flow, "flow.technology").Heading);
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Live_charts_start_at_zero_keep_their_labels_whole_and_number_the_chord_in_eleven_colours()
    {
        await using var dashboard = await OpenDrawnLiveRunAsync();
        var page = dashboard.Page;
        var drawn = await page.EvaluateAsync<JsonElement>("""
            () => {
              const option = id => echarts.getInstanceByDom(document.getElementById(id)).getOption();
              const policy = option('policy-chart');
              const sankey = option('chain-chart').series[0];
              const chord = option('flows-chart').series[0];
              // The widest label the Sankey draws, measured in its own font.
              const context = document.createElement('canvas').getContext('2d');
              context.font = `${sankey.label.fontSize}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
              const widest = Math.max(...sankey.data.map(n => context.measureText(sankey.label.formatter({ name: n.name, value: n.value })).width));
              return {
                policyMin: policy.yAxis[0].min,
                policyOverlap: policy.xAxis[0].axisLabel?.hideOverlap === true,
                overflow: sankey.label.overflow,
                room: sankey.right, widest,
                chordLabels: chord.data.map(d => chord.label.formatter({ name: d.name })),
                chordColours: chord.data.map(d => d.itemStyle.color),
              };
            }
            """);
        Assert.Equal(0, drawn.GetProperty("policyMin").GetDouble());
        Assert.True(drawn.GetProperty("policyOverlap").GetBoolean());
        Assert.Equal("none", drawn.GetProperty("overflow").GetString());
        Assert.True(drawn.GetProperty("widest").GetDouble() + 5 <= drawn.GetProperty("room").GetDouble(),
            $"The widest Sankey label needs {drawn.GetProperty("widest").GetDouble():0} px; the chart leaves {drawn.GetProperty("room").GetDouble()} px.");
        Assert.All(drawn.GetProperty("chordLabels").EnumerateArray(), l => Assert.Matches(@"\d", l.GetString()!));
        Assert.Equal(11, drawn.GetProperty("chordColours").EnumerateArray().Select(c => c.GetString()).Distinct().Count());
        dashboard.AssertNoConsoleErrors();
    }
}
