using System.Globalization;
using System.Text;

namespace GbaSim.Engine.Calibration;

/// <summary>What a calibration found: the fitted parameters, how each target is met at them, and the optimiser's path.</summary>
/// <param name="Objective">The weighted sum of squared relative errors over the fitted targets at the fitted parameters.</param>
/// <param name="Evaluations">Parameter sets run (each <see cref="Replications"/> runs).</param>
public sealed record CalibrationReport(
    string Scenario,
    string TargetsFile,
    int Replications,
    double? Scale,
    int Evaluations,
    double Objective,
    IReadOnlyList<FittedParameter> Parameters,
    IReadOnlyList<TargetFit> Targets,
    IReadOnlyList<CalibrationStep> Trace)
{
    /// <summary>The fitted values as a scenario's <c>parameters:</c> section, ready to paste or extend.</summary>
    public string ParametersYaml()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Fitted by gbasim calibrate to {Path.GetFileName(TargetsFile)} on {Scenario} ({Replications} replication(s), {Evaluations} evaluations, objective {Objective:G4}).");
        text.AppendLine("parameters:");
        foreach (var parameter in Parameters)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {parameter.Name}: {parameter.Value.ToString("R", CultureInfo.InvariantCulture)}");
        }
        return text.ToString();
    }
}

/// <param name="AtBound">Whether the fit ended within 1% of the range's edge: the target may want a value outside it.</param>
public sealed record FittedParameter(string Name, double Value, double Start, double Minimum, double Maximum, bool AtBound);

/// <summary>One target at the fitted parameters: the simulated mean with its 95% interval over replications, and whether it is within tolerance.</summary>
public sealed record TargetFit(string Figure, int Year, double Target, double Mean, double Low, double High, double RelativeError, double Tolerance, bool Hit, bool HeldOut, double Weight, string Source);

/// <summary>One parameter set the optimiser tried, in order.</summary>
public sealed record CalibrationStep(int Evaluation, IReadOnlyDictionary<string, double> Parameters, double Objective);
