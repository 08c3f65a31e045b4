using System.Net.Http.Json;
using System.Text.Json;

namespace GbaSim.Tests.Silo;

/// <summary>
/// One real silo process whose runs all fail (city/Macao throws at month 2), holding one such run
/// of a scenario whose name carries control characters, a right-to-left override and HTML.
/// </summary>
public sealed class FaultySiloFixture : IAsyncLifetime
{
    /// <summary>The name as YAML writes it: ESC, a colour sequence, U+202E, NUL and an image tag that would run script.</summary>
    public const string YamlName = @"""evil\e[31mred\u202Egnp.exe\0<img src=x onerror=window.pwned=1>""";

    /// <summary>The name as it must be shown: every one of those characters escaped, the tag as text.</summary>
    public const string ShownName = @"evil\u001b[31mred\u202egnp.exe\u0000<img src=x onerror=window.pwned=1>";

    private readonly TempData _data = new();

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>The failed run of the oddly named scenario.</summary>
    public string FailedRunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Silo = await SiloProcess.StartAsync(_data.Path, "--Silo:FaultGrain=city/Macao", "--Silo:FaultMonth=2");
        using var http = Silo.Http();
        using var response = await http.PostAsync("api/runs?scale=0.01", ApiHelpers.Yaml($"name: {YamlName}\nextends: gba-small.yaml\n"));
        response.EnsureSuccessStatusCode();
        FailedRunId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var done = await ApiHelpers.WaitAsync(http, FailedRunId, ApiHelpers.Finished);
        Assert.Equal("failed", done.GetProperty("status").GetString());
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _data.Dispose();
    }
}
