namespace GbaSim.Silo.Storage;

/// <summary>How much room is left on the disk that holds a folder, as the operating system reports it to this user.</summary>
internal static class DiskRoom
{
    /// <summary>
    /// Room a store that failed to write must have again before it counts as writable: about a
    /// month of a full-scale run, so that a disk with a few pages left does not pass for recovered.
    /// </summary>
    public const long NeededBytes = 1024 * 1024;

    /// <summary>Bytes free for this user on the disk holding <paramref name="folder"/>; null when the system cannot tell.</summary>
    public static long? Available(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
