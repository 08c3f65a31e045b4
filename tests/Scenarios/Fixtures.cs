using GbaSim.Engine.Scenarios;

namespace GbaSim.Tests.Scenarios;

/// <summary>Where the fixture files are (copied beside the test assembly) and helpers to read scenarios written inline in tests.</summary>
internal static class Fixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Scenarios", "Fixtures");

    /// <summary>The file an inline scenario pretends to be, so that <c>world: worlds/tiny.yaml</c> resolves.</summary>
    public static string Inline { get; } = PathOf("inline.yaml");

    public static string TinyWorld { get; } = PathOf("worlds/tiny.yaml");

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Folder, relative));

    public static IReadOnlyList<ScenarioError> ErrorsOf(string text, string? path = null) =>
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(text, path ?? Inline)).Errors;

    /// <summary>Asserts that the inline scenario has exactly one error, at this line and column, and returns it.</summary>
    public static ScenarioError SingleError(string text, int line, int column) =>
        SingleErrorIn(ErrorsOf(text), Inline, line, column);

    public static ScenarioError SingleErrorIn(IReadOnlyList<ScenarioError> errors, string file, int line, int column)
    {
        Assert.True(errors.Count == 1, $"Expected one error, found {errors.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        var error = errors[0];
        Assert.Equal(new SourceLocation(file, line, column), error.Location);
        return error;
    }
}
