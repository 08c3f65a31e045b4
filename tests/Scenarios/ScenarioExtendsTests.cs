using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios;

public sealed class ScenarioExtendsTests
{
    private static readonly ScenarioDefinition Child = ScenarioLoader.Load(Fixtures.PathOf("child.yaml"));

    [Fact]
    public void Child_scalars_override_the_parent_and_the_rest_is_inherited()
    {
        Assert.Equal("tiny-child", Child.Name);
        Assert.Equal(2UL, Child.Seed);
        Assert.Equal("The parent of child.yaml.", Child.Description);
        Assert.Equal(new YearMonth(2025, 1), Child.Start);
        Assert.Equal(Fixtures.TinyWorld, Child.WorldPath);
    }

    [Fact]
    public void Child_end_replaces_the_parent_horizon()
    {
        Assert.Equal(new YearMonth(2030, 12), Child.End);
        Assert.Equal(72, Child.HorizonMonths);
    }

    [Fact]
    public void Child_policy_with_a_parent_policy_name_replaces_it_in_place_and_new_ones_are_appended()
    {
        Assert.Equal(["talent", "ip", "finance"], Child.Policies.Select(p => p.Name));
        var talent = Child.Policies[0];
        Assert.Equal(new YearMonth(2027, 1), talent.Start);
        Assert.Equal(5_000_000, talent.Budget);
        Assert.Equal(0.5, talent.Parameters["attractiveness"]);
        Assert.Equal(Fixtures.PathOf("child.yaml"), talent.Location.File);
        Assert.Equal(Fixtures.PathOf("base.yaml"), Child.Policies[1].Location.File);
        Assert.Equal([Sector.CommercialAerospace], Child.Policies[2].Scope.Sectors);
    }

    [Fact]
    public void Source_path_and_text_are_the_child_file()
    {
        Assert.Equal(Fixtures.PathOf("child.yaml"), Child.SourcePath);
        Assert.Equal(File.ReadAllText(Fixtures.PathOf("child.yaml")), Child.Text);
    }

    [Fact]
    public void Extends_cycle_is_reported_at_the_extends_that_closes_it_and_names_the_cycle()
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(Fixtures.PathOf("cycle-a.yaml"))).Errors;

        var error = Fixtures.SingleErrorIn(errors, Fixtures.PathOf("cycle-b.yaml"), 1, 10);
        Assert.Equal("'extends' makes a cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml", error.Message);
    }

    [Fact]
    public void File_extending_itself_is_a_cycle()
    {
        var errors = Fixtures.ErrorsOf("extends: inline.yaml\nname: self\n");

        var error = Fixtures.SingleErrorIn(errors, Fixtures.Inline, 1, 10);
        Assert.Contains("inline.yaml -> inline.yaml", error.Message);
    }

    [Fact]
    public void Missing_extends_file_is_reported_at_the_extends_value()
    {
        var error = Fixtures.SingleError("""
            name: orphan
            extends: no-such-parent.yaml
            """, 2, 10);

        // Named as written: the message shows nothing of where the files are.
        Assert.Equal("the extended scenario file 'no-such-parent.yaml' does not exist", error.Message);
    }

    [Fact]
    public void World_path_resolves_against_the_folder_of_the_file_that_wrote_it()
    {
        Assert.Equal(Fixtures.TinyWorld, ScenarioLoader.Load(Fixtures.PathOf("nested/own-world.yaml")).WorldPath);
        Assert.Equal(Fixtures.TinyWorld, ScenarioLoader.Load(Fixtures.PathOf("nested/inherited-world.yaml")).WorldPath);
    }

    [Fact]
    public void Error_in_an_inherited_value_points_at_the_parent_file()
    {
        // The child shortens the run, so the parent's 2026-01 policy now starts after the end.
        var errors = Fixtures.ErrorsOf("""
            extends: base.yaml
            end: 2025-06
            """);

        var error = Fixtures.SingleErrorIn(errors, Fixtures.PathOf("base.yaml"), 14, 12);
        Assert.Equal("policy 'ip' starts in 2026-01, after the scenario ends in 2025-06", error.Message);
    }
}
