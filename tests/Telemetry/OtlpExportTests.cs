using System.Text;
using GbaSim.Engine.Telemetry;
using GbaSim.Grains.Telemetry;
using GbaSim.Tests.Silo;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Telemetry;

/// <summary>
/// The real silo and client export over OTLP/HTTP to a receiver on loopback: runtime spans,
/// technology-chain spans and metrics arrive, and a client command and the silo's handling of
/// its requests share one trace (W3C trace context over HTTP).
/// </summary>
[Collection(TelemetrySiloCollection.Name)]
public sealed class OtlpExportTests(TelemetryFixture fixture)
{
    [Fact]
    public async Task Silo_exports_runtime_spans_chain_spans_and_metrics_over_otlp()
    {
        using var http = fixture.Silo.Http();
        var run = await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.02");
        var id = run.GetProperty("id").GetString()!;
        var done = await WaitAsync(http, id, Finished);
        Assert.Equal("completed", done.GetProperty("status").GetString());

        var receiver = fixture.Receiver;
        // Other tests share the silo: wait for this run's own run span and chain roots.
        IReadOnlyList<OtlpSpan> spans = [];
        Assert.True(await OtlpReceiver.EventuallyAsync(() =>
        {
            spans = OtlpDecoding.Spans(receiver.TraceBodies);
            return spans.Any(s => s.Scope == RunSpan.SourceName && s.Attributes.GetValueOrDefault(ChainAttributes.RunId) == id)
                && spans.Any(s => s.Name == ChainTracer.TechnologySpan && s.Attributes.GetValueOrDefault(ChainAttributes.RunId) == id && s.Attributes[ChainAttributes.Outcome] == ChainAttributes.Outcomes.Market);
        }), $"run {id}'s run span and chain spans should reach the receiver ({receiver.TraceBodies.Count} trace exports so far)");
        // Protobuf keeps strings as UTF-8, so a byte search is a real check.
        Assert.True(Contains(receiver.TraceBodies, RunTelemetry.StepSpan) && Contains(receiver.TraceBodies, ChainAttributes.Sector) && Contains(receiver.TraceBodies, "transformation"));
        Assert.True(await OtlpReceiver.EventuallyAsync(() =>
            Contains(receiver.MetricBodies, "gbasim.messages") && Contains(receiver.MetricBodies, "gbasim.chain.transitions")),
            $"metrics should reach the receiver ({receiver.MetricBodies.Count} metric exports so far)");

        // Decoded: the run is one trace of a run span, step spans, and shard-step spans under Orleans's grain calls.
        var runSpan = Assert.Single(spans, s => s.Scope == RunSpan.SourceName && s.Attributes.GetValueOrDefault(ChainAttributes.RunId) == id);
        Assert.Equal("gbasim-silo", runSpan.Service);
        var runTrace = spans.Where(s => s.TraceId == runSpan.TraceId).ToArray();
        // The run joins the trace of the request that submitted it, under Orleans's span of the Submit call.
        var submit = Assert.Single(runTrace, s => s.SpanId == runSpan.ParentSpanId);
        Assert.StartsWith("Microsoft.Orleans", submit.Scope, StringComparison.Ordinal);
        Assert.Contains(runTrace, s => s.Name == "POST /api/runs" && s.ParentSpanId == "");
        var steps = runTrace.Where(s => s.Name == RunTelemetry.StepSpan).ToArray();
        Assert.Equal(37, steps.Length);
        Assert.All(steps, s => Assert.Equal(runSpan.SpanId, s.ParentSpanId));
        var shardSteps = runTrace.Where(s => s.Name == RunTelemetry.ShardStepSpan).ToArray();
        Assert.Equal(37 * 8, shardSteps.Length);
        var byId = runTrace.ToDictionary(s => s.SpanId);
        string StepAbove(OtlpSpan span)
        {
            var parent = byId[span.ParentSpanId];
            return parent.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) ? StepAbove(parent) : parent.SpanId;
        }
        Assert.All(shardSteps, t => Assert.Contains(steps, s => s.SpanId == StepAbove(t)));
        Assert.Contains(runTrace, s => s.Scope == "Microsoft.Orleans.Application");

        // Chain traces of this run: a technology root with stage children, in simulated time from 2025-01.
        var roots = spans.Where(s => s.Name == ChainTracer.TechnologySpan && s.Attributes.GetValueOrDefault(ChainAttributes.RunId) == id).ToArray();
        Assert.NotEmpty(roots);
        // A technology under way before the run is traced from the stage it stood at; take one discovered in the run.
        OtlpSpan[] StagesOf(OtlpSpan root) => spans.Where(s => s.TraceId == root.TraceId && s.ParentSpanId == root.SpanId).OrderBy(s => s.Start).ToArray();
        var marketed = roots.First(r => r.Attributes[ChainAttributes.Outcome] == ChainAttributes.Outcomes.Market && StagesOf(r).FirstOrDefault()?.Name == "basic-research");
        var stages = StagesOf(marketed);
        Assert.Equal(["basic-research", "breakthrough", "proof-of-concept", "transformation", "financing", "market"], stages.Select(s => s.Name));
        Assert.True(marketed.Start >= new DateTime(2025, 1, 1) && marketed.End <= new DateTime(2028, 2, 1), $"{marketed.Start:u} to {marketed.End:u} should lie in the scenario's three years");
        Assert.All(stages, s => Assert.Equal(s.Start.Date, s.Start));
        Assert.All(stages, s => Assert.True(s.Attributes.ContainsKey(ChainAttributes.City) && s.Attributes.ContainsKey(ChainAttributes.Readiness) && s.Attributes.ContainsKey(ChainAttributes.FundingMillions)));
        Assert.Contains(ChainAttributes.Firm, stages[^1].Attributes.Keys);

        var metrics = OtlpDecoding.MetricNames(receiver.MetricBodies);
        Assert.Contains("gbasim.turns", metrics);
        Assert.Contains("gbasim.step.duration", metrics);
        Assert.Contains("gbasim.flows.talent", metrics);
        Assert.Contains("gbasim.policy.spending", metrics);
    }

    /// <remarks>
    /// The trace ids are read from the protobuf bodies with a minimal hand-written decoder
    /// (<see cref="OtlpDecoding"/>), and the services told apart by their resource's service.name.
    /// </remarks>
    [Fact]
    public async Task Client_command_and_silo_grain_call_spans_share_one_trace()
    {
        using var data = new TempData();
        var receiver = fixture.Receiver;
        var outcome = await ClientProcess.RunAsync(data.Path, receiver.Environment(), "runs", "--silo", fixture.Silo.Gateway, "--json");
        Assert.True(outcome.ExitCode == 0, outcome.Errors);

        static bool IsOrleans(OtlpSpan span) => span.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);
        OtlpSpan? command = null;
        Assert.True(await OtlpReceiver.EventuallyAsync(() =>
        {
            var spans = OtlpDecoding.Spans(receiver.TraceBodies);
            command = spans.FirstOrDefault(s => s.Service == "gbasim-client" && s.Name == "gbasim runs");
            return command is not null && spans.Any(s => s.Service == "gbasim-silo" && s.TraceId == command.TraceId && IsOrleans(s) && s.Name.Contains("List", StringComparison.Ordinal));
        }), "the client's command span and the silo's grain-call span should arrive under one trace id; received: "
            + string.Join("; ", OtlpDecoding.Spans(receiver.TraceBodies).Where(s => !s.Scope.StartsWith("GbaSim", StringComparison.Ordinal)).Select(s => $"{s.Service} {s.Scope} {s.Name}").Distinct().Take(20)));

        // W3C context travels with the Orleans call: the silo's span of the results grain's List sits
        // under the client's span of the same call, itself under the command.
        var trace = OtlpDecoding.Spans(receiver.TraceBodies).Where(s => s.TraceId == command!.TraceId).ToArray();
        var served = Assert.Single(trace, s => s.Service == "gbasim-silo" && IsOrleans(s) && s.Name.Contains("List", StringComparison.Ordinal));
        var call = Assert.Single(trace, s => s.SpanId == served.ParentSpanId);
        Assert.Equal("gbasim-client", call.Service);
        Assert.True(IsOrleans(call), call.Scope);
        Assert.Equal(command!.SpanId, call.ParentSpanId);
        Assert.Equal("", command.ParentSpanId);
    }

    private static bool Contains(IEnumerable<byte[]> bodies, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return bodies.Any(body => body.AsSpan().IndexOf(needle) >= 0);
    }
}
