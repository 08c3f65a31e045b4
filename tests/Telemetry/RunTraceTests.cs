using System.Diagnostics;
using System.Diagnostics.Metrics;
using GbaSim.Client.Hosting;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Telemetry;
using GbaSim.Grains.Telemetry;
using GbaSim.Tests.Scenarios;
using GbaSim.Tests.Silo;
using Microsoft.Extensions.DependencyInjection;

namespace GbaSim.Tests.Telemetry;

/// <summary>
/// A run on an Orleans silo joins the trace of the call that submitted it: the caller's span, then
/// (through Orleans's grain-call spans) a run span, a step span per step under it and, under each
/// step, a shard-step span per shard; and its months feed the model's metrics.
/// </summary>
[Collection(RuntimeListenerCollection.Name)]
public sealed class RunTraceTests
{
    [Fact]
    public async Task Run_joins_its_callers_trace_with_run_step_and_shard_step_spans_and_months_feed_the_model_metrics()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RunSpan.SourceName or RunTelemetry.Name or Outer || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
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
                if (instrument.Meter.Name is ModelMetrics.Name or RunTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(measured, instrument.Name, value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(measured, instrument.Name, value));
        meters.Start();

        using var data = new TempData();
        using var silo = await EmbeddedSilo.StartAsync(Repository.PathOf("scenarios"), CancellationToken.None, data.Path);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        // The run is submitted under a caller's span; the run starts later, in the run grain's own loop.
        using var outer = new ActivitySource(Outer);
        RunInfo run;
        ActivityTraceId requestTrace;
        ActivitySpanId requestSpan;
        using (var request = outer.StartActivity("request")!)
        {
            requestTrace = request.TraceId;
            requestSpan = request.SpanId;
            run = await grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Submit(new RunRequest(null, null, "gba-small.yaml", null, 0.01, null, 4, null, Months: 3));
        }
        RunInfo? final = null;
        await foreach (var item in grains.GetGrain<IRunGrain>(run.Id).Watch())
        {
            final = item.Final ?? final;
        }
        Assert.Equal(RunStatusNames.Completed, final?.Status);
        await silo.StopAsync();

        List<Activity> mine;
        lock (spans)
        {
            var root = spans.Single(s => s.Source.Name == RunSpan.SourceName && (string?)s.GetTagItem(ChainAttributes.RunId) == run.Id);
            mine = [.. spans.Where(s => s.TraceId == root.TraceId)];
        }
        var runSpan = Assert.Single(mine, s => s.Source.Name == RunSpan.SourceName);
        Assert.Equal("run gba-small", runSpan.DisplayName);
        Assert.Equal(requestTrace, runSpan.TraceId);
        Assert.Equal(final!.ResultHash, runSpan.GetTagItem("gbasim.result_hash"));
        var steps = mine.Where(s => s.OperationName == RunTelemetry.StepSpan).OrderBy(s => (long)s.GetTagItem(RunTelemetry.Tags.Step)!).ToArray();
        Assert.Equal(4, steps.Length);
        Assert.All(steps, s => Assert.Equal(runSpan.SpanId, s.ParentSpanId));
        Assert.Equal([0L, 1L, 2L, 3L], steps.Select(s => (long)s.GetTagItem(RunTelemetry.Tags.Step)!));
        Assert.All(steps, s => Assert.True((long)s.GetTagItem(RunTelemetry.Tags.Turns)! > 0));
        var byId = mine.ToDictionary(s => s.SpanId);
        ActivitySpanId StepAbove(Activity span) =>
            byId.TryGetValue(span.ParentSpanId, out var parent) && parent.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) ? StepAbove(parent) : span.ParentSpanId;
        // Between the caller and the run lie only Orleans's spans of the Submit call.
        Assert.Equal(requestSpan, StepAbove(runSpan));
        foreach (var step in steps)
        {
            var shardSteps = mine.Where(s => s.OperationName == RunTelemetry.ShardStepSpan && StepAbove(s) == step.SpanId).ToArray();
            Assert.Equal([0, 1, 2, 3], shardSteps.Select(t => (int)t.GetTagItem(RunTelemetry.Tags.Shard)!).Order());
            Assert.All(shardSteps, t => Assert.Equal((long)step.GetTagItem(RunTelemetry.Tags.Step)!, (long)t.GetTagItem(RunTelemetry.Tags.Step)!));
            Assert.Equal((long)step.GetTagItem(RunTelemetry.Tags.Turns)!, shardSteps.Sum(t => Convert.ToInt64(t.GetTagItem(RunTelemetry.Tags.Turns)!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.True(shardSteps.All(t => t.StartTimeUtc >= step.StartTimeUtc && t.StartTimeUtc + t.Duration <= step.StartTimeUtc + step.Duration));
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
