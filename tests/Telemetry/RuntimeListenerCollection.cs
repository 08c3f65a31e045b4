namespace GbaSim.Tests.Telemetry;

/// <summary>
/// Listening to the runtime's own source makes every runtime in the process trace its steps
/// (and allocate for it), so these tests run alone, never beside the allocation tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeListenerCollection
{
    public const string Name = "Runtime listeners";
}
