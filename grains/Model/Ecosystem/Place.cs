namespace GbaSim.Model.Ecosystem;

/// <summary>Where an actor sits: its city and its zone in it (<see cref="Zone.None"/> outside any zone).</summary>
public readonly record struct Place(City City, Zone Zone)
{
    public static Place Of(City city) => new(city, Zone.None);
}
