using System.IO.Compression;
using System.Net;
using System.Text;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Caching;

/// <summary>
/// Pages, feeds and the sitemap go out compressed to a client that accepts it, and the output cache keeps the
/// compressed copy; staff pages, forms with a token and files already compressed go out as they are.
/// </summary>
public sealed class CompressionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br;q=0", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    public async Task The_article_is_sent_in_the_best_encoding_the_reader_accepts_and_reads_the_same(string acceptEncoding, string sent)
    {
        var plain = await GetAsync(SeedFacts.ArticleUrl, null);
        var compressed = await GetAsync(SeedFacts.ArticleUrl, acceptEncoding);

        Assert.Null(plain.Encoding);
        Assert.Equal(sent, compressed.Encoding);
        Assert.Contains("Accept-Encoding", compressed.Vary);
        Assert.True(compressed.Body.Length * 3 < plain.Body.Length, $"{compressed.Body.Length} bytes compressed from {plain.Body.Length}.");
        Assert.Equal(Encoding.UTF8.GetString(plain.Body), Encoding.UTF8.GetString(Decompress(compressed)));
    }

    [Fact]
    public async Task The_output_cache_keeps_one_copy_per_encoding_and_sends_each_reader_one_they_can_read()
    {
        const string page = "/categories";
        var first = await GetAsync(page, "br");
        var again = await GetAsync(page, "gzip, deflate, br");
        var gzip = await GetAsync(page, "gzip");
        var plain = await GetAsync(page, null);

        Assert.Null(first.Age);
        // A hit, as kept: compressed once.
        Assert.NotNull(again.Age);
        Assert.Equal("br", again.Encoding);
        Assert.Equal(first.Body, again.Body);
        // Readers who cannot read Brotli are never sent the Brotli copy.
        Assert.Equal("gzip", gzip.Encoding);
        Assert.Null(plain.Encoding);
        Assert.Equal(Decompress(first), Decompress(gzip));
        Assert.Equal(Decompress(first), plain.Body);
    }

    [Theory]
    [InlineData("/feeds/publications.rss")]
    [InlineData("/feeds/publications.atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/oai?verb=Identify")]
    public async Task Feeds_the_sitemap_and_harvests_are_compressed(string address)
    {
        var response = await GetAsync(address, "br");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("br", response.Encoding);
        Assert.StartsWith("<?xml", Encoding.UTF8.GetString(Decompress(response)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/subscribe")]
    [InlineData("/admin/login")]
    public async Task A_page_that_carries_a_form_token_is_never_compressed(string address)
    {
        var response = await GetAsync(address, "gzip, deflate, br");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Encoding);
        Assert.Contains("__RequestVerificationToken", Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_and_a_png_go_out_as_they_are()
    {
        foreach (var (address, start) in new[] { (SeedFacts.ArticleUrl + ".pdf", "%PDF-"u8.ToArray()), (SeedFacts.ArticleUrl + "/card.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }) })
        {
            var response = await GetAsync(address, "gzip, deflate, br");

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Null(response.Encoding);
            Assert.Equal(start, response.Body[..start.Length]);
        }
    }

    private async Task<Sent> GetAsync(string address, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await portal.CreateReader().SendAsync(request, Cancel);
        return new Sent(
            response.StatusCode,
            response.Content.Headers.ContentEncoding.SingleOrDefault(),
            [.. response.Headers.Vary],
            response.Headers.Age,
            await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    private static byte[] Decompress(Sent sent)
    {
        using var input = new MemoryStream(sent.Body);
        using Stream decoder = sent.Encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Not compressed: {sent.Encoding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private sealed record Sent(HttpStatusCode Status, string? Encoding, IReadOnlyList<string> Vary, TimeSpan? Age, byte[] Body);
}
