using GbaSim.Kernel.Options;
using Microsoft.Extensions.DependencyInjection;

namespace GbaSim.Kernel.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Registers the grain runtime: its options (validated at start) and the factory that creates a runtime per run.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        var builder = services.AddOptions<RuntimeOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }
        builder.Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.AddSingleton<GrainRuntimeFactory>();
        return services;
    }
}
