using Spectre.Console;

namespace GbaSim.Client.Output;

/// <summary>Spectre.Console on a terminal: a live progress bar and boxed tables; every text but <see cref="Raw"/> output escaped (see <see cref="TerminalText"/>).</summary>
public sealed class RichView(IAnsiConsole console) : IConsoleView
{
    public async Task<T> ProgressAsync<T>(string title, Func<Action<int, int, string>, Task<T>> work)
    {
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Shown(title), maxValue: 1);
                result = await work((done, total, caption) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Shown($"{title} {caption}");
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    public void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().Title(Shown(title)).Border(TableBorder.Rounded);
        for (var i = 0; i < headers.Count; i++)
        {
            // Only the first column (names) wraps, between words; figures never break across lines.
            var column = new TableColumn(Shown(headers[i]));
            table.AddColumn(i == 0 ? column : column.NoWrap());
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Shown).ToArray());
        }
        console.Write(table);
    }

    public void Line(string text) => console.MarkupLine(Shown(text));

    public void Error(string text) => console.MarkupLine($"[red]{Shown(text)}[/]");

    public void Raw(string text) => console.Profile.Out.Writer.WriteLine(text);

    /// <summary>Text escaped for the terminal, then for Spectre's markup.</summary>
    private static string Shown(string text) => Markup.Escape(TerminalText.Escape(text));
}
