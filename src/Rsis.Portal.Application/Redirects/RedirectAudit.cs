namespace Rsis.Portal.Application.Redirects;

/// <summary>The names the audit log gives a redirect's fields.</summary>
public static class RedirectAudit
{
    public const string OldPathField = "Old address";
    public const string TargetField = "Goes to";
}
