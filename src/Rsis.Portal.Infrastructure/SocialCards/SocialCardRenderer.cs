using System.Globalization;
using Rsis.Portal.Application.Publications.GetSocialCard;
using SkiaSharp;

namespace Rsis.Portal.Infrastructure.SocialCards;

/// <summary>
/// Draws social cards with SkiaSharp in the site's colours (site.css: navy, red rule, border grey) and the Liberation
/// typefaces shipped for the PDFs (Pdf/Fonts): series and code above, the title in serif as large as fits, then the
/// authors, the date and the school.
/// </summary>
public sealed class SocialCardRenderer : ISocialCardRenderer, IDisposable
{
    private const float Margin = 72;
    private const float TitleTop = 170;
    private const float TitleBottom = 440;
    private const float LargestTitle = 64;
    private const float SmallestTitle = 34;

    private static readonly SKColor Navy = SKColor.Parse("#002855");
    private static readonly SKColor NavyLight = SKColor.Parse("#14407a");
    private static readonly SKColor RedRule = SKColor.Parse("#c8102e");
    private static readonly SKColor Border = SKColor.Parse("#d6dce5");

    private readonly SKTypeface sans = Load("LiberationSans-Regular");
    private readonly SKTypeface sansBold = Load("LiberationSans-Bold");
    private readonly SKTypeface serifBold = Load("LiberationSerif-Bold");

    public string Version => "card-1";

    public byte[] Render(SocialCardDocument card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var width = (float)ISocialCardRenderer.Width;
        var textWidth = width - 2 * Margin;
        var info = new SKImageInfo(ISocialCardRenderer.Width, ISocialCardRenderer.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(Navy);

        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        fill.Color = RedRule;
        canvas.DrawRect(0, 0, width, 14, fill);
        fill.Color = NavyLight;
        canvas.DrawRect(0, ISocialCardRenderer.Height - 96, width, 96, fill);

        using var series = new SKFont(sansBold, 28);
        fill.Color = Border;
        var heading = Fit($"{card.SeriesName.ToUpperInvariant()}  ·  {card.Code}", series, textWidth);
        canvas.DrawText(heading, Margin, 104, SKTextAlign.Left, series, fill);
        fill.Color = RedRule;
        canvas.DrawRect(Margin, 128, 96, 6, fill);

        var (titleFont, lines) = TitleLines(card.Title, textWidth);
        using (titleFont)
        {
            fill.Color = SKColors.White;
            var lineHeight = titleFont.Size * 1.18f;
            var y = TitleTop + titleFont.Size;
            foreach (var line in lines)
            {
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, titleFont, fill);
                y += lineHeight;
            }
        }

        using var people = new SKFont(sans, 32);
        fill.Color = SKColors.White;
        canvas.DrawText(Fit(string.Join(", ", card.Authors), people, textWidth), Margin, 498, SKTextAlign.Left, people, fill);

        using var footer = new SKFont(sansBold, 26);
        fill.Color = Border;
        var date = card.PublishedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        canvas.DrawText(date, Margin, ISocialCardRenderer.Height - 38, SKTextAlign.Left, footer, fill);
        fill.Color = SKColors.White;
        var school = Fit(card.SchoolName, footer, textWidth - footer.MeasureText(date) - 48);
        canvas.DrawText(school, width - Margin, ISocialCardRenderer.Height - 38, SKTextAlign.Right, footer, fill);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    public void Dispose()
    {
        sans.Dispose();
        sansBold.Dispose();
        serifBold.Dispose();
    }

    /// <summary>The title wrapped at the largest size whose lines fit the title's box; at the smallest, cut with an ellipsis.</summary>
    private (SKFont Font, List<string> Lines) TitleLines(string title, float width)
    {
        for (var size = LargestTitle; ; size -= 2)
        {
            var font = new SKFont(serifBold, size);
            var lines = Wrap(title, font, width);
            var fitting = (int)((TitleBottom - TitleTop) / (size * 1.18f));
            if (lines.Count <= fitting && lines.All(l => font.MeasureText(l) <= width))
            {
                return (font, lines);
            }

            if (size <= SmallestTitle)
            {
                var kept = lines.Take(fitting).Select(l => Fit(l, font, width)).ToList();
                if (lines.Count > fitting)
                {
                    kept[^1] = Fit(kept[^1] + " …", font, width, force: true);
                }

                return (font, kept);
            }

            font.Dispose();
        }
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The text as it is if it fits, otherwise cut at a character and ended with an ellipsis.</summary>
    private static string Fit(string text, SKFont font, float width, bool force = false)
    {
        if (!force && font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text.TrimEnd(' ', '…');
        while (cut.Length > 0 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private static SKTypeface Load(string face)
    {
        using var stream = typeof(SocialCardRenderer).Assembly.GetManifestResourceStream($"Pdf/Fonts/{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"SkiaSharp could not read the font {face}.");
    }
}
