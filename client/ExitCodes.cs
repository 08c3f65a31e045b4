namespace GbaSim.Client;

/// <summary>What <c>gbasim</c> returns to the shell.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int SiloUnreachable = 3;
}
