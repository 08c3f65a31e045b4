using System.Globalization;
using System.Text;
using Npgsql;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Rows for one PostgreSQL table, gathered as COPY text lines and sent in one COPY on
/// <see cref="Complete"/>: one round trip for a month's thousands of rows instead of one each.
/// Runs on its connection's current transaction. Not thread-safe.
/// </summary>
internal sealed class CopyRows(NpgsqlConnection connection, MonthTable table) : IRowInsert
{
    private readonly string _copy = $"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN";
    private readonly string?[] _values = new string?[table.Columns.Length];
    private readonly StringBuilder _lines = new();

    public void Set(int index, long value) => _values[index - 1] = value.ToString(CultureInfo.InvariantCulture);

    public void Set(int index, double value) => _values[index - 1] = double.IsNaN(value) ? null : value.ToString("R", CultureInfo.InvariantCulture);

    public void Set(int index, StoredName value) => Set(index, value.Text);

    public void Set(int index, string? value) => _values[index - 1] = value;

    public void Execute()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                _lines.Append('\t');
            }
            Append(_values[i]);
        }
        _lines.Append('\n');
    }

    public void Complete()
    {
        if (_lines.Length == 0)
        {
            return;
        }
        using (var writer = connection.BeginTextImport(_copy))
        {
            writer.Write(_lines);
        }
        _lines.Clear();
    }

    public void Dispose() => _lines.Clear();

    /// <summary>A value in COPY's text format: \N for NULL, and backslash, tab and line breaks escaped.</summary>
    private void Append(string? value)
    {
        if (value is null)
        {
            _lines.Append("\\N");
            return;
        }
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => _lines.Append("\\\\"),
                '\t' => _lines.Append("\\t"),
                '\n' => _lines.Append("\\n"),
                '\r' => _lines.Append("\\r"),
                _ => _lines.Append(c),
            };
        }
    }
}
