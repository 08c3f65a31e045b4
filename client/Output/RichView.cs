using Spectre.Console;

namespace GbaSim.Client.Output;

/// <summary>Spectre.Console on a terminal: a live progress bar and boxed tables.</summary>
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
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = await work((done, total, caption) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape($"{title} {caption}");
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    public void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(Markup.Escape(header));
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
        }
        console.Write(table);
    }

    public void Line(string text) => console.MarkupLine(Markup.Escape(text));

    public void Error(string text) => console.MarkupLine($"[red]{Markup.Escape(text)}[/]");

    public void Raw(string text) => console.Profile.Out.Writer.WriteLine(text);
}
