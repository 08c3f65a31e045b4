namespace GbaSim.Grains.Sharding;

/// <summary>The factory of a model with spec <typeparamref name="TSpec"/> and messages <typeparamref name="TMessage"/>.</summary>
public abstract class ShardModelFactory<TSpec, TMessage> : IShardModelFactory
    where TSpec : ShardModelSpec
    where TMessage : unmanaged
{
    public bool Builds(ShardModelSpec spec) => spec is TSpec;

    public IShardEngine Create(ShardSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new ShardEngine<TMessage>(setup, Model(setup, (TSpec)setup.Model));
    }

    public IShardEngine Restore(ShardSetup setup, ReadOnlyMemory<byte> snapshot)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return ShardEngine<TMessage>.Restore(setup, Model(setup, (TSpec)setup.Model), snapshot);
    }

    /// <summary>The model of one run; shards of the same run in one silo may share it, so it must be read-only.</summary>
    protected abstract IShardModel<TMessage> Model(ShardSetup setup, TSpec spec);
}
