#:package AngleSharp
#:property Configuration=Release
#:property PublishAot=false
#:property NoWarn=$(NoWarn);CA1303;CA1849;CA2007;CA2234

// Two-node eviction delay: how long after a save on node A node B stops serving the cached article. A benchmark,
// not a test; benchmarks/two-node-eviction.sh starts Redis and the two nodes, then runs this.
//   dotnet run benchmarks/eviction-delay.cs -- <node A> <node B> <staff email> <password> [saves, default 100]
// Each round: B's article is read until it comes from the shared cache (an Age header), the title is saved on A
// (a change of case only, so the address stays), and B is read in a loop until it shows it; the time from A's
// answer to B's first page with the new title is one sample.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

if (args.Length < 4)
{
    Console.WriteLine("usage: dotnet run benchmarks/eviction-delay.cs -- <node A> <node B> <staff email> <password> [saves]");
    return 2;
}

var saves = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100;
const string Article = "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy";
const string Title = "US-China Cyber Talks: Internet Security in the Global Economy";
var browser = BrowsingContext.New(Configuration.Default);
var cookies = new CookieContainer();
using var staff = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(args[0]) };
using var reader = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(args[1]) };

async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
{
    var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
    return (IHtmlDocument)await browser.OpenAsync(request => request.Content(html));
}

static List<KeyValuePair<string, string>> Fields(IHtmlDocument page, string selector)
{
    var form = (IHtmlFormElement)(page.QuerySelector(selector) ?? throw new InvalidOperationException("no form " + selector));
    var fields = new List<KeyValuePair<string, string>>();
    foreach (var element in form.Elements)
    {
        switch (element)
        {
            case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file")
                && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                fields.Add(new(input.Name, input.Value));
                break;
            case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                fields.Add(new(select.Name, (select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options[0])?.Value ?? ""));
                break;
            case IHtmlTextAreaElement text when !string.IsNullOrEmpty(text.Name):
                fields.Add(new(text.Name, text.Value));
                break;
        }
    }

    return fields;
}

async Task<HttpStatusCode> PostAsync(string url, List<KeyValuePair<string, string>> fields)
{
    using var content = new FormUrlEncodedContent(fields);
    using var response = await staff.PostAsync(new Uri(url, UriKind.Relative), content);
    return response.StatusCode;
}

var login = Fields(await PageAsync(staff, "/admin/login"), "form[action='/admin/login']");
login.RemoveAll(f => f.Key is "Email" or "Password");
login.Add(new("Email", args[2]));
login.Add(new("Password", args[3]));
if (await PostAsync("/admin/login", login) != HttpStatusCode.Redirect)
{
    Console.Error.WriteLine("Signing in on node A failed.");
    return 1;
}

var list = await PageAsync(staff, "/admin/publications?q=CO13046");
var edit = list.QuerySelectorAll("a[href^='/admin/publications/']").Select(a => a.GetAttribute("href")!)
    .First(href => href.EndsWith("/edit", StringComparison.Ordinal));

var samples = new List<double>();
for (var i = 0; i < saves; i++)
{
    // B serves the article from the shared cache.
    while (true)
    {
        using var cached = await reader.GetAsync(new Uri(Article, UriKind.Relative));
        if (cached.Headers.Age is not null)
        {
            break;
        }
    }

    var title = i % 2 == 0 ? Title.ToUpperInvariant() : Title.ToLowerInvariant();
    var form = Fields(await PageAsync(staff, edit), "#publication-form");
    form.RemoveAll(f => f.Key == "Title");
    form.Add(new("Title", title));
    if (await PostAsync(edit, form) != HttpStatusCode.Redirect)
    {
        Console.Error.WriteLine($"Save {i + 1} on node A was not accepted.");
        return 1;
    }

    var since = Stopwatch.StartNew();
    while (!(await reader.GetStringAsync(new Uri(Article, UriKind.Relative))).Contains(WebUtility.HtmlEncode(title), StringComparison.Ordinal))
    {
    }

    samples.Add(since.Elapsed.TotalMilliseconds);
}

samples.Sort();
double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"two-node eviction delay over {samples.Count} saves: p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {samples[^1]:F1} ms"));
return 0;
