using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rsis.Portal.Application.Common.Text;
using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Domain.Site;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Seeding;

/// <summary>
/// Writes the seed into the database. Each seed item is applied once and recorded in
/// <see cref="AppliedSeed"/>: a second start changes nothing, an item staff edited or deleted stays as
/// they left it, and an item added to the seed later is still applied.
/// </summary>
/// <remarks>
/// A whole pass is recorded too, under <see cref="SeedData.Version"/>: a restart of the same build over the same
/// seed finds it and stops there, without parsing the seed (a tenth of a restart's time).
/// </remarks>
public sealed class PortalSeeder(PortalDbContext db, SeedData seed, TimeProvider clock, ILogger<PortalSeeder> logger)
{
    private const string PassPrefix = "pass:";

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var applied = (await db.AppliedSeeds.Select(s => s.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var pass = PassPrefix + seed.Version;
            if (applied.Contains(pass))
            {
                return 0;
            }

            var count = 0;

            count += await ApplyEachAsync(applied, "series", seed.Series, s => s.Slug, AddSeries, ct);
            count += await ApplyEachAsync(applied, "category", seed.Categories, c => c.Slug, AddCategory, ct);
            count += await ApplyEachAsync(applied, "author", seed.Authors, a => a.Slug, AddAuthor, ct);
            count += await ApplyEachAsync(applied, "page", seed.Pages, p => p.Slug, AddPage, ct);
            count += await ApplyEachAsync(applied, "publication", seed.Publications, p => p.Code, AddPublicationAsync, ct);
            count += await ApplyEachAsync(applied, "site", [seed.Site], _ => "footer", AddSite, ct);
            count += await ApplyEachAsync(applied, "menu", [seed.Menu], _ => "tree", AddMenuAsync, ct);
            count += await ApplyEachAsync(applied, "repair", [seed.Publications], _ => "publication-dates", RedatePublicationsAsync, ct);

            // One pass is remembered: the last.
            await db.AppliedSeeds.Where(s => s.Name.StartsWith(PassPrefix)).ExecuteDeleteAsync(ct);
            db.AppliedSeeds.Add(new AppliedSeed { Name = pass, AppliedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (count > 0)
            {
                logger.LogInformation("Seeded {Count} item(s) from the source page", count);
            }

            return count;
        }, cancellationToken);
    }

    private async Task<int> ApplyEachAsync<T>(
        HashSet<string> applied, string kind, IEnumerable<T> items, Func<T, string> key,
        Func<T, CancellationToken, Task<bool>> add, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var item in items)
        {
            var name = $"{kind}:{key(item)}";
            if (applied.Contains(name))
            {
                continue;
            }

            if (await add(item, cancellationToken))
            {
                count++;
            }

            db.AppliedSeeds.Add(new AppliedSeed { Name = name, AppliedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            applied.Add(name);
        }

        return count;
    }

    private Task<int> ApplyEachAsync<T>(
        HashSet<string> applied, string kind, IEnumerable<T> items, Func<T, string> key,
        Func<T, bool> add, CancellationToken cancellationToken) =>
        ApplyEachAsync(applied, kind, items, key, (item, _) => Task.FromResult(add(item)), cancellationToken);

    private bool AddSeries(SeedSeries s)
    {
        db.Series.Add(new Series
        {
            Name = s.Name,
            Slug = s.Slug,
            CodePrefix = s.CodePrefix,
            Group = s.Group,
            SortOrder = s.SortOrder,
        });
        return true;
    }

    private bool AddCategory(SeedCategory c)
    {
        db.Categories.Add(new Category { Name = c.Name, Slug = c.Slug });
        return true;
    }

    private bool AddAuthor(SeedAuthor a)
    {
        db.Authors.Add(new Author { Name = a.Name, Slug = a.Slug, ShortTitle = a.ShortTitle ?? "", Biography = a.Biography ?? "" });
        return true;
    }

    private bool AddPage(SeedPage p)
    {
        db.Pages.Add(new Page
        {
            Title = p.Title,
            Slug = p.Slug,
            Body = p.Body,
            ShowsContactDetails = p.ShowsContactDetails,
            UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        return true;
    }

    private async Task<bool> AddPublicationAsync(SeedPublication p, CancellationToken cancellationToken)
    {
        var series = await db.Series.SingleOrDefaultAsync(s => s.Slug == p.SeriesSlug, cancellationToken);
        var authors = await db.Authors.Where(a => p.AuthorSlugs.Contains(a.Slug)).ToListAsync(cancellationToken);
        var categories = await db.Categories.Where(c => p.CategorySlugs.Contains(c.Slug)).ToListAsync(cancellationToken);
        if (series is null || authors.Count != p.AuthorSlugs.Count)
        {
            // Staff removed the series or an author the seed names; their choice stands.
            logger.LogWarning("Skipped seeding {Code}: its series or an author no longer exists", p.Code);
            return false;
        }

        // Last changed when it was published, not when this database was made: feeds, the sitemap and
        // dateModified say when the content changed, and the seed's did not change on seeding day.
        var published = p.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var publication = new Publication
        {
            Series = series,
            Code = p.Code,
            Title = p.Title,
            Slug = p.Slug,
            PublishedOn = p.PublishedOn,
            Status = PublicationStatus.Published,
            Synopsis = p.Synopsis,
            Body = p.Body,
            AboutTheAuthors = p.AboutTheAuthors,
            CreatedBy = "seed",
            CreatedAtUtc = published,
            UpdatedBy = "seed",
            UpdatedAtUtc = published,
        };
        publication.Authors.AddRange(p.AuthorSlugs.Select((slug, i) =>
            new PublicationAuthor { Author = authors.Single(a => a.Slug == slug), Position = i + 1 }));
        publication.Categories.AddRange(categories.Select(c => new PublicationCategory { Category = c }));
        db.Publications.Add(publication);
        return true;
    }

    /// <summary>
    /// Databases seeded before the seed's publications were dated by their publication: those no member of staff
    /// has saved since say they changed on the day they were seeded, which feeds and the sitemap then repeat.
    /// Run once; a publication staff saved keeps its date.
    /// </summary>
    private async Task<bool> RedatePublicationsAsync(IReadOnlyList<SeedPublication> publications, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var p in publications)
        {
            var published = p.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            changed += await db.Publications
                .Where(row => row.Code == p.Code && row.CreatedBy == "seed" && row.UpdatedBy == "seed" && row.UpdatedAtUtc != published)
                .ExecuteUpdateAsync(set => set.SetProperty(row => row.CreatedAtUtc, published).SetProperty(row => row.UpdatedAtUtc, published), cancellationToken);
        }

        return changed > 0;
    }

    private bool AddSite(SeedSite site)
    {
        var s = site.Settings;
        db.SiteSettings.Add(new SiteSettings
        {
            SchoolName = s.SchoolName,
            Tagline = s.Tagline,
            Motto = s.Motto,
            UniversityName = s.UniversityName,
            Address = s.Address,
            DirectionsUrl = s.DirectionsUrl,
            Copyright = s.Copyright,
            CookieNotice = s.CookieNotice,
        });

        void AddLinks(SiteLinkGroup group, IEnumerable<SeedLink> links) =>
            db.SiteLinks.AddRange(links.Select((l, i) =>
                new SiteLink { Group = group, Title = l.Title, Url = l.Url, Network = l.Network, SortOrder = i + 1 }));

        AddLinks(SiteLinkGroup.PopularLinks, site.Links.PopularLinks);
        AddLinks(SiteLinkGroup.Social, site.Links.Social);
        AddLinks(SiteLinkGroup.Subscribe, site.Links.Subscribe);
        AddLinks(SiteLinkGroup.Contact, site.Links.Contact);
        AddLinks(SiteLinkGroup.Legal, site.Links.Legal);
        return true;
    }

    private async Task<bool> AddMenuAsync(IReadOnlyList<SeedMenuItem> menu, CancellationToken cancellationToken)
    {
        var series = await db.Series.ToDictionaryAsync(s => s.Slug, s => s.Id, cancellationToken);
        var pages = await db.Pages.ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);

        void AddLevel(IEnumerable<SeedMenuItem> items, MenuItem? parent)
        {
            var order = 0;
            foreach (var item in items)
            {
                var entry = new MenuItem
                {
                    Parent = parent,
                    Title = item.Title,
                    Slug = item.Slug ?? Slug.From(item.Title),
                    SortOrder = ++order,
                };
                if (item.Series is not null && series.TryGetValue(item.Series, out var seriesId))
                {
                    (entry.TargetKind, entry.SeriesId) = (MenuTargetKind.Series, seriesId);
                }
                else if (item.Page is not null && pages.TryGetValue(item.Page, out var pageId))
                {
                    (entry.TargetKind, entry.PageId) = (MenuTargetKind.Page, pageId);
                }
                else if (item.Url is not null)
                {
                    (entry.TargetKind, entry.Url) = (MenuTargetKind.Url, item.Url);
                }

                db.MenuItems.Add(entry);
                AddLevel(item.Children ?? [], entry);
            }
        }

        AddLevel(menu, null);
        return true;
    }
}
