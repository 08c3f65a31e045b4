using System.Security.Cryptography;
using System.Text;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// Scenarios built in code run on a GbaSim silo as a client runs them: written as YAML into the
/// silo's scenario library beside their world, submitted through the run registry, read back
/// through the results grain.
/// </summary>
public sealed class SiloRuns(GbaSimCluster cluster)
{
    /// <summary>Where submitted test scenarios sit in the library; their worlds go under <c>worlds/</c> beside them.</summary>
    private const string ScenarioPath = "model-tests.yaml";

    public GbaSimCluster Cluster => cluster;

    /// <summary>The scenario as a library scenario: its YAML and its path, its world written to the library.</summary>
    public ExperimentScenario Submitted(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var world = ScenarioYaml.World(scenario.World);
        // Worlds differ by content (parameters), so each gets a file of its own, named by its hash.
        var worldPath = $"worlds/{scenario.World.Name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(world)))[..12]}.yaml";
        var file = Path.Combine(cluster.Library, worldPath);
        if (!File.Exists(file))
        {
            File.WriteAllText(file, world);
        }
        return new ExperimentScenario(ScenarioYaml.Scenario(scenario, worldPath), ScenarioPath, scenario.Name);
    }

    public RunRequest Request(ScenarioDefinition scenario, int? shards = null, int? threads = null, ulong? seed = null)
    {
        var submitted = Submitted(scenario);
        return new RunRequest(submitted.Text, submitted.Path, null, seed, null, threads, shards, Granularity.Shard);
    }

    /// <summary>Runs the scenario to completion and returns its final record.</summary>
    public Task<RunInfo> Run(ScenarioDefinition scenario, int? shards = null, int? threads = null, ulong? seed = null) =>
        cluster.Run(Request(scenario, shards, threads, seed));

    /// <summary>The run's months for the region, or for one city.</summary>
    public async Task<IReadOnlyList<MonthInfo>> Months(RunInfo run, City? city = null) =>
        (await cluster.Client.GetGrain<IRunResultsGrain>(0).Results(run.Id, city?.DisplayName())).Months;

    /// <summary>One of the run's stored tables (months, transitions, flows, policies) as CSV.</summary>
    public Task<string> Table(RunInfo run, string table) => cluster.Client.GetGrain<IRunResultsGrain>(0).Export(run.Id, table);
}
