using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Model.Actors;

/// <summary>Technologies for actor tests.</summary>
public static class TestTechnologies
{
    /// <summary>A technology of a field and quality, at a stage, from an origin city.</summary>
    public static Technology Make(long id, Sector field, float quality, ChainStage stage = ChainStage.Breakthrough, City origin = City.Guangzhou) =>
        new(id, field, stage, 4, origin, 0, quality, 0, 0, 0);
}
