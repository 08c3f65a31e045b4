namespace GbaSim.Silo.Storage;

/// <summary>A table that a month's rows go into, by name and columns in parameter order.</summary>
internal sealed record MonthTable(string Name, params string[] Columns);

/// <summary>
/// Rows inserted one after another into one table with parameters bound by position (from 1);
/// bindings hold until replaced. Each store inserts them its fastest way. Not thread-safe.
/// </summary>
internal interface IRowInsert : IDisposable
{
    void Set(int index, long value);

    /// <summary>Binds a real; NaN is stored as NULL.</summary>
    void Set(int index, double value);

    void Set(int index, StoredName value);

    void Set(int index, string? value);

    /// <summary>Adds a row with the current bindings.</summary>
    void Execute();

    /// <summary>Makes sure every row added is in the table (within the current transaction).</summary>
    void Complete();
}
