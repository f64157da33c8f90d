namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>
/// Who is making a change, as the audit log and "changed by" name them: the signed-in member of staff, or a
/// clear system name when the portal acts on its own. Injected so commands do not carry it as a field that any
/// caller could fill with another name.
/// </summary>
public interface ICurrentUser
{
    string Name { get; }

    /// <summary>The signed-in member of staff's account id; null when nobody is signed in.</summary>
    string? Id { get; }
}
