using GbaSim.Kernel.Determinism;

namespace GbaSim.Model.Sampling;

/// <summary>The draws the model needs beyond uniform numbers, taken from a grain's own stream.</summary>
public static class RandomDraws
{
    /// <summary>A Poisson count: Knuth's product method for small means, a rounded normal above 30.</summary>
    public static int Poisson(ref this RandomStream random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.NextGaussian())));
        }
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    /// <summary>Rounds <paramref name="value"/> up with probability equal to its fractional part, so sums keep their mean.</summary>
    public static int StochasticRound(ref this RandomStream random, double value)
    {
        if (value <= 0)
        {
            return 0;
        }
        var whole = Math.Floor(value);
        return (int)whole + (random.NextDouble() < value - whole ? 1 : 0);
    }

    /// <summary>Successes among <paramref name="trials"/> with probability <paramref name="p"/>; Poisson or normal for large counts.</summary>
    public static int Binomial(ref this RandomStream random, int trials, double p)
    {
        if (trials <= 0 || p <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return trials;
        }
        if (trials <= 40)
        {
            var hits = 0;
            for (var i = 0; i < trials; i++)
            {
                if (random.NextDouble() < p)
                {
                    hits++;
                }
            }
            return hits;
        }
        var mean = trials * p;
        if (mean < 20)
        {
            return Math.Min(trials, random.Poisson(mean));
        }
        var sd = Math.Sqrt(mean * (1 - p));
        return Math.Clamp((int)Math.Round(mean + (sd * random.NextGaussian())), 0, trials);
    }

    /// <summary>A log-normal draw with the given median and log-scale spread.</summary>
    public static double LogNormal(ref this RandomStream random, double median, double spread) =>
        median * Math.Exp(spread * random.NextGaussian());

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public static int Pick(ref this RandomStream random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        if (total <= 0)
        {
            return random.NextInt(weights.Length);
        }
        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
