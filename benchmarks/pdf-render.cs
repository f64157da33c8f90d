#:project ../src/Rsis.Portal.Infrastructure/Rsis.Portal.Infrastructure.csproj
#:property Configuration=Release
// File-based apps default to native AOT, which turns off the reflection-based JSON the seed reader uses.
#:property PublishAot=false

// How long the PDF renderer takes for CO13046, cold and warm, and the PDF it makes (to look at).
// Run from the repository root: dotnet run benchmarks/pdf-render.cs [output.pdf] [--long output-long.pdf]
// Look at the pages: pdftoppm -png -r 60 /tmp/co13046.pdf /tmp/co13046
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rsis.Portal.Application.Publications.GetPublicationPdf;
using Rsis.Portal.Infrastructure.Pdf;
using Rsis.Portal.Infrastructure.Seeding;

var output = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "/tmp/co13046.pdf";
var longOutput = args.SkipWhile(a => a != "--long").Skip(1).FirstOrDefault();

var seed = new SeedData().Publications[0];
var document = new PublicationDocument(
    "S. Rajaratnam School of International Studies",
    "RSIS Commentary Series",
    seed.Code,
    seed.Title,
    ["C. Raja Mohan"],
    seed.PublishedOn,
    seed.Synopsis,
    seed.Body,
    seed.AboutTheAuthors,
    ["RSIS Commentary Series"],
    $"https://www.rsis.edu.sg/publications/rsis-commentary-series/{seed.Slug}");

var clock = Stopwatch.StartNew();
var renderer = new PublicationPdfRenderer();
var bytes = renderer.Render(document);
var cold = clock.Elapsed.TotalMilliseconds;
File.WriteAllBytes(output, bytes);

for (var i = 0; i < 30; i++)
{
    renderer.Render(document);
}

var warm = new List<double>();
for (var i = 0; i < 200; i++)
{
    clock.Restart();
    renderer.Render(document);
    warm.Add(clock.Elapsed.TotalMilliseconds);
}

warm.Sort();
double Percentile(double p) => warm[(int)Math.Ceiling(p * warm.Count) - 1];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{seed.Code}: {bytes.Length:N0} bytes -> {output}; cold {cold:F0} ms (first render in the process, fonts loaded); " +
    $"warm over {warm.Count}: median {Percentile(0.5):F1} ms, p95 {Percentile(0.95):F1} ms, max {warm[^1]:F1} ms"));

if (longOutput is not null)
{
    // About 6,000 words in long paragraphs, a few headings and one 300-letter word, as in the unit tests.
    var body = new StringBuilder();
    for (var word = 1; word <= 6000; word++)
    {
        body.Append(CultureInfo.InvariantCulture, $"w{word:D4}").Append(word % 450 == 0 || word % 1500 == 0 ? "\n\n" : " ");
        if (word % 1500 == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"## Part {word / 1500}\n\n");
        }

        if (word == 1000)
        {
            body.Append(new string('Q', 300)).Append(' ');
        }
    }

    clock.Restart();
    var longBytes = renderer.Render(document with { BodyMarkdown = body.ToString() });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"6,000-word body: {longBytes.Length:N0} bytes in {clock.Elapsed.TotalMilliseconds:F0} ms -> {longOutput}"));
    File.WriteAllBytes(longOutput, longBytes);
}
