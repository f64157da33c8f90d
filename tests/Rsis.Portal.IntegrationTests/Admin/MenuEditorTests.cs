using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// Staff reshape the menu at /admin/menu and readers' menu follows at once. Each test builds its own little
/// branch (a top-level entry, a column, entries in it), so tests sharing the database do not meet.
/// </summary>
public sealed class MenuEditorTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string FormSelector = "#menu-entry-form";

    private static readonly string[] TargetKinds = ["Series", "Page", "Publication", "External", "Local", "Section"];

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Adds an entry through the "Add" form, changing only the given fields; answers its id.</summary>
    private static async Task<int> AddAsync(HttpClient client, string title, int? parentId = null, params (string Name, string Value)[] fields)
    {
        using var response = await PostAddAsync(client, title, parentId, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Adding {title} answered {(int)response.StatusCode}: " +
            (await response.ReadPageAsync()).QuerySelector(".admin-error-summary")?.TextContent.Squash());
        return EntryIdIn(response.Location());
    }

    private static async Task<HttpResponseMessage> PostAddAsync(HttpClient client, string title, int? parentId, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync("/admin/menu/new" + (parentId is null ? "" : $"?parentId={parentId}"));
        var form = FormFields.Of(page, FormSelector).Set("Title", title);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return await client.PostFormAsync("/admin/menu/new", form);
    }

    private static int EntryIdIn(string location)
    {
        var match = System.Text.RegularExpressions.Regex.Match(location, @"[?&]entry=(\d+)");
        Assert.True(match.Success, $"No entry in {location}.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A new branch: top-level entry, a column under it, and section-page entries in the column.</summary>
    private static async Task<(int Top, string TopTitle, int Column, string ColumnTitle, int[] Leaves, string[] LeafTitles)> BranchAsync(
        HttpClient client, params string[] leaves)
    {
        var topTitle = Unique("Regional Security");
        var top = await AddAsync(client, topTitle);
        var columnTitle = Unique("Maritime Studies");
        var column = await AddAsync(client, columnTitle, top);
        var titles = leaves.Select(Unique).ToArray();
        var ids = new int[titles.Length];
        for (var i = 0; i < titles.Length; i++)
        {
            ids[i] = await AddAsync(client, titles[i], column);
        }

        return (top, topTitle, column, columnTitle, ids, titles);
    }

    /// <summary>Presses one of the small buttons of the tree (move-up, move-down, hide, show) as the tree page offers it.</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, int id, string action, IHtmlDocument? tree = null)
    {
        tree ??= await client.GetPageAsync("/admin/menu");
        return await client.PostFormAsync($"/admin/menu/{id}/{action}", FormFields.Of(tree, $"form[action='/admin/menu/{id}/{action}']"));
    }

    private async Task<IHtmlDocument> PublicHomeAsync() => await portal.CreateReader().GetPageAsync("/");

    private static IElement? TopLevel(IDocument page, string title) =>
        page.QuerySelectorAll("#site-nav .mega-menu > li")
            .SingleOrDefault(li => li.QuerySelector(".mega-menu__top")!.TextContent.Trim() == title);

    /// <summary>The links of a column of the public mega menu, in order; empty when the column is not there.</summary>
    private static List<string> ColumnLinks(IDocument page, string topTitle, string columnTitle) =>
        TopLevel(page, topTitle)?.QuerySelectorAll(".mega-menu__column")
            .SingleOrDefault(c => c.QuerySelector(".mega-menu__heading")?.TextContent.Trim() == columnTitle)?
            .QuerySelectorAll(".mega-menu__list a").Select(a => a.TextContent.Trim()).ToList() ?? [];

    private static string? HrefOf(IDocument page, string title) =>
        page.QuerySelectorAll("#site-nav a").FirstOrDefault(a => a.TextContent.Trim() == title)?.GetAttribute("href");

    [Fact]
    public async Task Moving_an_entry_up_or_down_changes_the_order_readers_see_at_once()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports", "Shipping Lanes", "Piracy");
        Assert.Equal(b.LeafTitles, ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));

        using var up = await PressAsync(client, b.Leaves[1], "move-up");
        var afterUp = ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle);
        using var down = await PressAsync(client, b.Leaves[0], "move-down");
        var afterDown = ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle);

        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal($"/admin/menu?entry={b.Leaves[1]}&done=up#entry-{b.Leaves[1]}", up.Location());
        Assert.Equal([b.LeafTitles[1], b.LeafTitles[0], b.LeafTitles[2]], afterUp);
        Assert.Equal([b.LeafTitles[1], b.LeafTitles[2], b.LeafTitles[0]], afterDown);
        // Back on the tree, the moved entry says what happened, in a status message beside it.
        var tree = await client.GetPageAsync(up.Location());
        Assert.Equal($"“{b.LeafTitles[1]}” has moved up.", tree.QuerySelector($"#entry-{b.Leaves[1]} [role=status]")!.TextContent.Trim());
        Assert.True(tree.QuerySelector($"#entry-{b.Top} details")!.HasAttribute("open"));
    }

    [Fact]
    public async Task Moving_the_first_entry_up_or_the_last_down_changes_nothing_and_says_so()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports", "Shipping Lanes");
        var tree = await client.GetPageAsync("/admin/menu");
        var firstUp = tree.QuerySelector($"form[action='/admin/menu/{b.Leaves[0]}/move-up'] button")!;

        // The button is shown disabled; a post sent anyway does no harm.
        using var up = await PressAsync(client, b.Leaves[0], "move-up", tree);
        using var down = await PressAsync(client, b.Leaves[1], "move-down", tree);
        var page = await client.GetPageAsync(up.Location());

        Assert.True(firstUp.HasAttribute("disabled"));
        Assert.Equal($"Move {b.LeafTitles[0]} up", firstUp.TextContent.Squash());
        Assert.Contains("done=first", up.Location(), StringComparison.Ordinal);
        Assert.Contains("done=last", down.Location(), StringComparison.Ordinal);
        Assert.Contains("is already first in its group; nothing changed.", page.QuerySelector($"#entry-{b.Leaves[0]} [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(b.LeafTitles, ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));
    }

    [Fact]
    public async Task Hiding_an_entry_takes_it_its_children_and_their_section_pages_off_the_site_until_it_is_shown_again()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports");
        var reader = portal.CreateReader();
        var columnPage = "/" + (await client.GetPageAsync($"/admin/menu/{b.Column}/edit")).QuerySelector("#field-Slug")!.GetAttribute("value");
        var leafPage = "/" + (await client.GetPageAsync($"/admin/menu/{b.Leaves[0]}/edit")).QuerySelector("#field-Slug")!.GetAttribute("value");
        await reader.GetPageAsync(columnPage);

        using var hide = await PressAsync(client, b.Column, "hide");
        var hiddenHome = await PublicHomeAsync();
        var tree = await client.GetPageAsync(hide.Location());
        await reader.GetPageAsync(columnPage, HttpStatusCode.NotFound);
        await reader.GetPageAsync(leafPage, HttpStatusCode.NotFound);
        using var show = await PressAsync(client, b.Column, "show");

        Assert.Null(HrefOf(hiddenHome, b.ColumnTitle));
        Assert.Null(HrefOf(hiddenHome, b.LeafTitles[0]));
        Assert.Equal("Hidden", tree.QuerySelector($"#entry-{b.Column} .admin-badge")!.TextContent.Trim());
        Assert.Equal("Hidden with the entry above", tree.QuerySelector($"#entry-{b.Leaves[0]} .admin-badge")!.TextContent.Trim());
        Assert.Equal($"Show {b.ColumnTitle}", tree.QuerySelector($"form[action='/admin/menu/{b.Column}/show'] button")!.TextContent.Squash());
        Assert.Equal([b.LeafTitles[0]], ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));
        await reader.GetPageAsync(leafPage);
    }

    [Fact]
    public async Task An_entry_moved_under_another_parent_shows_there_publicly_last_among_its_new_siblings()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports", "Shipping Lanes");
        var otherTitle = Unique("Energy Studies");
        var other = await AddAsync(client, otherTitle, b.Top);
        var stays = Unique("Nuclear Power");
        await AddAsync(client, stays, other);

        var form = FormFields.Of(await client.GetPageAsync($"/admin/menu/{b.Leaves[0]}/edit"), FormSelector).Set("ParentId", other.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var save = await client.PostFormAsync($"/admin/menu/{b.Leaves[0]}/edit", form);
        var home = await PublicHomeAsync();

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal([stays, b.LeafTitles[0]], ColumnLinks(home, b.TopTitle, otherTitle));
        Assert.Equal([b.LeafTitles[1]], ColumnLinks(home, b.TopTitle, b.ColumnTitle));
    }

    [Fact]
    public async Task A_section_page_whose_address_changed_answers_its_old_address_with_a_301_until_the_entry_is_hidden()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports");
        var reader = portal.CreateReader();
        var oldSlug = (await client.GetPageAsync($"/admin/menu/{b.Leaves[0]}/edit")).QuerySelector("#field-Slug")!.GetAttribute("value")!;
        var newSlug = "ports-" + Guid.NewGuid().ToString("N")[..6];
        await reader.GetPageAsync("/" + oldSlug);

        var form = FormFields.Of(await client.GetPageAsync($"/admin/menu/{b.Leaves[0]}/edit"), FormSelector).Set("Slug", newSlug);
        (await client.PostFormAsync($"/admin/menu/{b.Leaves[0]}/edit", form)).Dispose();
        using var moved = await reader.GetAsync(new Uri("/" + oldSlug, UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await reader.GetPageAsync("/" + newSlug);
        using var hide = await PressAsync(client, b.Leaves[0], "hide");
        using var hidden = await reader.GetAsync(new Uri("/" + oldSlug, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/" + newSlug, moved.Location());
        Assert.Equal(b.LeafTitles[0], page.QuerySelector("h1")!.TextContent.Trim());
        // A hidden section is off the site: its old address is a plain 404, not a redirect to one.
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_fourth_level_is_refused_with_a_message_and_never_offered()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports");
        var otherColumn = await AddAsync(client, Unique("Energy Studies"), b.Top);

        using var underLeaf = await PostAddAsync(client, Unique("Too Deep"), null, ("ParentId", b.Leaves[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // A column with entries under it cannot go under another column: its entries would be at level 4.
        var columnForm = FormFields.Of(await client.GetPageAsync($"/admin/menu/{b.Column}/edit"), FormSelector)
            .Set("ParentId", otherColumn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var columnUnderColumn = await client.PostFormAsync($"/admin/menu/{b.Column}/edit", columnForm);
        var addForm = await client.GetPageAsync("/admin/menu/new");
        var editForm = await client.GetPageAsync($"/admin/menu/{b.Column}/edit");

        Assert.Equal(HttpStatusCode.BadRequest, underLeaf.StatusCode);
        Assert.Contains("is already at the third", (await underLeaf.ReadPageAsync()).QuerySelector("#error-ParentId")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, columnUnderColumn.StatusCode);
        Assert.Contains("would be at level 4", (await columnUnderColumn.ReadPageAsync()).QuerySelector("#error-ParentId")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(addForm.QuerySelectorAll("#field-ParentId option"), o => o.GetAttribute("value") == b.Leaves[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(editForm.QuerySelectorAll("#field-ParentId option"), o => o.GetAttribute("value") == otherColumn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([b.LeafTitles[0]], ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));
    }

    [Fact]
    public async Task An_entry_cannot_go_under_itself_or_under_its_own_entries()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports");
        var id = (int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var underItself = await client.PostFormAsync($"/admin/menu/{b.Top}/edit",
            FormFields.Of(await client.GetPageAsync($"/admin/menu/{b.Top}/edit"), FormSelector).Set("ParentId", id(b.Top)));
        using var underChild = await client.PostFormAsync($"/admin/menu/{b.Top}/edit",
            FormFields.Of(await client.GetPageAsync($"/admin/menu/{b.Top}/edit"), FormSelector).Set("ParentId", id(b.Column)));
        var options = (await client.GetPageAsync($"/admin/menu/{b.Top}/edit")).QuerySelectorAll("#field-ParentId option").Select(o => o.GetAttribute("value")).ToList();

        foreach (var refused in new[] { underItself, underChild })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("cannot go under itself or under an entry below it", (await refused.ReadPageAsync()).QuerySelector("#error-ParentId")!.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(id(b.Top), options);
        Assert.DoesNotContain(id(b.Column), options);
        Assert.NotNull(TopLevel(await PublicHomeAsync(), b.TopTitle));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://files.example.org/")]
    [InlineData("evil.example")]
    [InlineData("https://")]
    [InlineData("")]
    public async Task Unsafe_or_missing_addresses_are_refused_beside_the_field_and_nothing_is_added(string url)
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var title = Unique("Dangerous Link");

        using var response = await PostAddAsync(client, title, null, ("TargetKind", "Url"), ("Url", url));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#error-Url"));
        Assert.Equal("true", page.QuerySelector("#field-Url")!.GetAttribute("aria-invalid"));
        Assert.Equal(title, page.QuerySelector("#field-Title")!.GetAttribute("value"));
        Assert.Null(TopLevel(await PublicHomeAsync(), title));
        Assert.DoesNotContain(title, (await client.GetPageAsync("/admin/menu")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_kind_of_target_gives_the_public_menu_link_its_address()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client);
        var form = await client.GetPageAsync("/admin/menu/new");
        string Option(string select, string label) =>
            form.QuerySelectorAll($"{select} option").Single(o => o.TextContent.Trim() == label).GetAttribute("value")!;
        var titles = TargetKinds.Select(t => Unique(t + " link")).ToArray();
        var slug = "maritime-" + Guid.NewGuid().ToString("N")[..6];

        await AddAsync(client, titles[0], b.Column, ("TargetKind", "Series"), ("SeriesId", Option("#field-SeriesId", "RSIS Commentary Series")));
        await AddAsync(client, titles[1], b.Column, ("TargetKind", "Page"), ("PageId", Option("#field-PageId", "Getting to RSIS")));
        await AddAsync(client, titles[2], b.Column, ("TargetKind", "Publication"), ("PublicationCode", "co13046"));
        await AddAsync(client, titles[3], b.Column, ("TargetKind", "Url"), ("Url", "https://www.ntu.edu.sg/"));
        await AddAsync(client, titles[4], b.Column, ("TargetKind", "Url"), ("Url", "/publications#external-publications"));
        await AddAsync(client, titles[5], b.Column, ("TargetKind", "Section"), ("Slug", slug));
        var home = await PublicHomeAsync();
        var tree = await client.GetPageAsync("/admin/menu");
        var section = await portal.CreateReader().GetPageAsync("/" + slug);

        Assert.Equal(SeedFacts.SeriesUrl, HrefOf(home, titles[0]));
        Assert.Equal("/getting-to-rsis", HrefOf(home, titles[1]));
        Assert.Equal(SeedFacts.ArticleUrl, HrefOf(home, titles[2]));
        Assert.Equal("https://www.ntu.edu.sg/", HrefOf(home, titles[3]));
        Assert.Equal("/publications#external-publications", HrefOf(home, titles[4]));
        Assert.Equal("/" + slug, HrefOf(home, titles[5]));
        Assert.Contains(titles[5], section.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // Its section page lists the entries beside it, the other site's address among them.
        Assert.Contains(section.QuerySelectorAll(".section-links a"), a => a.GetAttribute("href") == "https://www.ntu.edu.sg/");
        // The tree names each target the way staff think of it.
        string Target(string title) => tree.QuerySelectorAll(".menu-entry__row")
            .Single(r => r.QuerySelector(".menu-entry__title")!.TextContent.Trim() == title).QuerySelector(".menu-entry__target")!.TextContent.Trim();
        Assert.Equal("Series: RSIS Commentary Series", Target(titles[0]));
        Assert.Equal("Page: Getting to RSIS", Target(titles[1]));
        Assert.Equal("Publication: CO13046", Target(titles[2]));
        Assert.Equal("URL: https://www.ntu.edu.sg/", Target(titles[3]));
        Assert.Equal($"Section page /{slug}", Target(titles[5]));
    }

    [Fact]
    public async Task An_entry_opening_an_author_or_a_category_links_to_their_page_and_follows_a_new_address()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var authorId = await client.CreateItemAsync("authors", f => f.Set("Name", $"Tan See Seng {tag}"));
        var categoryId = await client.CreateItemAsync("categories", f => f.Set("Name", $"Maritime Security {tag}"));
        var form = await client.GetPageAsync("/admin/menu/new");
        var (authorTitle, categoryTitle) = (Unique("Our dean"), Unique("Maritime"));

        var authorEntry = await AddAsync(client, authorTitle, b.Column, ("TargetKind", "Author"),
            ("AuthorId", form.QuerySelectorAll("#field-AuthorId option").Single(o => o.TextContent.Trim() == $"Tan See Seng {tag}").GetAttribute("value")!));
        await AddAsync(client, categoryTitle, b.Column, ("TargetKind", "Category"),
            ("CategoryId", form.QuerySelectorAll("#field-CategoryId option").Single(o => o.TextContent.Trim() == $"Maritime Security {tag}").GetAttribute("value")!));
        var home = await PublicHomeAsync();
        var tree = await client.GetPageAsync("/admin/menu");

        Assert.Equal($"/authors/tan-see-seng-{tag}", HrefOf(home, authorTitle));
        Assert.Equal($"/categories/maritime-security-{tag}", HrefOf(home, categoryTitle));
        var reader = portal.CreateReader();
        Assert.Equal($"Tan See Seng {tag}", (await reader.GetPageAsync(HrefOf(home, authorTitle)!)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Maritime Security {tag}", (await reader.GetPageAsync(HrefOf(home, categoryTitle)!)).QuerySelector("h1")!.TextContent.Trim());
        string Target(string title) => tree.QuerySelectorAll(".menu-entry__row")
            .Single(r => r.QuerySelector(".menu-entry__title")!.TextContent.Trim() == title).QuerySelector(".menu-entry__target")!.TextContent.Trim();
        Assert.Equal($"Author: Tan See Seng {tag}", Target(authorTitle));
        Assert.Equal($"Category: Maritime Security {tag}", Target(categoryTitle));

        // A new address for the author or category: the menu, already cached, links to it at once.
        (await client.SaveItemAsync("authors", authorId, (await client.ItemFormAsync("authors", authorId)).Set("Slug", $"see-seng-tan-{tag}"))).Dispose();
        Assert.Equal($"/authors/see-seng-tan-{tag}", HrefOf(await PublicHomeAsync(), authorTitle));
        (await client.SaveItemAsync("categories", categoryId, (await client.ItemFormAsync("categories", categoryId)).Set("Slug", $"maritime-affairs-{tag}"))).Dispose();
        var after = await PublicHomeAsync();

        Assert.Equal($"/categories/maritime-affairs-{tag}", HrefOf(after, categoryTitle));
        (await reader.GetPageAsync(HrefOf(after, authorTitle)!)).Dispose();
        (await reader.GetPageAsync(HrefOf(after, categoryTitle)!)).Dispose();
        // The edit form shows the choice as saved.
        var edit = await client.GetPageAsync($"/admin/menu/{authorEntry}/edit");
        Assert.True(edit.QuerySelector("#kind-Author")!.HasAttribute("checked"));
        Assert.Equal($"Tan See Seng {tag}", edit.QuerySelector("#field-AuthorId option[selected]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_author_or_a_category_the_menu_opens_cannot_be_deleted_and_the_refusal_names_the_entry()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var authorId = await client.CreateItemAsync("authors", f => f.Set("Name", $"Kwa Chong Guan {tag}"));
        var categoryId = await client.CreateItemAsync("categories", f => f.Set("Name", $"Cyber Security {tag}"));
        var (authorTitle, categoryTitle) = (Unique("Historian"), Unique("Cyber"));
        var id = System.Globalization.CultureInfo.InvariantCulture;
        await AddAsync(client, authorTitle, null, ("TargetKind", "Author"), ("AuthorId", authorId.ToString(id)));
        await AddAsync(client, categoryTitle, null, ("TargetKind", "Category"), ("CategoryId", categoryId.ToString(id)));

        using var author = await client.ConfirmDeleteAsync("authors", authorId);
        using var category = await client.ConfirmDeleteAsync("categories", categoryId);

        Assert.Equal(HttpStatusCode.BadRequest, author.StatusCode);
        Assert.Contains($"Not deleted. The menu entry “{authorTitle}” opens this author; point it elsewhere or remove it under Menu first.",
            (await author.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
        Assert.Contains($"Not deleted. The menu entry “{categoryTitle}” opens this category; point it elsewhere or remove it under Menu first.",
            (await category.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        var home = await PublicHomeAsync();
        (await portal.CreateReader().GetPageAsync(HrefOf(home, authorTitle)!)).Dispose();
        (await portal.CreateReader().GetPageAsync(HrefOf(home, categoryTitle)!)).Dispose();
    }

    [Fact]
    public async Task An_author_or_a_category_left_unchosen_is_refused_beside_its_field()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var noAuthor = await PostAddAsync(client, Unique("Missing"), null, ("TargetKind", "Author"), ("AuthorId", "999999"));
        using var noCategory = await PostAddAsync(client, Unique("Missing"), null, ("TargetKind", "Category"), ("CategoryId", ""));

        Assert.Equal(HttpStatusCode.BadRequest, noAuthor.StatusCode);
        Assert.Equal("Choose an author.", (await noAuthor.ReadPageAsync()).QuerySelector("#error-AuthorId")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, noCategory.StatusCode);
        Assert.Equal("Choose a category.", (await noCategory.ReadPageAsync()).QuerySelector("#error-CategoryId")!.TextContent.Trim());
    }

    [Fact]
    public async Task Targets_that_do_not_exist_and_addresses_already_taken_are_refused_beside_their_fields()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var noPublication = await PostAddAsync(client, Unique("Missing"), null, ("TargetKind", "Publication"), ("PublicationCode", "XX99999"));
        using var noSeries = await PostAddAsync(client, Unique("Missing"), null, ("TargetKind", "Series"), ("SeriesId", "999999"));
        using var takenSlug = await PostAddAsync(client, Unique("Taken"), null, ("Slug", "about-rsis"));
        using var pageSlug = await PostAddAsync(client, Unique("Taken"), null, ("Slug", "getting-to-rsis"));
        using var siteSlug = await PostAddAsync(client, Unique("Taken"), null, ("Slug", "publications"));
        using var badSlug = await PostAddAsync(client, Unique("Taken"), null, ("Slug", "Not A Slug!"));
        using var emptyTitle = await PostAddAsync(client, "   ", null);
        using var hugeTitle = await PostAddAsync(client, new string('x', 10_000), null);

        Assert.Contains("No publication has the code XX99999.", (await noPublication.ReadPageAsync()).QuerySelector("#error-PublicationCode")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Choose a series.", (await noSeries.ReadPageAsync()).QuerySelector("#error-SeriesId")!.TextContent.Trim());
        Assert.Contains("already used by another menu entry or content page", (await takenSlug.ReadPageAsync()).QuerySelector("#error-Slug")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already used by another menu entry or content page", (await pageSlug.ReadPageAsync()).QuerySelector("#error-Slug")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("is one of the site's own addresses", (await siteSlug.ReadPageAsync()).QuerySelector("#error-Slug")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("only lower-case letters, digits and hyphens", (await badSlug.ReadPageAsync()).QuerySelector("#error-Slug")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Enter a title.", (await emptyTitle.ReadPageAsync()).QuerySelector("#error-Title")!.TextContent.Trim());
        Assert.Contains("at most 200 characters", (await hugeTitle.ReadPageAsync()).QuerySelector("#error-Title")!.TextContent, StringComparison.Ordinal);
        Assert.All(new[] { noPublication, noSeries, takenSlug, pageSlug, siteSlug, badSlug, emptyTitle, hugeTitle },
            r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_with_a_message_and_the_other_save_survives()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(alice, "Ports");
        var alicesForm = FormFields.Of(await alice.GetPageAsync($"/admin/menu/{b.Leaves[0]}/edit"), FormSelector);
        var bobsForm = FormFields.Of(await bob.GetPageAsync($"/admin/menu/{b.Leaves[0]}/edit"), FormSelector);
        var alicesTitle = Unique("Harbours");

        using var first = await alice.PostFormAsync($"/admin/menu/{b.Leaves[0]}/edit", alicesForm.Set("Title", alicesTitle));
        using var second = await bob.PostFormAsync($"/admin/menu/{b.Leaves[0]}/edit", bobsForm.Set("Title", "Bob's title"));
        var refused = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var message = refused.QuerySelector(".admin-conflict")!.TextContent.Squash();
        Assert.Contains($"was changed by {aliceStaff.Email}", message, StringComparison.Ordinal);
        Assert.Contains("Your changes have not been saved; they are still in the form.", message, StringComparison.Ordinal);
        Assert.Equal("Bob's title", refused.QuerySelector("#field-Title")!.GetAttribute("value"));
        Assert.Equal([alicesTitle], ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));
    }

    [Fact]
    public async Task A_move_or_hide_pressed_on_a_stale_tree_is_refused_and_nothing_changes()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(alice, "Ports", "Shipping Lanes");
        var bobsTree = await bob.GetPageAsync("/admin/menu");
        var renamed = Unique("Sea Lanes");
        (await alice.PostFormAsync($"/admin/menu/{b.Leaves[1]}/edit",
            FormFields.Of(await alice.GetPageAsync($"/admin/menu/{b.Leaves[1]}/edit"), FormSelector).Set("Title", renamed))).Dispose();

        using var move = await PressAsync(bob, b.Leaves[1], "move-up", bobsTree);
        using var hide = await PressAsync(bob, b.Leaves[1], "hide", bobsTree);
        var page = await move.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hide.StatusCode);
        var message = page.QuerySelector(".admin-conflict[role=alert]")!.TextContent.Squash();
        Assert.Contains($"“{renamed}” was changed by {aliceStaff.Email}", message, StringComparison.Ordinal);
        Assert.Contains("nothing was done", message, StringComparison.Ordinal);
        // The tree shown with the message is the current one, so pressing again acts on what is there now.
        Assert.NotNull(page.QuerySelector($"#entry-{b.Leaves[1]}"));
        Assert.Equal([b.LeafTitles[0], renamed], ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));
    }

    [Fact]
    public async Task An_entry_without_children_is_deleted_and_one_with_children_is_refused_with_them_listed()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var b = await BranchAsync(client, "Ports", "Shipping Lanes");
        var refusal = await client.GetPageAsync($"/admin/menu/{b.Column}/delete");
        var confirm = await client.GetPageAsync($"/admin/menu/{b.Leaves[0]}/delete");

        // Posted anyway (say from an old page), the branch's delete is refused too.
        using var branch = await client.PostFormAsync($"/admin/menu/{b.Column}/delete",
            FormFields.Of(await client.GetPageAsync($"/admin/menu/{b.Column}/edit"), FormSelector));
        using var leaf = await client.PostFormAsync($"/admin/menu/{b.Leaves[0]}/delete", FormFields.Of(confirm, $"form[action='/admin/menu/{b.Leaves[0]}/delete']"));
        var tree = await client.GetPageAsync(leaf.Location());

        Assert.Null(refusal.QuerySelector($"form[action='/admin/menu/{b.Column}/delete']"));
        Assert.Equal(b.LeafTitles, refusal.QuerySelectorAll(".menu-children li").Select(li => li.TextContent.Trim()));
        Assert.Contains("hide it instead", refusal.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, branch.StatusCode);
        Assert.Contains("cannot be deleted while 2 entries sit under it", (await branch.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, leaf.StatusCode);
        Assert.Equal($"“{b.LeafTitles[0]}” has been deleted from the menu.", tree.QuerySelector(".admin-notice[role=status]")!.TextContent.Trim());
        Assert.Equal([b.LeafTitles[1]], ColumnLinks(await PublicHomeAsync(), b.TopTitle, b.ColumnTitle));
    }

    [Fact]
    public async Task Unknown_entries_answer_404_for_every_page_and_button()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var tree = await client.GetPageAsync("/admin/menu");
        var anyForm = FormFields.Of(tree, "form[action$='/hide']");

        foreach (var url in new[] { "/admin/menu/999999/edit", "/admin/menu/999999/delete" })
        {
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)get.StatusCode}.");
        }

        foreach (var action in new[] { "move-up", "move-down", "hide", "show", "delete" })
        {
            using var post = await client.PostFormAsync($"/admin/menu/999999/{action}", anyForm);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {action}: {(int)post.StatusCode}.");
        }

        using var edit = await client.PostFormAsync("/admin/menu/999999/edit",
            FormFields.Of(await client.GetPageAsync("/admin/menu/new"), FormSelector).Set("Title", "Ghost").Set("ConcurrencyToken", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task A_seeded_entry_whose_address_repeats_another_can_still_be_renamed()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var tree = await client.GetPageAsync("/admin/menu");
        // The source menu has "RSIS Alumni" twice (Graduate Education, and Outreach › Global Networks).
        var alumni = tree.QuerySelectorAll(".menu-entry").Where(e => e.QuerySelector(".menu-entry__title")!.TextContent.Trim() == "RSIS Alumni").ToList();
        var id = alumni[^1].Id!["entry-".Length..];
        var form = FormFields.Of(await client.GetPageAsync($"/admin/menu/{id}/edit"), FormSelector);
        var renamed = Unique("RSIS Alumni Network");

        using var save = await client.PostFormAsync($"/admin/menu/{id}/edit", form.Set("Title", renamed));

        Assert.Equal(2, alumni.Count);
        Assert.Equal("rsis-alumni", form["Slug"]);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(["About Global Networks", renamed], ColumnLinks(await PublicHomeAsync(), "Outreach", "Global Networks"));
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_with_who_and_what()
    {
        var (editor, editorStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var b = await BranchAsync(editor, "Ports", "Shipping Lanes");
        var renamed = Unique("Sea Lanes");
        (await PressAsync(editor, b.Leaves[1], "move-up")).Dispose();
        (await PressAsync(editor, b.Leaves[1], "hide")).Dispose();
        (await PressAsync(editor, b.Leaves[1], "show")).Dispose();
        (await editor.PostFormAsync($"/admin/menu/{b.Leaves[1]}/edit",
            FormFields.Of(await editor.GetPageAsync($"/admin/menu/{b.Leaves[1]}/edit"), FormSelector).Set("Title", renamed))).Dispose();
        var confirm = await editor.GetPageAsync($"/admin/menu/{b.Leaves[0]}/delete");
        (await editor.PostFormAsync($"/admin/menu/{b.Leaves[0]}/delete", FormFields.Of(confirm, $"form[action='/admin/menu/{b.Leaves[0]}/delete']"))).Dispose();

        string[] titles = [b.TopTitle, b.ColumnTitle, .. b.LeafTitles, renamed];
        var rows = AuditRows(await administrator.GetPageAsync("/admin/audit")).Where(r => titles.Contains(r.Label)).Reverse().ToList();

        // Oldest first: the four entries added, then each change to them, every one by the editor who made it.
        Assert.Equal(
            [("Created", b.TopTitle), ("Created", b.ColumnTitle), ("Created", b.LeafTitles[0]), ("Created", b.LeafTitles[1]),
             ("Updated", b.LeafTitles[1]), ("Updated", b.LeafTitles[1]), ("Updated", b.LeafTitles[1]), ("Updated", renamed),
             ("Deleted", b.LeafTitles[0])],
            rows.Select(r => (r.Action, r.Label)));
        Assert.All(rows, r => Assert.Equal(editorStaff.Email, r.Who));
        Assert.Equal((null, b.TopTitle), rows[0].Change("Title"));
        Assert.Equal((null, b.TopTitle), rows[1].Change("Under"));
        Assert.Equal((null, $"{b.TopTitle} › {b.ColumnTitle}"), rows[3].Change("Under"));
        Assert.Equal(($"2 of 2 under {b.TopTitle} › {b.ColumnTitle}", $"1 of 2 under {b.TopTitle} › {b.ColumnTitle}"), rows[4].Change("Position"));
        Assert.Equal(("Yes", "No"), rows[5].Change("Visible"));
        Assert.Equal(("No", "Yes"), rows[6].Change("Visible"));
        Assert.Equal((b.LeafTitles[1], renamed), rows[7].Change("Title"));
        Assert.Equal((b.LeafTitles[0], "(empty)"), rows[8].Change("Title"));
    }

    /// <summary>One row of the audit log as an administrator reads it.</summary>
    private sealed record AuditRow(string Who, string Action, string Label, IReadOnlyList<(string Field, string? Old, string New)> Changes)
    {
        public (string? Old, string New) Change(string field)
        {
            var change = Assert.Single(Changes, c => c.Field == field);
            return (change.Old, change.New);
        }
    }

    /// <summary>The rows of the audit log page, newest first.</summary>
    private static IEnumerable<AuditRow> AuditRows(IHtmlDocument log) =>
        log.QuerySelectorAll(".admin-table tbody tr").Select(row =>
        {
            var cells = row.QuerySelectorAll("td");
            return new AuditRow(
                cells[1].TextContent.Trim(),
                cells[2].TextContent.Squash().Split(' ')[0],
                cells[2].QuerySelector("strong")!.TextContent.Trim(),
                cells[3].QuerySelectorAll("li").Select(li => (
                    li.QuerySelector(".admin-history__field")!.TextContent.Trim(),
                    li.QuerySelector("del")?.TextContent.Trim(),
                    li.QuerySelector("ins")!.TextContent.Trim())).ToList());
        });
}
