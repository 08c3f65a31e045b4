using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Yaml;

/// <summary>Reads scenario and world files, turning a missing or unreadable file into an error at the place that named it.</summary>
internal static class SourceFile
{
    /// <summary>The file's text, or null with an error at <paramref name="namedAt"/> (or the file itself when nothing named it).</summary>
    public static string? Read(string fullPath, string what, SourceLocation? namedAt, Diagnostics diagnostics)
    {
        var at = namedAt ?? new SourceLocation(fullPath, 1, 1);
        if (!File.Exists(fullPath))
        {
            diagnostics.Add(at, $"the {what} '{fullPath}' does not exist");
            return null;
        }
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(at, $"the {what} '{fullPath}' could not be read: {e.Message}");
            return null;
        }
    }

    /// <summary>A path written in a file, made absolute against that file's directory.</summary>
    public static string Resolve(string writtenIn, string path) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(writtenIn) ?? ".", path));

    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
