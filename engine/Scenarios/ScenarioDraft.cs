using GbaSim.Engine.Yaml;
using GbaSim.Model.World;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// The top-level values of one scenario file, or of a file merged over the files it extends,
/// each kept with where it was written so that errors found after merging point at the right file.
/// Paths (<see cref="Extends"/>, <see cref="World"/>) are already absolute, and keep how they were written.
/// </summary>
internal sealed record ScenarioDraft
{
    public required string FullPath { get; init; }

    /// <summary>Where the file's top-level mapping starts: where a missing key is reported.</summary>
    public required SourceLocation Root { get; init; }

    public Located<string>? Name { get; init; }

    public Located<string>? Description { get; init; }

    public Located<FileReference>? Extends { get; init; }

    public Located<ulong>? Seed { get; init; }

    public Located<YearMonth>? Start { get; init; }

    public Located<int>? Horizon { get; init; }

    public Located<YearMonth>? End { get; init; }

    public Located<FileReference>? World { get; init; }

    public Located<double>? Scale { get; init; }

    /// <summary>Overrides of the world's model parameters, by camelCase name.</summary>
    public IReadOnlyDictionary<string, Located<double>> Parameters { get; init; } = new Dictionary<string, Located<double>>();

    public IReadOnlyList<PolicyDraft> Policies { get; init; } = [];

    /// <summary>The axes of <c>sweep:</c> that could be read; null when the file has none (or it is not a list).</summary>
    public SweepDraft? Sweep { get; init; }

    /// <summary>The month of <c>fork: { at: ... }</c>.</summary>
    public Located<YearMonth>? Fork { get; init; }

    /// <summary>The keys written, valid or not: a key with a bad value is reported as bad, not also as missing.</summary>
    public IReadOnlySet<string> Written { get; init; } = new HashSet<string>();

    /// <summary>
    /// This file's values over its parent's: scalars override, and policies are appended unless
    /// one has the name of a parent policy, which it then replaces in place; model parameters
    /// override the parent's one by one. <c>horizon</c> and
    /// <c>end</c> are two ways of writing the same thing, so writing either overrides both.
    /// <c>sweep</c> and <c>fork</c> are replaced whole; one written with errors (reported) hides
    /// the parent's rather than letting it be checked in its place.
    /// </summary>
    public ScenarioDraft Over(ScenarioDraft parent)
    {
        var policies = parent.Policies.ToList();
        foreach (var policy in Policies)
        {
            var replaced = policy.Name is { } name ? policies.FindIndex(p => p.Name?.Value == name.Value) : -1;
            if (replaced >= 0)
            {
                policies[replaced] = policy;
            }
            else
            {
                policies.Add(policy);
            }
        }
        var writesLength = Written.Contains("horizon") || Written.Contains("end");
        return this with
        {
            Name = Name ?? parent.Name,
            Description = Description ?? parent.Description,
            Seed = Seed ?? parent.Seed,
            Start = Start ?? parent.Start,
            Horizon = writesLength ? Horizon : parent.Horizon,
            End = writesLength ? End : parent.End,
            World = World ?? parent.World,
            Scale = Scale ?? parent.Scale,
            Parameters = parent.Parameters.Concat(Parameters).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            Policies = policies,
            Sweep = Written.Contains("sweep") ? Sweep : parent.Sweep,
            Fork = Written.Contains("fork") ? Fork : parent.Fork,
            Written = Written.Union(parent.Written).ToHashSet(StringComparer.Ordinal),
        };
    }
}
