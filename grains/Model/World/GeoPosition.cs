namespace GbaSim.Model.World;

/// <summary>Where a city lies, in degrees (WGS 84), for drawing the region; the model itself never reads it.</summary>
public sealed record GeoPosition(double Longitude, double Latitude);
