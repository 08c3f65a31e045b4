using System.Text.Json;
using GbaSim.Contracts.Experiments;
using GbaSim.Grains.Experiments;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Comparisons kept in the shared PostgreSQL store beside the runs, so that every silo of a
/// cluster lists the same ones and none is lost with a silo's disk. A row that no longer reads
/// as a summary is left out of the listing and logged, as the file archive does.
/// </summary>
public sealed partial class PostgresComparisonArchive(PostgresResultsStore store, ILogger<PostgresComparisonArchive> logger) : IComparisonArchive
{
    public string Save(string json)
    {
        ComparisonSummaryCheck.Check(json);
        var id = ComparisonIds.New();
        using var connection = store.Source.OpenConnection();
        StoreCommands.Execute(connection, null, "INSERT INTO comparisons (id, saved_at, summary) VALUES (@id, @at, @summary)",
            ("@id", id), ("@at", StoredValues.Time(DateTimeOffset.UtcNow)), ("@summary", json));
        return id;
    }

    public IReadOnlyList<ComparisonListing> List()
    {
        using var connection = store.Source.OpenConnection();
        using var command = StoreCommands.Command(connection, null, "SELECT id, saved_at, summary FROM comparisons ORDER BY id DESC");
        using var reader = command.ExecuteReader();
        var list = new List<ComparisonListing>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            try
            {
                list.Add(ComparisonIds.Listing(id, reader.GetString(2), StoredValues.Time(reader, 1)!.Value));
            }
            catch (JsonException ex)
            {
                LogSkipped(logger, id, ex.Message);
            }
        }
        return list;
    }

    public string? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var connection = store.Source.OpenConnection();
        using var command = StoreCommands.Command(connection, null, "SELECT summary FROM comparisons WHERE id = @id", ("@id", id));
        return command.ExecuteScalar() as string;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left the stored comparison {Id} out of the listing: it is not a comparison summary ({Reason}).")]
    private static partial void LogSkipped(ILogger logger, string id, string reason);
}
