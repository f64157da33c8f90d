using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions;

/// <summary>
/// Writes the email an outbox row stands for, from the data as it is when it is sent. Every one has the site's name
/// as sender, a plain-text and an HTML part, a visible unsubscribe link and a link to change lists, and the
/// <c>List-Unsubscribe</c> / <c>List-Unsubscribe-Post</c> headers of RFC 8058 for one-click unsubscribing. No
/// tracking: no images, no rewritten links, nothing per reader but their own signed links.
/// </summary>
public sealed class SubscriptionMail(SubscriptionLinks links, IOptions<SubscriptionOptions> options, IEnumerable<IAnnouncedItems> announced)
{
    /// <summary>The message for <paramref name="message"/>, or null when there is nothing left to say (its items all withdrawn).</summary>
    public async Task<MimeMessage?> WriteAsync(
        IPortalDbContext db, OutboxMessage message, Subscriber subscriber, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(subscriber);
        var site = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.SchoolName)
            .FirstOrDefaultAsync(cancellationToken) ?? "RSIS";
        var body = new Body();
        string subject;
        switch (message.Kind)
        {
            case OutboxKind.Confirmation:
                subject = $"Confirm your subscription to {site}";
                body.Paragraph($"Someone, probably you, asked to receive email from {site} at this address.");
                body.Link("Confirm your subscription", links.Absolute(SubscriptionLinks.ConfirmPath, LinkPurpose.Confirm, subscriber));
                body.Paragraph("The link works for 48 hours. If you did not ask, ignore this email: nothing will be sent, and the address is forgotten after 7 days.");
                break;
            case OutboxKind.AlreadySubscribed:
                subject = $"You are already subscribed to {site}";
                body.Paragraph($"Someone, probably you, asked to subscribe this address to {site}. It is subscribed already, so nothing has changed.");
                body.Link("Change your lists", links.Absolute(SubscriptionLinks.ManagePath, LinkPurpose.Manage, subscriber));
                break;
            case OutboxKind.NewItem:
                var item = (await ReadAsync(db, message.ItemType, [message.ItemId], nowUtc, cancellationToken)).SingleOrDefault();
                if (item is null)
                {
                    return null;
                }

                subject = item.Title;
                body.Item(item, links.Absolute(item.Path));
                break;
            case OutboxKind.Digest:
                var parts = await db.OutboxMessages.AsNoTracking().Where(m => m.DigestId == message.Id)
                    .Select(m => new { m.ItemType, m.ItemId }).ToListAsync(cancellationToken);
                var items = new List<Announcement>();
                foreach (var type in parts.GroupBy(p => p.ItemType))
                {
                    items.AddRange(await ReadAsync(db, type.Key, type.Select(p => p.ItemId).ToList(), nowUtc, cancellationToken));
                }

                if (items.Count == 0)
                {
                    return null;
                }

                subject = $"This week from {site}";
                body.Paragraph($"Published since your last digest ({items.Count}):");
                foreach (var announcement in items)
                {
                    body.Item(announcement, links.Absolute(announcement.Path));
                }

                break;
            default:
                throw new InvalidOperationException($"No email is written for {message.Kind}.");
        }

        var unsubscribe = links.Absolute(SubscriptionLinks.UnsubscribePath, LinkPurpose.Manage, subscriber);
        var manage = links.Absolute(SubscriptionLinks.ManagePath, LinkPurpose.Manage, subscriber);
        var oneClick = links.Absolute(SubscriptionLinks.OneClickPath, LinkPurpose.Manage, subscriber);
        body.Footer($"You receive this because this address subscribed to {site}.", ("Unsubscribe", unsubscribe), ("Change your lists", manage));

        var mime = new MimeMessage { Subject = subject };
        mime.From.Add(Sender(site));
        mime.To.Add(MailboxAddress.Parse(subscriber.Email));
        mime.Headers.Add("List-Unsubscribe", $"<{oneClick}>");
        mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html(subject) }.ToMessageBody();
        return mime;
    }

    private MailboxAddress Sender(string site)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        return !string.IsNullOrEmpty(from.Name) ? from : new MailboxAddress(site, from.Address);
    }

    private async Task<IReadOnlyList<Announcement>> ReadAsync(
        IPortalDbContext db, string itemType, IReadOnlyCollection<int> ids, DateTime nowUtc, CancellationToken cancellationToken) =>
        announced.FirstOrDefault(a => a.ItemType == itemType) is { } reader
            ? await reader.ReadAsync(db, ids, nowUtc, cancellationToken)
            : [];

    /// <summary>The two parts written side by side, so they say the same.</summary>
    private sealed class Body
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public string Text => _text.ToString();

        public void Paragraph(string text)
        {
            _text.Append(text).Append("\n\n");
            _html.Append("<p>").Append(E(text)).Append("</p>\n");
        }

        public void Link(string label, string url)
        {
            _text.Append(label).Append(":\n").Append(url).Append("\n\n");
            _html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(label)).Append("</a></p>\n");
        }

        public void Item(Announcement item, string url)
        {
            _text.Append(item.Title).Append('\n');
            if (item.Line.Length > 0)
            {
                _text.Append(item.Line).Append('\n');
            }

            if (item.Summary.Length > 0)
            {
                _text.Append('\n').Append(item.Summary).Append('\n');
            }

            _text.Append('\n').Append(item.LinkLabel).Append(": ").Append(url).Append("\n\n");
            _html.Append("<h2><a href=\"").Append(E(url)).Append("\">").Append(E(item.Title)).Append("</a></h2>\n");
            if (item.Line.Length > 0)
            {
                _html.Append("<p><small>").Append(E(item.Line)).Append("</small></p>\n");
            }

            if (item.Summary.Length > 0)
            {
                _html.Append("<p>").Append(E(item.Summary)).Append("</p>\n");
            }
        }

        public void Footer(string text, params (string Label, string Url)[] footerLinks)
        {
            _text.Append("--\n").Append(text).Append('\n');
            _html.Append("<hr>\n<p><small>").Append(E(text));
            foreach (var (label, url) in footerLinks)
            {
                _text.Append(label).Append(": ").Append(url).Append('\n');
                _html.Append("<br><a href=\"").Append(E(url)).Append("\">").Append(E(label)).Append("</a>");
            }

            _html.Append("</small></p>\n");
        }

        public string Html(string title) =>
            $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body>\n{_html}</body></html>\n";

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
