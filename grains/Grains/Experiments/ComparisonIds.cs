using GbaSim.Contracts.Experiments;

namespace GbaSim.Grains.Experiments;

/// <summary>Ids of kept comparisons: the time saved, then a random tail, so that they sort by age.</summary>
public static class ComparisonIds
{
    public static string New() => $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Whether <paramref name="id"/> could be an id (letters, digits and dashes only), so that it is safe in a file name.</summary>
    public static bool IsValid(string id) => id.Length > 0 && id.All(c => char.IsLetterOrDigit(c) || c == '-');

    /// <summary>How a kept summary is listed; throws <see cref="System.Text.Json.JsonException"/> when the text is not a comparison summary.</summary>
    public static ComparisonListing Listing(string id, string json, DateTimeOffset saved)
    {
        var report = ComparisonSummaryCheck.Check(json);
        var variants = report.Comparisons.Select(c => c.Variant).Distinct(StringComparer.Ordinal).Count();
        return new ComparisonListing(id, report.Baseline, report.Replications, variants, saved);
    }
}
