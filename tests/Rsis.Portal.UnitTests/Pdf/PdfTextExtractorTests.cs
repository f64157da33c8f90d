using Rsis.Portal.Infrastructure.Pdf;
using static Rsis.Portal.UnitTests.Pdf.SamplePublications;

namespace Rsis.Portal.UnitTests.Pdf;

/// <summary>Reading the text of uploaded PDFs for search, from good files and from damaged ones.</summary>
public sealed class PdfTextExtractorTests
{
    private static readonly PdfTextExtractor Extractor = new();

    private static byte[] Co13046Pdf() => Renderer.Render(Co13046());

    [Fact]
    public void The_words_of_every_page_are_read()
    {
        var text = Extractor.Extract(Co13046Pdf());

        Assert.NotNull(text);
        Assert.Contains("espionage", text, StringComparison.Ordinal);
        Assert.Contains("Mandiant", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\nthis is not a PDF at all, only its first line is")]
    [InlineData("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 9\ngarbage\ntrailer\n<< /Root 1 0 R >>\nstartxref\n999999\n%%EOF")]
    [InlineData("")]
    public void A_malformed_pdf_gives_no_text_rather_than_an_exception(string content)
    {
        Assert.Null(Extractor.Extract(System.Text.Encoding.ASCII.GetBytes(content)));
    }

    [Fact]
    public void A_pdf_cut_short_gives_at_most_what_can_be_read_and_never_throws()
    {
        var whole = Co13046Pdf();
        foreach (var length in new[] { 16, whole.Length / 3, whole.Length / 2, whole.Length - 40 })
        {
            var text = Extractor.Extract(whole[..length]);

            Assert.True(text is null || text.Length > 0);
        }
    }

    [Fact]
    public void Random_bytes_after_a_pdf_header_give_no_text()
    {
        var content = new byte[64 * 1024];
        new Random(9).NextBytes(content);
        "%PDF-1.5\n"u8.CopyTo(content);

        Assert.Null(Extractor.Extract(content));
    }
}
