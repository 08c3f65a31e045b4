using GbaSim.Client;
using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;
using Spectre.Console;

namespace GbaSim.Tests.Silo;

/// <summary>What the client prints of text from elsewhere, in its plain and rich views, and how it ends on runs that did not complete.</summary>
public sealed class TerminalOutputTests
{
    private const string Hostile = "a\u001b[2Jb\u202ec\0d\r\ne\tf\u0085g\u2066h[red]i";
    private const string Shown = @"a\u001b[2Jb\u202ec\u0000d\u000d\u000ae\u0009f\u0085g\u2066h[red]i";

    [Fact]
    public void Control_bidirectional_and_invisible_characters_are_escaped_and_other_text_is_kept()
    {
        Assert.Equal(Shown, TerminalText.Escape(Hostile));
        Assert.Equal("深圳 Shenzhen — 香港 ¥1,000 (ok)", TerminalText.Escape("深圳 Shenzhen — 香港 ¥1,000 (ok)"));
        Assert.Equal(@"\u200b\u200f\u061c\ufeff", TerminalText.Escape("\u200b\u200f\u061c\ufeff"));
    }

    [Fact]
    public async Task Plain_view_escapes_lines_errors_tables_and_progress_but_not_raw_output()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var view = new PlainView(output, errors);
        view.Line(Hostile);
        view.Error(Hostile);
        view.Table(Hostile, [Hostile], [[Hostile]]);
        await view.ProgressAsync(Hostile, report => { report(1, 1, Hostile); return Task.FromResult(0); });
        view.Raw("{\"raw\":true}");
        var printed = output.ToString() + errors;
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u202e', printed);
        Assert.DoesNotContain('\0', printed);
        Assert.Equal(7, (printed.Length - printed.Replace(Shown, "", StringComparison.Ordinal).Length) / Shown.Length);
        Assert.EndsWith("{\"raw\":true}" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rich_view_escapes_text_and_markup_alike()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 400;
        var view = new RichView(console);
        view.Line(Hostile);
        view.Error(Hostile);
        view.Table("t", ["name"], [[Hostile]]);
        var printed = writer.ToString();
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u202e', printed);
        Assert.Contains(Shown, printed);
    }

    [Theory]
    [InlineData(RunStatusNames.Failed, 4)]
    [InlineData(RunStatusNames.Cancelled, 4)]
    [InlineData(RunStatusNames.Interrupted, 4)]
    [InlineData(RunStatusNames.Completed, 0)]
    [InlineData(RunStatusNames.Running, 0)]
    [InlineData(RunStatusNames.Queued, 0)]
    public void Run_that_did_not_complete_is_said_so_with_exit_code_4(string status, int exitCode)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var run = new RunInfo("r1", "gba-small", null, status, "1", 0.05, 36, 7, 0, DateTimeOffset.UnixEpoch, null, null, null, null,
            status == RunStatusNames.Failed ? "city/Macao threw at step 7" : null, null, 8, "shard");
        Assert.Equal(exitCode, RunOutcome.Report(new PlainView(output, errors), run));
        Assert.Equal(ExitCodes.RunNotCompleted, 4);
        if (exitCode == 4)
        {
            Assert.StartsWith($"Run r1 {status} after 7 of 36 months", errors.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(errors.ToString());
        }
    }
}
