namespace GbaSim.Grains.Sharding;

/// <summary>
/// What one actor tells its run after a step, for the run's figures (a city's month, a ledger's
/// transitions); each model derives its own. Reports travel with the shard's step outcome and
/// are put together by the run in a canonical order.
/// </summary>
[GenerateSerializer, Immutable, Alias("gbasim.ActorReport")]
public abstract record ActorReport;
