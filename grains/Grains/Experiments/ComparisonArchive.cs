using System.Text.Json;
using GbaSim.Contracts.Experiments;
using Microsoft.Extensions.Options;

namespace GbaSim.Grains.Experiments;

/// <summary>
/// Comparisons sent by <c>gbasim compare</c>, kept as JSON files in the silo's data folder so that
/// the dashboard's compare view can show them.
/// </summary>
public sealed class ComparisonArchive(IOptions<ComparisonArchiveOptions> options)
{
    private string Folder => Path.GetFullPath(options.Value.Folder);

    public string Save(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("baseline", out var baseline) || baseline.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A comparison names its baseline.");
        }
        Directory.CreateDirectory(Folder);
        var id = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
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
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var variants = root.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("variant").GetString()).Distinct().Count();
            list.Add(new ComparisonListing(Path.GetFileNameWithoutExtension(file), root.GetProperty("baseline").GetString() ?? "", root.GetProperty("replications").GetInt32(), variants, File.GetLastWriteTimeUtc(file)));
        }
        return list;
    }

    public string? Get(string id) =>
        id.All(c => char.IsLetterOrDigit(c) || c == '-') && File.Exists(Path.Combine(Folder, id + ".json")) ? File.ReadAllText(Path.Combine(Folder, id + ".json")) : null;
}
