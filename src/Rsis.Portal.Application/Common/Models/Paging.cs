namespace Rsis.Portal.Application.Common.Models;

/// <summary>A page of a listing. Out-of-range page numbers are clamped, never an error.</summary>
public sealed record Paging(int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
    public int Skip => (Page - 1) * PageSize;

    public static Paging Clamp(int? requestedPage, int pageSize, int totalCount)
    {
        var lastPage = Math.Max(1, (int)Math.Ceiling(totalCount / (double)pageSize));
        var page = Math.Clamp(requestedPage ?? 1, 1, lastPage);
        return new Paging(page, pageSize, totalCount);
    }
}
