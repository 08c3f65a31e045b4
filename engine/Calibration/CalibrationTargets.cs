using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Calibration;

/// <summary>A model parameter calibration may move, between <see cref="Minimum"/> and <see cref="Maximum"/>, starting from <see cref="Start"/>.</summary>
public sealed record CalibrationParameter(string Name, double Minimum, double Maximum, double Start, bool Whole);

/// <summary>
/// A published yearly figure the model should reproduce: <see cref="Value"/> for
/// <see cref="Figure"/> in <see cref="Year"/>, hit when the simulated mean is within
/// <see cref="Tolerance"/> (a relative error); a held-out target is reported, not fitted.
/// </summary>
public sealed record CalibrationTarget(string Figure, int Year, double Value, double Tolerance, double Weight, string Source, bool HeldOut, SourceLocation Location);

/// <summary>A targets file (docs/experiments.md#calibration): what to fit, to what, with how many replications, at what scale.</summary>
/// <param name="Scale">The firm sample scale of every run; null keeps the scenario's.</param>
/// <param name="MaxEvaluations">The most parameter sets the optimiser may try, each costing <see cref="Replications"/> runs.</param>
public sealed record CalibrationTargets(
    string SourcePath,
    IReadOnlyList<CalibrationParameter> Parameters,
    IReadOnlyList<CalibrationTarget> Targets,
    int Replications,
    double? Scale,
    int MaxEvaluations);
