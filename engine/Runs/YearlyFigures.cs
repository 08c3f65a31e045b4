using GbaSim.Model.Ecosystem;

namespace GbaSim.Engine.Runs;

/// <summary>
/// The figures calibration targets are stated in, for every calendar year the run covers in
/// full, over the nine Guangdong cities (where the statistics come from): stocks at December,
/// flows summed over the year. Keys read <c>year.2027.highTechEnterprises</c>.
/// </summary>
public sealed class YearlyFigures(double scale)
{
    private readonly SortedDictionary<int, Dictionary<string, double>> _years = [];
    private int _months;

    /// <summary>The names of the yearly figures, as they follow <c>year.YYYY.</c> in summary keys.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "highTechEnterprises", "patentsGranted", "inventionPatents", "inventionShare", "rdPersonnel",
        "technologyTransactionValue", "facilityProjects", "ventureDeals", "technologiesStarted", "technologiesFromFirms",
    ];

    public void Add(MonthRecord month)
    {
        ArgumentNullException.ThrowIfNull(month);
        if (month.Month.Month == 1)
        {
            _months = 0;
        }
        _months++;
        if (!_years.TryGetValue(month.Month.Year, out var year))
        {
            year = Names.ToDictionary(n => n, _ => 0.0);
            _years[month.Month.Year] = year;
        }
        var guangdong = month.Cities.Where(c => c.Key.TerritoryOf() == Territory.Mainland).Select(c => c.Value).ToArray();
        year["patentsGranted"] += guangdong.Sum(c => (double)(c.InventionPatents + c.OtherPatents));
        year["inventionPatents"] += guangdong.Sum(c => (double)c.InventionPatents);
        year["technologyTransactionValue"] += guangdong.Sum(c => c.TransactionValue);
        year["facilityProjects"] += month.Region.FacilityProjects;
        foreach (var t in month.Transitions)
        {
            if (t.Outcome != TransitionOutcome.Advanced)
            {
                continue;
            }
            if (t.To == ChainStage.Market && t.Technology.FundingMillions > 0)
            {
                year["ventureDeals"] += 1 / scale;
            }
            else if (t.To == ChainStage.BasicResearch && t.From == ChainStage.BasicResearch && t.Technology.BornStep >= 0)
            {
                year["technologiesStarted"] += 1 / scale;
                year["technologiesFromFirms"] += t.HolderKind == HolderKind.Firm ? 1 / scale : 0;
            }
        }
        if (month.Month.Month == 12)
        {
            year["highTechEnterprises"] = guangdong.Sum(c => (double)c.HighTechEnterprises);
            year["rdPersonnel"] = guangdong.Sum(c => (double)(c.TalentEmployed + c.Researchers));
            year["inventionShare"] = year["patentsGranted"] > 0 ? year["inventionPatents"] / year["patentsGranted"] : 0;
            year["complete"] = _months == 12 ? 1 : 0;
        }
    }

    /// <summary>Writes the years so far, for a run's checkpoint.</summary>
    public void Save(GbaSim.Kernel.Snapshots.SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_months);
        writer.Write(_years.Count);
        foreach (var (year, figures) in _years)
        {
            writer.Write(year);
            writer.Write(figures.Count);
            foreach (var (name, value) in figures.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value);
            }
        }
    }

    /// <summary>Takes what <see cref="Save"/> wrote, in place of the years held.</summary>
    public void Restore(GbaSim.Kernel.Snapshots.SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _months = reader.Read<int>();
        _years.Clear();
        for (var years = reader.Read<int>(); years > 0; years--)
        {
            var year = reader.Read<int>();
            var figures = new Dictionary<string, double>();
            for (var count = reader.Read<int>(); count > 0; count--)
            {
                var name = reader.ReadString();
                figures[name] = reader.Read<double>();
            }
            _years[year] = figures;
        }
    }

    /// <summary>Writes every complete year's figures into <paramref name="summary"/>.</summary>
    public void WriteTo(IDictionary<string, double> summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var (year, figures) in _years)
        {
            if (figures.GetValueOrDefault("complete") < 1)
            {
                continue;
            }
            foreach (var name in Names)
            {
                summary[$"year.{year}.{name}"] = figures[name];
            }
        }
    }
}
