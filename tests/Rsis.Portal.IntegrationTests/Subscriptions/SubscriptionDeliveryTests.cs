using System.Net;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Rsis.Portal.Application.Subscriptions;
using Rsis.Portal.Application.Subscriptions.QueueWeeklyDigests;
using Rsis.Portal.Domain.Subscriptions;
using Rsis.Portal.IntegrationTests.Infrastructure;
using static Rsis.Portal.IntegrationTests.Subscriptions.SubscriptionTests;

namespace Rsis.Portal.IntegrationTests.Subscriptions;

/// <summary>Publications coming out on their own (scheduled) and by an edit are announced once.</summary>
public sealed class PublishingAnnouncementTests(PublishingAnnouncementTests.Portal portal) : IClassFixture<PublishingAnnouncementTests.Portal>
{
    public sealed class Portal : MailPortal
    {
        protected override IEnumerable<(string Key, string Value)> MailSettings => [("Publishing:ScheduledCheckInterval", "00:00:00.5")];
    }

    [Fact]
    public async Task A_scheduled_publication_is_announced_when_it_comes_out_and_not_before()
    {
        var email = await Subscribed.AddAsync(portal);
        var title = "Scheduled for subscribers " + Guid.NewGuid().ToString("N")[..6];
        await portal.AddPublicationAsync(new TestPublication("CO26" + Random.Shared.Next(100, 999), title, PublishAtUtc: DateTime.UtcNow.AddSeconds(3)));
        Assert.Empty(portal.Inbox.To(email));

        var announcement = await portal.Inbox.WaitForAsync(email, m => m.Subject == title);
        AssertEveryEmailCarries(announcement);
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.OutboxMessages.CountAsync(m => db.Subscribers.Any(s => s.Id == m.SubscriberId && s.Email == email))));
    }

    [Fact]
    public async Task A_reader_who_chose_one_series_gets_its_publications_and_not_the_others()
    {
        var (chosen, other) = await portal.WithDatabaseAsync(async db =>
        {
            var series = await db.Series.OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug }).ToListAsync();
            return (series.Single(s => s.Slug == "rsis-commentary-series"), series.First(s => s.Slug != "rsis-commentary-series"));
        });
        var reader = portal.CreateVisitor();
        var email = NewAddress();
        var form = SubscribeForm(await reader.GetPageAsync("/subscribe"))
            .Set("Email", email).Set("Publications", SubscriptionFields.PublicationsChosen).Set("Series", chosen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var answer = await reader.PostFormAsync("/subscribe", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var confirm = await reader.GetPageAsync(SmtpInbox.LinkTo(await portal.Inbox.WaitForAsync(email), SubscriptionLinks.ConfirmPath));
        using (var confirmed = await reader.PostFormAsync("/subscribe/confirm", FormFields.Of(confirm, "#confirm-form")))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var mine = "In my series " + Guid.NewGuid().ToString("N")[..6];
        var theirs = "In another series " + Guid.NewGuid().ToString("N")[..6];
        var at = DateTime.UtcNow.AddSeconds(2);
        await portal.AddPublicationAsync(new TestPublication("CO27" + Random.Shared.Next(100, 999), mine, PublishAtUtc: at));
        await portal.AddPublicationAsync(new TestPublication("XX27" + Random.Shared.Next(100, 999), theirs, SeriesSlug: other.Slug, PublishAtUtc: at));

        await portal.Inbox.WaitForAsync(email, m => m.Subject == mine);
        await Subscribed.OutboxEmptyAsync(portal);
        Assert.DoesNotContain(portal.Inbox.To(email), m => m.Subject == theirs);
    }

    [Fact]
    public async Task A_draft_saved_as_published_is_announced_once_and_saving_it_again_sends_nothing_more()
    {
        var email = await Subscribed.AddAsync(portal);
        var (staff, _) = await portal.SignedInAsync("Editor");
        var title = "Draft then published " + Guid.NewGuid().ToString("N")[..6];
        var id = await staff.CreatePublicationAsync(title);
        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Status", "Published")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await portal.Inbox.WaitForAsync(email, m => m.Subject == title);
        using (var again = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Synopsis", "A better synopsis.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        await Subscribed.OutboxEmptyAsync(portal);
        Assert.Single(portal.Inbox.To(email), m => m.Subject == title);
    }
}

/// <summary>Events are announced to the Events list as they are published, like publications to theirs.</summary>
public sealed class EventAnnouncementTests(MailPortal portal) : IClassFixture<MailPortal>
{
    [Fact]
    public async Task A_published_event_to_come_is_mailed_once_to_the_events_list_and_a_draft_or_past_event_to_nobody()
    {
        var eventsReader = await Subscribed.AddAsync(portal, allPublications: false, events: true);
        var publicationsReader = await Subscribed.AddAsync(portal);
        var (staff, _) = await portal.SignedInAsync("Editor");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var day = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var title = "Seminar for subscribers " + suffix;

        var id = await staff.CreateEventAsync(title, change: f => f.Set("StartsAt", day + "T14:00").Set("EndsAt", day + "T15:30"));
        await staff.CreateEventAsync("Draft seminar " + suffix, status: "Draft", change: f => f.Set("StartsAt", day + "T16:00").Set("EndsAt", day + "T17:00"));
        await staff.CreateEventAsync("Past seminar " + suffix, change: f => f.Set("StartsAt", "2025-01-10T10:00").Set("EndsAt", "2025-01-10T12:00"));

        var announcement = await portal.Inbox.WaitForAsync(eventsReader, m => m.Subject == title);
        AssertEveryEmailCarries(announcement);
        Assert.Contains("Details and registration: ", announcement.TextBody, StringComparison.Ordinal);
        Assert.Contains(await portal.EventAddressAsync(id), announcement.TextBody, StringComparison.Ordinal);
        Assert.Contains("14:00 Singapore time", announcement.TextBody, StringComparison.Ordinal);
        Assert.Contains("Seminar Room 1", announcement.TextBody, StringComparison.Ordinal);
        await Subscribed.OutboxEmptyAsync(portal);
        Assert.Single(portal.Inbox.To(eventsReader));
        Assert.Empty(portal.Inbox.To(publicationsReader));
    }
}

/// <summary>Weekly subscribers get one digest of what came out, at the configured day and time.</summary>
public sealed class WeeklyDigestTests(MailPortal portal) : IClassFixture<MailPortal>
{
    [Fact]
    public async Task A_weekly_subscriber_gets_nothing_as_published_and_one_digest_listing_the_week_once()
    {
        var email = await Subscribed.AddAsync(portal, DeliveryFrequency.WeeklyDigest);
        var (staff, _) = await portal.SignedInAsync("Editor");
        var titles = new[] { "Digest first " + Guid.NewGuid().ToString("N")[..6], "Digest second " + Guid.NewGuid().ToString("N")[..6] };
        foreach (var title in titles)
        {
            await staff.CreatePublicationAsync(title, status: "Published");
        }

        await Subscribed.OutboxEmptyAsync(portal);
        Assert.Empty(portal.Inbox.To(email));

        // What the WeeklyDigests job sends when the digest's day and time come; twice, as two nodes might.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
        for (var i = 0; i < 2; i++)
        {
            await portal.WithServiceAsync<ISender, int>(async sender =>
                await sender.Send(new QueueWeeklyDigests(DateTime.UtcNow, day), TestContext.Current.CancellationToken));
        }

        var digest = await portal.Inbox.WaitForAsync(email);
        AssertEveryEmailCarries(digest);
        Assert.StartsWith("This week from", digest.Subject);
        Assert.All(titles, title => Assert.Contains(title, digest.TextBody));
        await Subscribed.OutboxEmptyAsync(portal);
        Assert.Single(portal.Inbox.To(email));
    }

    [Theory]
    [InlineData("2026-12-07T00:30:00Z", "2026-12-07T00:00:00Z")] // Monday 08:30 in Singapore: this morning's
    [InlineData("2026-12-06T23:30:00Z", "2026-11-30T00:00:00Z")] // Monday 07:30 in Singapore: last week's
    [InlineData("2026-12-03T12:00:00Z", "2026-11-30T00:00:00Z")] // Thursday: Monday's
    public void The_digest_due_is_the_last_configured_day_and_local_time(string now, string due)
    {
        var siteTime = new Web.Configuration.SiteTime(Microsoft.Extensions.Options.Options.Create(new Web.Configuration.SiteOptions { TimeZone = "Asia/Singapore" }));
        var (dueAtUtc, _) = Web.Configuration.WeeklyDigests.LastDigestMoment(
            DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
            siteTime, new SubscriptionOptions { DigestDay = DayOfWeek.Monday, DigestTime = new TimeSpan(8, 0, 0) });
        Assert.Equal(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), dueAtUtc);
    }
}

/// <summary>The mail server is down when a publication comes out: the email waits in the outbox and goes when it is back.</summary>
public sealed class MailServerDownTests(MailServerDownTests.Portal portal) : IClassFixture<MailServerDownTests.Portal>
{
    public sealed class Portal : MailPortal
    {
        protected override bool StartsInboxAtOnce => false;
    }

    [Fact]
    public async Task An_email_that_could_not_be_sent_is_kept_with_its_error_and_sent_once_the_server_is_back()
    {
        var email = await Subscribed.AddAsync(portal);
        var (staff, _) = await portal.SignedInAsync("Editor");
        var title = "While the mail server slept " + Guid.NewGuid().ToString("N")[..6];
        await staff.CreatePublicationAsync(title, status: "Published");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        OutboxMessage? failed;
        while ((failed = await portal.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Kind == OutboxKind.NewItem && db.Subscribers.Any(s => s.Id == m.SubscriberId && s.Email == email) && m.LastError != null))) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The failed attempt was not recorded.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Null(failed.SentAtUtc);
        Assert.True(failed.Attempts >= 1);

        await portal.Inbox.StartAsync();
        var arrived = await portal.Inbox.WaitForAsync(email, m => m.Subject == title);
        AssertEveryEmailCarries(arrived);
        await Subscribed.OutboxEmptyAsync(portal);
        Assert.Single(portal.Inbox.To(email), m => m.Subject == title);
    }
}

/// <summary>With no SMTP server configured, each email is written as an .eml file.</summary>
public sealed class MailFolderTests(MailFolderTests.Portal portal) : IClassFixture<MailFolderTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "rsis-portal-tests", "mail-" + Guid.NewGuid().ToString("N"));

        protected override IEnumerable<(string Key, string Value)> Settings =>
            [("Email:PickupDirectory", Folder), ("Email:SendInterval", "00:00:00.2")];
    }

    [Fact]
    public async Task The_confirmation_is_written_to_the_mail_folder_as_a_readable_message()
    {
        var reader = portal.CreateVisitor();
        var email = NewAddress();
        using (var answer = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email)))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Directory.Exists(portal.Folder) || Directory.GetFiles(portal.Folder, "*.eml").Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No .eml file was written.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var message = await MimeMessage.LoadAsync(Directory.GetFiles(portal.Folder, "*.eml").Single(), TestContext.Current.CancellationToken);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        AssertEveryEmailCarries(message);
        await reader.GetPageAsync(SmtpInbox.LinkTo(message, SubscriptionLinks.ConfirmPath));
        Assert.Empty(Directory.GetFiles(portal.Folder, "*.tmp"));
    }
}

/// <summary>Too many subscriptions from one client are refused with the site's 429 page.</summary>
public sealed class SubscribeRateLimitTests(SubscribeRateLimitTests.Portal portal) : IClassFixture<SubscribeRateLimitTests.Portal>
{
    public sealed class Portal : MailPortal
    {
        protected override IEnumerable<(string Key, string Value)> MailSettings => [("Email:SubscribePermitsPerWindow", "2")];
    }

    [Fact]
    public async Task A_third_subscription_in_the_window_gets_the_429_page_and_is_not_kept()
    {
        var reader = portal.CreateVisitor();
        var addresses = new[] { NewAddress(), NewAddress(), NewAddress() };
        var statuses = new List<HttpStatusCode>();
        foreach (var email in addresses)
        {
            using var answer = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email));
            statuses.Add(answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Too many requests", (await answer.ReadPageAsync()).QuerySelector("h1")!.TextContent);
                Assert.NotNull(answer.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == addresses[2])));
    }
}

/// <summary>Links and unconfirmed addresses run out on the portal's clock, which the tests move.</summary>
public sealed class SubscriptionClockTests(SubscriptionClockTests.Portal portal) : IClassFixture<SubscriptionClockTests.Portal>
{
    public sealed class Portal : MailPortal
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 30, 20, TimeSpan.Zero));

        // A fake clock fires a periodic timer once for every period it is moved past: a minute keeps days cheap.
        protected override IEnumerable<(string Key, string Value)> MailSettings => [("Email:SendInterval", "00:01:00")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
    }

    [Fact]
    public async Task A_confirmation_link_older_than_48_hours_gets_a_clear_page_and_an_unconfirmed_address_is_forgotten_after_7_days()
    {
        var reader = portal.CreateVisitor();
        var email = NewAddress();
        using (var _ = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email)))
        {
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var link = SmtpInbox.LinkTo(await portal.Inbox.WaitForAsync(email), SubscriptionLinks.ConfirmPath);
        var form = FormFields.Of(await reader.GetPageAsync(link), "#confirm-form");

        portal.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        var expired = await reader.GetPageAsync(link, HttpStatusCode.Gone);
        Assert.Contains("expired", expired.QuerySelector("h1")!.TextContent);
        using (var posted = await reader.PostFormAsync("/subscribe/confirm", form))
        {
            Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        }

        Assert.True(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email && s.ConfirmedAtUtc == null)));

        portal.Clock.Advance(TimeSpan.FromDays(6));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The unconfirmed address was not forgotten.");
            portal.Clock.Advance(TimeSpan.FromHours(1));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>Confirmed subscribers made for a test, and waiting for the outbox to be sent.</summary>
internal static class Subscribed
{
    public static async Task<string> AddAsync(
        PortalFactory portal, DeliveryFrequency frequency = DeliveryFrequency.AsPublished, bool allPublications = true, bool events = false)
    {
        var email = NewAddress();
        await portal.WithDatabaseAsync(async db =>
        {
            db.Subscribers.Add(new Subscriber
            {
                Email = email,
                AllPublications = allPublications,
                Events = events,
                Frequency = frequency,
                CreatedAtUtc = DateTime.UtcNow,
                ConfirmedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return email;
    }

    public static async Task OutboxEmptyAsync(PortalFactory portal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await portal.WithDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc == null && !m.GaveUp && !m.ForDigest)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox was not sent.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
