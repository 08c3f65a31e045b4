using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;
using GbaSim.Kernel.Hosting;
using GbaSim.Silo.Api;
using GbaSim.Silo.Storage;

namespace GbaSim.Silo.Runs;

/// <summary>
/// Fork groups: the runs of one seed of an experiment that share their past. The group takes one
/// of the coordinator's places; it runs the baseline's months before the fork once, writing them
/// to every run of the group as that run's own months, then branches the baseline and each
/// variant from there, one after the other. Each run has its record, months, status and live
/// feed like any other, and can be cancelled on its own; the shared past stops only when every
/// run of the group has been cancelled.
/// </summary>
public sealed partial class RunCoordinator
{
    /// <summary>
    /// Queues one fork group per seed and returns their runs, seed by seed, baseline first. The
    /// variants must be forkable from the baseline at <paramref name="forkAt"/> (see
    /// <see cref="ScenarioFork.Check"/>) and run at the baseline's scale.
    /// </summary>
    public IReadOnlyList<(string Label, ulong Seed, RunRecord Run)> SubmitForkGroups(
        (string Label, ScenarioDefinition Scenario) baseline,
        IReadOnlyList<(string Label, ScenarioDefinition Scenario)> variants,
        IReadOnlyList<ulong> seeds,
        double? scale,
        int? threads,
        YearMonth forkAt)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(seeds);
        foreach (var (_, variant) in variants)
        {
            ScenarioFork.Check(baseline.Scenario, variant, forkAt);
        }
        var runScale = scale ?? baseline.Scenario.Scale;
        var runThreads = threads ?? options.Value.Threads;
        var submitted = new List<(string Label, ulong Seed, RunRecord Run)>();
        foreach (var seed in seeds)
        {
            var members = new List<ActiveRun>();
            foreach (var (label, scenario) in new[] { baseline }.Concat(variants))
            {
                var id = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
                var ticket = new RunTicket(id, scenario, seed, runScale, runThreads);
                var record = new RunRecord(id, scenario.Name, scenario.Description, scenario.SourcePath, scenario.Text, seed, runScale,
                    scenario.HorizonMonths, runThreads, RunStatus.Queued, DateTimeOffset.UtcNow, null, null, 0, null, null, null, null);
                store.CreateRun(record);
                var active = new ActiveRun(ticket);
                _runs[id] = active;
                members.Add(active);
                submitted.Add((label, seed, record));
            }
            var group = new ForkGroup(baseline.Scenario, seed, runScale, runThreads, forkAt, members);
            _queue.Writer.TryWrite(new QueuedWork(members, () => ExecuteForkGroup(group)));
            logger.LogInformation("Fork group of {Count} runs (seed {Seed}, scale {Scale}) queued; they share {Baseline} until {ForkAt}.",
                members.Count, seed, runScale, baseline.Scenario.Name, forkAt);
        }
        return submitted;
    }

    private void ExecuteForkGroup(ForkGroup group)
    {
        var live = new List<ActiveRun>();
        try
        {
            foreach (var member in group.Members)
            {
                var id = member.Ticket.Id;
                if (member.Cancellation.IsCancellationRequested || store.GetRun(id)?.Status.IsFinished() == true)
                {
                    if (store.GetRun(id)?.Status.IsFinished() != true)
                    {
                        store.Finish(id, RunStatus.Cancelled, "Cancelled before it started.", DateTimeOffset.UtcNow);
                    }
                    Release(member);
                    continue;
                }
                store.MarkStarted(id, DateTimeOffset.UtcNow);
                live.Add(member);
            }
            if (live.Count == 0)
            {
                return;
            }
            InjectedFault.TryParse(options.Value.FaultGrain, options.Value.FaultMonth, out var fault);
            using var past = new ScenarioRun(group.Baseline, new RunOptions { Seed = group.Seed, Scale = group.Scale, Threads = group.Threads, Partitions = options.Value.Partitions, Fault = fault });
            if (!RunSharedPast(group, past, live))
            {
                return;
            }
            foreach (var member in live)
            {
                RunBranch(member, past);
            }
        }
        catch (Exception ex)
        {
            // Building the shared past failed: every run of the group that has not finished fails with it.
            foreach (var member in live.Where(m => store.GetRun(m.Ticket.Id)?.Status.IsFinished() == false))
            {
                store.Finish(member.Ticket.Id, RunStatus.Failed, $"The run failed: {ex.Message}", DateTimeOffset.UtcNow);
                Release(member);
            }
            logger.LogError(ex, "A fork group (seed {Seed}) failed unexpectedly.", group.Seed);
        }
    }

    /// <summary>Runs the months before the fork once, writing each to every run still wanted; false if none goes on.</summary>
    private bool RunSharedPast(ForkGroup group, ScenarioRun past, List<ActiveRun> live)
    {
        using var everyoneCancelled = new CancellationTokenSource();
        var registrations = live.Select(m => m.Cancellation.Token.Register(() =>
        {
            if (live.All(x => x.Cancellation.IsCancellationRequested))
            {
                everyoneCancelled.Cancel();
            }
        })).ToArray();
        try
        {
            past.RunUntil(group.ForkAt, month =>
            {
                foreach (var member in live.Where(m => !m.Cancellation.IsCancellationRequested))
                {
                    Record(member, ScenarioFork.ForVariant(month, member.Ticket.Scenario));
                }
            }, everyoneCancelled.Token);
            logger.LogInformation("Fork group (seed {Seed}) ran its shared past to {ForkAt} in one run for {Count} branches.", group.Seed, group.ForkAt, live.Count);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ActorFailedException)
        {
            foreach (var member in live)
            {
                var months = store.GetRun(member.Ticket.Id)?.MonthsDone ?? 0;
                if (ex is ActorFailedException)
                {
                    FinishUnlessFinished(member.Ticket.Id, RunStatus.Failed, ex.Message);
                }
                else
                {
                    FinishUnlessFinished(member.Ticket.Id, RunStatus.Cancelled, $"Cancelled after {months} of {member.Ticket.Scenario.HorizonMonths} months.");
                }
                Release(member);
            }
            logger.LogWarning("Fork group (seed {Seed}) stopped in its shared past: {Message}", group.Seed, ex.Message);
            return false;
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    /// <summary>Branches one run of the group from the shared past and runs it to the end, like any run.</summary>
    private void RunBranch(ActiveRun member, ScenarioRun past)
    {
        var ticket = member.Ticket;
        var id = ticket.Id;
        try
        {
            member.Cancellation.Token.ThrowIfCancellationRequested();
            member.Run = ScenarioRun.Branch(past, ticket.Scenario);
            var result = member.Run.Execute(month => Record(member, month), member.Cancellation.Token);
            store.Complete(id, result, DateTimeOffset.UtcNow);
            logger.LogInformation("Run {RunId} (branched at {ForkAt}) completed in {Seconds:F2} s; result hash {Hash}.", id, past.Scenario.Start.AddMonths((int)past.Step), result.Seconds, result.ResultHash);
        }
        catch (OperationCanceledException)
        {
            FinishUnlessFinished(id, RunStatus.Cancelled, $"Cancelled after {member.Run?.MonthsDone ?? past.MonthsDone} of {ticket.Scenario.HorizonMonths} months.");
            logger.LogInformation("Run {RunId} cancelled.", id);
        }
        catch (ActorFailedException ex)
        {
            FinishUnlessFinished(id, RunStatus.Failed, ex.Message);
            logger.LogWarning("Run {RunId} failed: {Message}", id, ex.Message);
        }
        catch (Exception ex)
        {
            FinishUnlessFinished(id, RunStatus.Failed, $"The run failed: {ex.Message}");
            logger.LogError(ex, "Run {RunId} failed unexpectedly.", id);
        }
        finally
        {
            Release(member);
        }
    }

    private void Record(ActiveRun member, MonthRecord month)
    {
        store.AppendMonth(member.Ticket.Id, month);
        member.Feed.Publish(new MonthEvent(member.Ticket.Id, month.Index + 1, member.Ticket.Scenario.HorizonMonths, MonthFiguresJson.From(month)));
    }

    /// <summary>A run of the group is over: its watchers are told, and its grains are kept like any finished run's.</summary>
    private void Release(ActiveRun member)
    {
        member.Feed.Close();
        Retain(member.Ticket.Id);
    }

    private sealed record ForkGroup(ScenarioDefinition Baseline, ulong Seed, double Scale, int Threads, YearMonth ForkAt, IReadOnlyList<ActiveRun> Members);
}
