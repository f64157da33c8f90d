using System.ComponentModel.DataAnnotations;
using Rsis.Portal.Application.Pages;
using Rsis.Portal.Application.Pages.GetPageForEditing;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The content page form as posted; field names are the commands' property names.</summary>
public sealed class PageForm
{
    // From the address, never from the posted fields; bound even when another field fails to bind, so a
    // form refused before its action runs still comes back for the right item.
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Body { get; set; }
    [Display(Name = "answer for showing the address and contact links")]
    public bool ShowsContactDetails { get; set; }

    [BindNever]
    public PageFacts? Facts { get; set; }

    public bool IsNew => Id == 0;

    public static PageForm From(PageForEditing p) => new()
    {
        Id = p.Id,
        ConcurrencyToken = p.ConcurrencyToken,
        Title = p.Title,
        Slug = p.Slug,
        Body = p.Body,
        ShowsContactDetails = p.ShowsContactDetails,
        Facts = p.Facts,
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public PageFields ToFields() => new()
    {
        Title = Title ?? "",
        Slug = Slug ?? "",
        Body = Body ?? "",
        ShowsContactDetails = ShowsContactDetails,
    };
}

public sealed class DeletePageForm
{
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }

    [BindNever]
    public PageFacts? Facts { get; set; }
}
