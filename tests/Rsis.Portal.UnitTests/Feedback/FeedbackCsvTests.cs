using Rsis.Portal.Application.Feedback.ExportFeedback;

namespace Rsis.Portal.UnitTests.Feedback;

public sealed class FeedbackCsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    public void Cells_that_start_like_a_formula_get_an_apostrophe_first(string value, string cell)
    {
        Assert.Equal(cell, FeedbackCsv.Cell(value));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("one\ntwo", "\"one\ntwo\"")]
    [InlineData("1=1", "1=1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Commas_quotes_and_line_breaks_are_quoted_as_RFC_4180_says(string? value, string cell)
    {
        Assert.Equal(cell, FeedbackCsv.Cell(value));
    }

    [Fact]
    public void A_row_has_an_iso_date_in_utc_and_its_cells_in_the_header_order()
    {
        var row = new FeedbackExportRow(7, new DateTime(2026, 3, 1, 8, 5, 9, DateTimeKind.Utc), 5, "Clear", null, "a@example.org", "/about", "Agent, 1.0");

        Assert.Equal("7,2026-03-01T08:05:09Z,5,Clear,,a@example.org,/about,\"Agent, 1.0\"", FeedbackCsv.Line(row));
        Assert.Equal(8, FeedbackCsv.Header.Count);
    }
}
