using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Rsis.Portal.Infrastructure.Identity;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal for tests of the staff area: the sign-in rate limit out of the way (tests sign in often), and
/// the security stamp checked on every request, so a removed account's session ends without waiting.
/// </summary>
public class StaffPortal : PortalFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Admin:SignInPermitsPerWindow", "100000"),
        ("Admin:SecurityStampValidationInterval", "00:00:00"),
    ];
}

/// <summary>A member of staff made for a test: a fresh email and a password of the required length.</summary>
public sealed record Staff(string Email, string Password);

/// <summary>Making staff accounts, signing in, and posting forms as a browser would.</summary>
public static class StaffSignIn
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>A new account in <paramref name="role"/>, or in no role at all when it is null.</summary>
    public static async Task<Staff> CreateStaffAsync(this PortalFactory portal, string? role)
    {
        var staff = new Staff($"{role?.ToLowerInvariant() ?? "nobody"}-{Guid.NewGuid():N}@example.org",
            "correct horse battery " + Guid.NewGuid().ToString("N")[..8]);
        if (role is not null)
        {
            await portal.WithServiceAsync<StaffAccounts, StaffAccount>(accounts => accounts.CreateOrResetAsync(staff.Email, role, staff.Password));
            return staff;
        }

        var created = await portal.WithServiceAsync<UserManager<StaffUser>, IdentityResult>(users =>
            users.CreateAsync(new StaffUser { UserName = staff.Email, Email = staff.Email }, staff.Password));
        Assert.True(created.Succeeded);
        return staff;
    }

    /// <summary>A browser-like client (cookies kept, redirects not followed) signed in as a new member of staff in <paramref name="role"/>.</summary>
    public static async Task<(HttpClient Client, Staff Staff)> SignedInAsync(this PortalFactory portal, string? role)
    {
        var staff = await portal.CreateStaffAsync(role);
        var client = portal.CreateVisitor();
        using var response = await client.SignInAsync(staff.Email, staff.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in answered {(int)response.StatusCode}.");
        return (client, staff);
    }

    /// <summary>Fills in the login form and sends it, as a person does.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetPageAsync("/admin/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var form = FormFields.Of(page, "form[action='/admin/login']").Set("Email", email).Set("Password", password);
        return await client.PostFormAsync("/admin/login", form);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, FormFields form)
    {
        using var content = new FormUrlEncodedContent(form.Values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>The page a response shows, read as HTML.</summary>
    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await PageReading.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static string Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";
}

/// <summary>
/// The values a browser would send for a form: its inputs, chosen options, checked boxes and textareas,
/// hidden antiforgery token included. Tests change only the fields the person changes.
/// </summary>
public sealed class FormFields
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public static FormFields Of(IHtmlDocument page, string formSelector)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = new FormFields();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }

                    fields._values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    fields._values.Add(new(select.Name, chosen?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields._values.Add(new(textArea.Name, textArea.Value));
                    break;
            }
        }

        return fields;
    }

    public string? this[string name] => _values.FirstOrDefault(v => v.Key == name).Value;

    /// <summary>Replaces every value of <paramref name="name"/> with these (several for a list, such as authors).</summary>
    public FormFields Set(string name, params string[] values)
    {
        _values.RemoveAll(v => v.Key == name);
        _values.AddRange(values.Select(value => new KeyValuePair<string, string>(name, value)));
        return this;
    }

    public FormFields Without(string name)
    {
        _values.RemoveAll(v => v.Key == name);
        return this;
    }
}

/// <summary>
/// A browser whose cookies a test can read and copy: to keep a session's cookie and send it again later, as
/// someone who copied it from a shared computer would.
/// </summary>
public sealed class CookieBrowser
{
    private CookieBrowser(HttpClient client, CookieContainer cookies)
    {
        Client = client;
        Cookies = cookies;
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    /// <summary>A client of <paramref name="portal"/> (redirects not followed) with <paramref name="cookies"/>, or none.</summary>
    public static CookieBrowser Open(PortalFactory portal, CookieContainer? cookies = null)
    {
        var handler = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies ?? new CookieContainer());
        return new CookieBrowser(portal.CreateDefaultClient(handler), handler.Container);
    }

    /// <summary>A copy of every cookie this browser holds now (the staff cookie and the antiforgery cookie).</summary>
    public CookieContainer Copy()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }
}
