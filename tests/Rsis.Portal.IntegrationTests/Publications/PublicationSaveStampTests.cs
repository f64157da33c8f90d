using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Publications;
using Rsis.Portal.Application.Publications.UpdatePublication;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>What every save stamps on a publication: who and when, and a new token that makes older screens stale.</summary>
public sealed class PublicationSaveStampTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<UpdatePublication> ScreenOfAsync(string code) =>
        portal.WithDatabaseAsync(db => db.Publications.AsNoTracking().Where(p => p.Code == code)
            .Select(p => new UpdatePublication(p.Id, p.ConcurrencyToken, new PublicationFields
            {
                SeriesId = p.SeriesId,
                Code = p.Code,
                Title = p.Title,
                AuthorIds = p.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
                CategoryIds = p.Categories.Select(c => c.CategoryId).ToList(),
                PublishedOn = p.PublishedOn,
                Status = p.Status,
                Synopsis = p.Synopsis,
                Body = p.Body,
                AboutTheAuthors = p.AboutTheAuthors,
            }))
            .SingleAsync());

    private Task<bool> SaveAsync(UpdatePublication screen) =>
        portal.WithServiceAsync<ISender, bool>(async sender => await sender.Send(screen, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Changing_only_the_authors_makes_an_older_screen_of_the_publication_stale()
    {
        await portal.AddPublicationAsync(new TestPublication("CO19302", "Two Authors Then One", Authors: ["Ada Stampwell", "Ben Stampwell"]));
        var before = DateTime.UtcNow.AddSeconds(-1);
        var first = await ScreenOfAsync("CO19302");
        var second = await ScreenOfAsync("CO19302");

        Assert.True(await SaveAsync(first with { AuthorIds = [first.AuthorIds[0]] }));

        var saved = await portal.WithDatabaseAsync(db => db.Publications.AsNoTracking().Where(p => p.Code == "CO19302")
            .Select(p => new { p.UpdatedBy, p.UpdatedAtUtc, p.ConcurrencyToken }).SingleAsync());
        Assert.Equal("system", saved.UpdatedBy);
        Assert.True(saved.UpdatedAtUtc > before, $"UpdatedAtUtc stayed {saved.UpdatedAtUtc:O}");
        Assert.NotEqual(first.ConcurrencyToken, saved.ConcurrencyToken);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SaveAsync(second with { Title = "A stale title" }));
        Assert.Contains("was changed by system at", Assert.Single(refused.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.NotEqual("A stale title", await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == "CO19302").Select(p => p.Title).SingleAsync()));
    }
}
