using GbaSim.Grains.Scenarios;
using Microsoft.Extensions.Options;

namespace GbaSim.Tests.Scenarios;

/// <summary>The silo lists the scenario files that load and silently leaves out the rest, so every committed one must load.</summary>
public sealed class ScenarioLibraryListingTests
{
    [Fact]
    public void Silo_library_lists_every_committed_scenario_file_outside_worlds_and_calibration_including_the_sweep()
    {
        var root = Repository.PathOf("scenarios");
        var library = new ScenarioLibrary(Options.Create(new ScenarioLibraryOptions { Folder = root }));
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(library.Relative)
            .Where(path => !ScenarioLibrary.IsNotScenario(path))
            .Order(StringComparer.Ordinal);

        var listed = library.List();

        Assert.Equal(files, listed.Select(s => s.Path));
        var sweep = Assert.Single(listed, s => s.Path == "sweeps/pilot-capacity.yaml");
        Assert.Equal(("pilot-capacity", 36, 0.05), (sweep.Name, sweep.Months, sweep.Scale));
    }
}
