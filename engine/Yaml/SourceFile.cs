using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Yaml;

/// <summary>Reads scenario and world files through <see cref="ScenarioFiles"/>, turning a refused file into an error at the place that named it.</summary>
internal static class SourceFile
{
    /// <summary>
    /// The file's text and real path, or null with an error at <paramref name="at"/> that names
    /// the file as <paramref name="written"/> and gives only the reason.
    /// </summary>
    public static FileRead? Read(ScenarioFiles files, string fullPath, string written, string what, SourceLocation at, Diagnostics diagnostics)
    {
        var read = files.Read(fullPath);
        if (read.Refusal is { } refusal)
        {
            var (message, hint) = files.Explain(refusal, what, written);
            diagnostics.Add(at, message, hint);
            return null;
        }
        return read;
    }

    /// <summary>A path written in a file, made absolute against that file's directory; null if it cannot be a path (a NUL character, say).</summary>
    public static string? Resolve(string writtenIn, string path)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(writtenIn) ?? ".", path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
