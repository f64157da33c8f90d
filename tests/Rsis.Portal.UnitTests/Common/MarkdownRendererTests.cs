using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.UnitTests.Common;

public sealed class MarkdownRendererTests : IDisposable
{
    private readonly MarkdownRenderer _renderer = new();

    public void Dispose() => _renderer.Dispose();

    [Fact]
    public void The_same_text_rendered_again_keeps_the_heading_levels_asked_for()
    {
        const string markdown = "## Cyber talks\n\nText.";

        // Kept results are looked up by text and offset together: the article's offset must not leak to a page.
        Assert.Contains("<h3", _renderer.ToSafeHtml(markdown, headingOffset: 1), StringComparison.Ordinal);
        Assert.Contains("<h2", _renderer.ToSafeHtml(markdown), StringComparison.Ordinal);
        Assert.Contains("<h3", _renderer.ToSafeHtml(markdown, headingOffset: 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_paragraphs_emphasis_and_links_render_as_html()
    {
        var html = _renderer.ToSafeHtml("## Obama-Xi phone chat\n\nSome *emphasis* and a [link](https://example.org).");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("Obama-Xi phone chat</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<em>emphasis</em>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_offset_moves_body_headings_under_the_pages_own()
    {
        var html = _renderer.ToSafeHtml("## Sub\n\n###### Deepest", headingOffset: 1);

        Assert.Contains("<h3", html, StringComparison.Ordinal);
        Assert.Contains("<h6", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<iframe")]
    [InlineData("<svg onload=\"alert(1)\"></svg>", "onload")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<p style=\"position:fixed\">x</p>", "style=")]
    public void Dangerous_html_in_markdown_is_removed(string markdown, string forbidden)
    {
        var html = _renderer.ToSafeHtml(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_renders_as_nothing(string? markdown)
    {
        Assert.Equal("", _renderer.ToSafeHtml(markdown));
    }
}
