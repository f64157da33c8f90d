using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Common;

/// <summary>
/// The site's own addresses are read from its routes, not kept in a list: a content page, a menu entry's section
/// page or a redirect cannot take one, including a route the list never named, and a route added to the app.
/// </summary>
public sealed class ReservedAddressesTests(NewsroomPortal portal) : IClassFixture<NewsroomPortal>
{
    [Fact]
    public void Every_first_segment_the_app_routes_is_reserved_including_a_route_added_to_it()
    {
        var reserved = portal.Services.GetRequiredService<IReservedAddresses>();
        var firstSegments = portal.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.PathSegments.Count > 0)
            .Select(e => e.RoutePattern.PathSegments[0])
            .Where(s => s is { IsSimple: true } && s.Parts[0].IsLiteral)
            .Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content)
            .Distinct()
            .ToList();

        Assert.Contains(NewsroomPortal.Segment, firstSegments);
        Assert.All(firstSegments, s => Assert.True(reserved.IsReserved(s), $"/{s} is routed but not reserved."));
        Assert.All(["publications", "Search", "admin", "feeds", "robots.txt", "css", "lib"], s => Assert.True(reserved.IsReserved(s), s));
        Assert.All(["about-rsis", "contact-us", "newsroom-archive"], s => Assert.False(reserved.IsReserved(s), s));
    }

    [Fact]
    public async Task A_page_taking_the_address_of_a_route_added_to_the_app_is_refused_with_the_usual_message()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await staff.PostNewItemAsync("pages", f => f.Set("Title", "Our newsroom").Set("Slug", NewsroomPortal.Segment).Set("Body", "Typed"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"/{NewsroomPortal.Segment} is one of the site’s own addresses. Choose another.", (await response.ReadPageAsync()).FieldError("Slug"));
        (await portal.CreateReader().GetPageAsync($"/{NewsroomPortal.Segment}/today")).Dispose();
    }

    [Fact]
    public async Task A_menu_section_at_the_address_of_a_route_added_to_the_app_is_refused_with_the_usual_message()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await staff.GetPageAsync("/admin/menu/new"), "#menu-entry-form")
            .Set("Title", "Newsroom").Set("TargetKind", "Section").Set("Slug", NewsroomPortal.Segment);

        using var response = await staff.PostFormAsync("/admin/menu/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"/{NewsroomPortal.Segment} is one of the site's own addresses, where this entry's section page could never be opened; choose another.",
            (await response.ReadPageAsync()).FieldError("Slug"));
    }

    [Theory]
    [InlineData("/" + NewsroomPortal.Segment + "/2019/annual-report")]
    // Answered by a route the hand-kept list left out (it said a slug has no dot), so a redirect from it was accepted and never used.
    [InlineData("/robots.txt")]
    public async Task A_redirect_from_an_address_under_a_route_is_refused_with_the_usual_message(string oldPath)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await staff.GetPageAsync("/admin/redirects/new"), "form[action='/admin/redirects/new']")
            .Set("OldPath", oldPath).Set("Target", "/publications");

        using var response = await staff.PostFormAsync("/admin/redirects/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{oldPath} is an address of the site that readers can open now; a redirect from it would never be used.",
            (await response.ReadPageAsync()).FieldError("OldPath"));
    }
}

/// <summary>The portal with one route more than the app maps, <c>/newsroom/{slug}</c>, as a new feature would add it.</summary>
public sealed class NewsroomPortal : StaffPortal
{
    public const string Segment = "newsroom";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddControllers().AddApplicationPart(typeof(NewsroomController).Assembly));
    }
}

/// <summary>A feature the app does not have, mapped by the app's own <c>MapControllers</c> in <see cref="NewsroomPortal"/> only.</summary>
[Route(NewsroomPortal.Segment + "/{slug}")]
public sealed class NewsroomController : Controller
{
    [HttpGet("")]
    public IActionResult Show(string slug) => Content("Newsroom: " + slug);
}
