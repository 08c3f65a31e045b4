using GbaSim.Client.Connection;
using GbaSim.Client.Output;
using GbaSim.Contracts;
using GbaSim.Contracts.Scenarios;
using GbaSim.Engine.Scenarios;
using GbaSim.Silo.Storage;

namespace GbaSim.Client.Commands;

/// <summary>Turns every failure a person can cause or meet into a clear message and an exit code, never a stack trace.</summary>
public static class CommandFailures
{
    public static async Task<int> GuardAsync(IConsoleView view, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (ScenarioValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                view.Error($"{Display(error.Location.File)}:{error.Location.Line}:{error.Location.Column}: {error.Message}{(error.Hint is null ? "" : $" ({error.Hint})")}");
            }
            return ExitCodes.InvalidInput;
        }
        catch (StoreStartupException ex)
        {
            // The embedded silo's data folder: one line naming it and what to do, never a stack.
            view.Error(ex.Message);
            return ex.Failure switch
            {
                StoreStartupFailure.DataFolderInUse => ExitCodes.DataFolderInUse,
                StoreStartupFailure.DataFolderNotWritable => ExitCodes.DataFolderNotWritable,
                _ => ExitCodes.DatabaseUnreadable,
            };
        }
        catch (SiloUnreachableException ex)
        {
            view.Error(ex.Message);
            return ExitCodes.SiloUnreachable;
        }
        catch (RequestRejectedException ex) when (ex.Errors.Count > 0)
        {
            foreach (var error in ex.Errors)
            {
                view.Error(Describe(error));
            }
            return ExitCodes.InvalidInput;
        }
        catch (RequestRejectedException ex)
        {
            view.Error(ex.Message);
            return ex.Kind is RejectionKind.Busy or RejectionKind.Unavailable or RejectionKind.Unauthorized ? ExitCodes.Failure : ExitCodes.InvalidInput;
        }
        catch (FileNotFoundException ex)
        {
            view.Error(ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (ArgumentException ex)
        {
            view.Error(ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            view.Error("Cancelled.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException)
        {
            view.Error($"The silo connection failed: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException ex)
        {
            view.Error(ex.Message);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("GBASIM_DEBUG") != "1")
        {
            // Not the user's doing: say what failed, and how to see the whole story.
            view.Error($"gbasim failed: {ex.Message} (set GBASIM_DEBUG=1 for details)");
            return ExitCodes.Failure;
        }
    }

    public static string Describe(ScenarioErrorInfo error) =>
        $"{error.File}:{error.Line}:{error.Column}: {error.Message}{(error.Hint is null ? "" : $" ({error.Hint})")}";

    private static string Display(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            return file;
        }
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }
}
