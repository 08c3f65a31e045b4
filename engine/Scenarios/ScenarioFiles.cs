using System.Text;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// The files a scenario may read and how they are read. A scenario names other files with
/// <c>extends</c> and <c>world</c>, and whoever loads it (a silo answering a remote caller, or
/// the command line) must not let it show, hang on or fill memory with any other file of the
/// machine. So every file is read only if, after following its symbolic links, it lies inside
/// <see cref="Root"/>, is named <c>.yaml</c> or <c>.yml</c>, is a non-empty regular file of at
/// most <see cref="MaxFileBytes"/>, and arrives within <see cref="ReadTimeout"/>.
/// </summary>
public sealed class ScenarioFiles
{
    /// <summary>The largest scenario or world file read (the repository's world is about a tenth of it).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>How long a file may take to arrive before the reader gives up on it.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    /// <param name="root">The folder every file read must lie in.</param>
    /// <param name="name">
    /// How messages name the root, e.g. "the silo's scenario library"; it goes to whoever sent the
    /// scenario, so it must not reveal what they may not know (such as the silo's own paths).
    /// </param>
    public ScenarioFiles(string root, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = RealPath.Of(root) ?? Path.GetFullPath(root);
        Name = name;
    }

    /// <summary>The root folder, its links followed.</summary>
    public string Root { get; }

    /// <summary>How messages name the root.</summary>
    public string Name { get; }

    /// <summary>Said with a refusal of a file outside the root: how the reader may widen the root, if it can.</summary>
    public string WidenHint { get; init; } = "'extends' and 'world' may only name files inside it";

    /// <summary>
    /// The files around a scenario file as the command line reads them: the scenario library it
    /// sits in (<see cref="LibraryOf"/>), or else its own folder.
    /// </summary>
    public static ScenarioFiles Around(string scenarioPath)
    {
        var fullPath = Path.GetFullPath(scenarioPath);
        var root = LibraryOf(fullPath) ?? Path.GetDirectoryName(fullPath)!;
        return new ScenarioFiles(root, $"the scenario folder '{root}'");
    }

    /// <summary>The scenario library a file sits in: the nearest folder above it that holds a <c>worlds</c> folder; null if none does.</summary>
    public static string? LibraryOf(string path)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path))!); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "worlds")))
            {
                return directory.FullName;
            }
        }
        return null;
    }

    /// <summary>Where a path really leads, its links followed (as written, made absolute, if they loop).</summary>
    public string Locate(string path) => RealPath.Of(path) ?? Path.GetFullPath(path);

    /// <summary>
    /// The text of a file, or why it may not be read. The checks that need no reading come first,
    /// in this order, so that nothing about a file outside the root is revealed (not even whether
    /// it exists) and no device or pipe is ever opened: they report no size, and an empty file is
    /// refused without opening it.
    /// </summary>
    public FileRead Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            // No file has such a name, and the path functions refuse it with an exception.
            return FileRead.Refused(path, FileRefusal.Unreadable);
        }
        if (RealPath.Of(path) is not { } real)
        {
            return FileRead.Refused(Path.GetFullPath(path), FileRefusal.Unreadable);
        }
        if (!Inside(real))
        {
            return FileRead.Refused(real, FileRefusal.Outside);
        }
        if (!YamlExtensions.Contains(Path.GetExtension(real), StringComparer.OrdinalIgnoreCase))
        {
            return FileRead.Refused(real, FileRefusal.NotYaml);
        }
        if (Directory.Exists(real))
        {
            return FileRead.Refused(real, FileRefusal.Folder);
        }
        var info = new FileInfo(real);
        if (!info.Exists)
        {
            return FileRead.Refused(real, FileRefusal.Missing);
        }
        if (info.Length == 0)
        {
            return FileRead.Refused(real, FileRefusal.NotRegular);
        }
        if (info.Length > MaxFileBytes)
        {
            return FileRead.Refused(real, FileRefusal.TooLarge);
        }
        // On a thread of its own: should the file turn into a pipe after the checks, opening it blocks until a writer comes.
        var reading = Task.Factory.StartNew(() => ReadChecked(real), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return reading.Wait(ReadTimeout) ? reading.Result : FileRead.Refused(real, FileRefusal.TooSlow);
    }

    /// <summary>
    /// The error for a refused file, naming it only as <paramref name="written"/> (never by its
    /// absolute path, nor quoting any of it). <paramref name="what"/> says what the file was to be,
    /// e.g. "world file".
    /// </summary>
    public (string Message, string? Hint) Explain(FileRefusal refusal, string what, string written) => refusal switch
    {
        FileRefusal.Outside => ($"the {what} '{written}' is outside {Name}", WidenHint),
        FileRefusal.NotYaml => ($"the {what} '{written}' is not a YAML file", "scenario and world files are named *.yaml or *.yml"),
        FileRefusal.Folder => ($"the {what} '{written}' is a folder, not a file", null),
        FileRefusal.Missing => ($"the {what} '{written}' does not exist", null),
        FileRefusal.NotRegular => ($"the {what} '{written}' is empty or is not a regular file", "devices, pipes and sockets are never read"),
        FileRefusal.TooLarge => ($"the {what} '{written}' is larger than {MaxFileBytes / (1024 * 1024)} MiB", "scenario and world files are at most 1 MiB"),
        FileRefusal.TooSlow => ($"the {what} '{written}' did not arrive within {ReadTimeout.TotalSeconds:0} seconds", null),
        FileRefusal.NotText => ($"the {what} '{written}' is not a text file", null),
        _ => ($"the {what} '{written}' could not be read", "check that the file may be read"),
    };

    private bool Inside(string realPath)
    {
        // The root with one separator at its end, so that /lib admits /lib/x.yaml but not /library/x.yaml.
        var prefix = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
        return realPath.StartsWith(prefix, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>Reads at most one byte more than the limit, so that a file that grew since it was measured is caught without being read whole.</summary>
    private static FileRead ReadChecked(string real)
    {
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            using var bytes = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxFileBytes + 1 - bytes.Length))) > 0)
            {
                bytes.Write(buffer, 0, read);
                if (bytes.Length > MaxFileBytes)
                {
                    return FileRead.Refused(real, FileRefusal.TooLarge);
                }
            }
            if (bytes.Length == 0)
            {
                return FileRead.Refused(real, FileRefusal.NotRegular);
            }
            bytes.Position = 0;
            // As File.ReadAllText decodes: UTF-8 unless a byte order mark says otherwise.
            using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var text = reader.ReadToEnd();
            return text.Contains('\0', StringComparison.Ordinal) ? FileRead.Refused(real, FileRefusal.NotText) : new FileRead(real, text, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileRead.Refused(real, FileRefusal.Unreadable);
        }
    }
}
