using System.Security.Cryptography;
using System.Text;

namespace GbaSim.Silo.Access;

/// <summary>Compares a presented API key with the silo's in constant time, so that timing tells nothing about the key.</summary>
public static class ApiKeys
{
    /// <summary>The shortest key the silo accepts.</summary>
    public const int MinLength = 16;

    public static bool Matches(string? presented, string expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }
        // Hashing first makes both sides the same length, so the comparison's time does not depend on the key's length either.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
