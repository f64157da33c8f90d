using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Text;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A publication a test adds to its own database (never to the seed), saved through EF as the admin area
/// saves. Authors and categories are found by name, or created.
/// </summary>
public sealed record TestPublication(
    string Code,
    string Title,
    string Body = "Text.",
    string Synopsis = "Synopsis.",
    string SeriesSlug = "rsis-commentary-series",
    DateOnly? PublishedOn = null,
    string[]? Authors = null,
    string[]? Categories = null,
    PublicationStatus Status = PublicationStatus.Published,
    DateTime? PublishAtUtc = null)
{
    public string Slug => Rsis.Portal.Application.Common.Text.Slug.From($"{Code} {Title}");

    public string Url => $"/publications/{SeriesSlug}/{Slug}";
}

public static class TestPublications
{
    public static Task<int> AddPublicationAsync(this PortalFactory portal, TestPublication publication) =>
        portal.AddToPublishedSiteAsync(async db =>
        {
            var entity = new Publication
            {
                Series = await db.Series.SingleAsync(s => s.Slug == publication.SeriesSlug),
                Code = publication.Code,
                Title = publication.Title,
                Slug = publication.Slug,
                PublishedOn = publication.PublishedOn ?? new DateOnly(2014, 1, 15),
                Status = publication.Status,
                PublishAtUtc = publication.PublishAtUtc,
                Synopsis = publication.Synopsis,
                Body = publication.Body,
                CreatedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow,
            };
            var position = 0;
            foreach (var name in publication.Authors ?? [])
            {
                var slug = Slug.From(name);
                var author = await db.Authors.SingleOrDefaultAsync(a => a.Slug == slug) ?? new Author { Name = name, Slug = slug };
                entity.Authors.Add(new PublicationAuthor { Author = author, Position = position++ });
            }

            foreach (var name in publication.Categories ?? [])
            {
                var slug = Slug.From(name);
                var category = await db.Categories.SingleOrDefaultAsync(c => c.Slug == slug) ?? new Category { Name = name, Slug = slug };
                entity.Categories.Add(new PublicationCategory { Category = category });
            }

            db.Publications.Add(entity);
            await db.SaveChangesAsync();
            return entity.Id;
        });
}
