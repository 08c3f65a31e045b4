namespace GbaSim.Client.Hosting;

/// <summary>
/// Where the embedded silo keeps its results: <c>GBASIM_DATA</c> if set, else a per-user folder
/// (<c>$XDG_DATA_HOME/gbasim</c>, by default <c>~/.local/share/gbasim</c>; the local application
/// data folder on Windows), so results never land in whatever folder the user stands in.
/// </summary>
public static class UserDataFolder
{
    public const string Variable = "GBASIM_DATA";

    public static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen)
        {
            return chosen;
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : root, "gbasim");
    }
}
