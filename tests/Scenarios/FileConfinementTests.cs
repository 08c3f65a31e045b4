using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;

namespace GbaSim.Tests.Scenarios;

/// <summary>
/// A scenario reads only files of its root (without a root given: the library it sits in). An
/// <c>extends</c> or <c>world</c> naming a file elsewhere (by an absolute path, through <c>../</c>
/// or through a link), a device, a pipe, a folder, a file that is not YAML or one too large is
/// refused at once, at the value that named it, and no error quotes what such a file holds or
/// names a file by more than was written.
/// </summary>
public sealed class FileConfinementTests
{
    private const string ProbeStart = "name: probe\nseed: 1\nstart: 2025-01\nhorizon: 12\n";

    [Fact]
    public void Scenario_extending_etc_passwd_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();

        var error = SingleErrorOf(library, "extends: /etc/passwd\nname: probe\n", 1, 10);

        Assert.Equal($"the extended scenario file '/etc/passwd' is outside the scenario folder '{library.Root}'", error.Message);
        AssertQuotesNothingOf("/etc/passwd", error);
    }

    [Fact]
    public void Scenario_whose_world_is_etc_passwd_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();

        var error = SingleErrorOf(library, ProbeStart + "world: /etc/passwd\n", 5, 8);

        Assert.StartsWith("the world file '/etc/passwd' is outside", error.Message, StringComparison.Ordinal);
        AssertQuotesNothingOf("/etc/passwd", error);
    }

    [Fact]
    public void Scenario_extending_etc_hostname_through_dot_dots_is_refused()
    {
        using var library = new LibraryFolder();

        var error = SingleErrorOf(library, "extends: ../../../../../../../../../../etc/hostname\nname: probe\n", 1, 10);

        Assert.StartsWith("the extended scenario file '../../../../../../../../../../etc/hostname' is outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_extending_a_file_beside_its_library_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();

        var error = SingleErrorOf(library, "extends: ../outside/secret.yaml\nname: probe\n", 1, 10);

        Assert.StartsWith("the extended scenario file '../outside/secret.yaml' is outside", error.Message, StringComparison.Ordinal);
        AssertQuotesNothingOf(library.SecretFile, error);
    }

    [Fact]
    public void Link_in_the_library_to_a_file_outside_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();
        File.CreateSymbolicLink(library.PathOf("linked.yaml"), library.SecretFile);

        var error = SingleErrorOf(library, "extends: linked.yaml\nname: probe\n", 1, 10);

        Assert.StartsWith("the extended scenario file 'linked.yaml' is outside", error.Message, StringComparison.Ordinal);
        AssertQuotesNothingOf(library.SecretFile, error);
    }

    [Fact]
    public void Linked_folder_leading_out_of_the_library_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();
        Directory.CreateSymbolicLink(library.PathOf("shared"), Path.GetDirectoryName(library.SecretFile)!);

        var error = SingleErrorOf(library, ProbeStart + "world: shared/secret.yaml\n", 5, 8);

        Assert.StartsWith("the world file 'shared/secret.yaml' is outside", error.Message, StringComparison.Ordinal);
        AssertQuotesNothingOf(library.SecretFile, error);
    }

    [Fact]
    public void Link_that_stays_inside_the_library_is_followed()
    {
        using var library = new LibraryFolder();
        File.CreateSymbolicLink(library.PathOf("alias.yaml"), "base.yaml");
        var child = library.Write("child.yaml", "extends: alias.yaml\nname: linked-child\n");

        var scenario = ScenarioLoader.Load(child);

        Assert.Equal("linked-child", scenario.Name);
        Assert.Equal(120, scenario.HorizonMonths);
        Assert.Equal(library.PathOf("worlds/tiny.yaml"), scenario.WorldPath);
    }

    [Fact]
    public void Scenario_extending_dev_zero_is_refused_at_once()
    {
        using var library = new LibraryFolder();

        var error = SingleErrorOf(library, "extends: /dev/zero\nname: probe\n", 1, 10);

        Assert.StartsWith("the extended scenario file '/dev/zero' is outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_in_the_library_to_dev_zero_is_refused_at_once()
    {
        using var library = new LibraryFolder();
        File.CreateSymbolicLink(library.PathOf("zero.yaml"), "/dev/zero");

        var error = SingleErrorOf(library, ProbeStart + "world: zero.yaml\n", 5, 8);

        Assert.StartsWith("the world file 'zero.yaml' is outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_extending_a_fifo_is_refused_at_once()
    {
        using var library = new LibraryFolder();
        library.Fifo("pipe.yaml");

        var error = SingleErrorOf(library, "extends: pipe.yaml\nname: probe\n", 1, 10);

        Assert.Equal("the extended scenario file 'pipe.yaml' is empty or is not a regular file", error.Message);
    }

    [Fact]
    public void World_that_is_a_fifo_is_refused_at_once()
    {
        using var library = new LibraryFolder();
        library.Fifo("worlds/pipe.yaml");

        var error = SingleErrorOf(library, ProbeStart + "world: worlds/pipe.yaml\n", 5, 8);

        Assert.Equal("the world file 'worlds/pipe.yaml' is empty or is not a regular file", error.Message);
    }

    [Fact]
    public void Scenario_file_that_is_a_fifo_is_refused_at_once()
    {
        using var library = new LibraryFolder();
        var pipe = library.Fifo("pipe.yaml");

        var errors = ErrorsWithin(() => ScenarioLoader.Load(pipe));

        var error = Fixtures.SingleErrorIn(errors, pipe, 1, 1);
        Assert.Contains("is empty or is not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extended_file_over_one_mebibyte_is_refused_unread()
    {
        using var library = new LibraryFolder();
        library.Write("big.yaml", "name: big\n# " + new string('x', ScenarioFiles.MaxFileBytes) + "\n");

        var error = SingleErrorOf(library, "extends: big.yaml\nname: probe\n", 1, 10);

        Assert.Equal("the extended scenario file 'big.yaml' is larger than 1 MiB", error.Message);
    }

    [Fact]
    public void World_file_over_one_mebibyte_is_refused_unread()
    {
        using var library = new LibraryFolder();
        var world = library.Write("worlds/big.yaml", "name: big\n# " + new string('x', ScenarioFiles.MaxFileBytes) + "\n");

        var errors = ErrorsWithin(() => WorldLoader.Load(world));

        Assert.Contains("is larger than 1 MiB", Fixtures.SingleErrorIn(errors, world, 1, 1).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_text_over_one_mebibyte_is_refused()
    {
        var text = ProbeStart + "description: " + new string('x', ScenarioFiles.MaxFileBytes) + "\n";

        var error = Fixtures.SingleErrorIn(Fixtures.ErrorsOf(text), Fixtures.Inline, 1, 1);

        Assert.Equal("the text is larger than 1 MiB", error.Message);
    }

    [Fact]
    public void Extends_naming_a_folder_is_refused()
    {
        using var library = new LibraryFolder();
        Directory.CreateDirectory(library.PathOf("folder.yaml"));

        var error = SingleErrorOf(library, "extends: folder.yaml\nname: probe\n", 1, 10);

        Assert.Equal("the extended scenario file 'folder.yaml' is a folder, not a file", error.Message);
    }

    [Fact]
    public void Extends_naming_a_file_that_is_not_yaml_is_refused_without_quoting_it()
    {
        using var library = new LibraryFolder();
        var secrets = library.Write(".env", LibraryFolder.Secret + "\n");

        var error = SingleErrorOf(library, "extends: .env\nname: probe\n", 1, 10);

        Assert.Equal("the extended scenario file '.env' is not a YAML file", error.Message);
        AssertQuotesNothingOf(secrets, error);
    }

    [Fact]
    public void Missing_parent_is_named_as_written_never_by_absolute_path()
    {
        using var library = new LibraryFolder();
        var file = library.Write("scenario.yaml", "extends: no-such.yaml\nname: probe\n");

        var errors = ErrorsWithin(() => ScenarioLoader.Load(file));

        Assert.Equal(
            ["the extended scenario file 'no-such.yaml' does not exist"],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.DoesNotContain(library.Root, e.Message + e.Hint, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_world_is_named_as_written_never_by_absolute_path()
    {
        using var library = new LibraryFolder();

        var error = SingleErrorOf(library, ProbeStart + "world: nowhere/world.yaml\n", 5, 8);

        Assert.Equal("the world file 'nowhere/world.yaml' does not exist", error.Message);
    }

    [Fact]
    public void Extends_holding_a_nul_character_is_an_error_not_a_crash()
    {
        var error = Fixtures.SingleError("extends: \"base\\0.yaml\"\nname: probe\n", 1, 10);

        Assert.StartsWith("'extends' must be the path of a file", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The single error of a scenario written into the library, loaded as a user would load it.</summary>
    private static ScenarioError SingleErrorOf(LibraryFolder library, string text, int line, int column)
    {
        var file = library.Write("scenario.yaml", text);
        return Fixtures.SingleErrorIn(ErrorsWithin(() => ScenarioLoader.Load(file)), file, line, column);
    }

    /// <summary>
    /// The errors of a load that must end at once: a reader that hangs on a pipe or fills memory
    /// from a device fails here, after two seconds, instead of stalling the suite.
    /// </summary>
    internal static IReadOnlyList<ScenarioError> ErrorsWithin(Func<object> load)
    {
        var loading = ReaderTimeBound.Start(load);
        Assert.True(ReaderTimeBound.Ends(loading), $"the load did not end within {ReaderTimeBound.Limit.TotalSeconds} s");
        return Assert.Throws<ScenarioValidationException>(() => loading.GetAwaiter().GetResult()).Errors;
    }

    /// <summary>Asserts that no line of the file, nor any field of one (split at ':' and '='), appears in the error; pieces too short to tell are skipped.</summary>
    internal static void AssertQuotesNothingOf(string file, ScenarioError error)
    {
        var said = error.Message + " " + error.Hint;
        var lines = File.ReadAllLines(file).Select(l => l.Trim());
        foreach (var piece in lines.Concat(lines.SelectMany(l => l.Split(':', '='))).Where(p => p.Length >= 8))
        {
            Assert.DoesNotContain(piece, said, StringComparison.Ordinal);
        }
    }
}
