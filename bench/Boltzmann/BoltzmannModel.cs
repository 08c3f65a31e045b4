namespace GbaSim.Bench.Boltzmann;

/// <summary>Measures the Boltzmann wealth-exchange model.</summary>
public static class BoltzmannModel
{
    /// <summary>The Gini coefficient of the agents' wealth: 0 when equal, towards 1 when one agent holds all. Sorts <paramref name="wealth"/>.</summary>
    public static double Gini(long[] wealth)
    {
        ArgumentNullException.ThrowIfNull(wealth);
        Array.Sort(wealth);
        double n = wealth.Length, weighted = 0, total = 0;
        for (var i = 0; i < wealth.Length; i++)
        {
            weighted += (i + 1) * (double)wealth[i];
            total += wealth[i];
        }
        return total == 0 ? 0 : (2 * weighted / (n * total)) - ((n + 1) / n);
    }
}
