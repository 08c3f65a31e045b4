using GbaSim.Model.Ecosystem;

namespace GbaSim.Engine.Runs;

/// <summary>
/// Accumulates the headline figures of a run month by month, so a run never needs to hold its
/// whole history. Counts derived from the sampled world's records are scaled up to the region.
/// </summary>
public sealed class SummaryBuilder(double scale)
{
    private readonly long[] _reached = new long[ChainStages.Count];
    private readonly long[] _stalled = new long[ChainStages.Count];
    private readonly List<int> _monthsToMarket = [];
    private readonly double[] _flowAll = new double[3];
    private readonly double[] _flowCrossing = new double[3];
    private readonly Dictionary<string, double> _year1 = [];
    private double _inventions;
    private double _patents;
    private double _newHighTech;
    private double _transactionValue;
    private double _facilityProjects;
    private double _facilityProjectsHkMacao;
    private double _policySpending;
    private MonthRecord? _last;
    private double _year1Patents;
    private double _year1Inventions;
    private long _startedByFirms;
    private readonly YearlyFigures _years = new(scale);

    public void Add(MonthRecord month)
    {
        ArgumentNullException.ThrowIfNull(month);
        foreach (var t in month.Transitions)
        {
            if (t.Outcome == TransitionOutcome.Advanced)
            {
                _reached[(int)t.To]++;
                if (t.To == ChainStage.BasicResearch && t.HolderKind == HolderKind.Firm)
                {
                    _startedByFirms++;
                }
                if (t.To == ChainStage.Market)
                {
                    _monthsToMarket.Add(month.Index - t.Technology.BornStep);
                }
            }
            else
            {
                _stalled[(int)t.From]++;
            }
        }
        foreach (var f in month.Flows)
        {
            _flowAll[(int)f.Kind] += f.Amount;
            if (Cities.CrossesBorder(f.From, f.To))
            {
                _flowCrossing[(int)f.Kind] += f.Amount;
            }
        }
        var region = month.Region;
        _inventions += region.InventionPatents;
        _patents += region.InventionPatents + region.OtherPatents;
        _newHighTech += region.NewHighTechEnterprises;
        _transactionValue += region.TransactionValue;
        _facilityProjects += region.FacilityProjects;
        _facilityProjectsHkMacao += region.FacilityProjectsHkMacao;
        _policySpending += month.Policies.Sum(p => p.Spent);
        if (month.Index <= 11)
        {
            foreach (var (city, figures) in month.Cities)
            {
                if (city.TerritoryOf() == Territory.Mainland)
                {
                    _year1Patents += figures.InventionPatents + figures.OtherPatents;
                    _year1Inventions += figures.InventionPatents;
                }
            }
        }
        if (month.Index == 11)
        {
            CloseYearOne(month);
        }
        _years.Add(month);
        _last = month;
    }

    private void CloseYearOne(MonthRecord month)
    {
        var guangdong = month.Cities.Where(c => c.Key.TerritoryOf() == Territory.Mainland).Select(c => c.Value).ToArray();
        _year1["year1.highTechEnterprises"] = guangdong.Sum(c => c.HighTechEnterprises);
        _year1["year1.patentsGranted"] = _year1Patents;
        _year1["year1.inventionPatents"] = _year1Inventions;
        _year1["year1.facilityProjectsHkMacaoShare"] = _facilityProjects > 0 ? _facilityProjectsHkMacao / _facilityProjects : 0;
    }

    public IReadOnlyDictionary<string, double> Build()
    {
        var summary = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in _year1)
        {
            summary[name] = value;
        }
        summary["technologiesCommercialized"] = _reached[(int)ChainStage.Market] / scale;
        summary["medianMonthsToMarket"] = Median(_monthsToMarket);
        for (var s = 0; s < ChainStages.Count - 1; s++)
        {
            // The share of technologies reaching a stage that went on to reach the next.
            summary[$"conversion.{((ChainStage)s).FileName()}"] = _reached[s] > 0 ? (double)_reached[s + 1] / _reached[s] : 0;
        }
        summary["technologiesStarted"] = _reached[(int)ChainStage.BasicResearch] / scale;
        summary["share.technologiesFromFirms"] = _reached[(int)ChainStage.BasicResearch] > 0 ? (double)_startedByFirms / _reached[(int)ChainStage.BasicResearch] : 0;
        _years.WriteTo(summary);
        summary["newHighTechEnterprises"] = _newHighTech;
        summary["inventionPatents"] = _inventions;
        summary["patentsGranted"] = _patents;
        summary["technologyTransactionValue"] = _transactionValue;
        summary["facilityProjects"] = _facilityProjects;
        summary["policySpending"] = _policySpending;
        foreach (var kind in Enum.GetValues<FlowKind>())
        {
            var all = _flowAll[(int)kind];
            summary[$"crossBorderShare.{kind.ToString().ToLowerInvariant()}"] = all > 0 ? _flowCrossing[(int)kind] / all : 0;
        }
        if (_last is not null)
        {
            summary["highTechEnterprises"] = _last.Region.HighTechEnterprises;
            summary["firms"] = _last.Region.Firms;
            summary["talentEmployed"] = _last.Region.TalentEmployed;
        }
        return summary;
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
