using GbaSim.Kernel.Determinism;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>A firm starts the run with the R&amp;D its staff began in the years before, at every stage and of every age.</summary>
public sealed class FirmPrehistoryTests
{
    private const City Home = City.Shenzhen;
    private const Sector Field = Sector.ArtificialIntelligence;

    private static Firm Seeded(int age, ModelParameters? parameters = null)
    {
        var harness = new ActorHarness(TestWorlds.With(parameters ?? ModelParameters.Default), seed: 3);
        var id = ModelActors.FirmId(Home, Field, 0);
        var firm = harness.AddFirm(id, new FirmProfile(Home, Zone.None, Field, FirmStage.Mature, -age, 3000, 5e8, 3, 1.8, true));
        var random = new RandomStream(3, 17);
        firm.SeedPipeline(id.Key, ref random);
        return firm;
    }

    [Fact]
    public void Firm_starts_with_projects_under_way_at_every_stage_discovered_before_the_run()
    {
        var firm = Seeded(age: 240);

        var stages = firm.Pipeline.Select(p => p.Technology.Stage).Concat(firm.Projects.Select(p => p.Technology.Stage)).ToHashSet();
        Assert.Equal([ChainStage.BasicResearch, ChainStage.ProofOfConcept, ChainStage.Transformation, ChainStage.Financing], stages.Order());
        var technologies = firm.Pipeline.Select(p => p.Technology).Concat(firm.Projects.Select(p => p.Technology)).ToArray();
        Assert.All(technologies, t => Assert.InRange(t.BornStep, -240, t.StageSince));
        Assert.All(technologies, t => Assert.True(t.StageSince < 0));
        // Some have been under way for years, as a steady flow of discoveries leaves them.
        Assert.Contains(technologies, t => t.BornStep < -60);
    }

    [Fact]
    public void A_young_firm_holds_only_what_it_began_since_its_founding()
    {
        var firm = Seeded(age: 6);

        Assert.All(firm.Projects, p => Assert.InRange(p.Technology.BornStep, -6, -1));
        Assert.All(firm.Pipeline, p => Assert.InRange(p.Technology.BornStep, -6, -1));
    }

    [Fact]
    public void Slower_breakthroughs_leave_more_and_older_projects_in_basic_research()
    {
        var quick = Seeded(240, ModelParameters.Default with { FirmBreakthroughMonthly = 0.03 });
        var slow = Seeded(240, ModelParameters.Default with { FirmBreakthroughMonthly = 0.003 });

        Assert.True(slow.Projects.Count > quick.Projects.Count, $"{slow.Projects.Count} vs {quick.Projects.Count}");
        Assert.True(slow.Projects.Average(p => -p.Technology.BornStep) > quick.Projects.Average(p => -p.Technology.BornStep));
    }
}
