namespace GbaSim.Contracts.Runs;

/// <summary>
/// A scenario to run: its YAML (read as though it were the file <see cref="Path"/> of the
/// silo's scenario library, so <c>extends</c> and <c>world</c> resolve there), or the library
/// file <see cref="LibraryScenario"/>; and the settings that override the scenario's own.
/// </summary>
/// <param name="Shards">Shard grains to spread the actors over; null takes the silo's default. Never changes results.</param>
/// <param name="Threads">Shards stepped at once; 0 or null for all of them. Never changes results.</param>
/// <param name="Granularity">See <see cref="Runs.Granularity"/>; null for shard.</param>
/// <param name="Months">Run only the first months of the horizon (policies keep their dates); null runs it all.</param>
/// <param name="CheckpointEvery">Months between checkpoints (0: none); null takes the silo's default. Never changes results.</param>
[GenerateSerializer, Immutable, Alias("gbasim.RunRequest")]
public sealed record RunRequest(
    string? Text,
    string? Path,
    string? LibraryScenario,
    ulong? Seed,
    double? Scale,
    int? Threads,
    int? Shards,
    string? Granularity,
    int? Months = null,
    int? CheckpointEvery = null);
