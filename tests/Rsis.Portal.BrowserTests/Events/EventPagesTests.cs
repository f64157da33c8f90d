using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Events;

/// <summary>Events in a real browser: staff announce one with the admin form, and readers find and read it; axe finds nothing serious.</summary>
public sealed class EventPagesTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_event_form_refuses_an_end_before_the_start_beside_the_field_and_creates_the_event_once_fixed()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/events/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New event", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser Seminar on Maritime Law");
        await page.GetByLabel("Starts", new() { Exact = true }).FillAsync("2030-03-05T14:00");
        await page.GetByLabel("Ends", new() { Exact = true }).FillAsync("2030-03-05T13:00");
        await page.GetByLabel("Venue (optional)", new() { Exact = true }).FillAsync("Seminar Room 2");
        await page.GetByLabel("Published: on the site and in calendars").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();

        await Expect(page.Locator("#error-EndsAt")).ToHaveTextAsync("The event must end after it starts; enter an end later than the start.");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Ends", new() { Exact = true }).FillAsync("2030-03-05T16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The event has been created.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-event-edit");
    }

    [Fact]
    public async Task The_events_page_and_an_events_own_page_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/events/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser Roundtable on Cyber Norms");
        await page.GetByLabel("Starts", new() { Exact = true }).FillAsync("2030-04-07T10:00");
        await page.GetByLabel("Ends", new() { Exact = true }).FillAsync("2030-04-07T12:00");
        await page.GetByLabel("Venue (optional)", new() { Exact = true }).FillAsync("Seminar Room 1");
        await page.GetByLabel("Link to join online").FillAsync("https://ntu.zoom.us/j/1");
        await page.GetByLabel("Summary").FillAsync("Experts on the norms of state behaviour in cyberspace.");
        await page.GetByLabel("Published: on the site and in calendars").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The event has been created.");

        var reader = await OpenAsync("/events", Viewports.Desktop);
        await Expect(reader.Locator(".event-list")).ToContainTextAsync("Browser Roundtable on Cyber Norms");
        await reader.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(reader, "events");

        await reader.GetByRole(AriaRole.Link, new() { Name = "Browser Roundtable on Cyber Norms" }).ClickAsync();
        await Expect(reader.Locator("h1")).ToHaveTextAsync("Browser Roundtable on Cyber Norms");
        await Expect(reader.Locator(".event-facts")).ToContainTextAsync("10:00 to 12:00");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" })).ToBeVisibleAsync();
        await reader.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(reader, "event");

        var phone = await OpenAsync(new Uri(reader.Url).AbsolutePath, Viewports.Phone);
        await phone.AssertNoSeriousAxeViolationsAsync();
    }
}
