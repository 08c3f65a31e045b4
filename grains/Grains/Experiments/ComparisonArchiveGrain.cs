using System.Text.Json;
using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;

namespace GbaSim.Grains.Experiments;

/// <summary>The silo's kept comparisons (see <see cref="IComparisonArchiveGrain"/>); one activation, so saves never race.</summary>
public sealed class ComparisonArchiveGrain(IComparisonArchive archive) : Grain, IComparisonArchiveGrain
{
    public Task<string> Save(string summaryJson)
    {
        try
        {
            return Task.FromResult(archive.Save(summaryJson));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw RequestRejectedException.BadArgument($"The body is not a comparison summary: {ex.Message}");
        }
    }

    public Task<IReadOnlyList<ComparisonListing>> List() => Task.FromResult(archive.List());

    public Task<string?> Get(string id) => Task.FromResult(archive.Get(id));
}
