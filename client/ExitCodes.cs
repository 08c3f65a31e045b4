namespace GbaSim.Client;

/// <summary>What <c>gbasim</c> returns to the shell.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int SiloUnreachable = 3;

    /// <summary>The run asked about failed, was cancelled or was interrupted (<c>run</c>, <c>watch</c>, <c>status</c>, <c>results</c>).</summary>
    public const int RunNotCompleted = 4;
}
