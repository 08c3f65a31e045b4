using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>
/// A technology offered, licensed, piloted or financed: the technology, a price or amount in
/// yuan, the key of the counterpart institution (for example the licensor a firm must pay) and
/// a flag for outcomes such as a successful pilot. A firm's request names its place (city and
/// zone), since firms move: the answer meets the frictions of where the firm is now.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct Deal(Technology Technology, double Amount, long Counterpart, bool Success, Place? Sender = null)
{
    /// <summary>Where the firm with key <paramref name="firm"/> that sent this deal is: the place it named, else the city in its key.</summary>
    public Place SenderPlace(long firm) => Sender ?? Place.Of((City)((firm >> 48) & 0xff));
}
