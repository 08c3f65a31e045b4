namespace GbaSim.Tests.Scenarios;

/// <summary>
/// A scenario library in a temporary folder (a world and a valid parent scenario) beside an
/// <c>outside</c> folder holding a secret: what a scenario of the library must never read,
/// nor show in an error.
/// </summary>
internal sealed class LibraryFolder : IDisposable
{
    /// <summary>The secret's text: not a YAML mapping, so that a loader reading it would quote it in its error.</summary>
    public const string Secret = "GBASIM_TEST_SECRET=7f3e-never-print-me";

    private readonly TempFolder _folder = new();

    public LibraryFolder()
    {
        Root = _folder.PathOf("library");
        _folder.Write("library/worlds/tiny.yaml", File.ReadAllText(Fixtures.TinyWorld));
        _folder.Write("library/base.yaml", File.ReadAllText(Fixtures.PathOf("base.yaml")));
        SecretFile = _folder.Write("outside/secret.yaml", Secret + "\n");
        _folder.Write("outside/parent.yaml", File.ReadAllText(Fixtures.PathOf("base.yaml")).Replace("worlds/tiny.yaml", "../library/worlds/tiny.yaml", StringComparison.Ordinal));
    }

    /// <summary>The library's folder.</summary>
    public string Root { get; }

    /// <summary>The folder holding the library and the outside folder.</summary>
    public string Parent => _folder.Path;

    public string SecretFile { get; }

    public string Write(string relative, string text) => _folder.Write(Path.Combine("library", relative), text);

    public string PathOf(string relative) => _folder.PathOf(Path.Combine("library", relative));

    /// <summary>Makes a FIFO (named pipe) in the library: opening it for reading blocks until someone writes.</summary>
    public string Fifo(string relative)
    {
        var path = PathOf(relative);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
