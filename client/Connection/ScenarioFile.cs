namespace GbaSim.Client.Connection;

/// <summary>
/// A scenario file on disk and where it sits in a scenario library: the nearest folder above it
/// that holds a <c>worlds</c> folder. The silo reads the file as that library's file, so
/// <c>extends</c> and <c>world</c> resolve the same way on the silo as on disk.
/// </summary>
public sealed record ScenarioFile(string FullPath, string Text, string? Library, string? PathInLibrary)
{
    public static ScenarioFile Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"There is no scenario file '{path}'.", full);
        }
        var text = File.ReadAllText(full);
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(full)!); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "worlds")))
            {
                return new ScenarioFile(full, text, directory.FullName, Path.GetRelativePath(directory.FullName, full).Replace('\\', '/'));
            }
        }
        return new ScenarioFile(full, text, null, Path.GetFileName(full));
    }
}
