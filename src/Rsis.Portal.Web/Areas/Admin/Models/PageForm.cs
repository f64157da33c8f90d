using System.ComponentModel.DataAnnotations;
using Rsis.Portal.Application.Pages;
using Rsis.Portal.Application.Pages.GetPageForEditing;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The content page form as posted; field names are the commands' property names.</summary>
public sealed class PageForm : ItemForm<PageFacts>
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Body { get; set; }
    [Display(Name = "answer for showing the address and contact links")]
    public bool ShowsContactDetails { get; set; }

    public static PageForm From(PageForEditing p) => new()
    {
        Title = p.Title,
        Slug = p.Slug,
        Body = p.Body,
        ShowsContactDetails = p.ShowsContactDetails,
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
