using GbaSim.Engine.Scenarios;
using GbaSim.Silo.Api;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// The folder of scenario files the silo serves (by default the repository's <c>scenarios</c>).
/// Submitted scenarios are read as if they were a file of this folder, so their <c>extends</c>
/// and <c>world</c> references resolve against it.
/// </summary>
public sealed class ScenarioLibrary(IOptions<SiloOptions> options, IHostEnvironment environment)
{
    private string? _root;

    public string Root => _root ??= Resolve();

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
            if (relative.StartsWith("worlds/", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                var scenario = ScenarioLoader.Load(file);
                list.Add(new ScenarioInfo(relative, scenario.Name, scenario.Description?.Trim(), scenario.HorizonMonths, scenario.Scale, scenario.Policies.Select(p => p.Name).ToArray()));
            }
            catch (ScenarioValidationException)
            {
                // An invalid file is left out of the list; validating it explains why.
            }
        }
        return list;
    }

    /// <summary>Loads a library file by its path relative to the library; null if there is no such file.</summary>
    public ScenarioDefinition? Load(string relativePath)
    {
        var full = FullPath(relativePath);
        return full is not null && File.Exists(full) ? ScenarioLoader.Load(full) : null;
    }

    /// <summary>Parses submitted scenario text as though it were the library file <paramref name="relativePath"/>.</summary>
    public ScenarioDefinition Parse(string text, string? relativePath)
    {
        var full = FullPath(string.IsNullOrWhiteSpace(relativePath) ? "submitted.yaml" : relativePath)
            ?? throw new ScenarioValidationException([new ScenarioError(new SourceLocation(relativePath ?? "", 1, 1), "The scenario path must stay inside the silo's scenario library.")]);
        return ScenarioLoader.Parse(text, full);
    }

    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private string? FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return full.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ScenarioLibrary))
        {
            return Path.GetFullPath(options.Value.ScenarioLibrary);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "scenarios");
                if (Directory.Exists(Path.Combine(candidate, "worlds")))
                {
                    return candidate;
                }
            }
        }
        return Path.GetFullPath("scenarios");
    }
}
