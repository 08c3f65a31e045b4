namespace GbaSim.Client.Output;

/// <summary>How commands talk to the person at the terminal: rich when it is one, plain lines when output is redirected.</summary>
public interface IConsoleView
{
    /// <summary>Shows a progress bar (or periodic lines) while <paramref name="work"/> runs; work reports (done, total, caption).</summary>
    Task<T> ProgressAsync<T>(string title, Func<Action<int, int, string>, Task<T>> work);

    void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows);

    void Line(string text);

    void Error(string text);

    /// <summary>Writes machine-readable output exactly as given.</summary>
    void Raw(string text);
}
