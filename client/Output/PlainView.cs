namespace GbaSim.Client.Output;

/// <summary>
/// Plain text for pipes and files: tab-separated tables, a progress line every tenth of the way.
/// Every text but <see cref="Raw"/> output is escaped for the terminal (see <see cref="TerminalText"/>).
/// </summary>
public sealed class PlainView(TextWriter output, TextWriter errors) : IConsoleView
{
    public async Task<T> ProgressAsync<T>(string title, Func<Action<int, int, string>, Task<T>> work)
    {
        var lastTenth = -1;
        errors.WriteLine(TerminalText.Escape(title));
        return await work((done, total, caption) =>
        {
            var tenth = total > 0 ? done * 10 / total : 0;
            if (tenth != lastTenth)
            {
                lastTenth = tenth;
                errors.WriteLine($"  {done}/{total} {TerminalText.Escape(caption)}");
            }
        });
    }

    public void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        output.WriteLine(TerminalText.Escape(title));
        output.WriteLine(string.Join('\t', headers.Select(TerminalText.Escape)));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join('\t', row.Select(TerminalText.Escape)));
        }
    }

    public void Line(string text) => output.WriteLine(TerminalText.Escape(text));

    public void Error(string text) => errors.WriteLine(TerminalText.Escape(text));

    public void Raw(string text) => output.WriteLine(text);
}
