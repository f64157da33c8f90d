using Rsis.Portal.Application.Authors;
using Rsis.Portal.Application.Authors.GetAuthorForEditing;
using Rsis.Portal.Application.Authors.ListAuthorsForEditing;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The author form as posted; field names are the commands' property names.</summary>
public sealed class AuthorForm
{
    // From the address, never from the posted fields; bound even when another field fails to bind, so a
    // form refused before its action runs still comes back for the right item.
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? ShortTitle { get; set; }
    public string? Biography { get; set; }

    /// <summary>The author as stored, when editing one.</summary>
    [BindNever]
    public AuthorFacts? Facts { get; set; }

    public bool IsNew => Id == 0;

    public static AuthorForm From(AuthorForEditing a) => new()
    {
        Id = a.Id,
        ConcurrencyToken = a.ConcurrencyToken,
        Name = a.Name,
        Slug = a.Slug,
        ShortTitle = a.ShortTitle,
        Biography = a.Biography,
        Facts = a.Facts,
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

/// <summary>The delete confirmation as posted: the version the person saw.</summary>
public sealed class DeleteAuthorForm
{
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }

    [BindNever]
    public AuthorFacts? Facts { get; set; }
}

/// <summary>The admin list of authors with its search, as the query string gives it.</summary>
public sealed record AuthorListPage(AuthorsForEditing Result, string? Q, string? Deleted)
{
    public PagerModel Pager => new(Result.Paging, "/admin/authors", new Dictionary<string, string?> { ["q"] = Q });
}
