using System.Net.Sockets;
using GbaSim.Silo.Hosting;
using GbaSim.Silo.Storage;
using Microsoft.Extensions.Options;

try
{
    // Disposed on the way out: the store closes (SQLite folds its log into gbasim.db) and the data folder is released.
    await using var app = SiloHost.Build(args);
    await app.StartAsync();
    // Waits for Ctrl-C or SIGTERM, then stops the silo (Orleans leaves the cluster cleanly).
    await app.WaitForShutdownAsync();
    return SiloExitCodes.Stopped;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"gbasim-silo: {string.Join(" ", ex.Failures)}");
    return SiloExitCodes.InvalidOptions;
}
catch (ClusterUnreachableException ex)
{
    Console.Error.WriteLine($"gbasim-silo: {ex.Message}");
    return SiloExitCodes.ClusterUnreachable;
}
catch (StoreStartupException ex)
{
    // One line that names the folder or file and what to do; the stack would only hide it.
    Console.Error.WriteLine($"gbasim-silo: {ex.Message}");
    return SiloExitCodes.For(ex.Failure);
}
catch (Exception ex) when (ex is IOException or SocketException && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
    || ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
{
    Console.Error.WriteLine($"gbasim-silo: {ex.Message} Choose other ports with --port, --gateway-port and --silo-port.");
    return SiloExitCodes.PortInUse;
}
