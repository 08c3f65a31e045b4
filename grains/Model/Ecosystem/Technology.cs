using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>
/// A research result moving along the chain. It is a value: whoever holds it holds a copy, and
/// every stage change makes a new one.
/// </summary>
/// <param name="Id">Unique across the run: the originating institution's index and a serial.</param>
/// <param name="Readiness">Technology readiness level, 1 to 9.</param>
/// <param name="Quality">Intrinsic promise in (0, 1); drives the odds of every stage.</param>
/// <param name="StageSince">The step at which the technology entered its current stage.</param>
/// <param name="FundingMillions">Money received along the way, in millions of yuan.</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct Technology(
    long Id,
    Sector Field,
    ChainStage Stage,
    byte Readiness,
    City Origin,
    byte BorderCrossings,
    float Quality,
    int BornStep,
    int StageSince,
    float FundingMillions)
{
    public Technology Advance(ChainStage stage, byte readiness, int step) => this with { Stage = stage, Readiness = readiness, StageSince = step };

    public Technology Crossing(City from, City to) => Cities.CrossesBorder(from, to) ? this with { BorderCrossings = (byte)Math.Min(255, BorderCrossings + 1) } : this;

    public Technology Funded(double yuan) => this with { FundingMillions = FundingMillions + (float)(yuan / 1e6) };
}
