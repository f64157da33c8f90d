namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The form for a redirect added by hand; field names are the command's property names.</summary>
public sealed class RedirectForm
{
    public string? OldPath { get; set; }
    public string? Target { get; set; }

    public AddRedirect ToAdd() => new() { OldPath = OldPath?.Trim() ?? "", Target = Target?.Trim() ?? "" };
}

/// <summary>The import page: the report of an upload, or why the file could not be read.</summary>
public sealed record RedirectImportPage(ImportReport? Report, string? Problem);
