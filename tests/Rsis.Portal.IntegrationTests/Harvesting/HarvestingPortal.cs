using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Harvesting;

/// <summary>
/// The portal for the OAI-PMH tests: on the fake clock (resumption tokens expire on it), with the staff area's
/// sign-in limit out of the way and an administrator's email for Identify.
/// </summary>
public sealed class HarvestingPortal : FakeClockPortal
{
    public const string AdminEmail = "repository@example.org";

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Admin:SignInPermitsPerWindow", "100000"),
        ("Admin:SecurityStampValidationInterval", "00:00:00"),
        ("Harvesting:AdminEmail", AdminEmail),
    ];

    /// <summary>
    /// Adds published publications <c>{prefix}0001</c>… to <paramref name="seriesSlug"/> in one save, each last
    /// saved at <paramref name="savedAtUtc"/> (a datestamp the test chooses); answers their codes.
    /// </summary>
    public Task<IReadOnlyList<string>> AddPublishedAsync(string prefix, int count, string seriesSlug, DateTime savedAtUtc) =>
        AddToPublishedSiteAsync<IReadOnlyList<string>>(async db =>
        {
            var series = await db.Series.SingleAsync(s => s.Slug == seriesSlug);
            var codes = Enumerable.Range(1, count).Select(i => $"{prefix}{i:D4}").ToList();
            foreach (var code in codes)
            {
                db.Publications.Add(new Publication
                {
                    Series = series,
                    Code = code,
                    Title = $"Harvested paper {code}",
                    Slug = code.ToLowerInvariant() + "-harvested-paper",
                    PublishedOn = new DateOnly(2020, 5, 1),
                    Status = PublicationStatus.Published,
                    Synopsis = "A paper for the harvest.",
                    Body = "Text.",
                    CreatedAtUtc = savedAtUtc,
                    UpdatedAtUtc = savedAtUtc,
                });
            }

            await db.SaveChangesAsync();
            return codes;
        });
}
