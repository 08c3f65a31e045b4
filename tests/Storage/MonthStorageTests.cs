using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

public sealed class MonthStorageTests : IDisposable
{
    private const int MonthCount = 14;
    private readonly StoreFolder _folder = new();
    private readonly SqliteResultsStore _store;

    public MonthStorageTests()
    {
        _store = _folder.Open();
        _store.CreateRun(StoreSamples.Run("run-1", months: MonthCount));
        _store.MarkStarted("run-1", StoreSamples.Created);
        for (var m = 0; m < MonthCount; m++)
        {
            _store.AppendMonth("run-1", StoreSamples.Month(m));
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Months_read_back_in_order_with_every_figure_of_the_region_and_each_city()
    {
        Assert.Equal(MonthCount, _store.GetRun("run-1")!.MonthsDone);
        foreach (City? city in Cities.All.Cast<City?>().Prepend(null))
        {
            var months = _store.Months("run-1", city?.DisplayName());
            Assert.Equal(Enumerable.Range(0, MonthCount), months.Select(m => m.Month));
            Assert.Equal(Enumerable.Range(0, MonthCount).Select(m => StoreSamples.Start.AddMonths(m).ToString()), months.Select(m => m.YearMonth));
            foreach (var month in months)
            {
                Assert.Equal(CityFigures.Names.Order(StringComparer.Ordinal), month.Figures.Keys.Order(StringComparer.Ordinal));
                foreach (var (figure, value) in month.Figures)
                {
                    Assert.Equal(StoreSamples.Figure(month.Month, city, figure), value);
                }
            }
        }
    }

    [Fact]
    public void A_series_follows_one_figure_of_the_region_or_a_city_through_the_months()
    {
        var region = _store.Series("run-1", "revenue");
        Assert.Equal(MonthCount, region.Count);
        for (var m = 0; m < MonthCount; m++)
        {
            Assert.Equal((m, StoreSamples.Start.AddMonths(m).ToString(), StoreSamples.Figure(m, null, "revenue")), region[m]);
        }
        Assert.Equal(region, _store.Series("run-1", "revenue", "region"));

        var hongKong = _store.Series("run-1", "firms", "Hong Kong");
        Assert.Equal(Enumerable.Range(0, MonthCount).Select(m => StoreSamples.Figure(m, City.HongKong, "firms")), hongKong.Select(p => p.Value));
        Assert.Equal(hongKong, _store.Series("run-1", "firms", "HongKong"));

        Assert.Empty(_store.Series("run-1", "no-such-figure"));
        Assert.Empty(_store.Series("no-such-run", "firms"));
        Assert.Empty(_store.Months("no-such-run"));
        var unknown = Assert.Throws<ArgumentException>(() => _store.Series("run-1", "firms", "Atlantis"));
        Assert.Contains("Hong Kong", unknown.Message);
    }

    [Fact]
    public void A_NaN_figure_reads_back_as_NaN()
    {
        _store.CreateRun(StoreSamples.Run("run-2"));
        _store.MarkStarted("run-2", StoreSamples.Created);
        var month = StoreSamples.Month(0);
        month.Region.TalentPool = double.NaN;
        _store.AppendMonth("run-2", month);

        Assert.True(double.IsNaN(_store.Series("run-2", "talentPool").Single().Value));
        Assert.Equal(StoreSamples.Figure(0, null, "revenue"), _store.Months("run-2").Single().Figures["revenue"]);
    }
}
