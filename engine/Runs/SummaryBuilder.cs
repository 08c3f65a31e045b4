using GbaSim.Kernel.Snapshots;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;

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
    private readonly LaunchLags _lags = new();
    private int _lastMonth = -1;
    private readonly double[] _flowAll = new double[Enum.GetValues<FlowKind>().Length];
    private readonly double[] _flowCrossing = new double[Enum.GetValues<FlowKind>().Length];
    private readonly Dictionary<string, double> _year1 = [];
    private double _inventions;
    private double _patents;
    private double _newHighTech;
    private double _transactionValue;
    private double _facilityProjects;
    private double _facilityProjectsHkMacao;
    private double _policySpending;
    private CityFigures? _lastRegion;
    private double _year1Patents;
    private double _year1Inventions;
    private long _startedByFirms;
    private readonly YearlyFigures _years = new(scale);

    public void Add(MonthRecord month)
    {
        ArgumentNullException.ThrowIfNull(month);
        foreach (var t in month.Transitions)
        {
            var born = t.Technology.BornStep;
            if (t.Outcome == TransitionOutcome.Advanced)
            {
                if (t.From == t.To && born < 0)
                {
                    // Under way before the run: followed for its lag, but not a start of the run's.
                    _lags.Enter(born, month.Index);
                    continue;
                }
                _reached[(int)t.To]++;
                if (t.To == ChainStage.BasicResearch)
                {
                    _lags.Enter(born, month.Index);
                    _startedByFirms += t.HolderKind == HolderKind.Firm ? 1 : 0;
                }
                if (t.To == ChainStage.Market)
                {
                    _monthsToMarket.Add(month.Index - born);
                    _lags.Launch(born, month.Index);
                }
            }
            else
            {
                _stalled[(int)t.From]++;
                _lags.Abandon(born, month.Index);
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
        _lastRegion = month.Region;
        _lastMonth = month.Index;
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
        summary["medianMonthsToMarket"] = _lags.Median(_lastMonth);
        summary["medianMonthsToMarket.launchesInRun"] = Median(_monthsToMarket);
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
        if (_lastRegion is not null)
        {
            summary["highTechEnterprises"] = _lastRegion.HighTechEnterprises;
            summary["firms"] = _lastRegion.Firms;
            summary["talentEmployed"] = _lastRegion.TalentEmployed;
        }
        return summary;
    }

    /// <summary>Writes what has been accumulated, for a run's checkpoint.</summary>
    public void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSpan<long>(_reached);
        writer.WriteSpan<long>(_stalled);
        writer.WriteList(_monthsToMarket);
        _lags.Save(writer);
        writer.Write(_lastMonth);
        writer.WriteSpan<double>(_flowAll);
        writer.WriteSpan<double>(_flowCrossing);
        writer.Write(_year1.Count);
        foreach (var (name, value) in _year1.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(value);
        }
        writer.WriteSpan<double>([_inventions, _patents, _newHighTech, _transactionValue, _facilityProjects, _facilityProjectsHkMacao, _policySpending, _year1Patents, _year1Inventions]);
        writer.Write(_startedByFirms);
        _years.Save(writer);
        writer.Write(_lastRegion is not null);
        _lastRegion?.Save(writer);
    }

    /// <summary>Takes what <see cref="Save"/> wrote, in place of what this builder holds.</summary>
    public void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadInto(_reached);
        reader.ReadInto(_stalled);
        reader.ReadList(_monthsToMarket);
        _lags.Restore(reader);
        _lastMonth = reader.Read<int>();
        reader.ReadInto(_flowAll);
        reader.ReadInto(_flowCrossing);
        _year1.Clear();
        for (var count = reader.Read<int>(); count > 0; count--)
        {
            var name = reader.ReadString();
            _year1[name] = reader.Read<double>();
        }
        var totals = new double[9];
        reader.ReadInto(totals);
        (_inventions, _patents, _newHighTech, _transactionValue, _facilityProjects, _facilityProjectsHkMacao, _policySpending, _year1Patents, _year1Inventions) =
            (totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7], totals[8]);
        _startedByFirms = reader.Read<long>();
        _years.Restore(reader);
        _lastRegion = reader.Read<bool>() ? CityFigures.Load(reader) : null;
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
