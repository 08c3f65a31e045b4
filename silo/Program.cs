using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

try
{
    await SiloHost.Build(args).RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"gbasim-silo: {string.Join(" ", ex.Failures)}");
    return 2;
}
catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"gbasim-silo: {ex.Message} Choose another port with --port.");
    return 1;
}
