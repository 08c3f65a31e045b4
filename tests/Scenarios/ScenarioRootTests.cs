using GbaSim.Engine.Scenarios;

namespace GbaSim.Tests.Scenarios;

/// <summary>
/// The root a loader is given: it can be wider than the library (the command line's
/// <c>--scenario-root</c>), the file asked for must lie in it too, and its name is all that a
/// refusal says of it (a silo names it without its path).
/// </summary>
public sealed class ScenarioRootTests
{
    [Fact]
    public void Wider_root_admits_a_parent_beside_the_library()
    {
        using var library = new LibraryFolder();
        var child = library.Write("child.yaml", "extends: ../outside/parent.yaml\nname: widened\n");

        var scenario = ScenarioLoader.Load(child, new ScenarioFiles(library.Parent, "the test root"));

        Assert.Equal("widened", scenario.Name);
        Assert.Equal(library.PathOf("worlds/tiny.yaml"), scenario.WorldPath);
    }

    [Fact]
    public void Without_the_wider_root_the_same_parent_is_refused()
    {
        using var library = new LibraryFolder();
        var child = library.Write("child.yaml", "extends: ../outside/parent.yaml\nname: widened\n");

        var errors = FileConfinementTests.ErrorsWithin(() => ScenarioLoader.Load(child));

        Assert.StartsWith("the extended scenario file '../outside/parent.yaml' is outside", Fixtures.SingleErrorIn(errors, child, 1, 10).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_file_outside_the_given_root_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();

        var errors = FileConfinementTests.ErrorsWithin(() => ScenarioLoader.Load(library.SecretFile, new ScenarioFiles(library.Root, "the test library")));

        var error = Fixtures.SingleErrorIn(errors, library.SecretFile, 1, 1);
        Assert.Equal($"the scenario file '{library.SecretFile}' is outside the test library", error.Message);
        FileConfinementTests.AssertQuotesNothingOf(library.SecretFile, error);
    }

    [Fact]
    public void Refusal_names_the_root_only_as_the_reader_names_it()
    {
        using var library = new LibraryFolder();
        var files = new ScenarioFiles(library.Root, "the silo's scenario library") { WidenHint = "ask the silo's operator" };

        var errors = FileConfinementTests.ErrorsWithin(() => ScenarioLoader.Parse("extends: /etc/passwd\nname: probe\n", library.PathOf("submitted.yaml"), files));

        var error = Fixtures.SingleErrorIn(errors, library.PathOf("submitted.yaml"), 1, 10);
        Assert.Equal("the extended scenario file '/etc/passwd' is outside the silo's scenario library", error.Message);
        Assert.Equal("ask the silo's operator", error.Hint);
    }

    [Fact]
    public void Links_that_loop_are_refused_at_once()
    {
        using var library = new LibraryFolder();
        File.CreateSymbolicLink(library.PathOf("a.yaml"), "b.yaml");
        File.CreateSymbolicLink(library.PathOf("b.yaml"), "a.yaml");
        var file = library.Write("scenario.yaml", "extends: a.yaml\nname: probe\n");

        var errors = FileConfinementTests.ErrorsWithin(() => ScenarioLoader.Load(file));

        Assert.Equal("the extended scenario file 'a.yaml' could not be read", Fixtures.SingleErrorIn(errors, file, 1, 10).Message);
    }

    [Fact]
    public void Cycle_through_a_link_is_reported_as_a_cycle()
    {
        using var library = new LibraryFolder();
        var file = library.Write("scenario.yaml", "extends: again.yaml\nname: probe\n");
        File.CreateSymbolicLink(library.PathOf("again.yaml"), "scenario.yaml");

        var errors = FileConfinementTests.ErrorsWithin(() => ScenarioLoader.Load(file));

        Assert.Equal("'extends' makes a cycle: scenario.yaml -> scenario.yaml", Fixtures.SingleErrorIn(errors, file, 1, 10).Message);
    }

    [Fact]
    public void Library_of_a_file_is_the_nearest_folder_above_it_holding_worlds()
    {
        using var library = new LibraryFolder();
        var nested = library.Write("variants/deep/x.yaml", "name: x\n");

        Assert.Equal(library.Root, ScenarioFiles.LibraryOf(nested));
        Assert.Equal(library.Root, ScenarioFiles.Around(nested).Root);
    }
}
