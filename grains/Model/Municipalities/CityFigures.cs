using GbaSim.Kernel.Snapshots;

namespace GbaSim.Model.Municipalities;

/// <summary>
/// A city's figures for one month, aggregated from the reports its firms and institutions sent
/// the step before, plus its own talent-market results.
/// </summary>
public sealed record CityFigures
{
    public long Firms { get; set; }
    public long HighTechEnterprises { get; set; }
    public long NewHighTechEnterprises { get; set; }
    public long StartUps { get; set; }
    public long Incubated { get; set; }
    public long Births { get; set; }
    public long Closures { get; set; }
    public long TalentEmployed { get; set; }
    public long Products { get; set; }
    public double Revenue { get; set; }
    public long InventionPatents { get; set; }
    public long OtherPatents { get; set; }
    public long Researchers { get; set; }
    public long ResearchResults { get; set; }
    public long Graduates { get; set; }
    public long FacilityProjects { get; set; }
    public long FacilityProjectsHkMacao { get; set; }
    public double TransactionValue { get; set; }
    public long Hires { get; set; }
    public long UnmetDemand { get; set; }
    public long MigrantsIn { get; set; }
    public long MigrantsOut { get; set; }
    public long MigrantsLost { get; set; }
    public double TalentPool { get; set; }
    public long FirmsCreated { get; set; }

    public static IReadOnlyList<string> Names { get; } = typeof(CityFigures).GetProperties()
        .Where(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(double))
        .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
        .ToArray();

    /// <summary>Figures from the values <see cref="Values"/> gave, in the same order (whole counts are exact below 2^53).</summary>
    public static CityFigures FromValues(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var figures = new CityFigures();
        var properties = typeof(CityFigures).GetProperties().Where(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(double)).ToArray();
        if (values.Count != properties.Length)
        {
            throw new ArgumentException($"A city's month has {properties.Length} figures, not {values.Count}.", nameof(values));
        }
        for (var i = 0; i < properties.Length; i++)
        {
            properties[i].SetValue(figures, properties[i].PropertyType == typeof(long) ? (object)(long)values[i] : values[i]);
        }
        return figures;
    }

    /// <summary>The figures as (name, value) pairs, in a fixed order.</summary>
    /// <summary>Writes every figure, in declaration order.</summary>
    public void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var property in Figures)
        {
            if (property.PropertyType == typeof(long))
            {
                writer.Write((long)property.GetValue(this)!);
            }
            else
            {
                writer.Write((double)property.GetValue(this)!);
            }
        }
    }

    public static CityFigures Load(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var figures = new CityFigures();
        foreach (var property in Figures)
        {
            property.SetValue(figures, property.PropertyType == typeof(long) ? (object)reader.Read<long>() : reader.Read<double>());
        }
        return figures;
    }

    private static readonly System.Reflection.PropertyInfo[] Figures = typeof(CityFigures).GetProperties()
        .Where(p => p.CanWrite && (p.PropertyType == typeof(long) || p.PropertyType == typeof(double))).ToArray();

    public IEnumerable<(string Name, double Value)> Values()
    {
        var properties = typeof(CityFigures).GetProperties().Where(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(double));
        foreach (var property in properties)
        {
            yield return (char.ToLowerInvariant(property.Name[0]) + property.Name[1..], Convert.ToDouble(property.GetValue(this), System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
