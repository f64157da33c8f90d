using MimeKit;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions;

/// <summary>
/// What counts as a subscriber's address, and the one form it is stored and mailed in: the domain lower-cased,
/// a Unicode domain ("例え.jp") in its ASCII form ("xn--r8jz45g.jp"), so the same mailbox is one subscriber.
/// </summary>
public static class SubscriberAddress
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The address to store, or null when <paramref name="typed"/> is not one bare email address.</summary>
    public static string? Normalize(string? typed)
    {
        var value = typed?.Trim();
        // Checked before any parsing: a line break in an address is a header injection ("a@b.c\r\nBcc: x@y.z").
        if (string.IsNullOrEmpty(value) || value.Length > Subscriber.MaxEmailLength
            || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || value.Count(c => c == '@') != 1)
        {
            return null;
        }

        // MimeKit's parser, as MailKit will use it to send; a display name or a group ("Ann <a@b.c>") is not a bare address.
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0)
        {
            return null;
        }

        var at = mailbox.Address.LastIndexOf('@');
        if (at <= 0 || at == mailbox.Address.Length - 1)
        {
            return null;
        }

        var local = mailbox.Address[..at];
        string domain;
        try
        {
            domain = Idn.GetAscii(mailbox.Address[(at + 1)..].TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var address = local + "@" + domain;
        return domain.Contains('.', StringComparison.Ordinal) && address.Length <= Subscriber.MaxEmailLength ? address : null;
    }
}
