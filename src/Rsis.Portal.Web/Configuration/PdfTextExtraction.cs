using System.Threading.Channels;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Reads the text of uploaded PDFs for search (<see cref="ExtractPendingPdfText"/>): at once when an upload
/// raises <see cref="PdfTextSignal"/> on this node, and every <c>Pdf:TextExtractionInterval</c> (a minute unless
/// set) for uploads on other nodes, PDFs a restart left waiting and any the lock kept another node from. One node
/// reads at a time.
/// </summary>
internal sealed class PdfTextExtraction(
    IServiceScopeFactory scopes, IWorkLocks locks, TimeProvider time, PdfTextSignal signal, IConfiguration configuration,
    ILogger<PdfTextExtraction> logger)
    : PeriodicWork(scopes, locks, time, logger)
{
    protected override TimeSpan Interval { get; } = configuration.GetValue("Pdf:TextExtractionInterval", TimeSpan.FromMinutes(1));

    protected override bool StartsAtOnce => true;

    protected override string What => "reading the text of uploaded PDFs";

    protected override Task WakeAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);

    protected override async Task RunAsync(ISender sender, CancellationToken cancellationToken)
    {
        // A full batch means more are waiting: go on rather than wait a turn.
        int read;
        do
        {
            read = await sender.Send(new ExtractPendingPdfText(), cancellationToken);
            if (read > 0)
            {
                logger.LogInformation("Read the text of {Count} uploaded PDF(s) for search", read);
            }
        }
        while (read == ExtractPendingPdfText.BatchSize);
    }
}

/// <summary>
/// The upload's nudge to <see cref="PdfTextExtraction"/> on this node. Raises while a reading is under way are
/// kept as one, so the reader takes one more turn after it and finds every upload that came meanwhile.
/// </summary>
internal sealed class PdfTextSignal : IPdfTextSignal
{
    private readonly Channel<bool> _raised = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Raise() => _raised.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) => await _raised.Reader.ReadAsync(cancellationToken);
}
