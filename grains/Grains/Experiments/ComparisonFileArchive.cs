using System.Text.Json;
using GbaSim.Contracts.Experiments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbaSim.Grains.Experiments;

/// <summary>
/// Comparisons sent by <c>gbasim compare</c>, kept as JSON files in the silo's data folder (a
/// silo without a shared store) so that the dashboard's compare view can show them. Only checked summaries are kept (see
/// <see cref="ComparisonSummaryCheck"/>); a file in the folder that does not read as one is left
/// out of the listing and logged, never breaking it.
/// </summary>
public sealed partial class ComparisonFileArchive(IOptions<ComparisonArchiveOptions> options, ILogger<ComparisonFileArchive> logger) : IComparisonArchive
{
    private string Folder => Path.GetFullPath(options.Value.Folder);

    /// <summary>Keeps a summary and returns its id; throws <see cref="JsonException"/> when the text is not a comparison summary.</summary>
    public string Save(string json)
    {
        ComparisonSummaryCheck.Check(json);
        Directory.CreateDirectory(Folder);
        var id = ComparisonIds.New();
        File.WriteAllText(Path.Combine(Folder, id + ".json"), json);
        return id;
    }

    public IReadOnlyList<ComparisonListing> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var list = new List<ComparisonListing>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").OrderDescending(StringComparer.Ordinal))
        {
            try
            {
                list.Add(ComparisonIds.Listing(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), File.GetLastWriteTimeUtc(file)));
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                LogSkipped(logger, file, ex.Message);
            }
        }
        return list;
    }

    public string? Get(string id) =>
        ComparisonIds.IsValid(id) && File.Exists(Path.Combine(Folder, id + ".json")) ? File.ReadAllText(Path.Combine(Folder, id + ".json")) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left the comparison file {File} out of the listing: it is not a comparison summary ({Reason}).")]
    private static partial void LogSkipped(ILogger logger, string file, string reason);
}
