using System.Data.Common;
using System.Globalization;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Applies a store's ordered schema steps, recording each in its <c>schema_version</c> table, so
/// a database is always at exactly one known version; shared by the SQLite and PostgreSQL stores.
/// </summary>
internal static class SchemaUpgrade
{
    public sealed record Migration(int Version, string Description, string Sql);

    /// <summary>The version the database is at (0 for an empty database).</summary>
    /// <param name="hasVersionTable">A query counting the schema_version tables (0 or 1).</param>
    public static int CurrentVersion(DbConnection connection, DbTransaction? transaction, string hasVersionTable)
    {
        using var exists = StoreCommands.Command(connection, transaction, hasVersionTable);
        if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }
        using var version = StoreCommands.Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version");
        return Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the steps the database lacks inside <paramref name="transaction"/> and returns how many; refuses a database from a newer build.</summary>
    /// <param name="database">How messages name the database, e.g. "The results database 'data/gbasim.db'".</param>
    /// <param name="elsewhere">What to do instead of running an older build on it, e.g. "point this one at another data folder".</param>
    public static int Apply(DbTransaction transaction, IReadOnlyList<Migration> all, string hasVersionTable, string database, string elsewhere, DateTimeOffset now)
    {
        var connection = transaction.Connection!;
        var current = CurrentVersion(connection, transaction, hasVersionTable);
        var latest = all[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"{database} is at schema version {current}, but this build of GbaSim only knows versions up to {latest}. "
                + $"It was written by a newer GbaSim: run that version, or {elsewhere}.");
        }
        var applied = 0;
        foreach (var migration in all.Where(m => m.Version > current))
        {
            StoreCommands.Execute(connection, transaction, migration.Sql);
            StoreCommands.Execute(connection, transaction, "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)",
                ("@version", migration.Version), ("@description", migration.Description), ("@at", now.ToString("O", CultureInfo.InvariantCulture)));
            applied++;
        }
        return applied;
    }
}
