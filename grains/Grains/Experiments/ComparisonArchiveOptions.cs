namespace GbaSim.Grains.Experiments;

/// <summary>Where a silo keeps comparisons.</summary>
public sealed class ComparisonArchiveOptions
{
    /// <summary>The folder of comparison files. Default: <c>data/comparisons</c>.</summary>
    public string Folder { get; set; } = Path.Combine("data", "comparisons");
}
