using System.Diagnostics;
using System.Globalization;
using GbaSim.Engine.Scenarios;
using Xunit.Abstractions;

namespace GbaSim.Tests.Fuzzing;

/// <summary>
/// Runs fuzz cases against a reader as a silo meets them, and counts them: a case passes when
/// the reader accepts the text or refuses it with a <see cref="ScenarioValidationException"/>,
/// within <see cref="CaseTime"/>, allocating at most <see cref="CaseBytes"/>, and without an
/// error quoting a file that no scenario may read. Anything else is an escape.
/// </summary>
internal sealed class FuzzHarness(string name, ITestOutputHelper output)
{
    /// <summary>The longest one case may take.</summary>
    public static readonly TimeSpan CaseTime = Scenarios.ReaderTimeBound.Limit;

    /// <summary>The most one case may allocate: a file at the 1 MiB cap costs well under this, and a reader expanding aliases would cost far more.</summary>
    public const long CaseBytes = 512L * 1024 * 1024;

    /// <summary>Pieces of files outside every library that mutations point <c>extends</c> and <c>world</c> at: none may appear in an error.</summary>
    private static readonly string[] Forbidden = File.Exists("/etc/passwd")
        ? File.ReadAllLines("/etc/passwd").SelectMany(l => l.Split(':').Append(l)).Where(p => p.Length >= 12).Distinct().ToArray()
        : [];

    private readonly Stopwatch _total = new();
    private readonly List<string> _escapes = [];
    private int _cases;
    private int _accepted;
    private int _refused;
    private TimeSpan _slowest;
    private long _mostAllocated;

    public int Cases => _cases;

    public IReadOnlyList<string> Escapes => _escapes;

    /// <summary>Runs one case; false (with the escape recorded and printed) if the reader broke a rule.</summary>
    public bool Case(string text, Func<string, object> read)
    {
        _cases++;
        _total.Start();
        var running = Scenarios.ReaderTimeBound.Start(() => Outcome.Of(text, read));
        var finished = Scenarios.ReaderTimeBound.Ends(running);
        _total.Stop();
        if (!finished)
        {
            return Escape(text, $"took longer than {CaseTime.TotalSeconds} s");
        }
        var outcome = running.Result;
        _slowest = outcome.Time > _slowest ? outcome.Time : _slowest;
        _mostAllocated = Math.Max(_mostAllocated, outcome.Allocated);
        if (outcome.Escaped is { } exception)
        {
            return Escape(text, $"{exception.GetType().Name} escaped: {exception}");
        }
        if (outcome.Allocated > CaseBytes)
        {
            return Escape(text, $"allocated {outcome.Allocated / (1024 * 1024)} MiB");
        }
        if (outcome.Errors is not { } errors)
        {
            _accepted++;
            return true;
        }
        _refused++;
        if (errors.Count == 0 || errors.Any(e => e.Location.Line < 1 || e.Location.Column < 1 || string.IsNullOrEmpty(e.Location.File)))
        {
            return Escape(text, "an error without file, line and column");
        }
        var leaked = errors.SelectMany(e => Forbidden.Where(f => (e.Message + e.Hint).Contains(f, StringComparison.Ordinal))).FirstOrDefault();
        return leaked is null || Escape(text, $"an error quotes /etc/passwd: '{leaked}'");
    }

    /// <summary>Prints the counts (the CI log keeps them) and fails if any case escaped.</summary>
    public void Report()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {_cases} cases ({_accepted} valid, {_refused} refused with located errors), {_escapes.Count} escapes; {_total.Elapsed.TotalSeconds:0.0} s in all, slowest case {_slowest.TotalMilliseconds:0} ms, most allocated {_mostAllocated / (1024.0 * 1024):0.0} MiB");
        output.WriteLine(line);
        Assert.True(_escapes.Count == 0, line + Environment.NewLine + string.Join(Environment.NewLine, _escapes));
    }

    private bool Escape(string text, string what)
    {
        var shown = text.Length > 400 ? text[..400] + $"... ({text.Length} characters)" : text;
        var escape = $"case {_cases}: {what}{Environment.NewLine}--- input ---{Environment.NewLine}{shown}";
        _escapes.Add(escape);
        output.WriteLine(escape);
        return false;
    }

    private sealed record Outcome(IReadOnlyList<ScenarioError>? Errors, Exception? Escaped, TimeSpan Time, long Allocated)
    {
        /// <summary>Reads the text on this thread, so that its allocations are this thread's to count.</summary>
        public static Outcome Of(string text, Func<string, object> read)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            IReadOnlyList<ScenarioError>? errors = null;
            Exception? escaped = null;
            try
            {
                read(text);
            }
            catch (ScenarioValidationException e)
            {
                errors = e.Errors;
            }
#pragma warning disable CA1031 // Any other exception is exactly what the fuzzing looks for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                escaped = e;
            }
            return new Outcome(errors, escaped, watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }
    }
}
