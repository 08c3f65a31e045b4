namespace GbaSim.Engine.Runs;

/// <summary>
/// A grain made to throw at a given month, to rehearse how a failing run is reported and
/// survived. Named like any grain (e.g. <c>city/Macao</c>); months count from 0.
/// </summary>
public sealed record InjectedFault(string Type, string Key, int Month)
{
    public static bool TryParse(string? grain, int month, out InjectedFault? fault)
    {
        fault = null;
        var slash = grain?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (grain is null || slash <= 0 || slash == grain.Length - 1 || month < 0)
        {
            return false;
        }
        fault = new InjectedFault(grain[..slash], grain[(slash + 1)..], month);
        return true;
    }
}
