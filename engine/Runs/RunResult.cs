namespace GbaSim.Engine.Runs;

/// <summary>The outcome of a finished run: its identity, its result hash and its headline figures.</summary>
public sealed record RunResult(
    string Scenario,
    ulong Seed,
    double Scale,
    int Months,
    long Steps,
    double Seconds,
    string ResultHash,
    IReadOnlyDictionary<string, double> Summary);
