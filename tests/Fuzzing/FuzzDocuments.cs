using GbaSim.Engine.Scenarios;
using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Fuzzing;

/// <summary>The real files the fuzz tests mutate: the repository's scenarios and worlds, and the test fixtures.</summary>
internal static class FuzzDocuments
{
    /// <summary>A scenario file, where it is (so that its relative paths resolve as written) and its text.</summary>
    public sealed record Document(string Path, string Text);

    public static IReadOnlyList<Document> Scenarios { get; } = Read(
        Directory.EnumerateFiles(Repository.PathOf("scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Fixtures.Folder, "*.yaml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}worlds{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));

    public static IReadOnlyList<Document> Worlds { get; } = Read([Repository.PathOf("scenarios/worlds/gba.yaml"), Fixtures.TinyWorld]);

    /// <summary>Reads a scenario's text as though it were the file <paramref name="path"/>, confined to the library it sits in.</summary>
    public static object ReadScenario(string path, string text) => ScenarioLoader.Parse(text, path, ScenarioFiles.Around(path));

    private static IReadOnlyList<Document> Read(IEnumerable<string> files) =>
        files.Order(StringComparer.Ordinal).Select(f => new Document(f, File.ReadAllText(f))).ToArray();
}
