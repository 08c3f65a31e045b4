namespace GbaSim.Engine.Scenarios;

/// <summary>
/// A path with every symbolic link in it replaced by what it points to, as the operating system
/// follows them when it opens the file. Confinement checks this path, and the reader opens this
/// path, so that a link inside a scenario library cannot lead the reader out of it.
/// </summary>
internal static class RealPath
{
    /// <summary>Links followed before giving up, as Linux does (ELOOP): a longer chain is a loop.</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>
    /// The absolute path with its links resolved, one part at a time (a link to a folder changes
    /// where every later part is looked up); parts that do not exist are kept as written. Null
    /// when the links form a loop.
    /// </summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                // After a link, '..' leaves the folder the link led to, not the one that held the link.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                var absolute = Path.GetFullPath(target);
                current = Path.GetPathRoot(absolute)!;
                target = absolute[current.Length..];
            }
            foreach (var targetPart in Parts(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }
        return current;
    }

    private static IEnumerable<string> Parts(string relative) => relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
