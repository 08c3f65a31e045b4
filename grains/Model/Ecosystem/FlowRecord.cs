using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

public enum FlowKind : byte
{
    Talent,
    Capital,
    Technology,
}

/// <summary>A flow between two cities, sent to the payer's or sender's city ledger so that flows can be charted by city pair.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct FlowRecord(FlowKind Kind, City From, City To, double Amount);
