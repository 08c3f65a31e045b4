using System.Globalization;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Statistics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace GbaSim.Engine.Calibration;

/// <summary>
/// Fits model parameters to yearly targets: Nelder–Mead (MathNet.Numerics) minimises the
/// weighted sum of squared relative errors of the replication means over the fitted targets.
/// Every parameter set runs the same seeds (common random numbers), so the objective is a
/// deterministic function of the parameters and the same files always give the same fit.
/// Bounds are kept by optimising a logistic transform of each parameter's position in its range.
/// </summary>
public static class CalibrationFit
{
    /// <summary>Stands for a target the runs cannot produce (a figure missing, a year not simulated): far worse than any real miss.</summary>
    private const double Unreachable = 1e6;

    /// <param name="evaluate">Runs the scenario once per replication seed and returns the runs, in replication order.</param>
    /// <param name="progress">Told after each evaluation: how many so far, and the most allowed.</param>
    public static async Task<CalibrationReport> RunAsync(
        ScenarioDefinition scenario,
        CalibrationTargets targets,
        Func<ScenarioDefinition, Task<IReadOnlyList<ReplicationResult>>> evaluate,
        Action<int, int> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(evaluate);
        var parameters = targets.Parameters;
        var cache = new Dictionary<string, (double Objective, IReadOnlyList<ReplicationResult> Runs)>(StringComparer.Ordinal);
        var trace = new List<CalibrationStep>();

        double[] Values(Vector<double> z) => parameters.Select((p, i) =>
        {
            var value = p.Minimum + (p.Maximum - p.Minimum) / (1 + Math.Exp(-z[i]));
            return p.Whole ? Math.Round(value) : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }).ToArray();

        (double Objective, IReadOnlyList<ReplicationResult> Runs) Evaluate(double[] values)
        {
            var key = string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            if (cache.TryGetValue(key, out var known))
            {
                return known;
            }
            if (cache.Count >= targets.MaxEvaluations)
            {
                throw new EvaluationsSpent();
            }
            cancellationToken.ThrowIfCancellationRequested();
            var point = Apply(scenario, parameters, values);
            var runs = evaluate(point).GetAwaiter().GetResult();
            var objective = targets.Targets.Where(t => !t.HeldOut).Sum(t => t.Weight * Square(Fit(t, runs, scenario).RelativeError, Unreachable));
            cache[key] = (objective, runs);
            trace.Add(new CalibrationStep(cache.Count, parameters.Select((p, i) => (p.Name, values[i])).ToDictionary(x => x.Name, x => x.Item2, StringComparer.Ordinal), objective));
            progress(cache.Count, targets.MaxEvaluations);
            return cache[key];
        }

        var start = Vector<double>.Build.DenseOfEnumerable(parameters.Select(p => Logit((p.Start - p.Minimum) / (p.Maximum - p.Minimum))));
        await Task.Run(() =>
        {
            try
            {
                // One unit in the transformed space moves a parameter about a fifth of its range from the middle.
                var step = Vector<double>.Build.Dense(parameters.Count, 1.0);
                new NelderMeadSimplex(1e-6, targets.MaxEvaluations * 4).FindMinimum(ObjectiveFunction.Value(z => Evaluate(Values(z)).Objective), start, step);
            }
            catch (Exception ex) when (ex is EvaluationsSpent or MaximumIterationsException)
            {
                // The budget is spent: the best set tried so far is the fit.
            }
        }, cancellationToken);

        var best = trace.MinBy(s => s.Objective)!;
        var bestValues = parameters.Select(p => best.Parameters[p.Name]).ToArray();
        var (objectiveAtBest, bestRuns) = Evaluate(bestValues);
        return new CalibrationReport(
            scenario.Name, targets.SourcePath, targets.Replications, targets.Scale, cache.Count, objectiveAtBest,
            parameters.Select((p, i) => new FittedParameter(p.Name, bestValues[i], p.Start, p.Minimum, p.Maximum,
                Math.Min(bestValues[i] - p.Minimum, p.Maximum - bestValues[i]) <= 0.01 * (p.Maximum - p.Minimum))).ToArray(),
            targets.Targets.Select(t => Fit(t, bestRuns, scenario)).ToArray(),
            trace);
    }

    /// <summary>The scenario with every calibrated parameter set; labelled by the values, so each set's runs are told apart.</summary>
    public static ScenarioDefinition Apply(ScenarioDefinition scenario, IReadOnlyList<CalibrationParameter> parameters, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        var label = $"{scenario.Name}[{string.Join(",", parameters.Select((p, i) => $"{p.Name}={values[i].ToString("R", CultureInfo.InvariantCulture)}"))}]";
        return parameters.Select((p, i) => (p.Name, values[i])).Aggregate(scenario, (s, pv) => s.WithModelParameter(pv.Name, pv.Item2)) with { Name = label, Sweep = null };
    }

    /// <summary>A target against the runs: their mean and 95% interval in the target's year, its relative error, hit or not.</summary>
    public static TargetFit Fit(CalibrationTarget target, IReadOnlyList<ReplicationResult> runs, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(scenario);
        var summary = SampleSummary.Of(runs.Select(r => Value(r, target, scenario)).ToArray());
        var error = (summary.Mean - target.Value) / target.Value;
        return new TargetFit(target.Figure, target.Year, target.Value, summary.Mean, summary.Low, summary.High, error, target.Tolerance,
            Math.Abs(error) <= target.Tolerance, target.HeldOut, target.Weight, target.Source);
    }

    /// <summary>A figure the run's summary states by year (nine Guangdong cities, as the statistics count) comes from there; any other is the region's.</summary>
    private static double Value(ReplicationResult run, CalibrationTarget target, ScenarioDefinition scenario) =>
        run.Summary.TryGetValue($"year.{target.Year}.{target.Figure}", out var stated)
            ? stated
            : YearlyFigures.Of(run.Months, scenario.Start, target.Figure, target.Year);

    private static double Square(double x, double otherwise) => double.IsFinite(x) ? x * x : otherwise;

    private static double Logit(double u)
    {
        var p = Math.Clamp(u, 0.02, 0.98);
        return Math.Log(p / (1 - p));
    }

    /// <summary>Thrown inside the optimiser when it asks for more evaluations than the targets file allows.</summary>
    private sealed class EvaluationsSpent : Exception;
}
