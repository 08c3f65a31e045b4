namespace GbaSim.Model.Policies;

/// <summary>A parameter a policy type accepts, with its default, its valid range and what it means.</summary>
public sealed record PolicyParameter(string Name, double Default, double Minimum, double Maximum, string Description);
