using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Engine.Telemetry;
using GbaSim.Grains.Telemetry;
using GbaSim.Silo.Telemetry;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Telemetry;

/// <summary>The silo's in-process span buffer: bounded, and read by the dashboard's endpoints.</summary>
[Collection(TelemetrySiloCollection.Name)]
public sealed class SpanBufferTests(TelemetryFixture fixture)
{
    [Fact]
    public void Buffer_keeps_the_newest_spans_up_to_its_capacity()
    {
        var buffer = new InProcessSpanBuffer(5);
        var trace = ActivityTraceId.CreateRandom();
        for (var i = 0; i < 12; i++)
        {
            buffer.Add(new SpanRecord(trace, ActivitySpanId.CreateRandom(), default, $"span {i}", "test", DateTime.UnixEpoch.AddSeconds(i), TimeSpan.FromSeconds(1), ActivityStatusCode.Unset, []));
        }
        Assert.Equal(5, buffer.Count);
        Assert.Equal(12, buffer.Added);
        Assert.Equal(["span 7", "span 8", "span 9", "span 10", "span 11"], buffer.Snapshot().Select(s => s.Name));
        Assert.Equal(5, buffer.Trace(trace).Count);
        Assert.Empty(buffer.Trace(ActivityTraceId.CreateRandom()));

        buffer.RegisterRun("run-1", trace);
        Assert.True(buffer.TryGetRunTrace("run-1", out var found));
        Assert.Equal(trace, found);
        Assert.False(buffer.TryGetRunTrace("run-2", out _));
    }

    [Fact]
    public async Task Run_trace_endpoint_returns_the_runs_step_spans_within_the_buffer_bound()
    {
        using var http = fixture.Silo.Http();
        var run = await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.01");
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal("completed", (await WaitAsync(http, id, Finished)).GetProperty("status").GetString());

        var trace = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}/trace");
        var spans = trace.GetProperty("spans").EnumerateArray().ToArray();
        // 37 steps of 9 spans (a step and its 8 shards) and the run span (334) are more than the buffer holds: only the newest remain.
        Assert.Equal(spans.Length, trace.GetProperty("spanCount").GetInt32());
        Assert.InRange(spans.Length, 100, TelemetryFixture.SpanBuffer);
        Assert.All(spans, s => Assert.Equal(2 * 8, s.GetProperty("spanId").GetString()!.Length));

        // The run span sits under the request that submitted it, which may have left the buffer already.
        var root = Assert.Single(spans, s => s.GetProperty("name").GetString() == "run gba-small");
        Assert.Equal(id, root.GetProperty("tags").GetProperty(ChainAttributes.RunId).GetString());
        var steps = spans.Where(s => s.GetProperty("name").GetString() == RunTelemetry.StepSpan).ToArray();
        Assert.True(steps.Length >= 10, $"{steps.Length} step spans");
        Assert.All(steps, s => Assert.Equal(root.GetProperty("spanId").GetString(), s.GetProperty("parentId").GetString()));
        Assert.Contains(steps, s => s.GetProperty("tags").GetProperty(RunTelemetry.Tags.Step).GetString() == "36");
        Assert.All(steps, s => Assert.True(long.Parse(s.GetProperty("tags").GetProperty(RunTelemetry.Tags.Messages).GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 0));
        var stepIds = steps.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        // Shard steps sit under their step, though Orleans's grain-call span (not kept in the buffer) lies between them.
        var shardSteps = spans.Where(s => s.GetProperty("name").GetString() == RunTelemetry.ShardStepSpan).ToArray();
        Assert.True(shardSteps.Length >= 10 * 8, $"{shardSteps.Length} shard-step spans");
        Assert.True(shardSteps.Count(t => stepIds.Contains(t.GetProperty("parentId").GetString())) >= 9 * 8);

        var chains = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}/chains?limit=5");
        Assert.Equal(5, chains.GetProperty("traceCount").GetInt32());
        var technology = chains.GetProperty("traces")[0].GetProperty("spans");
        Assert.Equal(ChainTracer.TechnologySpan, technology[0].GetProperty("name").GetString());
        Assert.Equal("basic-research", technology[1].GetProperty("name").GetString());

        var metrics = await http.GetFromJsonAsync<JsonElement>("api/telemetry/metrics");
        Assert.Equal("gbasim-silo", metrics.GetProperty("service").GetString());
        var messages = metrics.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "gbasim.messages");
        Assert.True(messages.GetProperty("points")[0].GetProperty("value").GetDouble() > 0);
        Assert.Contains(metrics.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("name").GetString() == "gbasim.chain.transitions");

        using var missing = await http.GetAsync("api/runs/no-such-run/trace");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
