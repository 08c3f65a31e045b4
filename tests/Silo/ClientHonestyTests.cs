using System.Text.Json;

namespace GbaSim.Tests.Silo;

/// <summary>The real <c>gbasim</c> client on a run that failed: it says so and exits 4, and prints what others named escaped.</summary>
public sealed class ClientHonestyTests(FaultySiloFixture fixture) : IClassFixture<FaultySiloFixture>
{
    [Fact]
    public async Task Status_results_and_watch_of_a_failed_run_say_it_failed_and_exit_4()
    {
        using var data = new TempData();
        var id = fixture.FailedRunId;
        foreach (var arguments in new[]
        {
            new[] { "status", id },
            ["status", id, "--json"],
            ["results", id],
            ["results", id, "--format", "csv"],
            ["results", id, "--format", "json"],
            ["watch", id],
            ["watch", id, "--json"],
        })
        {
            var outcome = await ClientProcess.RunAsync(data.Path, [.. arguments, "--silo", fixture.Silo.Gateway]);
            var shown = string.Join(' ', arguments);
            Assert.True(outcome.ExitCode == 4, $"gbasim {shown} exited {outcome.ExitCode}: {outcome.Errors}");
            Assert.Contains($"Run {id} failed after", outcome.Errors);
            Assert.Contains("city/Macao", outcome.Errors);
            Assert.DoesNotContain("   at ", outcome.Errors);
        }
    }

    [Fact]
    public async Task Names_with_control_characters_are_printed_escaped_never_raw()
    {
        using var data = new TempData();
        foreach (var arguments in new[] { new[] { "status", fixture.FailedRunId }, ["runs"], ["watch", fixture.FailedRunId] })
        {
            var outcome = await ClientProcess.RunAsync(data.Path, [.. arguments, "--silo", fixture.Silo.Gateway]);
            var printed = outcome.Output + outcome.Errors;
            Assert.Contains(FaultySiloFixture.ShownName, printed);
            Assert.DoesNotContain('\u001b', printed);
            Assert.DoesNotContain('\u202e', printed);
            Assert.DoesNotContain('\0', printed);
        }
        // JSON keeps the name exactly, in JSON's own escapes.
        var json = await ClientProcess.RunAsync(data.Path, "status", fixture.FailedRunId, "--json", "--silo", fixture.Silo.Gateway);
        Assert.DoesNotContain('\u001b', json.Output);
        Assert.StartsWith("evil\u001b[31mred\u202egnp.exe\0<img", JsonDocument.Parse(json.Output).RootElement.GetProperty("scenario").GetString(), StringComparison.Ordinal);
    }
}
