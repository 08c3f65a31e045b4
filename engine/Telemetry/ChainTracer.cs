using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Identity;

namespace GbaSim.Engine.Telemetry;

/// <summary>
/// Turns the chain transitions observed month by month into one trace per sampled technology,
/// through the activity source <c>GbaSim.Chain</c>: a root span <c>technology</c> from the month
/// the technology entered the chain to the month its journey ended (on the market, stalled, or
/// still under way when the run stopped), with a child span per stage it passed through
/// (<c>basic-research</c>, <c>breakthrough</c>, <c>transformation</c>, <c>financing</c>,
/// <c>market</c>). Spans are timed in simulated calendar time: month m of the run is the first
/// day of the scenario's start month plus m. A technology's spans are emitted together when its
/// journey ends, so no span is open across months.
/// </summary>
/// <remarks>
/// The trace id is a hash of the run's salt and the technology's id, so the same run traces a
/// technology under the same id every time. Span ids are drawn by <see cref="Activity"/>, which
/// offers no way to choose one; within a trace, spans are identified by their stage.
/// </remarks>
public sealed class ChainTracer
{
    public const string SourceName = "GbaSim.Chain";

    /// <summary>The root span of each technology's trace.</summary>
    public const string TechnologySpan = "technology";

    public static readonly ActivitySource Source = new(SourceName, "1.0");

    // System.Diagnostics replaces a zero duration by "now" when a span stops; a stage entered
    // and left in the same month therefore lasts one tick.
    private static readonly TimeSpan Instant = TimeSpan.FromTicks(1);

    private readonly Dictionary<long, Journey> _open = [];
    private readonly int _sampleEvery;
    private readonly YearMonth _start;
    private readonly IReadOnlyList<string> _institutions;
    private readonly ulong _saltHigh;
    private readonly ulong _saltLow;
    private readonly string? _runId;

    /// <param name="options">Which technologies to trace.</param>
    /// <param name="start">The scenario's first month (month 0).</param>
    /// <param name="institutions">Institution keys by index, to name the holders.</param>
    /// <param name="salt">Makes the trace ids of one run differ from another's (scenario, seed, run id).</param>
    /// <param name="runId">Put on every root span so a host can find the run's chain traces; null for none.</param>
    public ChainTracer(ChainTraceOptions options, YearMonth start, IReadOnlyList<string> institutions, string salt, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(institutions);
        ArgumentNullException.ThrowIfNull(salt);
        _sampleEvery = options.SampleEvery;
        _start = start;
        _institutions = institutions;
        _saltHigh = StableHash.Of(salt);
        _saltLow = StableHash.Of(salt + "/low");
        _runId = runId;
    }

    /// <summary>Sampled technologies whose journey has begun and not yet been emitted.</summary>
    public int OpenJourneys => _open.Count;

    /// <summary>Technology traces emitted so far.</summary>
    public long TracesEmitted { get; private set; }

    /// <summary>Whether a technology is traced when one in <paramref name="every"/> is: by a hash of its id, the same in every run.</summary>
    public static bool IsSampled(long technology, int every) =>
        every == 1 || (every > 1 && StableHash.Mix((ulong)technology) % (ulong)every == 0);

    /// <summary>The trace id of a technology's journey in this run.</summary>
    public ActivityTraceId TraceIdOf(long technology)
    {
        var h = StableHash.Mix((ulong)technology);
        var high = StableHash.Combine(_saltHigh, h);
        var low = StableHash.Combine(_saltLow, h);
        if (high == 0 && low == 0)
        {
            low = 1;
        }
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return ActivityTraceId.CreateFromBytes(bytes);
    }

    /// <summary>The simulated time at which month <paramref name="month"/> of the run begins.</summary>
    public DateTime TimeOf(int month) => _start.AddMonths(month).FirstDay;

    /// <summary>Follows one month's transitions (in the order they were recorded) and emits the journeys that ended.</summary>
    public void Observe(int month, IReadOnlyList<ChainTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (_sampleEvery <= 0)
        {
            return;
        }
        foreach (var transition in transitions)
        {
            var id = transition.Technology.Id;
            if (!IsSampled(id, _sampleEvery))
            {
                continue;
            }
            if (!_open.TryGetValue(id, out var journey))
            {
                journey = new Journey(transition, month, Holder(transition));
                _open.Add(id, journey);
                if (IsEntry(transition))
                {
                    continue;
                }
            }
            if (Apply(journey, transition, month))
            {
                _open.Remove(id);
                Emit(journey);
            }
        }
    }

    /// <summary>Emits the journeys still under way when the run ended (in id order), ending at <paramref name="endMonth"/>.</summary>
    public void Complete(int endMonth)
    {
        foreach (var id in _open.Keys.Order().ToArray())
        {
            var journey = _open[id];
            var stage = journey.Stages[^1];
            stage.Until = Math.Max(stage.Since, endMonth);
            stage.Outcome = ChainAttributes.Outcomes.InProgress;
            journey.Outcome = ChainAttributes.Outcomes.InProgress;
            Emit(journey);
        }
        _open.Clear();
    }

    private static bool IsEntry(in ChainTransition t) =>
        t.Outcome == TransitionOutcome.Advanced && t.From == t.To && t.To == ChainStage.BasicResearch;

    /// <summary>Applies a transition to a journey; returns true when the journey has ended.</summary>
    private bool Apply(Journey journey, in ChainTransition t, int month)
    {
        var current = journey.Stages[^1];
        journey.Last = t.Technology;
        if (t.Outcome == TransitionOutcome.Stalled)
        {
            current.Close(month, t.Technology, ChainAttributes.Outcomes.Stalled);
            var holder = Holder(t);
            current.StalledAt = holder.Firm ?? holder.Institution;
            journey.Outcome = ChainAttributes.Outcomes.Stalled;
            return true;
        }
        if (t.From == t.To)
        {
            // A second entry of a technology already on its way: nothing moved.
            return false;
        }
        current.Close(month, t.Technology, ChainAttributes.Outcomes.Advanced);
        var next = new StageSpan(t.To, month, t, Holder(t));
        journey.Stages.Add(next);
        journey.Firm = next.Firm ?? journey.Firm;
        if (t.To != ChainStage.Market)
        {
            return false;
        }
        next.Close(month + 1, t.Technology, ChainAttributes.Outcomes.Market);
        journey.Outcome = ChainAttributes.Outcomes.Market;
        return true;
    }

    /// <summary>
    /// Who held the technology after a transition. A firm's transitions name as counterpart the
    /// institution it dealt with (licensor, parent or fund), which is kept as the institution.
    /// </summary>
    private (string Institution, string? Firm) Holder(in ChainTransition t) => t.HolderKind == HolderKind.Firm
        ? (InstitutionName(t.Counterpart), ModelActors.FirmName(t.Holder))
        : (InstitutionName(t.Holder), null);

    private string InstitutionName(long index) => index >= 0 && index < _institutions.Count
        ? _institutions[(int)index]
        : index.ToString(CultureInfo.InvariantCulture);

    private void Emit(Journey journey)
    {
        TracesEmitted++;
        var outer = Activity.Current;
        Activity.Current = null;
        try
        {
            var first = journey.Stages[0];
            var last = journey.Stages[^1];
            var parent = new ActivityContext(TraceIdOf(journey.Id), default, ActivityTraceFlags.Recorded);
            using var root = Source.StartActivity(TechnologySpan, ActivityKind.Internal, parent, startTime: TimeOf(first.Since));
            if (root is null)
            {
                return;
            }
            if (root.IsAllDataRequested)
            {
                root.SetTag(ChainAttributes.Technology, journey.Id);
                root.SetTag(ChainAttributes.Sector, journey.Sector.Code());
                root.SetTag(ChainAttributes.City, journey.Origin.DisplayName());
                root.SetTag(ChainAttributes.Institution, first.Institution);
                root.SetTag(ChainAttributes.Firm, journey.Firm);
                root.SetTag(ChainAttributes.Stage, last.Stage.FileName());
                root.SetTag(ChainAttributes.Readiness, (int)journey.Last.Readiness);
                root.SetTag(ChainAttributes.BorderCrossings, (int)journey.Last.BorderCrossings);
                root.SetTag(ChainAttributes.FundingMillions, Math.Round((double)journey.Last.FundingMillions, 3));
                root.SetTag(ChainAttributes.Outcome, journey.Outcome);
                root.SetTag(ChainAttributes.RunId, _runId);
            }
            foreach (var stage in journey.Stages)
            {
                using var span = Source.StartActivity(stage.Stage.FileName(), ActivityKind.Internal, root.Context, startTime: TimeOf(stage.Since));
                if (span is null)
                {
                    continue;
                }
                if (span.IsAllDataRequested)
                {
                    span.SetTag(ChainAttributes.Technology, journey.Id);
                    span.SetTag(ChainAttributes.Stage, stage.Stage.FileName());
                    span.SetTag(ChainAttributes.Sector, journey.Sector.Code());
                    span.SetTag(ChainAttributes.City, stage.City.DisplayName());
                    span.SetTag(ChainAttributes.Institution, stage.Institution);
                    span.SetTag(ChainAttributes.Firm, stage.Firm);
                    span.SetTag(ChainAttributes.Readiness, (int)stage.Readiness);
                    span.SetTag(ChainAttributes.BorderCrossings, (int)stage.BorderCrossings);
                    span.SetTag(ChainAttributes.CrossedBorder, stage.CrossedBorder);
                    span.SetTag(ChainAttributes.FundingMillions, Math.Round((double)stage.FundingMillions, 3));
                    span.SetTag(ChainAttributes.Outcome, stage.Outcome);
                    span.SetTag(ChainAttributes.StalledAt, stage.StalledAt);
                }
                span.SetEndTime(End(stage.Since, stage.Until));
            }
            root.SetEndTime(End(first.Since, last.Until));
        }
        finally
        {
            Activity.Current = outer;
        }
    }

    private DateTime End(int since, int until) => until > since ? TimeOf(until) : TimeOf(since) + Instant;

    /// <summary>One technology's way along the chain so far.</summary>
    private sealed class Journey
    {
        public Journey(in ChainTransition first, int month, (string Institution, string? Firm) holder)
        {
            Id = first.Technology.Id;
            Sector = first.Technology.Field;
            Origin = first.Technology.Origin;
            Last = first.Technology;
            var stage = new StageSpan(first.From, month, first, holder);
            Stages.Add(stage);
            Firm = stage.Firm;
        }

        public long Id { get; }

        public Sector Sector { get; }

        public City Origin { get; }

        public List<StageSpan> Stages { get; } = new(ChainStages.Count);

        public Technology Last { get; set; }

        public string? Firm { get; set; }

        public string Outcome { get; set; } = ChainAttributes.Outcomes.InProgress;
    }

    /// <summary>A stage of a journey: where it happened and what the technology carried when it left.</summary>
    private sealed class StageSpan
    {
        /// <param name="entered">The transition that brought the technology into this stage (or the first one seen).</param>
        /// <param name="holder">Who held the technology in this stage.</param>
        public StageSpan(ChainStage stage, int month, in ChainTransition entered, (string Institution, string? Firm) holder)
        {
            Stage = stage;
            Since = month;
            Until = month;
            City = entered.City;
            CrossedBorder = entered.CrossedBorder;
            Readiness = entered.Technology.Readiness;
            BorderCrossings = entered.Technology.BorderCrossings;
            FundingMillions = entered.Technology.FundingMillions;
            Institution = holder.Institution;
            Firm = holder.Firm;
        }

        public ChainStage Stage { get; }

        public int Since { get; }

        public int Until { get; set; }

        public City City { get; }

        public bool CrossedBorder { get; }

        public byte Readiness { get; }

        public byte BorderCrossings { get; private set; }

        public float FundingMillions { get; private set; }

        public string Institution { get; }

        public string? Firm { get; }

        public string Outcome { get; set; } = ChainAttributes.Outcomes.InProgress;

        public string? StalledAt { get; set; }

        /// <summary>Ends the stage; crossings and funding are what the technology carried by then.</summary>
        public void Close(int month, in Technology technology, string outcome)
        {
            Until = Math.Max(Since, month);
            BorderCrossings = technology.BorderCrossings;
            FundingMillions = technology.FundingMillions;
            Outcome = outcome;
        }
    }
}
