using GbaSim.Runtime.Activation;
using GbaSim.Runtime.Messaging;
using GbaSim.Runtime.Options;
using Microsoft.Extensions.Options;

namespace GbaSim.Runtime.Hosting;

/// <summary>Creates runtimes with the configured <see cref="RuntimeOptions"/>, one per run.</summary>
public sealed class GrainRuntimeFactory(IOptions<RuntimeOptions> options)
{
    public RuntimeOptions Options => options.Value;

    public GrainRuntime<TMessage> Create<TMessage>(GrainTypeRegistry<TMessage> types, ulong seed, int? threads = null, IPartitionTransport<TMessage>? transport = null)
        where TMessage : unmanaged
    {
        var configured = options.Value;
        var effective = new RuntimeOptions { Threads = threads ?? configured.Threads, Partitions = configured.Partitions };
        return new GrainRuntime<TMessage>(types, effective, seed, transport);
    }
}
