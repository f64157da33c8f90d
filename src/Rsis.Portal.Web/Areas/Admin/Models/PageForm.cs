using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rsis.Portal.Application.Pages.CreatePage;
using Rsis.Portal.Application.Pages.GetPageForEditing;
using Rsis.Portal.Application.Pages.PreviewPage;
using Rsis.Portal.Application.Pages.UpdatePage;

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

    public CreatePage ToCreate() => new()
    {
        Title = Title ?? "",
        Slug = Slug ?? "",
        Body = Body ?? "",
        ShowsContactDetails = ShowsContactDetails,
    };

    /// <summary>The form's values as the preview shows them: unchecked and never saved.</summary>
    public PageDraft ToPreview() => new(Title ?? "", Slug ?? "", Body ?? "", ShowsContactDetails);

    public UpdatePage ToUpdate() => new()
    {
        Id = Id,
        ConcurrencyToken = ConcurrencyToken,
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
