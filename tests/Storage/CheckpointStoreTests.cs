using GbaSim.Grains.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>Checkpoint manifests and grain states, as every results store keeps them.</summary>
public sealed class CheckpointStoreTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CheckpointManifest Manifest(string runId, long nextStep, byte fill = 1) =>
        new(runId, nextStep, 8, $"hash-{nextStep}", [fill, 0, 255, fill], StoreSamples.Created.AddMinutes(nextStep));

    [Fact]
    public void A_committed_checkpoint_replaces_the_runs_earlier_one_and_outlives_the_store()
    {
        var store = _folder.Open();
        store.CreateRun(StoreSamples.Run("run-1"));
        store.CreateRun(StoreSamples.Run("run-2"));
        Assert.Null(store.LatestCheckpoint("run-1"));

        store.CommitCheckpoint(Manifest("run-1", 6, fill: 7));
        store.CommitCheckpoint(Manifest("run-2", 3));
        store.CommitCheckpoint(Manifest("run-1", 12, fill: 9));

        var reopened = _folder.Open();
        AssertManifest(Manifest("run-1", 12, fill: 9), reopened.LatestCheckpoint("run-1"));
        AssertManifest(Manifest("run-2", 3), reopened.LatestCheckpoint("run-2"));
    }

    [Fact]
    public void A_checkpoint_of_an_unknown_run_is_refused_and_none_is_read()
    {
        var store = _folder.Open();
        var error = Assert.Throws<InvalidOperationException>(() => store.CommitCheckpoint(Manifest("ghost", 6)));
        Assert.Contains("no such run", error.Message);
        Assert.Null(store.LatestCheckpoint("ghost"));
    }

    [Fact]
    public void A_grain_state_is_written_under_its_tag_and_read_back()
    {
        var store = _folder.Open();
        Assert.Null(store.ReadGrainState(CheckpointStorage.ShardState, "run-1/0"));

        var first = store.WriteGrainState(CheckpointStorage.ShardState, "run-1/0", [1, 2, 3], expectedETag: null);
        var second = store.WriteGrainState(CheckpointStorage.ShardState, "run-1/0", [4, 5], expectedETag: first);

        Assert.NotEqual(first, second);
        var stored = _folder.Open().ReadGrainState(CheckpointStorage.ShardState, "run-1/0");
        Assert.Equal(new byte[] { 4, 5 }, stored!.Data);
        Assert.Equal(second, stored.ETag);
        // The state name is part of the key.
        Assert.Null(store.ReadGrainState("other", "run-1/0"));
    }

    [Fact]
    public void A_write_or_clear_under_a_stale_tag_is_refused_and_changes_nothing()
    {
        var store = _folder.Open();
        var first = store.WriteGrainState("shard", "run-1/0", [1], expectedETag: null);
        var current = store.WriteGrainState("shard", "run-1/0", [2], expectedETag: first);

        var stale = Assert.Throws<GrainStateConflictException>(() => store.WriteGrainState("shard", "run-1/0", [3], expectedETag: first));
        Assert.Equal(current, stale.StoredETag);
        var fresh = Assert.Throws<GrainStateConflictException>(() => store.WriteGrainState("shard", "run-1/0", [3], expectedETag: null));
        Assert.Equal(current, fresh.StoredETag);
        Assert.Throws<GrainStateConflictException>(() => store.ClearGrainState("shard", "run-1/0", first));

        Assert.Equal(new byte[] { 2 }, store.ReadGrainState("shard", "run-1/0")!.Data);
    }

    [Fact]
    public void A_cleared_state_is_gone_and_its_old_tag_no_longer_writes()
    {
        var store = _folder.Open();
        var tag = store.WriteGrainState("shard", "run-1/0", [1], expectedETag: null);
        store.ClearGrainState("shard", "run-1/0", tag);

        Assert.Null(store.ReadGrainState("shard", "run-1/0"));
        var error = Assert.Throws<GrainStateConflictException>(() => store.WriteGrainState("shard", "run-1/0", [2], expectedETag: tag));
        Assert.Null(error.StoredETag);
        store.WriteGrainState("shard", "run-1/0", [2], expectedETag: null);
    }

    [Fact]
    public void Clearing_a_runs_states_removes_only_that_runs_shards()
    {
        var store = _folder.Open();
        foreach (var grain in (string[])["run_1/0", "run_1/1", "runX1/0", "run_10/0"])
        {
            store.WriteGrainState("shard", grain, [1], expectedETag: null);
        }
        store.WriteGrainState("other", "run_1/0", [1], expectedETag: null);

        Assert.Equal(2, store.ClearGrainStates("shard", "run_1/"));

        Assert.Null(store.ReadGrainState("shard", "run_1/0"));
        Assert.Null(store.ReadGrainState("shard", "run_1/1"));
        Assert.NotNull(store.ReadGrainState("shard", "runX1/0"));
        Assert.NotNull(store.ReadGrainState("shard", "run_10/0"));
        Assert.NotNull(store.ReadGrainState("other", "run_1/0"));
    }

    private static void AssertManifest(CheckpointManifest expected, CheckpointManifest? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { RunState = [] }, actual with { RunState = [] });
        Assert.Equal(expected.RunState, actual.RunState);
    }
}
