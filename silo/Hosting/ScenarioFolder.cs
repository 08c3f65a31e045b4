namespace GbaSim.Silo.Hosting;

/// <summary>Where the scenario library is when the settings do not say.</summary>
public static class ScenarioFolder
{
    /// <summary>The configured folder, or the nearest <c>scenarios</c> folder (one holding <c>worlds</c>) above the working directory or the silo's own folder.</summary>
    public static string Resolve(string configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
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
