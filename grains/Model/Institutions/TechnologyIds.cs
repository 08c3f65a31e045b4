namespace GbaSim.Model.Institutions;

/// <summary>
/// A technology's id: the discovering institution's index plus one in the high 32 bits and that
/// institution's serial number in the low 32, so ids are unique without any shared counter.
/// </summary>
public static class TechnologyIds
{
    public static long Make(int institutionIndex, uint serial) => ((long)(institutionIndex + 1) << 32) | serial;

    /// <summary>The index of the institution that discovered the technology (-1 for an id not made by <see cref="Make"/>).</summary>
    public static int InstitutionIndex(long id) => (int)(id >> 32) - 1;

    /// <summary>The technology's serial number at its institution, from 1.</summary>
    public static uint Serial(long id) => (uint)(id & 0xFFFF_FFFF);
}
