using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Silo.Storage;
using GbaSim.Tests.Storage;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>
/// The real silo and client processes on a data folder they must not use: one in use by another
/// silo, or a results database that is damaged or empty. Each refusal is one line that names the
/// folder or file, with its own exit code and no stack trace.
/// </summary>
public sealed class DataFolderTests
{
    public enum Damage
    {
        Garbage,
        Empty,
        CutOff,
        DamagedPage,
    }

    [Fact]
    public async Task Second_silo_or_embedded_client_on_a_folder_in_use_exits_4_and_leaves_the_live_run_running()
    {
        using var data = new TempData();
        await using var first = await SiloProcess.StartAsync(data.Path);
        using var http = first.Http();
        var id = (await SubmitAsync(http, "scenarios/gba-baseline.yaml", "&scale=0.3")).GetProperty("id").GetString()!;
        await WaitAsync(http, id, r => r.GetProperty("monthsDone").GetInt32() >= 1 || Finished(r));

        var second = await SiloProcess.RunToExitAsync(data.Path);
        Assert.Equal(5, second.ExitCode);
        AssertOneLine(second.Errors, $"gbasim-silo: The data folder {data.Path} is in use by another GbaSim silo");
        var client = await ClientProcess.RunAsync(data.Path, "runs");
        Assert.Equal(5, client.ExitCode);
        AssertOneLine(client.Errors, $"The data folder {data.Path} is in use");

        var run = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}");
        Assert.Equal("running", run.GetProperty("status").GetString());
        Assert.False(first.HasExited);
        using var cancel = await http.PostAsync($"api/runs/{id}/cancel", null);
        Assert.Equal("cancelled", (await WaitAsync(http, id, Finished)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(Damage.Garbage, "is not a SQLite database")]
    [InlineData(Damage.Empty, "is empty (0 bytes)")]
    [InlineData(Damage.CutOff, "is cut off")]
    [InlineData(Damage.DamagedPage, "is damaged")]
    public async Task Silo_and_embedded_client_refuse_a_damaged_database_with_exit_5_and_leave_it_as_it_is(Damage damage, string says)
    {
        using var data = new TempData();
        var database = Path.Combine(data.Path, SqliteResultsStore.FileName);
        Spoil(data.Path, damage);
        var before = await File.ReadAllBytesAsync(database);

        var silo = await SiloProcess.RunToExitAsync(data.Path);
        Assert.Equal(6, silo.ExitCode);
        AssertOneLine(silo.Errors, $"gbasim-silo: The results database {database} {says}");
        Assert.Contains("restore it from a backup", silo.Errors);

        var client = await ClientProcess.RunAsync(data.Path, "runs");
        Assert.Equal(6, client.ExitCode);
        AssertOneLine(client.Errors, $"The results database {database} {says}");
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }

    [Fact]
    public async Task Silo_whose_data_folder_cannot_be_made_exits_6()
    {
        using var data = new TempData();
        Directory.CreateDirectory(data.Path);
        var file = Path.Combine(data.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where the data folder should be");

        var silo = await SiloProcess.RunToExitAsync(file);
        Assert.Equal(7, silo.ExitCode);
        AssertOneLine(silo.Errors, $"gbasim-silo: The data folder {file} cannot be created");
    }

    /// <summary>One line of text that starts with <paramref name="start"/>: no stack trace, no log noise.</summary>
    private static void AssertOneLine(string printed, string start)
    {
        var lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got: {printed}");
        Assert.StartsWith(start, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", printed);
    }

    /// <summary>Leaves a results database in the folder damaged as <paramref name="damage"/> says.</summary>
    private static void Spoil(string folder, Damage damage)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, SqliteResultsStore.FileName);
        if (damage is Damage.Garbage or Damage.Empty)
        {
            File.WriteAllBytes(database, damage == Damage.Empty ? [] : [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251))]);
            return;
        }
        using (var store = new SqliteResultsStore(folder))
        {
            for (var r = 0; r < 3; r++)
            {
                var id = $"run-{r}";
                store.CreateRun(StoreSamples.Run(id));
                store.MarkStarted(id, StoreSamples.Created);
                for (var m = 0; m < 12; m++)
                {
                    store.AppendMonth(id, StoreSamples.Month(m, transitions: 50));
                }
            }
        }
        // Closing the store folds the write-ahead log into the file, as a silo stopped cleanly does.
        Assert.False(File.Exists(database + "-wal") && new FileInfo(database + "-wal").Length > 0, "the store should have closed cleanly");
        using var file = new FileStream(database, FileMode.Open, FileAccess.ReadWrite);
        if (damage == Damage.CutOff)
        {
            file.SetLength(file.Length / 2);
        }
        else
        {
            // Page 1 past the file header holds the schema: overwritten, no table can be found.
            file.Position = 100;
            file.Write([.. Enumerable.Repeat((byte)0x5A, 3000)]);
        }
    }
}
