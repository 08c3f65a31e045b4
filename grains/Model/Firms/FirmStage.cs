namespace GbaSim.Model.Firms;

public enum FirmStage : byte
{
    StartUp,
    Growth,
    Mature,
}
