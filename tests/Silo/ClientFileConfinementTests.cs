using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Silo;

/// <summary>
/// The real <c>gbasim</c> client refuses, before it reaches any silo, a scenario whose
/// <c>extends</c> or <c>world</c> leads out of the scenario's library or to a device or pipe:
/// exit code 2, the error at file:line:column, nothing of the file. <c>--scenario-root</c>
/// widens what it may read.
/// </summary>
public sealed class ClientFileConfinementTests
{
    /// <summary>No silo listens here: a command that got as far as connecting would fail with 3, not 2.</summary>
    private const string NoSilo = "127.0.0.1:9";

    [Fact]
    public async Task Validate_refuses_a_scenario_extending_etc_passwd_without_quoting_it()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        var file = library.Write("scenario.yaml", "extends: /etc/passwd\nname: probe\n");

        var validate = await ClientProcess.RunAsync(data.Path, "validate", file);

        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("scenario.yaml:1:10: the extended scenario file '/etc/passwd' is outside the scenario root", validate.Errors, StringComparison.Ordinal);
        Assert.Contains("--scenario-root", validate.Errors, StringComparison.Ordinal);
        AssertQuotesNothingOfPasswd(validate);
    }

    [Fact]
    public async Task Run_refuses_a_scenario_whose_world_is_dev_zero_before_reaching_a_silo()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        var file = library.Write("scenario.yaml", "name: probe\nseed: 1\nstart: 2025-01\nhorizon: 12\nworld: /dev/zero\n");

        var run = await ClientProcess.RunAsync(data.Path, "run", file, "--silo", NoSilo);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scenario.yaml:5:8: the world file '/dev/zero' is outside the scenario root", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_a_scenario_extending_etc_hostname_through_dot_dots()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        var file = library.Write("scenario.yaml", "extends: ../../../../../../../../etc/hostname\nname: probe\n");

        var run = await ClientProcess.RunAsync(data.Path, "run", file, "--silo", NoSilo);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scenario.yaml:1:10: the extended scenario file '../../../../../../../../etc/hostname' is outside", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_and_run_refuse_a_fifo_at_once()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        var pipe = library.Fifo("pipe.yaml");
        var file = library.Write("scenario.yaml", "extends: pipe.yaml\nname: probe\n");

        var validate = await ClientProcess.RunAsync(data.Path, "validate", pipe);
        var run = await ClientProcess.RunAsync(data.Path, "run", file, "--silo", NoSilo);

        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("pipe.yaml:1:1: the scenario file", validate.Errors, StringComparison.Ordinal);
        Assert.Contains("is empty or is not a regular file", validate.Errors, StringComparison.Ordinal);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scenario.yaml:1:10: the extended scenario file 'pipe.yaml' is empty or is not a regular file", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_refuses_a_variant_extending_a_link_out_of_the_library_without_quoting_it()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        File.CreateSymbolicLink(library.PathOf("linked.yaml"), library.SecretFile);
        var variant = library.Write("variant.yaml", "extends: linked.yaml\nname: probe\n");

        var compare = await ClientProcess.RunAsync(data.Path, "compare", library.PathOf("base.yaml"), variant, "-r", "2", "--silo", NoSilo);

        Assert.Equal(2, compare.ExitCode);
        Assert.Contains("variant.yaml:1:10: the extended scenario file 'linked.yaml' is outside", compare.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(LibraryFolder.Secret, compare.Errors + compare.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_root_option_widens_what_validate_may_read()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        var child = library.Write("child.yaml", "extends: ../outside/parent.yaml\nname: widened\n");

        var confined = await ClientProcess.RunAsync(data.Path, "validate", child);
        var widened = await ClientProcess.RunAsync(data.Path, "validate", child, "--scenario-root", library.Parent);

        Assert.Equal(2, confined.ExitCode);
        Assert.Contains("child.yaml:1:10: the extended scenario file '../outside/parent.yaml' is outside", confined.Errors, StringComparison.Ordinal);
        Assert.True(widened.ExitCode == 0, widened.Errors);
        Assert.Contains("valid scenario 'widened'", widened.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_scenario_root_runs_on_an_embedded_silo_serving_that_root()
    {
        using var library = new LibraryFolder();
        using var data = new TempData();
        var child = library.Write("child.yaml", "extends: ../outside/parent.yaml\nname: widened\nhorizon: 25\n");

        var run = await ClientProcess.RunAsync(data.Path, "run", child, "--scenario-root", library.Parent, "--json");

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Equal(25, System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("steps").GetInt32());
    }

    private static void AssertQuotesNothingOfPasswd(ClientProcess.Outcome outcome)
    {
        foreach (var piece in File.ReadAllLines("/etc/passwd").SelectMany(l => l.Split(':').Append(l)).Where(p => p.Length >= 8))
        {
            Assert.DoesNotContain(piece, outcome.Errors + outcome.Output, StringComparison.Ordinal);
        }
    }
}
