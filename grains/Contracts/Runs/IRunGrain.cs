namespace GbaSim.Contracts.Runs;

/// <summary>One run, keyed by its id: follow it live and look inside it.</summary>
[Alias("gbasim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// The run's months as they finish (those already stored first), then its final record as
    /// the last event. A finished run gives its stored months and record at once.
    /// </summary>
    [Alias("Watch")]
    IAsyncEnumerable<RunEvent> Watch(CancellationToken cancellationToken = default);

    /// <summary>
    /// The state of one of the run's actors as JSON (type and key as people write them, e.g.
    /// <c>city</c>, <c>Shenzhen</c>), answered between steps; throws <see cref="RequestRejectedException"/>
    /// when there is no such actor or the run no longer holds its actors.
    /// </summary>
    [Alias("Inspect")]
    Task<string> Inspect(string type, string key);
}
