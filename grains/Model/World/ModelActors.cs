using GbaSim.Model.Ecosystem;
using GbaSim.Kernel.Identity;

namespace GbaSim.Model.World;

/// <summary>The grain types of the model and how their keys are formed.</summary>
public static class ModelActors
{
    public static readonly ActorType City = ActorType.Of("city");
    public static readonly ActorType Institution = ActorType.Of("institution");
    public static readonly ActorType Firm = ActorType.Of("firm");
    public static readonly ActorType Ledger = ActorType.Of("ledger");
    public static readonly ActorType Policy = ActorType.Of("policy");

    public static ActorId CityId(City city) => new(City, (long)city);

    public static ActorId LedgerId(City city) => new(Ledger, (long)city);

    public static ActorId InstitutionId(int index) => new(Institution, index);

    public static ActorId PolicyId(int index) => new(Policy, index);

    /// <summary>
    /// A firm's key packs its city, sector and a serial so that its name (for example
    /// <c>sz-ict-00042</c>) can be read back from the key alone. Serials from 2^31 up belong to
    /// firms founded during the run.
    /// </summary>
    public static ActorId FirmId(City city, Sector sector, long serial) => new(Firm, ((long)city << 48) | ((long)sector << 40) | serial);

    public static ActorId FirmIdFromKey(long key) => new(Firm, key);

    public static City FirmCity(long key) => (City)((key >> 48) & 0xff);

    public static Sector FirmSector(long key) => (Sector)((key >> 40) & 0xff);

    public static string FirmName(long key) => $"{FirmCity(key).Code()}-{FirmSector(key).Code()}-{key & 0xff_ffff_ffffL:D5}";

    /// <summary>Parses a firm name such as <c>sz-ict-00042</c> back to its key.</summary>
    public static bool TryParseFirm(string name, out long key)
    {
        key = 0;
        var parts = name.Split('-');
        if (parts.Length != 3 || !long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var serial))
        {
            return false;
        }
        var city = Cities.All.FirstOrDefault(c => c.Code() == parts[0], (City)255);
        if ((byte)city == 255 || !Sectors.TryParse(parts[1], out var sector))
        {
            return false;
        }
        key = FirmId(city, sector, serial).Key;
        return true;
    }
}
