using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Messaging;
using GbaSim.Kernel.Options;
using Microsoft.Extensions.Options;

namespace GbaSim.Kernel.Hosting;

/// <summary>Creates runtimes with the configured <see cref="RuntimeOptions"/>, one per run.</summary>
public sealed class GrainRuntimeFactory(IOptions<RuntimeOptions> options)
{
    public RuntimeOptions Options => options.Value;

    public GrainRuntime<TMessage> Create<TMessage>(ActorTypeRegistry<TMessage> types, ulong seed, int? threads = null, IPartitionTransport<TMessage>? transport = null)
        where TMessage : unmanaged
    {
        var configured = options.Value;
        var effective = new RuntimeOptions { Threads = threads ?? configured.Threads, Partitions = configured.Partitions };
        return new GrainRuntime<TMessage>(types, effective, seed, transport);
    }
}
