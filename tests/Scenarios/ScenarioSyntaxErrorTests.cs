namespace GbaSim.Tests.Scenarios;

/// <summary>Errors in the shape of a scenario file: YAML syntax, keys and value types.</summary>
public sealed class ScenarioSyntaxErrorTests
{
    [Fact]
    public void Malformed_yaml_is_reported_where_the_parser_stopped_without_exception_details()
    {
        var error = Fixtures.SingleError("""
            name: broken
            seed: 1
              start: 2025-01
            """, 3, 8);

        Assert.StartsWith("the YAML is malformed", error.Message);
        Assert.DoesNotContain("Exception", error.Message);
        Assert.DoesNotContain(" at ", error.ToString());
    }

    [Fact]
    public void Unclosed_bracket_is_reported_as_malformed_yaml()
    {
        var error = Fixtures.SingleError("""
            name: broken
            policies: [
            seed: 1
            """, 2, 11);

        Assert.Equal("the YAML is malformed after this point (is a bracket, brace or quote left open?)", error.Message);
        Assert.DoesNotContain("Exception", error.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported_as_malformed_yaml()
    {
        var error = Fixtures.SingleError("""
            name: twice
            seed: 1
            seed: 2
            """, 3, 1);

        Assert.Contains("duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        var error = Fixtures.SingleError("# nothing but a comment\n", 1, 1);

        Assert.Equal("the file is empty", error.Message);
    }

    [Fact]
    public void Unknown_key_is_reported_with_line_column_and_a_suggestion()
    {
        var error = Fixtures.SingleError("""
            name: typo
            seed: 1
            start: 2025-01
            horizon: 12
            descripton: the key is misspelt
            world: worlds/tiny.yaml
            """, 5, 1);

        Assert.Equal("unknown key 'descripton' in the scenario", error.Message);
        Assert.Equal("did you mean 'description'?", error.Hint);
    }

    [Fact]
    public void Unknown_key_deep_in_a_policy_lists_the_valid_keys_when_none_is_close()
    {
        var error = Fixtures.SingleError("""
            name: typo
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: ip-protection
                start: 2025-01
                budget: 0
                scope:
                  regions: [Shenzhen]
            """, 12, 7);

        Assert.Equal("unknown key 'regions' in the scope", error.Message);
        Assert.Equal("valid keys: cities, zones, sectors, institutions, pairs", error.Hint);
    }

    [Fact]
    public void Text_where_a_number_is_expected_is_a_type_error()
    {
        var error = Fixtures.SingleError("""
            name: types
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: ip-protection
                start: 2025-01
                budget: two billion
            """, 10, 13);

        Assert.Equal("'budget' must be a number, not 'two billion'", error.Message);
    }

    [Fact]
    public void Quoted_number_is_text_and_the_hint_says_to_remove_the_quotes()
    {
        var error = Fixtures.SingleError("""
            name: types
            seed: 1
            start: 2025-01
            horizon: "12"
            world: worlds/tiny.yaml
            """, 4, 10);

        Assert.Equal("'horizon' must be a whole number, not the quoted text '12'", error.Message);
        Assert.Equal("remove the quotes", error.Hint);
    }

    [Fact]
    public void Fraction_where_a_whole_number_is_expected_is_a_type_error()
    {
        var error = Fixtures.SingleError("""
            name: types
            seed: 1
            start: 2025-01
            horizon: 12.5
            world: worlds/tiny.yaml
            """, 4, 10);

        Assert.Equal("'horizon' must be a whole number, not '12.5'", error.Message);
    }

    [Fact]
    public void Mapping_where_a_list_is_expected_is_a_type_error()
    {
        var error = Fixtures.SingleError("""
            name: types
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              name: p
              type: ip-protection
            """, 7, 3);

        Assert.Equal("'policies' must be a list, not a mapping", error.Message);
    }

    [Fact]
    public void Malformed_month_is_a_type_error_with_an_example()
    {
        var error = Fixtures.SingleError("""
            name: types
            seed: 1
            start: 2025/01
            horizon: 12
            world: worlds/tiny.yaml
            """, 3, 8);

        Assert.Equal("'start' must be a month written YYYY-MM, not '2025/01'", error.Message);
        Assert.Equal("for example 2026-01", error.Hint);
    }

    [Fact]
    public void Required_key_missing_is_reported_at_the_start_of_the_scenario()
    {
        var error = Fixtures.SingleError("""
            # The seed is missing.
            name: no-seed
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            """, 2, 1);

        Assert.Equal("required key 'seed' is missing from the scenario (and from any file it extends)", error.Message);
    }

    [Fact]
    public void Required_key_missing_from_a_policy_is_reported_at_the_start_of_the_policy()
    {
        var error = Fixtures.SingleError("""
            name: no-budget
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: ip-protection
                start: 2025-01
            """, 7, 5);

        Assert.Equal("required key 'budget' is missing from the policy", error.Message);
    }

    [Fact]
    public void Scenario_without_horizon_or_end_is_reported_at_its_start()
    {
        var error = Fixtures.SingleError("""
            name: endless
            seed: 1
            start: 2025-01
            world: worlds/tiny.yaml
            """, 1, 1);

        Assert.Contains("'horizon'", error.Message);
        Assert.Contains("'end'", error.Message);
    }

    [Fact]
    public void Scenario_with_both_horizon_and_end_is_reported_at_end()
    {
        var error = Fixtures.SingleError("""
            name: twice
            seed: 1
            start: 2025-01
            horizon: 12
            end: 2025-12
            world: worlds/tiny.yaml
            """, 5, 6);

        Assert.Equal("the scenario gives both 'horizon' and 'end'; give one", error.Message);
    }

    [Fact]
    public void Step_other_than_month_is_reported_with_a_hint()
    {
        var error = Fixtures.SingleError("""
            name: quarterly
            seed: 1
            start: 2025-01
            horizon: 12
            step: quarter
            world: worlds/tiny.yaml
            """, 5, 7);

        Assert.Equal("unsupported step 'quarter'", error.Message);
        Assert.Contains("step: month", error.Hint);
    }
}
