namespace Rsis.Portal.Application.Auditing;

/// <summary>What staff call each kind of item the audit log records ("menu entry", not "MenuItem").</summary>
public static class AuditEntityNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Publication"] = "publication",
        ["Author"] = "author",
        ["Series"] = "series",
        ["Category"] = "category",
        ["Page"] = "page",
        ["Event"] = "event",
        ["MenuItem"] = "menu entry",
        ["SiteSettings"] = "site settings",
        ["SiteLink"] = "footer link",
        ["StaffAccount"] = "staff account",
        ["Redirect"] = "redirect",
        ["Subscriber"] = "email subscriber",
    };

    public static string For(string entityType) =>
        Names.TryGetValue(entityType, out var name) ? name : entityType.ToLowerInvariant();
}
