namespace GbaSim.Engine.Scenarios;

/// <summary>
/// One axis of a sweep: the values one parameter (or the budget) of one policy of the scenario
/// takes, one run per value. The values are checked against the parameter's catalogue range.
/// </summary>
/// <param name="Policy">The name of a policy of the (merged) scenario; null when a model parameter varies.</param>
/// <param name="Parameter">A parameter of the policy's type (<c>PolicyCatalog.ParametersOf</c>), <see cref="SweepDefinition.Budget"/>, or <c>parameters.NAME</c> for a model parameter.</param>
/// <param name="Values">The values in the order written; a <c>range</c> is already expanded to its points.</param>
/// <param name="Location">Where the axis's mapping starts.</param>
public sealed record SweepAxis(string? Policy, string Parameter, IReadOnlyList<double> Values, SourceLocation Location)
{
    /// <summary>The key of this axis in a sweep point's coordinates: <c>policy.parameter</c>, or <c>parameters.NAME</c>.</summary>
    public string Key => Policy is null ? Parameter : $"{Policy}.{Parameter}";

    /// <summary>The model parameter's name (without <c>parameters.</c>) when this axis varies one, else null.</summary>
    public string? ModelParameter => Policy is null && SweepDefinition.IsModelParameter(Parameter) ? Parameter[SweepDefinition.ModelPrefix.Length..] : null;
}

/// <summary>
/// A scenario's <c>sweep:</c>: one axis, or two that form a grid (the first axis outer). Each
/// point of the sweep is run as its own scenario (<c>SweepExpansion.Expand</c>).
/// </summary>
/// <param name="Location">Where the <c>sweep</c> list starts.</param>
public sealed record SweepDefinition(IReadOnlyList<SweepAxis> Axes, SourceLocation Location)
{
    /// <summary>The word an axis's <c>parameter</c> takes to vary the policy's budget instead of a parameter.</summary>
    public const string Budget = "budget";

    /// <summary>How an axis names a model parameter: <c>parameters.NAME</c>.</summary>
    public const string ModelPrefix = "parameters.";

    public static bool IsModelParameter(string parameter) => parameter.StartsWith(ModelPrefix, StringComparison.Ordinal);

    /// <summary>The most axes a sweep may have.</summary>
    public const int MaxAxes = 2;

    /// <summary>The most values one axis may take.</summary>
    public const int MaxValues = 50;

    /// <summary>The number of runs the sweep makes: the product of its axes' lengths.</summary>
    public int PointCount => Axes.Aggregate(1, (count, axis) => count * axis.Values.Count);
}
