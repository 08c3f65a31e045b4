using System.Diagnostics;
using System.Diagnostics.Metrics;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Telemetry;
using GbaSim.Kernel.Hosting;
using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Telemetry;

/// <summary>A run is one trace: a run span, a step span per step under it, a partition-turn span per partition under each step; and its month hook records the model's metrics.</summary>
[Collection(RuntimeListenerCollection.Name)]
public sealed class RunTraceTests
{
    [Fact]
    public void Run_is_one_trace_of_run_step_and_partition_turn_spans_and_months_feed_the_model_metrics()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RunSpan.SourceName or RuntimeTelemetry.Name or Outer,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var measured = new Dictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name is ModelMetrics.Name or RuntimeTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(measured, instrument.Name, value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(measured, instrument.Name, value));
        meters.Start();

        // The run starts under a request's span, yet is the root of a trace of its own that links to it.
        using var outer = new ActivitySource(Outer);
        using var request = outer.StartActivity("request")!;
        var scenario = ScenarioLoader.Load(Repository.PathOf("scenarios/gba-small.yaml"));
        var runId = "trace-test-" + Guid.NewGuid().ToString("N")[..6];
        using (var run = new ScenarioRun(scenario, new RunOptions { Scale = 0.01, Months = 3, Threads = 2, RunId = runId, RequestedBy = request.Context }))
        {
            run.Execute();
        }
        Assert.Same(request, Activity.Current);

        List<Activity> mine;
        lock (spans)
        {
            var root = spans.Single(s => s.Source.Name == RunSpan.SourceName && (string?)s.GetTagItem(ChainAttributes.RunId) == runId);
            mine = [.. spans.Where(s => s.TraceId == root.TraceId)];
        }
        var runSpan = Assert.Single(mine, s => s.ParentSpanId == default);
        Assert.Equal("run gba-small", runSpan.DisplayName);
        Assert.NotEqual(request.TraceId, runSpan.TraceId);
        Assert.Equal(request.Context, Assert.Single(runSpan.Links).Context);
        Assert.Equal(64, Assert.IsType<string>(runSpan.GetTagItem("gbasim.result_hash")).Length);
        var steps = mine.Where(s => s.OperationName == RuntimeTelemetry.StepSpan).OrderBy(s => (long)s.GetTagItem(RuntimeTelemetry.Tags.Step)!).ToArray();
        Assert.Equal(4, steps.Length);
        Assert.All(steps, s => Assert.Equal(runSpan.SpanId, s.ParentSpanId));
        Assert.Equal([0L, 1L, 2L, 3L], steps.Select(s => (long)s.GetTagItem(RuntimeTelemetry.Tags.Step)!));
        Assert.All(steps, s => Assert.True((long)s.GetTagItem(RuntimeTelemetry.Tags.Turns)! > 0));
        foreach (var step in steps)
        {
            var turns = mine.Where(s => s.OperationName == RuntimeTelemetry.PartitionTurnSpan && s.ParentSpanId == step.SpanId).ToArray();
            Assert.Equal(16, turns.Length);
            Assert.Equal(Enumerable.Range(0, 16), turns.Select(t => (int)t.GetTagItem(RuntimeTelemetry.Tags.Partition)!).Order());
            Assert.Equal((long)step.GetTagItem(RuntimeTelemetry.Tags.Turns)!, turns.Sum(t => (long)t.GetTagItem(RuntimeTelemetry.Tags.Turns)!));
            Assert.True(turns.All(t => t.StartTimeUtc >= step.StartTimeUtc && t.StartTimeUtc + t.Duration <= step.StartTimeUtc + step.Duration));
        }

        meters.RecordObservableInstruments();
        lock (measured)
        {
            Assert.True(measured.GetValueOrDefault("gbasim.messages") > 0);
            Assert.True(measured.GetValueOrDefault("gbasim.turns") > 0);
            Assert.True(measured.GetValueOrDefault("gbasim.step.duration") > 0);
            Assert.True(measured.GetValueOrDefault("gbasim.chain.transitions") > 0);
            Assert.True(measured.GetValueOrDefault("gbasim.flows.technology") > 0);
        }
    }

    private const string Outer = "GbaSim.Tests.Outer";

    private static void Add(Dictionary<string, double> measured, string name, double value)
    {
        lock (measured)
        {
            measured[name] = measured.GetValueOrDefault(name) + value;
        }
    }
}
