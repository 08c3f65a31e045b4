using System.Collections.Concurrent;
using System.Diagnostics;
using GbaSim.Engine.Telemetry;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Telemetry;

/// <summary>
/// The chain tracer turns observed transitions into one trace per sampled technology: a root
/// span and a span per stage, timed in simulated calendar time, with the chain's attributes.
/// </summary>
public sealed class ChainTracerTests
{
    private static readonly YearMonth Start = new(2025, 1);
    private static readonly string[] Institutions = ["hku", "gba-fund", "sz-lab"];
    private static readonly long Firm = ModelActors.FirmId(City.Shenzhen, Sector.IntegratedCircuits, 42).Key;

    [Fact]
    public void Technology_reaching_the_market_is_one_trace_with_a_span_per_stage_in_simulated_time()
    {
        using var spans = new ChainSpans();
        var tracer = new ChainTracer(ChainTraceOptions.Every, Start, Institutions, spans.Salt, "run-7");
        var born = Technology(1, ChainStage.BasicResearch, 2, crossings: 0, funding: 0);
        tracer.Observe(0, [Transition(born, ChainStage.BasicResearch, ChainStage.BasicResearch)]);
        tracer.Observe(3, [Transition(born with { Stage = ChainStage.Breakthrough, Readiness = 4 }, ChainStage.BasicResearch, ChainStage.Breakthrough)]);
        var licensed = born with { Stage = ChainStage.Transformation, Readiness = 5, BorderCrossings = 1 };
        tracer.Observe(5, [Transition(licensed, ChainStage.Breakthrough, ChainStage.Transformation, city: City.Shenzhen, crossed: true, firm: true, counterpart: 0)]);
        tracer.Observe(9, [Transition(licensed with { Stage = ChainStage.Financing, Readiness = 7 }, ChainStage.Transformation, ChainStage.Financing, city: City.Shenzhen, firm: true, counterpart: 0)]);
        Assert.Equal(1, tracer.OpenJourneys);
        tracer.Observe(12, [Transition(licensed with { Stage = ChainStage.Market, Readiness = 9, FundingMillions = 2.5f }, ChainStage.Financing, ChainStage.Market, city: City.Shenzhen, firm: true, counterpart: 1)]);
        Assert.Equal(0, tracer.OpenJourneys);
        Assert.Equal(1, tracer.TracesEmitted);

        var trace = spans.Of(tracer.TraceIdOf(1));
        var root = Assert.Single(trace, s => s.ParentSpanId == default);
        Assert.Equal(ChainTracer.TechnologySpan, root.DisplayName);
        Assert.Equal(new DateTime(2025, 1, 1), root.StartTimeUtc);
        Assert.Equal(new DateTime(2026, 2, 1), root.StartTimeUtc + root.Duration);
        Assert.Equal("market", Tag(root, ChainAttributes.Outcome));
        Assert.Equal("run-7", Tag(root, ChainAttributes.RunId));
        Assert.Equal("sz-ic-00042", Tag(root, ChainAttributes.Firm));
        Assert.Equal("hku", Tag(root, ChainAttributes.Institution));
        Assert.Equal("Hong Kong", Tag(root, ChainAttributes.City));

        var stages = trace.Where(s => s.ParentSpanId == root.SpanId).OrderBy(s => s.StartTimeUtc).ToArray();
        Assert.Equal(["basic-research", "breakthrough", "transformation", "financing", "market"], stages.Select(s => s.DisplayName));
        Assert.Equal(
            [(2025, 1, 2025, 4), (2025, 4, 2025, 6), (2025, 6, 2025, 10), (2025, 10, 2026, 1), (2026, 1, 2026, 2)],
            stages.Select(s => (s.StartTimeUtc.Year, s.StartTimeUtc.Month, (s.StartTimeUtc + s.Duration).Year, (s.StartTimeUtc + s.Duration).Month)));
        Assert.All(stages, s => Assert.Equal(root.TraceId, s.TraceId));
        Assert.All(stages, s => Assert.Equal("ic", Tag(s, ChainAttributes.Sector)));

        var research = stages[0];
        Assert.Equal("Hong Kong", Tag(research, ChainAttributes.City));
        Assert.Equal("hku", Tag(research, ChainAttributes.Institution));
        Assert.Null(Tag(research, ChainAttributes.Firm));
        Assert.Equal(2, Tag(research, ChainAttributes.Readiness));
        Assert.Equal("advanced", Tag(research, ChainAttributes.Outcome));

        var transformation = stages[2];
        Assert.Equal("Shenzhen", Tag(transformation, ChainAttributes.City));
        Assert.Equal("sz-ic-00042", Tag(transformation, ChainAttributes.Firm));
        Assert.Equal("hku", Tag(transformation, ChainAttributes.Institution));
        Assert.Equal(true, Tag(transformation, ChainAttributes.CrossedBorder));
        Assert.Equal(1, Tag(transformation, ChainAttributes.BorderCrossings));
        Assert.Equal(5, Tag(transformation, ChainAttributes.Readiness));

        var market = stages[4];
        Assert.Equal("gba-fund", Tag(market, ChainAttributes.Institution));
        Assert.Equal(2.5, Tag(market, ChainAttributes.FundingMillions));
        Assert.Equal(9, Tag(market, ChainAttributes.Readiness));
        Assert.Equal("market", Tag(market, ChainAttributes.Outcome));
        // The financing stage ends with what the technology carried when it left: the funding received.
        Assert.Equal(2.5, Tag(stages[3], ChainAttributes.FundingMillions));
    }

    [Fact]
    public void Stalled_and_unfinished_journeys_end_with_their_outcome()
    {
        using var spans = new ChainSpans();
        var tracer = new ChainTracer(ChainTraceOptions.Every, Start, Institutions, spans.Salt);
        var stalling = Technology(2, ChainStage.BasicResearch, 2, 0, 0);
        tracer.Observe(1, [Transition(stalling, ChainStage.BasicResearch, ChainStage.BasicResearch)]);
        var going = Technology(3, ChainStage.BasicResearch, 2, 0, 0);
        tracer.Observe(2, [Transition(stalling, ChainStage.BasicResearch, ChainStage.BasicResearch, outcome: TransitionOutcome.Stalled), Transition(going, ChainStage.BasicResearch, ChainStage.BasicResearch)]);
        tracer.Observe(4, [Transition(going with { Stage = ChainStage.Breakthrough, Readiness = 4 }, ChainStage.BasicResearch, ChainStage.Breakthrough, holder: 2)]);
        Assert.Equal(1, tracer.OpenJourneys);
        tracer.Complete(10);
        Assert.Equal(0, tracer.OpenJourneys);

        var stalled = spans.Of(tracer.TraceIdOf(2));
        Assert.Equal(2, stalled.Count);
        var stalledStage = stalled.Single(s => s.DisplayName == "basic-research");
        Assert.Equal("stalled", Tag(stalledStage, ChainAttributes.Outcome));
        Assert.Equal(new DateTime(2025, 2, 1), stalledStage.StartTimeUtc);
        Assert.Equal(new DateTime(2025, 3, 1), stalledStage.StartTimeUtc + stalledStage.Duration);
        Assert.Equal("stalled", Tag(stalled.Single(s => s.ParentSpanId == default), ChainAttributes.Outcome));

        var unfinished = spans.Of(tracer.TraceIdOf(3));
        var breakthrough = unfinished.Single(s => s.DisplayName == "breakthrough");
        Assert.Equal("in-progress", Tag(breakthrough, ChainAttributes.Outcome));
        Assert.Equal("sz-lab", Tag(breakthrough, ChainAttributes.Institution));
        Assert.Equal(new DateTime(2025, 5, 1), breakthrough.StartTimeUtc);
        Assert.Equal(new DateTime(2025, 11, 1), breakthrough.StartTimeUtc + breakthrough.Duration);
        Assert.Equal("in-progress", Tag(unfinished.Single(s => s.ParentSpanId == default), ChainAttributes.Outcome));
    }

    [Fact]
    public void One_technology_in_K_is_traced_by_a_hash_of_its_id_under_a_reproducible_trace_id()
    {
        Assert.All(Enumerable.Range(0, 100), id => Assert.True(ChainTracer.IsSampled(id, 1)));
        Assert.All(Enumerable.Range(0, 100), id => Assert.False(ChainTracer.IsSampled(id, 0)));
        var sampled = Enumerable.Range(0, 20_000).Count(id => ChainTracer.IsSampled(id, 20));
        Assert.InRange(sampled, 850, 1_150);
        Assert.Equal(ChainTraceOptions.Every, ChainTraceOptions.ForScale(0.05));
        Assert.Equal(20, ChainTraceOptions.ForScale(1.0).SampleEvery);

        using var spans = new ChainSpans();
        var tracer = new ChainTracer(new ChainTraceOptions(20), Start, Institutions, spans.Salt);
        var ids = Enumerable.Range(0, 400).Select(i => (long)i * 7919).ToArray();
        tracer.Observe(0, [.. ids.Select(id => Transition(Technology(id, ChainStage.BasicResearch, 2, 0, 0), ChainStage.BasicResearch, ChainStage.BasicResearch))]);
        tracer.Complete(1);
        var expected = ids.Where(id => ChainTracer.IsSampled(id, 20)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, tracer.TracesEmitted);
        var ours = ids.Select(tracer.TraceIdOf).ToHashSet();
        Assert.Equal(expected.Select(tracer.TraceIdOf).ToHashSet(), spans.All.Where(s => s.ParentSpanId == default && ours.Contains(s.TraceId)).Select(s => s.TraceId).ToHashSet());

        // The same run (salt) gives the same trace ids; another run, others.
        var again = new ChainTracer(new ChainTraceOptions(20), Start, Institutions, spans.Salt);
        var other = new ChainTracer(new ChainTraceOptions(20), Start, Institutions, spans.Salt + "-other");
        Assert.Equal(tracer.TraceIdOf(ids[1]), again.TraceIdOf(ids[1]));
        Assert.NotEqual(tracer.TraceIdOf(ids[1]), other.TraceIdOf(ids[1]));
    }

    private static Technology Technology(long id, ChainStage stage, byte readiness, byte crossings, float funding) =>
        new(id, Sector.IntegratedCircuits, stage, readiness, City.HongKong, crossings, 0.6f, 0, 0, funding);

    private static ChainTransition Transition(Technology technology, ChainStage from, ChainStage to, TransitionOutcome outcome = TransitionOutcome.Advanced,
        City city = City.HongKong, bool crossed = false, bool firm = false, long holder = 0, long counterpart = 0) =>
        new(technology, from, to, outcome, city, crossed, firm ? HolderKind.Firm : HolderKind.Institution, firm ? Firm : holder, counterpart);

    private static object? Tag(Activity span, string name) => span.GetTagItem(name);

    /// <summary>
    /// Collects the chain spans of this test's tracers only (other tests may run scenarios while
    /// it listens): everything with a trace id that one of its tracers, salted uniquely, derives.
    /// </summary>
    private sealed class ChainSpans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _spans = new();
        private readonly ActivityListener _listener;

        public ChainSpans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == ChainTracer.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _spans.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public string Salt { get; } = "chain-tracer-test/" + Guid.NewGuid().ToString("N");

        /// <summary>Every chain span seen, this test's and any other's: filter by trace id.</summary>
        public IReadOnlyList<Activity> All => [.. _spans];

        public IReadOnlyList<Activity> Of(ActivityTraceId trace) => [.. _spans.Where(s => s.TraceId == trace)];

        public void Dispose() => _listener.Dispose();
    }
}
