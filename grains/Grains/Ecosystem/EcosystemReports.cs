using GbaSim.Grains.Sharding;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Grains.Ecosystem;

/// <summary>A city's month as its city actor reports it: the figures in <c>CityFigures.Values</c> order, unscaled.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.CityReport")]
public sealed record CityReport(City City, double[] Figures) : ActorReport;

/// <summary>What a city's ledger recorded in the step: transitions and flows as their raw bytes.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.LedgerReport")]
public sealed record LedgerReport(City City, byte[] Transitions, byte[] Flows) : ActorReport;

/// <summary>What a policy spent in the step and in all, unscaled.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.PolicyReport")]
public sealed record PolicyReport(int Index, double SpentThisMonth, double Spent) : ActorReport;
