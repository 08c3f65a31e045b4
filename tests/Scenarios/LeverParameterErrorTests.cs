namespace GbaSim.Tests.Scenarios;

/// <summary>The policy levers' parameters are checked against the catalogue like every other type's, each error at its line and column.</summary>
public sealed class LeverParameterErrorTests
{
    private static string Scenario(string type, string parameter) => $"""
        name: levers
        seed: 1
        start: 2025-01
        horizon: 12
        world: worlds/tiny.yaml
        policies:
          - name: p
            type: {type}
            start: 2025-01
            budget: 1000000
            parameters:
              {parameter}
        """;

    [Theory]
    [InlineData("high-tech-tax-relief", "highTechRate", "1.5", "[0, 1]")]
    [InlineData("high-tech-tax-relief", "rdExtraDeduction", "-1", "[0, 10]")]
    [InlineData("talent-income-tax-subsidy", "refundAbove", "2", "[0, 1]")]
    [InlineData("talent-income-tax-subsidy", "stayYears", "0", "[0.1, 50]")]
    [InlineData("incubator-support", "placeCostPerYear", "0", "[1, 100000000]")]
    [InlineData("talent-pass", "frictionReduction", "1.2", "[0, 1]")]
    [InlineData("ip-ownership-reform", "spinOffUplift", "11", "[0, 10]")]
    [InlineData("joint-lab", "labCostPerYear", "0", "[1, 10000000000]")]
    [InlineData("joint-lab", "partnerOfferShare", "1.5", "[0, 1]")]
    [InlineData("ip-backed-lending", "loanMonths", "0", "[1, 240]")]
    [InlineData("ip-backed-lending", "interestRate", "-0.1", "[0, 1]")]
    [InlineData("first-purchase", "orderValue", "-5", "[0, 1000000000]")]
    [InlineData("first-purchase", "fundOddsUplift", "12", "[0, 10]")]
    public void Lever_parameter_out_of_range_is_reported_at_its_value(string type, string parameter, string value, string range)
    {
        var error = Fixtures.SingleError(Scenario(type, $"{parameter}: {value}"), 12, parameter.Length + 9);

        Assert.Equal($"'{parameter}' must be in {range}, not {value}", error.Message);
    }

    [Fact]
    public void Parameter_of_another_lever_is_reported_at_its_name_with_the_valid_ones()
    {
        var error = Fixtures.SingleError(Scenario("high-tech-tax-relief", "rentSubsidy: 5000"), 12, 7);

        Assert.Equal("unknown parameter 'rentSubsidy' for a high-tech-tax-relief policy", error.Message);
        Assert.Contains("standardRate, highTechRate, rdExtraDeduction, firstTierExtraDeduction, firstTierYuan", error.Hint, StringComparison.Ordinal);
    }
}
