using System.Globalization;
using System.Text;

namespace GbaSim.Client.Output;

/// <summary>
/// Text from elsewhere (scenario and policy names, run errors, anything a silo sends back) made safe
/// to print: control characters (NUL, ESC and the rest of C0 and C1, DEL, line breaks and tabs) and
/// the invisible characters that reorder or hide text (bidirectional overrides and isolates such
/// as U+202E, zero-width marks) are shown escaped as <c>\u001b</c>, so that nothing printed can
/// move the cursor, recolour the terminal or disguise what it says.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        if (!text.Any(NeedsEscape))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    public static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u061c' or '\u200b' or '\u200c' or '\u200d' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or '\u2060' or '\ufeff'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069';
}
