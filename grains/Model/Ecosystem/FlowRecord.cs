using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>What moves between two places; each kind meets its own frictions (a whitelist may lower one and not the others).</summary>
public enum FlowKind : byte
{
    Talent,
    Capital,
    Technology,

    /// <summary>Samples, prototypes and equipment, such as a prototype sent to a pilot platform.</summary>
    Materials,

    /// <summary>Data products bought on a data exchange.</summary>
    Data,
}

/// <summary>A flow between two cities, sent to the payer's or sender's city ledger so that flows can be charted by city pair.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct FlowRecord(FlowKind Kind, City From, City To, double Amount);
