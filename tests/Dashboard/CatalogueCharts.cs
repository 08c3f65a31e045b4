using System.Text.Json;

namespace GbaSim.Tests.Dashboard;

/// <summary>What the browser tests check of any view's charts: their words come from the figure catalogue (GET /api/figures).</summary>
internal static class CatalogueCharts
{
    /// <summary>Each chart of the view: the titles it draws, its axes' names, and the catalogue figure its card names.</summary>
    public const string OfTheView = """
        () => [...document.querySelectorAll('#view .chart')].map(element => {
          const option = echarts.getInstanceByDom(element)?.getOption() ?? {};
          const title = element.closest('section.card')?.querySelector('h2');
          return {
            id: element.id,
            titles: (option.title ?? []).filter(t => t.text && t.top !== 'middle').map(t => t.text),
            axes: [...(option.xAxis ?? []), ...(option.yAxis ?? [])].map(a => a.name).filter(n => n),
            figure: title?.dataset.figure ?? '', kind: title?.dataset.kind ?? '', heading: title?.textContent ?? '', definition: title?.title ?? '',
          };
        })
        """;

    /// <summary>Every chart titles itself with catalogue headings (after one of <paramref name="prefixes"/>, such as "Change in "), or its card names a catalogue figure in its heading and definition; axes are named by catalogue units.</summary>
    public static void AssertSpeak(JsonElement charts, IReadOnlyList<JsonElement> catalogue, params string[] prefixes)
    {
        var headings = catalogue.Select(f => f.GetProperty("heading").GetString()).ToHashSet();
        var units = catalogue.Select(f => f.GetProperty("unit").GetString()).ToHashSet();
        Assert.NotEmpty(charts.EnumerateArray());
        foreach (var chart in charts.EnumerateArray())
        {
            var id = chart.GetProperty("id").GetString();
            var titles = chart.GetProperty("titles").EnumerateArray().Select(t => t.GetString()).ToArray();
            if (titles.Length > 0)
            {
                Assert.All(titles, t => Assert.True(headings.Contains(t) || prefixes.Any(p => t!.StartsWith(p, StringComparison.Ordinal) && headings.Contains(t[p.Length..])),
                    $"{id}: the title '{t}' is not a catalogue heading"));
            }
            else
            {
                var entry = catalogue.SingleOrDefault(f => f.GetProperty("name").GetString() == chart.GetProperty("figure").GetString() && f.GetProperty("kind").GetString() == chart.GetProperty("kind").GetString());
                Assert.True(entry.ValueKind == JsonValueKind.Object, $"{id}: its card names no catalogue figure ({chart})");
                Assert.Equal(entry.GetProperty("heading").GetString(), chart.GetProperty("heading").GetString());
                Assert.Equal(entry.GetProperty("definition").GetString(), chart.GetProperty("definition").GetString());
            }
            Assert.All(chart.GetProperty("axes").EnumerateArray(), a => Assert.True(units.Contains(a.GetString()), $"{id}: the axis '{a}' is not a catalogue unit"));
        }
    }
}
