using System.Net;
using System.Xml.Linq;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using static Rsis.Portal.IntegrationTests.Harvesting.OaiPmhSchemas;

namespace Rsis.Portal.IntegrationTests.Harvesting;

/// <summary>
/// OAI-PMH 2.0 at /oai: every verb and every error, each answer checked against the protocol's XML schema, and
/// harvests as a repository harvester makes them (whole, by set, since a date, page after page).
/// </summary>
public sealed class OaiPmhTests(HarvestingPortal portal) : IClassFixture<HarvestingPortal>
{
    private const string SeedIdentifier = "oai:localhost:" + SeedFacts.Code;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Identify_names_the_repository_its_base_url_email_and_granularity()
    {
        var identify = (await OaiAsync("verb=Identify")).Root!.Element(Oai + "Identify")!;

        Assert.Equal("S. Rajaratnam School of International Studies", identify.Element(Oai + "repositoryName")!.Value);
        Assert.Equal("http://localhost/oai", identify.Element(Oai + "baseURL")!.Value);
        Assert.Equal("2.0", identify.Element(Oai + "protocolVersion")!.Value);
        Assert.Equal(HarvestingPortal.AdminEmail, identify.Element(Oai + "adminEmail")!.Value);
        Assert.Equal("transient", identify.Element(Oai + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(Oai + "granularity")!.Value);
    }

    [Fact]
    public async Task The_answer_is_utf8_xml_with_status_200_and_echoes_the_request()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/oai?verb=Identify", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var request = Validate(await response.Content.ReadAsStringAsync(Cancel)).Root!.Element(Oai + "request")!;
        Assert.Equal(("Identify", "http://localhost/oai"), (request.Attribute("verb")!.Value, request.Value));
    }

    [Fact]
    public async Task Dublin_core_is_the_only_metadata_format_for_the_repository_and_for_a_record()
    {
        foreach (var query in new[] { "verb=ListMetadataFormats", "verb=ListMetadataFormats&identifier=" + SeedIdentifier })
        {
            var format = Assert.Single((await OaiAsync(query)).Descendants(Oai + "metadataFormat"));
            Assert.Equal("oai_dc", format.Element(Oai + "metadataPrefix")!.Value);
            Assert.Equal(DublinCoreNamespace, format.Element(Oai + "metadataNamespace")!.Value);
        }
    }

    [Fact]
    public async Task ListSets_offers_each_group_and_each_series_by_its_slug()
    {
        var sets = (await OaiAsync("verb=ListSets")).Descendants(Oai + "set")
            .ToDictionary(s => s.Element(Oai + "setSpec")!.Value, s => s.Element(Oai + "setName")!.Value);

        Assert.Equal("RSIS Publications", sets["group.rsis-publications"]);
        Assert.Equal("External Publications", sets["group.external-publications"]);
        Assert.Equal("RSIS Commentary Series", sets["rsis-commentary-series"]);
        Assert.Equal(22, sets.Count);
    }

    [Fact]
    public async Task GetRecord_gives_the_commentary_in_dublin_core_with_its_sets()
    {
        var record = (await OaiAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + SeedIdentifier)).Descendants(Oai + "record").Single();

        var header = record.Element(Oai + "header")!;
        Assert.Equal(SeedIdentifier, header.Element(Oai + "identifier")!.Value);
        Assert.Equal(["rsis-commentary-series", "group.rsis-publications"], header.Elements(Oai + "setSpec").Select(s => s.Value));
        var dc = record.Element(Oai + "metadata")!.Element(XName.Get("dc", DublinCoreNamespace))!;
        Assert.Equal(SeedFacts.Title, dc.Element(Elements + "title")!.Value);
        Assert.Equal([SeedFacts.Author], dc.Elements(Elements + "creator").Select(c => c.Value));
        Assert.Equal("2013-03-18", dc.Element(Elements + "date")!.Value);
        Assert.StartsWith(SeedFacts.SynopsisStart, dc.Element(Elements + "description")!.Value, StringComparison.Ordinal);
        Assert.Contains("http://localhost" + SeedFacts.ArticleUrl, dc.Elements(Elements + "identifier").Select(i => i.Value));
        Assert.Equal("RSIS Commentary Series", dc.Element(Elements + "source")!.Value);
        Assert.Equal("en", dc.Element(Elements + "language")!.Value);
    }

    [Fact]
    public async Task ListIdentifiers_gives_headers_without_metadata()
    {
        var document = await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=rsis-commentary-series&until=2099-01-01");

        var header = document.Descendants(Oai + "header").Single(h => h.Element(Oai + "identifier")!.Value == SeedIdentifier);
        Assert.Equal(XName.Get("ListIdentifiers", OaiNamespace), header.Parent!.Name);
        Assert.Empty(document.Descendants(Oai + "metadata"));
    }

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Identify&verb=ListSets", "badVerb")]
    [InlineData("verb=Harvest", "badVerb")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&colour=blue", "badArgument")]
    [InlineData("verb=Identify&set=books", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=GetRecord&identifier=" + SeedIdentifier, "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2013-13-45", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2014-01-02&until=2014-01-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2013-01-01&until=2014-01-01T00:00:00Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc&set=books", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marc", "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&metadataPrefix=marc&identifier=" + SeedIdentifier, "cannotDisseminateFormat")]
    [InlineData("verb=ListRecords&resumptionToken=CfDJ8forged", "badResumptionToken")]
    [InlineData("verb=ListSets&resumptionToken=anything", "badResumptionToken")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=no-such-series", "noRecordsMatch")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01", "noRecordsMatch")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:CO99999", "idDoesNotExist")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:elsewhere.org:CO13046", "idDoesNotExist")]
    [InlineData("verb=%01", "badVerb")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=%01", "badArgument")]
    [InlineData("verb=Identify&%EF%BF%BE=x", "badArgument")]
    public async Task Bad_requests_get_the_protocols_error_with_status_200(string query, string code)
    {
        var document = await OaiAsync(query);

        var error = Assert.Single(document.Root!.Elements(Oai + "error"));
        Assert.Equal(code, error.Attribute("code")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(error.Value), "The error says nothing.");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59:59Z")]
    public async Task Until_the_last_day_there_is_lists_everything(string until)
    {
        var document = await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=rsis-commentary-series&until=" + until);

        Assert.Contains(SeedIdentifier, document.Descendants(Oai + "identifier").Select(i => i.Value));
    }

    [Fact]
    public async Task An_error_is_not_kept_in_the_cache_where_an_answer_is()
    {
        // Kept answers carry Age; each junk argument kept would take room from the pages.
        foreach (var (query, kept) in new[] { ("verb=Identify&junk=1", false), ("verb=ListSets", true) })
        {
            await OaiAsync(query);
            using var again = await portal.CreateReader().GetAsync(new Uri("/oai?" + query, UriKind.Relative), Cancel);

            Assert.Equal(kept, again.Headers.Age is not null);
        }
    }

    [Fact]
    public async Task A_post_with_a_form_body_is_answered_like_a_get()
    {
        using var content = new FormUrlEncodedContent([new("verb", "GetRecord"), new("metadataPrefix", "oai_dc"), new("identifier", SeedIdentifier)]);
        using var response = await portal.CreateReader().PostAsync(new Uri("/oai", UriKind.Relative), content, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Validate(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(SeedIdentifier, document.Descendants(Oai + "identifier").Single().Value);
    }

    [Fact]
    public async Task A_full_harvest_of_250_new_publications_pages_through_them_all_once_with_the_counts_right()
    {
        var codes = await portal.AddPublishedAsync("FH", 250, "policy-reports", DateTime.UtcNow);

        var harvested = new List<string>();
        var query = "verb=ListRecords&metadataPrefix=oai_dc";
        int? completeListSize = null;
        for (var page = 0; ; page++)
        {
            var list = (await OaiAsync(query)).Root!.Element(Oai + "ListRecords")!;
            var records = list.Elements(Oai + "record").ToList();
            Assert.True(records.Count <= 100, $"Page {page} has {records.Count} records.");
            harvested.AddRange(records.Select(r => r.Element(Oai + "header")!.Element(Oai + "identifier")!.Value));
            var token = list.Element(Oai + "resumptionToken");
            if (token is null)
            {
                Assert.Equal(0, page);
                break;
            }

            Assert.Equal((page * 100).ToString(System.Globalization.CultureInfo.InvariantCulture), token.Attribute("cursor")!.Value);
            completeListSize ??= int.Parse(token.Attribute("completeListSize")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(completeListSize, int.Parse(token.Attribute("completeListSize")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            if (token.Value.Length == 0)
            {
                break;
            }

            Assert.Equal(100, records.Count);
            query = "verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value);
        }

        Assert.Equal(harvested.Count, harvested.Distinct().Count());
        Assert.Equal(completeListSize, harvested.Count);
        Assert.True(harvested.Count >= 251, $"Only {harvested.Count} records were harvested.");
        Assert.Empty(codes.Select(c => "oai:localhost:" + c).Except(harvested));
        Assert.Contains(SeedIdentifier, harvested);
    }

    [Fact]
    public async Task A_selective_harvest_of_one_series_since_a_day_gives_only_what_changed_there_since()
    {
        var old = await portal.AddPublishedAsync("SO", 3, "nts-insight", new DateTime(2021, 6, 1, 8, 0, 0, DateTimeKind.Utc));
        var recent = await portal.AddPublishedAsync("SN", 2, "nts-insight", new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Utc));
        await portal.AddPublishedAsync("SX", 2, "monographs", new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Utc));

        var headers = (await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=nts-insight&from=2024-01-01")).Descendants(Oai + "header").ToList();

        Assert.Equal(recent.Select(c => "oai:localhost:" + c), headers.Select(h => h.Element(Oai + "identifier")!.Value));
        Assert.All(headers, h => Assert.Equal("2024-06-01T08:00:00Z", h.Element(Oai + "datestamp")!.Value));
        var untilSecond = await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=nts-insight&from=2021-06-01T08:00:00Z&until=2021-06-01T08:00:00Z");
        Assert.Equal(old.Select(c => "oai:localhost:" + c), untilSecond.Descendants(Oai + "identifier").Select(i => i.Value));
        var group = await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=group.rsis-publications&from=2024-06-01&until=2024-06-01");
        Assert.Equal(4, group.Descendants(Oai + "header").Count());
    }

    [Fact]
    public async Task A_publication_in_the_trash_is_reported_as_deleted_without_metadata()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Lighthouses of the Straits", status: "Published");
        var code = (await staff.EditFormAsync(id))["Code"]!;
        using (var deleted = await staff.ConfirmDeleteAsync("publications", id))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var record = (await OaiAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:{code}")).Descendants(Oai + "record").Single();

        Assert.Equal("deleted", record.Element(Oai + "header")!.Attribute("status")!.Value);
        Assert.Null(record.Element(Oai + "metadata"));
        var listed = (await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=rsis-commentary-series")).Descendants(Oai + "header")
            .Single(h => h.Element(Oai + "identifier")!.Value == "oai:localhost:" + code);
        Assert.Equal("deleted", listed.Attribute("status")!.Value);
    }

    [Fact]
    public async Task A_newly_published_record_appears_in_a_cached_list_at_once()
    {
        const string query = "verb=ListIdentifiers&metadataPrefix=oai_dc&set=rsis-commentary-series";
        var before = (await OaiAsync(query)).Descendants(Oai + "identifier").Select(i => i.Value).ToList();

        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Ports of Call", status: "Published");
        var code = (await staff.EditFormAsync(id))["Code"]!;

        var after = (await OaiAsync(query)).Descendants(Oai + "identifier").Select(i => i.Value).ToList();
        Assert.DoesNotContain("oai:localhost:" + code, before);
        Assert.Equal(before.Append("oai:localhost:" + code).Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_resumption_token_past_its_day_is_refused()
    {
        await portal.AddPublishedAsync("EX", 101, "working-papers", DateTime.UtcNow);
        var token = (await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=working-papers")).Descendants(Oai + "resumptionToken").Single().Value;

        portal.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var error = (await OaiAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token))).Root!.Element(Oai + "error")!;
        Assert.Equal("badResumptionToken", error.Attribute("code")!.Value);
    }

    /// <summary>GET /oai?<paramref name="query"/>: a 200, valid against the schemas, parsed.</summary>
    private async Task<XDocument> OaiAsync(string query)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/oai?" + query, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Validate(await response.Content.ReadAsStringAsync(Cancel));
    }
}
