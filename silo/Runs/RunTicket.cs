using GbaSim.Engine.Scenarios;

namespace GbaSim.Silo.Runs;

/// <summary>A run waiting for a place: its id, its validated scenario and how to run it.</summary>
public sealed record RunTicket(string Id, ScenarioDefinition Scenario, ulong Seed, double Scale, int Threads);
