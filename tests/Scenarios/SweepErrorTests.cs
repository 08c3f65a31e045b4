namespace GbaSim.Tests.Scenarios;

/// <summary>
/// A <c>sweep:</c> that is malformed, names what the scenario does not have, or leaves a
/// parameter's range: each error at the line and column where the offending value was written.
/// </summary>
public sealed class SweepErrorTests
{
    /// <summary>A scenario with one pilot-platform policy; <paramref name="sweep"/> starts at line 11, column 1.</summary>
    private static string WithSweep(string sweep) => $"""
        name: swept
        seed: 1
        start: 2025-01
        horizon: 24
        world: worlds/tiny.yaml
        policies:
          - name: pilots
            type: pilot-platform
            start: 2025-06
            budget: 1000000
        {sweep}
        """;

    /// <summary>An axis over the pilots' extra slots; <paramref name="values"/> is written at line 14, column 5.</summary>
    private static string WithAxis(string values, string parameter = "extraSlots") => WithSweep($"""
        sweep:
          - policy: pilots
            parameter: {parameter}
            {values}
        """);

    [Fact]
    public void Sweep_that_is_not_a_list_is_reported_at_its_value()
    {
        var error = Fixtures.SingleError(WithSweep("sweep: { policy: pilots, parameter: extraSlots, values: [1] }"), 11, 8);

        Assert.Equal("'sweep' must be a list, not a mapping", error.Message);
    }

    [Fact]
    public void Sweep_without_axes_is_reported()
    {
        var error = Fixtures.SingleError(WithSweep("sweep: []"), 11, 8);

        Assert.Equal("'sweep' must have 1 or 2 axes, not 0", error.Message);
    }

    [Fact]
    public void Sweep_of_three_axes_is_reported_at_the_third()
    {
        var error = Fixtures.SingleError(WithSweep("""
            sweep:
              - { policy: pilots, parameter: extraSlots, values: [1] }
              - { policy: pilots, parameter: successUplift, values: [0.1] }
              - { policy: pilots, parameter: budget, values: [0] }
            """), 14, 5);

        Assert.Equal("'sweep' has 3 axes; at most 2 are allowed", error.Message);
        Assert.Equal("a sweep varies one parameter, or two as a grid", error.Hint);
    }

    [Fact]
    public void Axis_that_is_not_a_mapping_is_reported()
    {
        var error = Fixtures.SingleError(WithSweep("sweep: [extraSlots]"), 11, 9);

        Assert.Equal("an axis of 'sweep' must be a mapping of keys to values, not 'extraSlots'", error.Message);
    }

    [Fact]
    public void Unknown_key_in_an_axis_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithAxis("values: [1]\n    value: 2"), 15, 5);

        Assert.Equal("unknown key 'value' in the sweep axis", error.Message);
        Assert.Equal("did you mean 'values'?", error.Hint);
    }

    [Fact]
    public void Axis_without_a_policy_is_reported_at_the_start_of_the_axis()
    {
        var error = Fixtures.SingleError(WithSweep("""
            sweep:
              - parameter: extraSlots
                values: [1]
            """), 12, 5);

        Assert.Equal("required key 'policy' is missing from the sweep axis", error.Message);
    }

    [Fact]
    public void Axis_giving_both_values_and_a_range_is_reported_at_the_range()
    {
        var error = Fixtures.SingleError(WithAxis("values: [1]\n    range: { from: 0, to: 1, step: 1 }"), 15, 5);

        Assert.Equal("the sweep axis gives both 'values' and 'range'; give one", error.Message);
    }

    [Fact]
    public void Axis_giving_neither_values_nor_a_range_is_reported_at_the_start_of_the_axis()
    {
        var error = Fixtures.SingleError(WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
            """), 12, 5);

        Assert.Equal("the sweep axis needs 'values' or 'range'", error.Message);
        Assert.Equal("write 'values: [0, 10, 20]' or 'range: { from: 0, to: 0.3, step: 0.1 }'", error.Hint);
    }

    [Fact]
    public void Values_written_without_a_value_are_reported_at_the_key()
    {
        var error = Fixtures.SingleError(WithAxis("values:"), 14, 5);

        Assert.Equal("'values' has no value", error.Message);
    }

    [Fact]
    public void Empty_values_are_reported()
    {
        var error = Fixtures.SingleError(WithAxis("values: []"), 14, 13);

        Assert.Equal("'values' must have 1 to 50 numbers, not 0", error.Message);
    }

    [Fact]
    public void More_than_fifty_values_are_reported()
    {
        var values = string.Join(", ", Enumerable.Range(0, 51));

        var error = Fixtures.SingleError(WithAxis($"values: [{values}]"), 14, 13);

        Assert.Equal("'values' must have 1 to 50 numbers, not 51", error.Message);
    }

    [Fact]
    public void Value_that_is_not_a_number_is_reported_at_the_value()
    {
        var error = Fixtures.SingleError(WithAxis("values: [0, ten]"), 14, 17);

        Assert.Equal("an entry of 'values' must be a number, not 'ten'", error.Message);
    }

    [Fact]
    public void Value_listed_twice_is_reported_at_the_second()
    {
        var error = Fixtures.SingleError(WithAxis("values: [0, 10, 0]"), 14, 21);

        Assert.Equal("'values' lists 0 twice (first at line 14, column 14)", error.Message);
    }

    [Fact]
    public void Range_that_is_not_a_mapping_is_reported()
    {
        var error = Fixtures.SingleError(WithAxis("range: [0, 40, 10]"), 14, 12);

        Assert.Equal("'range' must be a mapping of keys to values, not a list", error.Message);
    }

    [Fact]
    public void Range_without_a_step_is_reported_at_the_start_of_the_range()
    {
        var error = Fixtures.SingleError(WithAxis("range: { from: 0, to: 40 }"), 14, 12);

        Assert.Equal("required key 'step' is missing from the range", error.Message);
    }

    [Fact]
    public void Unknown_key_in_a_range_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithAxis("range: { from: 0, to: 40, step: 10, setp: 5 }"), 14, 41);

        Assert.Equal("unknown key 'setp' in the range", error.Message);
        Assert.Equal("did you mean 'step'?", error.Hint);
    }

    [Fact]
    public void Range_running_down_is_reported_at_its_to()
    {
        var error = Fixtures.SingleError(WithAxis("range: { from: 0.3, to: 0, step: 0.1 }", "successUplift"), 14, 29);

        Assert.Equal("the range's 'to' 0 is below its 'from' 0.3", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    public void Range_step_that_is_not_positive_is_reported_at_the_step(string step)
    {
        var error = Fixtures.SingleError(WithAxis($"range: {{ from: 0, to: 1, step: {step} }}", "successUplift"), 14, 36);

        Assert.Equal($"'step' must be greater than 0, not {step}", error.Message);
    }

    [Fact]
    public void Range_of_more_than_fifty_points_is_reported_at_the_range()
    {
        var error = Fixtures.SingleError(WithAxis("range: { from: 0, to: 100, step: 2 }"), 14, 12);

        Assert.Equal("the range from 0 to 100 in steps of 2 gives 51 values; at most 50 are allowed", error.Message);
    }

    [Fact]
    public void Same_parameter_of_the_same_policy_on_two_axes_is_reported_at_the_second()
    {
        var error = Fixtures.SingleError(WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [1]
              - policy: pilots
                parameter: extraSlots
                values: [2]
            """), 16, 16);

        Assert.Equal("the sweep varies 'extraSlots' of policy 'pilots' twice (first at line 13)", error.Message);
    }

    [Fact]
    public void Axis_naming_a_policy_the_scenario_lacks_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithSweep("""
            sweep:
              - policy: pilot
                parameter: extraSlots
                values: [1]
            """), 12, 13);

        Assert.Equal("unknown policy 'pilot': the scenario has no policy of this name", error.Message);
        Assert.Equal("did you mean 'pilots'?", error.Hint);
    }

    [Fact]
    public void Axis_in_a_scenario_without_policies_says_so()
    {
        var error = Fixtures.SingleError("""
            name: swept
            seed: 1
            start: 2025-01
            horizon: 24
            world: worlds/tiny.yaml
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [1]
            """, 7, 13);

        Assert.Equal("unknown policy 'pilots': the scenario has no policy of this name", error.Message);
        Assert.Equal("the scenario (with any file it extends) has no policies", error.Hint);
    }

    [Fact]
    public void Axis_naming_a_parameter_the_policy_type_lacks_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithAxis("values: [1]", "extraSlot"), 13, 16);

        Assert.Equal("unknown parameter 'extraSlot' for a pilot-platform policy", error.Message);
        Assert.Equal("did you mean 'extraSlots'?", error.Hint);
    }

    [Fact]
    public void Unknown_parameter_far_from_any_lists_the_parameters_and_budget()
    {
        var error = Fixtures.SingleError(WithAxis("values: [1]", "talentFrictionReduction"), 13, 16);

        Assert.Equal("valid parameters: extraSlots, successUplift, budget", error.Hint);
    }

    [Fact]
    public void Value_outside_the_parameter_catalogue_range_is_reported_at_the_value()
    {
        var error = Fixtures.SingleError(WithAxis("values: [0, 1.5]", "successUplift"), 14, 17);

        Assert.Equal("a sweep value of 'successUplift' must be in [0, 1], not 1.5", error.Message);
    }

    [Fact]
    public void Range_reaching_above_the_parameter_catalogue_range_is_reported_at_its_to()
    {
        var error = Fixtures.SingleError(WithAxis("range: { from: 0.8, to: 1.2, step: 0.2 }", "successUplift"), 14, 29);

        Assert.Equal("a sweep value of 'successUplift' must be in [0, 1], not 1.2", error.Message);
    }

    [Fact]
    public void Range_starting_below_the_parameter_catalogue_range_is_reported_at_its_from()
    {
        var error = Fixtures.SingleError(WithAxis("range: { from: -0.2, to: 0.2, step: 0.2 }", "successUplift"), 14, 20);

        Assert.Equal("a sweep value of 'successUplift' must be in [0, 1], not -0.2", error.Message);
    }

    [Fact]
    public void Negative_budget_is_reported_at_the_value()
    {
        var error = Fixtures.SingleError(WithAxis("values: [-1, 0]", "budget"), 14, 14);

        Assert.Equal("a sweep value of 'budget' must be at least 0, not -1", error.Message);
    }
}
