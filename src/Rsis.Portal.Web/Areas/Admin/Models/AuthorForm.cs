using Rsis.Portal.Application.Authors;
using Rsis.Portal.Application.Authors.GetAuthorForEditing;
using Rsis.Portal.Application.Authors.ListAuthorsForEditing;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The author form as posted; field names are the commands' property names.</summary>
public sealed class AuthorForm : ItemForm<AuthorFacts>
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? ShortTitle { get; set; }
    public string? Biography { get; set; }

    public static AuthorForm From(AuthorForEditing a) => new()
    {
        Name = a.Name,
        Slug = a.Slug,
        ShortTitle = a.ShortTitle,
        Biography = a.Biography,
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public AuthorFields ToFields() => new()
    {
        Name = Name ?? "",
        Slug = Slug ?? "",
        ShortTitle = ShortTitle ?? "",
        Biography = Biography ?? "",
    };
}

/// <summary>The admin list of authors with its search, as the query string gives it.</summary>
public sealed record AuthorListPage(AuthorsForEditing Result, string? Q, string? Deleted)
{
    public PagerModel Pager => new(Result.Paging, "/admin/authors", new Dictionary<string, string?> { ["q"] = Q });
}
