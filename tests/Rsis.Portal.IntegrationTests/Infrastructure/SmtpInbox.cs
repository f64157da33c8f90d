using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping every message it receives parsed
/// by MimeKit. It may be started late, to stand for a mail server that was down.
/// </summary>
public sealed partial class SmtpInbox : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _running;
    private Task? _serving;

    public int Port { get; } = FreePort();

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serving = server.StartAsync(_running.Token);
        // Listening once a connection is accepted.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The messages sent to <paramref name="address"/> (a Unicode domain compared in its ASCII form).</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.GetAddress(idnEncode: true), address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits (up to 20 seconds, polling) for the <paramref name="count"/>th message to <paramref name="address"/> that <paramref name="matches"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? matches = null, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = To(address).Where(m => matches?.Invoke(m) ?? true).ToList();
            if (found.Count >= count)
            {
                return found[count - 1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email #{count} to {address} arrived; {Messages.Count} arrived in all.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The links in a message's plain-text part, in order.</summary>
    public static IReadOnlyList<string> LinksIn(MimeMessage message) =>
        [.. Link().Matches(message.TextBody ?? "").Select(m => m.Value)];

    /// <summary>The path and query of the first link in <paramref name="message"/> to <paramref name="path"/>, to follow through the test client.</summary>
    public static string LinkTo(MimeMessage message, string path) =>
        LinksIn(message).Select(l => new Uri(l)).First(u => u.AbsolutePath == path).PathAndQuery;

    public async ValueTask DisposeAsync()
    {
        if (_running is not null)
        {
            await _running.CancelAsync();
            try
            {
                await _serving!;
            }
            catch (OperationCanceledException)
            {
            }

            _running.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>
/// The portal sending its mail to a <see cref="SmtpInbox"/> of its own (started with the portal unless
/// <see cref="StartsInboxAtOnce"/> is false), the outbox tried every fifth of a second and a failure again after a second.
/// </summary>
public class MailPortal : StaffPortal, IAsyncLifetime
{
    public SmtpInbox Inbox { get; } = new();

    protected virtual bool StartsInboxAtOnce => true;

    protected virtual IEnumerable<(string Key, string Value)> MailSettings => [];

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        .. base.Settings,
        ("Email:Smtp:Host", "127.0.0.1"),
        ("Email:Smtp:Port", Inbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Email:Smtp:UseStartTls", "false"),
        ("Email:Smtp:Timeout", "00:00:05"),
        ("Email:From", "noreply@rsis.example"),
        ("Email:SendInterval", "00:00:00.2"),
        ("Email:FirstRetryAfter", "00:00:01"),
        ("Email:PerAddressInterval", "00:00:00"),
        ("Email:SubscribePermitsPerWindow", "100000"),
        .. MailSettings,
    ];

    public async ValueTask InitializeAsync()
    {
        if (StartsInboxAtOnce)
        {
            await Inbox.StartAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Inbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
