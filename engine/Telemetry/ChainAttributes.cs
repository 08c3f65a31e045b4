namespace GbaSim.Engine.Telemetry;

/// <summary>The attribute names on chain spans, and on the run span that ties a silo's run to them.</summary>
public static class ChainAttributes
{
    public const string Technology = "gbasim.technology";
    public const string City = "gbasim.city";
    public const string Institution = "gbasim.institution";
    public const string Firm = "gbasim.firm";
    public const string Sector = "gbasim.sector";
    public const string Readiness = "gbasim.readiness";
    public const string BorderCrossings = "gbasim.border_crossings";
    public const string CrossedBorder = "gbasim.crossed_border";
    public const string FundingMillions = "gbasim.funding_millions";
    public const string Stage = "gbasim.stage";
    public const string Outcome = "gbasim.outcome";
    public const string StalledAt = "gbasim.stalled_at";
    public const string RunId = "gbasim.run_id";

    /// <summary>Values of <see cref="Outcome"/>.</summary>
    public static class Outcomes
    {
        public const string Advanced = "advanced";
        public const string Stalled = "stalled";
        public const string Market = "market";

        /// <summary>Still under way when the run ended.</summary>
        public const string InProgress = "in-progress";
    }
}
