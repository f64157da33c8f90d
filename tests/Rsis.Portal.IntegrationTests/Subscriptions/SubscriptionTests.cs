using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rsis.Portal.Application.Subscriptions;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Subscriptions;

/// <summary>Subscribing by email through the real host, with a real SMTP server receiving what the portal sends.</summary>
public sealed class SubscriptionTests(MailPortal portal) : IClassFixture<MailPortal>
{
    [Fact]
    public async Task A_reader_subscribes_confirms_gets_one_email_per_new_publication_and_leaves_with_one_click()
    {
        var reader = portal.CreateVisitor();
        var email = NewAddress();
        var form = SubscribeForm(await reader.GetPageAsync("/subscribe?list=publications")).Set("Email", email);
        Assert.Equal(SubscriptionFields.PublicationsAll, form["Publications"]);

        using (var answer = await reader.PostFormAsync("/subscribe", form))
        {
            Assert.Equal("/subscribe/check-inbox", answer.Location());
        }

        Assert.Contains("Check your inbox", (await reader.GetPageAsync("/subscribe/check-inbox")).QuerySelector("h1")!.TextContent);

        var confirmation = await portal.Inbox.WaitForAsync(email);
        AssertEveryEmailCarries(confirmation);
        Assert.Contains("Confirm your subscription", confirmation.Subject);
        var confirm = await reader.GetPageAsync(SmtpInbox.LinkTo(confirmation, SubscriptionLinks.ConfirmPath));
        using (var confirmed = await reader.PostFormAsync("/subscribe/confirm", FormFields.Of(confirm, "#confirm-form")))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("You are subscribed", (await confirmed.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        }

        var (staff, _) = await portal.SignedInAsync("Editor");
        var title = "Sea lanes and subscribers " + Guid.NewGuid().ToString("N")[..6];
        await staff.CreatePublicationAsync(title, status: "Published");

        var announcement = await portal.Inbox.WaitForAsync(email, m => m.Subject == title);
        AssertEveryEmailCarries(announcement);
        var article = SmtpInbox.LinksIn(announcement).Select(l => new Uri(l)).First(u => u.AbsolutePath.StartsWith("/publications/", StringComparison.Ordinal));
        await reader.GetPageAsync(article.PathAndQuery);
        await Subscribed.OutboxEmptyAsync(portal);
        Assert.Single(portal.Inbox.To(email), m => m.Subject == title);

        // What a mail client does for RFC 8058: POST the header's address, no cookie, no token.
        var oneClick = new Uri(announcement.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using var client = portal.CreateReader();
        using (var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))
        using (var left = await client.PostAsync(new Uri(oneClick.PathAndQuery, UriKind.Relative), body, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        }

        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)));
        var later = "After leaving " + Guid.NewGuid().ToString("N")[..6];
        await staff.CreatePublicationAsync(later, status: "Published");
        await Subscribed.OutboxEmptyAsync(portal);
        Assert.DoesNotContain(portal.Inbox.To(email), m => m.Subject == later);
    }

    [Fact]
    public async Task The_answer_is_the_same_for_a_new_a_pending_and_a_subscribed_address_and_only_the_mail_differs()
    {
        var pending = NewAddress();
        var subscribed = await Subscribed.AddAsync(portal);
        var pages = new List<string>();
        foreach (var email in new[] { pending, pending, subscribed })
        {
            var reader = portal.CreateVisitor();
            var form = SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email);
            using var answer = await reader.PostFormAsync("/subscribe", form);
            Assert.Equal((HttpStatusCode.Redirect, "/subscribe/check-inbox"), (answer.StatusCode, answer.Location()));
            pages.Add((await reader.GetPageAsync(answer.Location())).QuerySelector("main")?.TextContent.Squash() ?? "");
        }

        Assert.Single(pages.Distinct());
        Assert.Contains("Confirm", (await portal.Inbox.WaitForAsync(pending, count: 2)).Subject);
        var already = await portal.Inbox.WaitForAsync(subscribed);
        Assert.Contains("already subscribed", already.Subject);
        Assert.Contains(SmtpInbox.LinksIn(already), l => new Uri(l).AbsolutePath == SubscriptionLinks.ManagePath);
    }

    [Fact]
    public async Task An_address_over_254_characters_is_refused_saying_how_long_it_is()
    {
        var reader = portal.CreateVisitor();
        var typed = new string('x', 288) + "@example.org";
        using var answer = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", typed));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("An email address has at most 254 characters; this one has 300.", (await answer.ReadPageAsync()).QuerySelector("#subscribe-email-error")!.TextContent.Trim());
        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email.EndsWith("@example.org") && s.Email.StartsWith("xxxx"))));
    }

    [Theory]
    [InlineData("a@b.c\r\nBcc: x@y.z")]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("two@at@example.org")]
    [InlineData("no-at-sign.example.org")]
    public async Task An_address_that_is_not_one_plain_address_is_refused_with_a_message_and_nothing_kept(string typed)
    {
        var reader = portal.CreateVisitor();
        var form = SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", typed);
        using var answer = await reader.PostFormAsync("/subscribe", form);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(Application.Subscriptions.Subscribe.SubscribeValidator.EmailMessage, (await answer.ReadPageAsync()).QuerySelector("#subscribe-email-error")!.TextContent);
        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email.Contains("x@y.z") || s.Email.Contains("ann@"))));
    }

    [Fact]
    public async Task An_address_of_300_characters_is_refused()
    {
        var reader = portal.CreateVisitor();
        var email = new string('a', 280) + "@example.org";
        using var answer = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task A_unicode_domain_is_accepted_and_mailed_in_its_ascii_form()
    {
        var reader = portal.CreateVisitor();
        var local = "leser" + Guid.NewGuid().ToString("N")[..6];
        using var answer = await reader.PostFormAsync("/subscribe",
            SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", local + "@Bücher.Example"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var stored = local + "@xn--bcher-kva.example";
        Assert.True(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == stored)));
        Assert.Contains("Confirm", (await portal.Inbox.WaitForAsync(stored)).Subject);
    }

    [Fact]
    public async Task A_confirmation_link_cut_reused_or_for_another_address_gets_a_clear_page_and_changes_nothing()
    {
        var reader = portal.CreateVisitor();
        var email = NewAddress();
        var other = NewAddress();
        foreach (var address in new[] { email, other })
        {
            using var _ = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", address));
        }

        var link = SmtpInbox.LinkTo(await portal.Inbox.WaitForAsync(email), SubscriptionLinks.ConfirmPath);
        var otherId = await portal.WithDatabaseAsync(db => db.Subscribers.Where(s => s.Email == other).Select(s => s.Id).SingleAsync());

        var cut = await reader.GetPageAsync(link[..(link.Length - 20)], HttpStatusCode.BadRequest);
        Assert.Contains("not complete", cut.QuerySelector("h1")!.TextContent);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://localhost" + link).Query);
        var forOther = $"{SubscriptionLinks.ConfirmPath}?subscriber={otherId}&token={Uri.EscapeDataString(query["token"]!)}";
        await reader.GetPageAsync(forOther, HttpStatusCode.BadRequest);
        using (var posted = await reader.PostFormAsync("/subscribe/confirm",
            FormFields.Of(await reader.GetPageAsync(link), "#confirm-form").Set("subscriber", otherId.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }

        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => (s.Email == email || s.Email == other) && s.ConfirmedAtUtc != null)));

        var form = FormFields.Of(await reader.GetPageAsync(link), "#confirm-form");
        using (var first = await reader.PostFormAsync("/subscribe/confirm", form))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var key = await portal.WithDatabaseAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.LinkKey).SingleAsync());
        using (var again = await reader.PostFormAsync("/subscribe/confirm", form))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Contains("has been used", (await again.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        }

        Assert.Equal(key, await portal.WithDatabaseAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.LinkKey).SingleAsync()));
        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == other && s.ConfirmedAtUtc != null)));
    }

    [Fact]
    public async Task A_subscriber_changes_lists_through_the_mailed_link_and_an_empty_choice_is_refused()
    {
        var email = await Subscribed.AddAsync(portal);
        var reader = portal.CreateVisitor();
        using (var _ = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email)))
        {
        }

        var manage = SmtpInbox.LinkTo(await portal.Inbox.WaitForAsync(email), SubscriptionLinks.ManagePath);
        var form = FormFields.Of(await reader.GetPageAsync(manage), "#manage-form");
        using (var refused = await reader.PostFormAsync("/subscribe/manage", form.Set("Publications", "none").Without("Events")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(SubscriptionFields.NothingChosenMessage, (await refused.ReadPageAsync()).DocumentElement.TextContent);
        }

        using (var saved = await reader.PostFormAsync("/subscribe/manage", form.Set("Publications", "none").Set("Events", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var after = await portal.WithDatabaseAsync(db => db.Subscribers.Where(s => s.Email == email).Select(s => new { s.AllPublications, s.Events }).SingleAsync());
        Assert.Equal((false, true), (after.AllPublications, after.Events));
    }

    [Fact]
    public async Task The_unsubscribe_link_shows_a_button_and_leaving_twice_says_there_is_nothing_left()
    {
        var email = await Subscribed.AddAsync(portal);
        var reader = portal.CreateVisitor();
        using (var _ = await reader.PostFormAsync("/subscribe", SubscribeForm(await reader.GetPageAsync("/subscribe")).Set("Email", email)))
        {
        }

        var link = SmtpInbox.LinkTo(await portal.Inbox.WaitForAsync(email), SubscriptionLinks.UnsubscribePath);
        var page = await reader.GetPageAsync(link);
        Assert.True(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)));
        using (var left = await reader.PostFormAsync("/unsubscribe", FormFields.Of(page, "#unsubscribe-form")))
        {
            Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        }

        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)));
        Assert.Contains("not subscribed", (await reader.GetPageAsync(link, HttpStatusCode.Gone)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Staff_see_counts_and_the_outbox_and_delete_a_subscriber_without_the_audit_log_keeping_the_address()
    {
        var email = await Subscribed.AddAsync(portal);
        var (staff, _) = await portal.SignedInAsync("Administrator");
        var overview = await staff.GetPageAsync("/admin/subscriptions");
        Assert.Contains("Confirmed subscribers", overview.DocumentElement.TextContent);

        var found = await staff.GetPageAsync("/admin/subscriptions?address=" + Uri.EscapeDataString(email));
        using (var deleted = await staff.PostFormAsync("/admin/subscriptions/delete", FormFields.Of(found, "#delete-subscriber-form")))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await portal.WithDatabaseAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)));
        var entries = await portal.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityType == SubscriptionRules.AuditEntityType).ToListAsync());
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, e => (e.EntityLabel ?? "").Contains(email, StringComparison.OrdinalIgnoreCase)
            || e.Changes.Any(c => (c.OldValue ?? "").Contains(email, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Every email: the site's name as sender, both parts, the one-click headers, a visible unsubscribe and change-lists link, no images.</summary>
    internal static void AssertEveryEmailCarries(MimeMessage message)
    {
        Assert.Equal("S. Rajaratnam School of International Studies", message.From.Mailboxes.Single().Name);
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
        Assert.False(string.IsNullOrWhiteSpace(message.HtmlBody));
        Assert.Matches("^<https?://[^>]+/unsubscribe/one-click\\?subscriber=\\d+&token=[^>]+>$", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var links = SmtpInbox.LinksIn(message).Select(l => new Uri(l).AbsolutePath).ToList();
        Assert.Contains(SubscriptionLinks.UnsubscribePath, links);
        Assert.Contains(SubscriptionLinks.ManagePath, links);
        Assert.Contains("Unsubscribe", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    internal static FormFields SubscribeForm(AngleSharp.Html.Dom.IHtmlDocument page) => FormFields.Of(page, "#subscribe-form");

    internal static string NewAddress() => $"reader-{Guid.NewGuid():N}@example.org";
}
