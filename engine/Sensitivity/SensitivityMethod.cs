namespace GbaSim.Engine.Sensitivity;

/// <summary>How parameters are screened: Morris's elementary effects (cheap, ranks many) or Sobol's variance shares (costly, quantifies few).</summary>
public enum SensitivityMethod
{
    Morris,
    Sobol,
}
