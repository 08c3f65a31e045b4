using System.Net.Sockets;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

try
{
    var app = SiloHost.Build(args);
    await app.StartAsync();
    // Waits for Ctrl-C or SIGTERM, then stops the silo (Orleans leaves the cluster cleanly).
    await app.WaitForShutdownAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"gbasim-silo: {string.Join(" ", ex.Failures)}");
    return 2;
}
catch (Exception ex) when (ex is IOException or SocketException && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
    || ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
{
    Console.Error.WriteLine($"gbasim-silo: {ex.Message} Choose other ports with --port, --gateway-port and --silo-port.");
    return 1;
}
