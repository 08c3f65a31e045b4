namespace GbaSim.Contracts;

/// <summary>Why a silo refused a request; the HTTP API answers each with its own status code.</summary>
public enum RejectionKind
{
    /// <summary>An argument is malformed or out of range (400).</summary>
    BadArgument,

    /// <summary>The scenario has errors, each with its file, line and column (400).</summary>
    InvalidScenario,

    /// <summary>What was asked for does not exist (404).</summary>
    NotFound,

    /// <summary>The request contradicts the current state, such as cancelling a finished run (409).</summary>
    Conflict,

    /// <summary>A body or value is larger than the silo accepts (413).</summary>
    TooLarge,

    /// <summary>The silo cannot take more work now; try again later (429).</summary>
    Busy,

    /// <summary>The silo could not do it because of its own fault, such as a store that cannot write (503).</summary>
    Unavailable,

    /// <summary>The caller did not present the silo's API key, or presented another (401).</summary>
    Unauthorized,
}
