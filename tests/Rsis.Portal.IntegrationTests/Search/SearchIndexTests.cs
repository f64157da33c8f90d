using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Publications;
using Rsis.Portal.Application.Publications.UpdatePublication;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Search;

/// <summary>
/// The SQLite search index follows saves made through EF, as the admin area makes them, with no reindex
/// step: the triggers of the PublicationSearchIndex migration. Each test uses words of its own, and a new
/// address per search, so the output cache never answers for the database.
/// </summary>
public sealed class SearchIndexTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_publication_is_found_by_its_title_body_author_and_category()
    {
        await portal.AddPublicationAsync(new TestPublication(
            "CO16001", "Archipelago Governance", Body: "The body speaks of **lighthouses**.",
            Authors: ["Wilhelmina Testperson"], Categories: ["Island Studies"]));
        var client = portal.CreateReader();

        foreach (var q in new[] { "archipelago", "lighthouses", "Wilhelmina", "Island Studies", "16001" })
        {
            Assert.Equal(["CO16001"], await CodesAsync(client, q));
        }
    }

    [Fact]
    public async Task An_edited_title_is_found_by_its_new_words_and_no_longer_by_the_old()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO16002", "Glacier Diplomacy"));

        await portal.WithDatabaseAsync(async db =>
        {
            var publication = await db.Publications.SingleAsync(p => p.Id == id);
            publication.Title = "Monsoon Diplomacy";
            return await db.SaveChangesAsync();
        });

        var client = portal.CreateReader();
        Assert.Equal(["CO16002"], await CodesAsync(client, "monsoon"));
        Assert.Empty(await CodesAsync(client, "glacier"));
    }

    [Fact]
    public async Task A_renamed_author_is_found_by_the_new_name()
    {
        await portal.AddPublicationAsync(new TestPublication("CO16003", "Any Title", Authors: ["Bartholomew Oldname"]));

        await portal.WithDatabaseAsync(async db =>
        {
            var author = await db.Authors.SingleAsync(a => a.Name == "Bartholomew Oldname");
            author.Name = "Bartholomew Newname";
            return await db.SaveChangesAsync();
        });

        var client = portal.CreateReader();
        Assert.Equal(["CO16003"], await CodesAsync(client, "Newname"));
        Assert.Empty(await CodesAsync(client, "Oldname"));
    }

    [Fact]
    public async Task An_author_taken_off_a_publication_no_longer_finds_it()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO16004", "Another Title", Authors: ["Cornelius Removed", "Dorothea Stays"]));

        await portal.WithDatabaseAsync(async db =>
        {
            db.PublicationAuthors.Remove(await db.PublicationAuthors.SingleAsync(pa => pa.PublicationId == id && pa.Author.Name == "Cornelius Removed"));
            return await db.SaveChangesAsync();
        });

        var client = portal.CreateReader();
        Assert.Empty(await CodesAsync(client, "Cornelius"));
        Assert.Equal(["CO16004"], await CodesAsync(client, "Dorothea"));
    }

    [Fact]
    public async Task A_deleted_publication_is_no_longer_found()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO16005", "Ephemeral Archive", Categories: ["Transient Matters"]));

        await portal.WithDatabaseAsync(async db =>
        {
            db.Publications.Remove(await db.Publications.SingleAsync(p => p.Id == id));
            return await db.SaveChangesAsync();
        });

        Assert.Empty(await CodesAsync(portal.CreateReader(), "ephemeral"));
        var rows = await portal.WithDatabaseAsync(db =>
            db.Database.SqlQuery<int>($"SELECT (SELECT count(*) FROM PublicationSearchIndex WHERE rowid = {id}) + (SELECT count(*) FROM PublicationSearchSummary WHERE rowid = {id}) AS Value").SingleAsync());
        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task A_draft_once_published_is_found_without_reindexing()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO16006", "Nebula Draft", Status: Domain.Publications.PublicationStatus.Draft));
        var client = portal.CreateReader();
        Assert.Empty(await CodesAsync(client, "nebula"));

        await portal.WithDatabaseAsync(async db =>
        {
            var publication = await db.Publications.SingleAsync(p => p.Id == id);
            publication.Status = Domain.Publications.PublicationStatus.Published;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(["CO16006"], await CodesAsync(client, "nebula draft"));
    }

    [Fact]
    public async Task A_publication_saved_in_the_admin_area_is_found_by_its_new_title_on_the_same_address_at_once()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO16007", "Original Wording", Authors: [SeedFacts.Author]));
        var client = portal.CreateReader();
        // Cached now, with no result: the save must evict it as well as reindex.
        Assert.Empty(await CodesAsync(client, "Kestrelword"));

        var command = await portal.WithDatabaseAsync(db => db.Publications.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new UpdatePublication(p.Id, p.ConcurrencyToken, new PublicationFields
            {
                SeriesId = p.SeriesId,
                Code = p.Code,
                Title = "Kestrelword Diplomacy",
                AuthorIds = p.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
                CategoryIds = p.Categories.Select(c => c.CategoryId).ToList(),
                PublishedOn = p.PublishedOn,
                Status = p.Status,
                Synopsis = p.Synopsis,
                Body = p.Body,
                AboutTheAuthors = p.AboutTheAuthors,
            }))
            .SingleAsync());
        Assert.True(await portal.WithServiceAsync<ISender, bool>(sender => sender.Send(command).AsTask()));

        Assert.Equal(["CO16007"], await CodesAsync(client, "Kestrelword"));
        Assert.Empty(await CodesAsync(client, "Original Wording"));
    }

    private static async Task<List<string>> CodesAsync(HttpClient client, string q)
    {
        var page = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
        return page.QuerySelectorAll(".publication-item .publication-code").Select(c => c.TextContent.Trim()).ToList();
    }
}
