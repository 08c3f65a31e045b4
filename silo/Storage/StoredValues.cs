using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>Conversions between .NET values and what both stores hold (times as ISO 8601 text, NaN as NULL).</summary>
internal static class StoredValues
{
    /// <summary>A real for a parameter: SQLite has no NaN, so it is stored as NULL (in PostgreSQL too, so both read alike).</summary>
    public static object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;

    /// <summary>A real read back: NULL is NaN.</summary>
    public static double Real(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    public static object Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static object Time(DateTimeOffset? value) => value is { } v ? Time(v) : DBNull.Value;

    public static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.ParseExact(reader.GetString(ordinal), "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static object Text(string? value) => value ?? (object)DBNull.Value;

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>An integer column read as int whatever width the store gives it (PostgreSQL counts are 64-bit).</summary>
    public static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>An integer column read as long whatever width the store gives it.</summary>
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static bool IsConstraintViolation(this SqliteException exception) => exception.SqliteErrorCode == 19; // SQLITE_CONSTRAINT
}
