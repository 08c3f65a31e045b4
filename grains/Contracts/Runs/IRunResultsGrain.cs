namespace GbaSim.Contracts.Runs;

/// <summary>Reads what the silo has stored about runs. Stateless: any silo answers from the results store.</summary>
[Alias("gbasim.IRunResultsGrain")]
public interface IRunResultsGrain : IGrainWithIntegerKey
{
    /// <summary>Runs, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<RunInfo>> List(int limit);

    [Alias("Get")]
    Task<RunInfo?> Get(string runId);

    /// <summary>A run's record and months for the region, or for one city; throws <see cref="RequestRejectedException"/> for an unknown run or city.</summary>
    [Alias("Results")]
    Task<RunResults> Results(string runId, string? city);

    /// <summary>One of a run's tables as CSV: months, transitions, flows or policies.</summary>
    [Alias("Export")]
    Task<string> Export(string runId, string table);
}
