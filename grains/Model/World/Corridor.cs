namespace GbaSim.Model.World;

/// <summary>
/// A named science and technology corridor (Guangzhou–Shenzhen–Hong Kong, Guangzhou–Zhuhai–Macao):
/// the losses of every link on it are multiplied by <paramref name="FrictionFactor"/>, standing
/// for the joint platforms and coordinated rules the corridor's plans bring.
/// </summary>
public sealed record Corridor(string Name, double FrictionFactor);
