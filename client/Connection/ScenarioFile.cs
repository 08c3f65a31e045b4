using GbaSim.Engine.Scenarios;

namespace GbaSim.Client.Connection;

/// <summary>
/// A scenario file on disk and where it sits in a scenario library: the nearest folder above it
/// that holds a <c>worlds</c> folder. The silo reads the file as that library's file, so
/// <c>extends</c> and <c>world</c> resolve the same way on the silo as on disk. Locally the file
/// and every file it names are read through <see cref="Files"/>: inside that library (or the
/// file's own folder when it is in none), unless the user widens it with <c>--scenario-root</c>.
/// </summary>
public sealed record ScenarioFile(string FullPath, string Text, string? Library, string? PathInLibrary, ScenarioFiles Files)
{
    /// <param name="path">The scenario file as the user named it.</param>
    /// <param name="scenarioRoot">The folder given with <c>--scenario-root</c>: files anywhere in it may be read, and an embedded silo serves it as its library.</param>
    /// <exception cref="ScenarioValidationException">The file may not be read: missing, outside the root, not a regular YAML file, too large.</exception>
    public static ScenarioFile Read(string path, string? scenarioRoot = null)
    {
        var full = Path.GetFullPath(path);
        var library = scenarioRoot is { Length: > 0 } ? Path.GetFullPath(scenarioRoot) : ScenarioFiles.LibraryOf(full);
        var root = library ?? Path.GetDirectoryName(full)!;
        var files = new ScenarioFiles(root, $"the scenario root '{root}'")
        {
            WidenHint = "to read files outside it, name a folder that holds them all with --scenario-root DIR",
        };
        var read = files.Read(full);
        if (read.Refusal is { } refusal)
        {
            var (message, hint) = files.Explain(refusal, "scenario file", path);
            throw new ScenarioValidationException([new ScenarioError(new SourceLocation(full, 1, 1), message, hint)]);
        }
        return library is null
            ? new ScenarioFile(full, read.Text!, null, Path.GetFileName(full), files)
            : new ScenarioFile(full, read.Text!, library, Path.GetRelativePath(library, full).Replace('\\', '/'), files);
    }

    /// <summary>The scenario checked as the loader reads it: the text read here, with the files it names read through <see cref="Files"/>.</summary>
    public ScenarioDefinition Load() => ScenarioLoader.Parse(Text, FullPath, Files);
}
