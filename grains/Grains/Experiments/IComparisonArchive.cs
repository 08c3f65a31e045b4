using System.Text.Json;
using GbaSim.Contracts.Experiments;

namespace GbaSim.Grains.Experiments;

/// <summary>Where a silo keeps the comparisons <c>gbasim compare</c> sends, for the dashboard's compare view.</summary>
public interface IComparisonArchive
{
    /// <summary>Keeps a summary and returns its id; throws <see cref="JsonException"/> when the text is not a comparison summary.</summary>
    string Save(string json);

    /// <summary>The kept comparisons, newest first; one that no longer reads as a summary is left out and logged.</summary>
    IReadOnlyList<ComparisonListing> List();

    /// <summary>A kept summary's JSON, or null if there is none by that id.</summary>
    string? Get(string id);
}
