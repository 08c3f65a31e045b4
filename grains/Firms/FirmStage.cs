namespace GbaSim.Grains.Firms;

public enum FirmStage : byte
{
    StartUp,
    Growth,
    Mature,
}
