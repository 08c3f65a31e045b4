using GbaSim.Contracts.Scenarios;
using GbaSim.Engine.Scenarios;
using Microsoft.Extensions.Options;

namespace GbaSim.Grains.Scenarios;

/// <summary>
/// The folder of scenario files a silo serves (by default the repository's <c>scenarios</c>).
/// Submitted scenarios are read as if they were a file of this folder, so their <c>extends</c>
/// and <c>world</c> references resolve against it, and they may read no file outside it: the
/// silo reads every file through <see cref="Files"/>, and its answers name files relative to
/// the library, never by the silo's own paths.
/// </summary>
public sealed class ScenarioLibrary(IOptions<ScenarioLibraryOptions> options)
{
    public ScenarioFiles Files { get; } = new(Path.GetFullPath(options.Value.Folder), "the silo's scenario library")
    {
        WidenHint = "'extends' and 'world' may only name files of the library, by paths relative to the file that names them",
    };

    /// <summary>The library's folder, its links followed.</summary>
    public string Root => Files.Root;

    public IReadOnlyList<ScenarioInfo> List()
    {
        var list = new List<ScenarioInfo>();
        if (!Directory.Exists(Root))
        {
            return list;
        }
        foreach (var file in Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Relative(file);
            // Worlds and calibration targets live in the library beside scenarios but are not scenarios.
            if (relative.StartsWith("worlds/", StringComparison.Ordinal) || relative.StartsWith("calibration/", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                var scenario = ScenarioLoader.Load(file, Files);
                list.Add(new ScenarioInfo(relative, scenario.Name, scenario.Description?.Trim(), scenario.HorizonMonths, scenario.Scale, scenario.Policies.Select(p => p.Name).ToArray()));
            }
            catch (ScenarioValidationException)
            {
                // An invalid file is left out of the list; validating it explains why.
            }
        }
        return list;
    }

    /// <summary>The text of a library file by its path relative to the library; null if there is no such file or it may not be read.</summary>
    public string? Text(string relativePath) =>
        FullPath(relativePath) is { } full && Files.Read(full) is { Text: { } text } ? text : null;

    /// <summary>Parses submitted scenario text as though it were the library file <paramref name="relativePath"/>.</summary>
    public ScenarioDefinition Parse(string text, string? relativePath)
    {
        var full = FullPath(string.IsNullOrWhiteSpace(relativePath) ? "submitted.yaml" : relativePath)
            ?? throw new ScenarioValidationException([new ScenarioError(new SourceLocation(relativePath ?? "", 1, 1), "The scenario path must stay inside the silo's scenario library.")]);
        return ScenarioLoader.Parse(text, full, Files);
    }

    /// <summary>Every error of an invalid scenario, with files named relative to the library (never by the silo's absolute paths).</summary>
    public IReadOnlyList<ScenarioErrorInfo> Describe(ScenarioValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Errors.Select(e => new ScenarioErrorInfo(Display(e.Location.File), e.Location.Line, e.Location.Column, e.Message, e.Hint)).ToArray();
    }

    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private string Display(string file)
    {
        if (string.IsNullOrEmpty(file) || !Path.IsPathRooted(file))
        {
            return file;
        }
        var relative = Relative(file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFileName(file) : relative;
    }

    /// <summary>The absolute path of a library file, or null when the path leads out of the library (links are checked when the file is read).</summary>
    private string? FullPath(string relativePath)
    {
        try
        {
            var full = Path.GetFullPath(Path.Combine(Root, relativePath));
            return full.StartsWith(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
        }
        catch (ArgumentException)
        {
            // A NUL character in the path: it names no file.
            return null;
        }
    }
}
