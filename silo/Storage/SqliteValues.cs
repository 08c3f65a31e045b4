using System.Globalization;
using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>Conversions between .NET values and what SQLite can hold.</summary>
internal static class SqliteValues
{
    /// <summary>A real for a parameter: SQLite has no NaN, so it is stored as NULL.</summary>
    public static object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;

    /// <summary>A real read back: NULL is NaN.</summary>
    public static double Real(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    public static object Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static object Time(DateTimeOffset? value) => value is { } v ? Time(v) : DBNull.Value;

    public static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.ParseExact(reader.GetString(ordinal), "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static object Text(string? value) => value ?? (object)DBNull.Value;

    public static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool IsConstraintViolation(this SqliteException exception) => exception.SqliteErrorCode == 19; // SQLITE_CONSTRAINT
}
