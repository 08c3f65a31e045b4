using System.CommandLine;
using System.Globalization;
using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Client.Reports;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;
using GbaSim.Grains.Experiments;

namespace GbaSim.Client.Commands;

/// <summary>
/// <c>gbasim compare BASELINE VARIANT...</c>: replicates every scenario with common random
/// numbers on the silo (or embedded), then compares each variant with the baseline.
/// </summary>
public static class CompareCommand
{
    public static Command Create(Func<bool, IConsoleView> views)
    {
        var baseline = new Argument<string>("baseline") { Description = "The baseline scenario file." };
        var variants = new Argument<string[]>("variants") { Description = "Variant scenario files (a variant with a sweep: section counts as one variant per point).", Arity = ArgumentArity.OneOrMore };
        var replications = new Option<int>("--replications", "-r") { Description = "Replications of every scenario (replication i has the same seed in all).", DefaultValueFactory = _ => 20 };
        var metrics = new Option<string?>("--metrics") { Description = $"Comma-separated headline figures to compare (default: {string.Join(",", ComparisonAnalysis.DefaultMetrics)})." };
        var scale = new Option<double?>("--scale") { Description = "Firms simulated in every run as a multiple of the high-tech enterprises, in (0, 20]." };
        var forkAt = new Option<string?>("--fork-at") { Description = "Fork every variant from the baseline's state at this month (YYYY-MM): the months before it run once per replication and are shared. Variants may only add or change policies from that month on." };
        var scenarioRoot = CommonOptions.ScenarioRoot();
        var silo = new SiloTargetOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write replications and summary (CSV, JSON) and a self-contained HTML report into this folder." };
        var json = CommonOptions.Json();
        var command = new Command("compare", "Compare policy variants with a baseline over replications, with paired statistics.") { baseline, variants, replications, metrics, scale, forkAt, scenarioRoot, silo.Silo, silo.Cluster, silo.ClusterId, output, json };
        command.Validators.Add(result =>
        {
            // Only a value given on the command line can be out of range (the default is 20).
            if (result.GetResult(replications) is { Implicit: false } && CommonOptions.Parsed(result, replications) is < 2 or > 1000)
            {
                result.AddError("--replications must be between 2 and 1000.");
            }
            if (CommonOptions.Parsed(result, scale) is { } s && !(s > 0 && s <= FirmGenerator.MaxScale))
            {
                result.AddError($"--scale must be in (0, {FirmGenerator.MaxScale}]; got {s.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (CommonOptions.Parsed(result, forkAt) is { } f && !YearMonth.TryParse(f, out _))
            {
                result.AddError($"--fork-at must be a month written YYYY-MM; got '{f}'.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var view = views(asJson);
            return CommandFailures.GuardAsync(view, async () =>
            {
                var root = parse.GetValue(scenarioRoot);
                var baseFile = ScenarioFile.Read(parse.GetValue(baseline)!, root);
                var variantFiles = parse.GetValue(variants)!.Select(v => ScenarioFile.Read(v, root)).ToArray();
                var files = new[] { baseFile }.Concat(variantFiles).ToDictionary(f => f.FullPath, f => new ScenarioSource(f.FullPath, f.Text, f.PathInLibrary), StringComparer.Ordinal);
                var plan = new ExperimentPlan(baseFile.Load(), variantFiles.Select(f => f.Load()).ToArray(), parse.GetValue(replications));
                var chosen = Metrics(parse.GetValue(metrics));
                YearMonth? commandLineFork = YearMonth.TryParse(parse.GetValue(forkAt), out var f) ? f : null;
                var fork = ForkPoint.ForComparison(commandLineFork, plan.Variants.Select(v => v.Scenario));
                await using var connection = await SiloConnection.OpenAsync(silo.Read(parse), baseFile.Library, cancellationToken);
                var experiment = new ExperimentExecution(connection.Client, plan, files, parse.GetValue(scale), fork);
                var forked = fork is { } at ? $", forked at {at}" : "";
                var removals = plan.Removals.Count > 0 ? $", {plan.Removals.Count} without one lever of a package" : "";
                var (results, comparison) = await view.ProgressAsync($"{plan.Runs.Count} runs ({plan.Variants.Count + 1} scenarios{removals} x {plan.Replications}{forked})", report => experiment.CompareAsync(chosen, report, cancellationToken));
                if (parse.GetValue(output) is { } folder)
                {
                    ComparisonFiles.Write(folder, plan, results, comparison);
                    view.Error($"Wrote replications.csv, summary.csv, summary.json and report.html to {folder.FullName}");
                }
                try
                {
                    var saved = await connection.Client.SaveComparisonAsync(ComparisonFiles.Json(comparison));
                    view.Error($"The comparison is kept on the silo as {saved}: see the dashboard's compare view.");
                }
                catch (GbaSim.Contracts.RequestRejectedException ex)
                {
                    view.Error($"The silo did not keep the comparison ({ex.Message}); the files and output below are complete.");
                }
                if (asJson)
                {
                    view.Raw(ComparisonFiles.Json(comparison));
                }
                else
                {
                    ComparisonTable.Show(view, comparison);
                    ContributionTable.Show(view, comparison);
                }
                if (fork is { } shared)
                {
                    // On the error stream with --json, so that the JSON stays the only thing on the output.
                    var note = $"Forked at {shared}: in each replication the variants share the baseline's history up to {shared} (simulated once) and differ only from {shared} on.";
                    if (asJson)
                    {
                        view.Error(note);
                    }
                    else
                    {
                        view.Line(note);
                    }
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static IReadOnlyList<string> Metrics(string? named)
    {
        if (string.IsNullOrWhiteSpace(named))
        {
            return ComparisonAnalysis.DefaultMetrics;
        }
        var list = named.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = list.Where(m => !KnownMetrics.Contains(m)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Unknown metric(s) {string.Join(", ", unknown)}; the headline figures are: {string.Join(", ", GbaSim.Engine.Figures.FigureCatalogue.Ordered(GbaSim.Engine.Figures.FigureKinds.Summary, KnownMetrics))}.");
        }
        return list;
    }

    private static readonly HashSet<string> KnownMetrics = new(
        GbaSim.Engine.Figures.FigureCatalogue.All.Where(f => f.Kind == GbaSim.Engine.Figures.FigureKinds.Summary).Select(f => f.Name), StringComparer.Ordinal);
}
