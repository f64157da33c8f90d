using Rsis.Portal.Domain.Editing;

namespace Rsis.Portal.Application.Trash;

/// <summary>What is in the Trash: the rows the query filter hides everywhere else.</summary>
public static class TrashQueries
{
    public static IQueryable<T> InTrash<T>(this DbSet<T> items) where T : class, ITrashable =>
        items.IgnoreQueryFilters().Where(i => i.DeletedAtUtc != null);
}
