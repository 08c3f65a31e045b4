using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Model.Actors;

public sealed class ChainLedgerTests
{
    private const City Home = City.Dongguan;

    private static ChainTransition Transition(long technology, ChainStage from, ChainStage to, TransitionOutcome outcome = TransitionOutcome.Advanced) =>
        new(TestTechnologies.Make(technology, Sector.SmartEquipment, 0.5f, to), from, to, outcome, Home, false, HolderKind.Firm, 1, 2);

    [Fact]
    public void Ledger_counts_transitions_by_stage_and_keeps_only_the_latest_steps_records()
    {
        var harness = new ActorHarness();
        var ledger = harness.AddLedger(Home);
        var first = new[]
        {
            Transition(1, ChainStage.BasicResearch, ChainStage.BasicResearch),
            Transition(1, ChainStage.BasicResearch, ChainStage.Breakthrough),
            Transition(2, ChainStage.BasicResearch, ChainStage.Breakthrough),
            Transition(3, ChainStage.Transformation, ChainStage.Transformation, TransitionOutcome.Stalled),
            Transition(4, ChainStage.Breakthrough, ChainStage.Breakthrough, TransitionOutcome.Stalled),
        };
        foreach (var transition in first)
        {
            harness.Post(ActorHarness.LedgerId(Home), EcosystemMessage.Of(transition));
        }
        var flow = new FlowRecord(FlowKind.Talent, Home, City.Shenzhen, 12);
        harness.Post(ActorHarness.LedgerId(Home), EcosystemMessage.Of(flow));

        harness.Run();

        Assert.Equal(first, ledger.Transitions);
        Assert.Equal([flow], ledger.Flows);
        long[] Reached(IEnumerable<ChainTransition> all) => ChainStages.All.Select(s => (long)all.Count(t => t.Outcome == TransitionOutcome.Advanced && t.To == s)).ToArray();
        long[] Stalled(IEnumerable<ChainTransition> all) => ChainStages.All.Select(s => (long)all.Count(t => t.Outcome == TransitionOutcome.Stalled && t.From == s)).ToArray();
        Assert.Equal(Reached(first), ledger.Reached);
        Assert.Equal(Stalled(first), ledger.StalledAt);

        var second = Transition(2, ChainStage.Financing, ChainStage.Market);
        harness.Post(ActorHarness.LedgerId(Home), EcosystemMessage.Of(second));
        harness.Run();

        Assert.Equal([second], ledger.Transitions);
        Assert.Empty(ledger.Flows);
        Assert.Equal(Reached([.. first, second]), ledger.Reached);
        Assert.Equal(Stalled([.. first, second]), ledger.StalledAt);

        harness.Run();

        Assert.Empty(ledger.Transitions);
        Assert.Equal(Reached([.. first, second]), ledger.Reached);
    }
}
