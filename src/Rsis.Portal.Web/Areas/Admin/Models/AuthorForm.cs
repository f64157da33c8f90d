namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The author form: the author's fields as the commands take them.</summary>
public sealed class AuthorForm : ItemForm<AuthorFields, AuthorFacts>;

/// <summary>The admin list of authors with its search, as the query string gives it.</summary>
public sealed record AuthorListPage(AuthorsForEditing Result, string? Q, string? Deleted)
{
    public PagerModel Pager => new(Result.Paging, "/admin/authors", new Dictionary<string, string?> { ["q"] = Q });
}
