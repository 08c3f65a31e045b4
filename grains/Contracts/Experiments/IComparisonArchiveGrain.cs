namespace GbaSim.Contracts.Experiments;

/// <summary>Comparisons made by <c>gbasim compare</c>, kept by the silo for the dashboard's compare view.</summary>
[Alias("gbasim.IComparisonArchiveGrain")]
public interface IComparisonArchiveGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps a comparison summary (the JSON <c>gbasim compare --json</c> prints) and returns its id; throws <see cref="RequestRejectedException"/> when it is not one.</summary>
    [Alias("Save")]
    Task<string> Save(string summaryJson);

    /// <summary>The comparisons kept, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ComparisonListing>> List();

    /// <summary>One comparison's summary JSON, or null if there is no such comparison.</summary>
    [Alias("Get")]
    Task<string?> Get(string id);
}
