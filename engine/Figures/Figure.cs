namespace GbaSim.Engine.Figures;

/// <summary>
/// One figure the simulator reports: its key, the words and unit a planner reads, what it
/// counts and over which cities and period, and which direction is good.
/// </summary>
/// <param name="Name">The key in summaries, monthly records and comparisons, e.g. <c>conversion.financing</c>.</param>
/// <param name="Kind">Where the key appears: <c>summary</c> (a run's headline figures, also compared), <c>monthly</c> (a city's or the region's month) or <c>statistic</c> (a column of a comparison), <c>chain</c> (the chain's stage counts) or <c>flow</c> (flows between cities).</param>
/// <param name="Label">The name shown in tables and charts; says whether it is monthly, cumulative, yearly or at the end of the run.</param>
/// <param name="Short">A few words for narrow places such as the progress line.</param>
/// <param name="Definition">What is counted, in one or two sentences.</param>
/// <param name="Unit">What one unit is: firms, patents, yuan, share, months, people, …</param>
/// <param name="Scope">The cities covered: all 11 cities, the 9 Guangdong cities, or one city (monthly figures, summed for the region).</param>
/// <param name="Period">monthly, cumulative (summed over the run), yearly (the first simulated year), final (the run's last month) or run (a ratio over the whole run).</param>
/// <param name="Better">higher, lower or neutral (an input, such as policy spending).</param>
/// <param name="Format">count, percent, yuan, months, plain or p-value: how <see cref="FigureFormatter"/> writes a value.</param>
/// <param name="OverTime">For monthly figures, how months make a year: sum (a flow, such as patents granted) or last (a stock, such as firms); empty otherwise.</param>
public sealed record Figure(
    string Name,
    string Kind,
    string Label,
    string Short,
    string Definition,
    string Unit,
    string Scope,
    string Period,
    string Better,
    string Format,
    string OverTime = "")
{
    /// <summary>The label with its unit, for table headers: "Technology transaction value, run total (yuan)".</summary>
    public string Heading => Unit is "share" or "" ? Label : $"{Label} ({Unit})";
}
