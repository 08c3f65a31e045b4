using System.Globalization;
using CsvHelper;
using GbaSim.Grains.Storage;
using System.Data.Common;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Writes one table of a run as CSV, streamed from the database in month order. Numbers are
/// written in the invariant culture, reals so they read back exactly; NaN is written "NaN".
/// </summary>
internal static class CsvTableExport
{
    private sealed record Table(string Name, string Sql);

    private static readonly Table[] Tables =
    [
        new("months", """
            SELECT m.month AS month, m.year_month AS year_month, f.city AS city, f.figure AS figure, f.value AS value
            FROM run_months m
            CROSS JOIN month_figures f ON f.run_key = m.run_key AND f.month = m.month
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = @id)
            ORDER BY m.month, f.city = 'region' DESC, f.city, f.figure
            """),
        new("transitions", """
            SELECT m.month AS month, m.year_month AS year_month, t.technology_id AS technology_id, t.sector AS sector,
                   t.from_stage AS from_stage, t.to_stage AS to_stage, t.outcome AS outcome, t.city AS city,
                   t.crossed_border AS crossed_border, t.holder_kind AS holder_kind, t.holder AS holder,
                   t.counterpart AS counterpart, t.readiness AS readiness, t.quality AS quality,
                   t.funding_millions AS funding_millions, t.born_step AS born_step, t.origin_city AS origin_city
            FROM run_months m
            CROSS JOIN transitions t ON t.run_key = m.run_key AND t.month = m.month
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = @id)
            ORDER BY m.month, t.seq
            """),
        new("flows", """
            SELECT m.month AS month, m.year_month AS year_month, f.kind AS kind, f.from_city AS from_city,
                   f.to_city AS to_city, f.amount AS amount
            FROM run_months m
            CROSS JOIN flows f ON f.run_key = m.run_key AND f.month = m.month
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = @id)
            ORDER BY m.month, f.kind, f.from_city, f.to_city
            """),
        new("policies", """
            SELECT m.month AS month, m.year_month AS year_month, p.policy AS policy, p.type AS type,
                   p.spent AS spent, p.spent_to_date AS spent_to_date, p.budget AS budget
            FROM run_months m
            CROSS JOIN policy_spending p ON p.run_key = m.run_key AND p.month = m.month
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = @id)
            ORDER BY m.month, p.seq
            """),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Tables.Select(t => t.Name)];

    /// <summary>Throws <see cref="ArgumentException"/> naming the valid tables when <paramref name="table"/> is none of them.</summary>
    public static void Validate(string table) => Find(table);

    /// <summary>Writes the header and every row of the run's table (only the header when the run has no rows or is unknown).</summary>
    public static void Write(DbConnection connection, DbTransaction? transaction, string runId, string table, TextWriter writer)
    {
        var definition = Find(table);
        using var command = StoreCommands.Command(connection, transaction, definition.Sql, ("@id", runId));
        using var reader = command.ExecuteReader();
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            csv.WriteField(reader.GetName(i));
        }
        csv.NextRecord();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                csv.WriteField(Format(reader.GetValue(i)));
            }
            csv.NextRecord();
        }
        csv.Flush();
    }

    private static string Format(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        // Only reals are nullable, and a NULL real is a NaN (which SQLite could not store).
        DBNull => "NaN",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static Table Find(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Array.Find(Tables, t => string.Equals(t.Name, table, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown table '{table}'. The tables are: {string.Join(", ", Names)}.", nameof(table));
    }
}
