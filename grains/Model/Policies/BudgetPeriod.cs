namespace GbaSim.Model.Policies;

/// <summary>What a policy's budget covers: a year of its active months, or its whole stated run.</summary>
public enum BudgetPeriod : byte
{
    /// <summary>The budget is a yearly allowance, renewed every twelve months from the policy's start.</summary>
    Year,

    /// <summary>The budget is a total over the policy's stated start and end.</summary>
    Total,
}

/// <summary>The names budget periods have in scenario files.</summary>
public static class BudgetPeriods
{
    public static IReadOnlyList<BudgetPeriod> All { get; } = Enum.GetValues<BudgetPeriod>();

    public static string FileName(this BudgetPeriod period) => period == BudgetPeriod.Year ? "year" : "total";

    public static bool TryParse(string name, out BudgetPeriod period)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.FileName(), name, StringComparison.OrdinalIgnoreCase))
            {
                period = candidate;
                return true;
            }
        }
        period = default;
        return false;
    }
}
