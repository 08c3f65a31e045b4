using System.Security.Cryptography;

namespace GbaSim.Kernel.State;

/// <summary>
/// A run's result hash: SHA-256 over every actor's identity and state, in identity order. The
/// shards' digests are merged by identity, so the hash is the same however the actors were
/// spread over shards, silos or grains.
/// </summary>
public static class ResultHash
{
    public static string Of(IReadOnlyList<StateDigest> digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Records are small; hashing them in 64 KiB runs costs a fraction of one call each.
        var buffer = new byte[64 * 1024];
        var used = 0;
        var next = new int[digests.Count];
        while (true)
        {
            var best = -1;
            for (var d = 0; d < digests.Count; d++)
            {
                if (next[d] < digests[d].Actors.Length && (best < 0 || digests[d].Actors[next[d]] < digests[best].Actors[next[best]]))
                {
                    best = d;
                }
            }
            if (best < 0)
            {
                hash.AppendData(buffer, 0, used);
                return Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var record = digests[best].Record(next[best]++);
            if (used + record.Length > buffer.Length)
            {
                hash.AppendData(buffer, 0, used);
                used = 0;
            }
            if (record.Length > buffer.Length)
            {
                hash.AppendData(record);
                continue;
            }
            record.CopyTo(buffer.AsSpan(used));
            used += record.Length;
        }
    }
}
