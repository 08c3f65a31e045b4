using GbaSim.Engine.Figures;

namespace GbaSim.Tests.Figures;

/// <summary>One way of writing numbers: percentages, yuan in M/B or 万/亿, no E-notation, a dash for what does not exist.</summary>
public sealed class FigureFormatterTests
{
    private static readonly FigureFormatter Western = new(NumberStyle.Western);
    private static readonly FigureFormatter Chinese = new(NumberStyle.Chinese);

    [Theory]
    [InlineData(1.2e9, "1.2 B")]
    [InlineData(1_234_567_890, "1.23 B")]
    [InlineData(45_600_000, "45.6 M")]
    [InlineData(100_000_000, "100 M")]
    [InlineData(52_000, "52,000")]
    [InlineData(-3_400_000, "-3.4 M")]
    public void Yuan_are_written_in_millions_and_billions(double value, string expected) =>
        Assert.Equal(expected, Western.Format(FigureCatalogue.Summary("technologyTransactionValue"), value));

    [Theory]
    [InlineData(1.2e9, "12亿元")]
    [InlineData(123_456_789, "1.23亿元")]
    [InlineData(52_000, "5.2万元")]
    [InlineData(800, "800元")]
    public void Yuan_are_written_in_wan_and_yi_for_a_chinese_locale(double value, string expected) =>
        Assert.Equal(expected, Chinese.Format(FigureCatalogue.Summary("policySpending"), value));

    [Theory]
    [InlineData("zh_CN.UTF-8", NumberStyle.Chinese)]
    [InlineData("zh-Hant-HK", NumberStyle.Chinese)]
    [InlineData("en_GB.UTF-8", NumberStyle.Western)]
    [InlineData(null, NumberStyle.Western)]
    public void Locale_chooses_the_grouping_of_yuan(string? locale, NumberStyle expected) =>
        Assert.Equal(expected, NumberStyles.FromLocale(locale));

    [Fact]
    public void Shares_are_percentages_and_their_changes_percentage_points()
    {
        var share = FigureCatalogue.Summary("conversion.financing");
        Assert.Equal("95.3%", Western.Format(share, 0.9531));
        Assert.Equal("+1.2 pp", Western.Change(share, 0.012));
        Assert.Equal("−0.5 pp", Western.Change(share, -0.005));
    }

    [Theory]
    [InlineData(1e-7)]
    [InlineData(3.2e12)]
    [InlineData(123456789.123)]
    [InlineData(0.000123)]
    public void No_value_is_ever_written_in_E_notation(double value)
    {
        foreach (var figure in FigureCatalogue.All)
        {
            var text = Western.Format(figure, value);
            Assert.DoesNotContain("E+", text, StringComparison.Ordinal);
            Assert.DoesNotContain("E-", text, StringComparison.Ordinal);
            Assert.NotEqual("0", text);
        }
    }

    [Fact]
    public void Values_that_do_not_exist_are_a_dash_not_infinity_or_nan()
    {
        var effect = FigureCatalogue.Statistic("effectSize");
        Assert.Equal(FigureFormatter.Missing, Western.Format(effect, double.PositiveInfinity));
        Assert.Equal(FigureFormatter.Missing, Western.Format(effect, double.NaN));
    }

    [Fact]
    public void Sentences_carry_the_unit()
    {
        Assert.Equal("4,621 technologies", Western.Describe(FigureCatalogue.Summary("technologiesCommercialized"), 4621));
        Assert.Equal("1.2 B yuan", Western.Describe(FigureCatalogue.Summary("technologyTransactionValue"), 1.2e9));
        Assert.Equal("12亿元", Chinese.Describe(FigureCatalogue.Summary("technologyTransactionValue"), 1.2e9));
        Assert.Equal("40%", Western.Describe(FigureCatalogue.Summary("crossBorderShare.talent"), 0.4));
    }
}
