using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>
/// A technology offered, licensed, piloted or financed: the technology, a price or amount in
/// yuan, the key of the counterpart institution (for example the licensor a firm must pay) and
/// a flag for outcomes such as a successful pilot.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct Deal(Technology Technology, double Amount, long Counterpart, bool Success);
