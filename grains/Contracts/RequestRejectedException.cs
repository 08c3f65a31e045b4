using GbaSim.Contracts.Scenarios;

namespace GbaSim.Contracts;

/// <summary>
/// A request a silo refused, with what was wrong in words a person can act on. It travels to the
/// caller through Orleans; the HTTP API turns it into problem details, the CLI into a message and
/// an exit code.
/// </summary>
[GenerateSerializer, Alias("gbasim.RequestRejectedException")]
public sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(RejectionKind kind, string detail, IReadOnlyList<ScenarioErrorInfo>? errors = null)
        : base(detail)
    {
        Kind = kind;
        Errors = errors ?? [];
    }

    public RequestRejectedException()
        : this(RejectionKind.BadArgument, "The request was refused.")
    {
    }

    public RequestRejectedException(string message)
        : this(RejectionKind.BadArgument, message)
    {
    }

    public RequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    [Id(0)]
    public RejectionKind Kind { get; private set; }

    /// <summary>For <see cref="RejectionKind.InvalidScenario"/>: every error, with its place.</summary>
    [Id(1)]
    public IReadOnlyList<ScenarioErrorInfo> Errors { get; private set; }

    public static RequestRejectedException NotFound(string detail) => new(RejectionKind.NotFound, detail);

    public static RequestRejectedException BadArgument(string detail) => new(RejectionKind.BadArgument, detail);

    public static RequestRejectedException Conflict(string detail) => new(RejectionKind.Conflict, detail);
}
