using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Experiments;

/// <summary>
/// A scenario library of its own for command tests: the committed GBA world and a tiny scenario
/// on it (one year, 1% of firms, one research-funding policy), so that each run takes a moment.
/// </summary>
internal sealed class TinyLibrary : IDisposable
{
    private readonly TempFolder _folder = new();

    public TinyLibrary()
    {
        _folder.Write("worlds/gba.yaml", File.ReadAllText(Repository.PathOf("scenarios/worlds/gba.yaml")));
        Scenario = _folder.Write("tiny.yaml", """
            name: tiny
            seed: 20250101
            start: 2025-01
            horizon: 12
            world: worlds/gba.yaml
            scale: 0.01
            policies:
              - name: research-funding
                type: cross-border-research-funding
                start: 2025-01
                budget: 60000000
            """);
    }

    /// <summary>The tiny scenario's file.</summary>
    public string Scenario { get; }

    public string Write(string relative, string text) => _folder.Write(relative, text);

    public string PathOf(string relative) => _folder.PathOf(relative);

    public void Dispose() => _folder.Dispose();
}
