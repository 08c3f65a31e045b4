using System.Text;
using GbaSim.Engine.Worlds;

namespace GbaSim.Tests.Scenarios;

/// <summary>
/// Text that would cost the reader unbounded memory, time or stack (aliases multiplying
/// values, nesting, millions of values) is refused with an error where the limit was passed.
/// </summary>
public sealed class YamlLimitTests
{
    /// <summary>Nine aliases to nine aliases to... nine times: 387 million values from a dozen lines, if expanded.</summary>
    public static string BillionLaughs()
    {
        var text = new StringBuilder("name: probe\nlol0: &l0 \"lol\"\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append(CultureInfo(level)).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))).Append("]\n");
        }
        return text.ToString();

        static string CultureInfo(int level) => "lol" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Billion_laughs_is_refused_at_its_first_alias()
    {
        var errors = FileConfinementTests.ErrorsWithin(() => Engine.Scenarios.ScenarioLoader.Parse(BillionLaughs(), Fixtures.Inline));

        var error = Fixtures.SingleErrorIn(errors, Fixtures.Inline, 3, 12);
        Assert.Equal("aliases (*name) are not allowed in scenario and world files", error.Message);
    }

    [Fact]
    public void Billion_laughs_as_a_mapping_key_is_refused_at_once()
    {
        // A mapping key is hashed whole to find duplicates: expanded, this one would take hours.
        var errors = FileConfinementTests.ErrorsWithin(() => Engine.Scenarios.ScenarioLoader.Parse(BillionLaughs() + "? *l9\n: x\n", Fixtures.Inline));

        Assert.Equal("aliases (*name) are not allowed in scenario and world files", errors[0].Message);
    }

    [Fact]
    public void World_with_an_alias_is_refused()
    {
        var errors = FileConfinementTests.ErrorsWithin(() => WorldLoader.Parse("name: &n tiny\ncities: *n\n", "world.yaml"));

        Assert.Equal("aliases (*name) are not allowed in scenario and world files", Assert.Single(errors).Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack()
    {
        var text = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var errors = FileConfinementTests.ErrorsWithin(() => Engine.Scenarios.ScenarioLoader.Parse(text, Fixtures.Inline));

        var error = Fixtures.SingleErrorIn(errors, Fixtures.Inline, 1, 70);
        Assert.Equal("lists and mappings are nested more than 64 levels deep here", error.Message);
    }

    [Fact]
    public void More_values_than_the_limit_are_refused()
    {
        var text = "name: [" + string.Join(",", Enumerable.Repeat("0", 100_001)) + "]\n";

        var errors = FileConfinementTests.ErrorsWithin(() => Engine.Scenarios.ScenarioLoader.Parse(text, Fixtures.Inline));

        Assert.Equal("the file holds more than 100000 values", Assert.Single(errors).Message);
    }
}
