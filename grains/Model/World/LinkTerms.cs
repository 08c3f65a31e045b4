namespace GbaSim.Model.World;

/// <summary>The frictions between two cities as the model uses them (no policy applied).</summary>
public readonly record struct LinkTerms(double TravelHours, double TalentLoss, int TalentDelayMonths, double TechnologyLoss, double CapitalLoss);
