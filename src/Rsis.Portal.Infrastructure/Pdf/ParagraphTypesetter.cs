using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>A piece of a line in one font. <see cref="Text"/> keeps the space that follows it, so text
/// extracted from the PDF has its words apart; <see cref="Width"/> is the ink's, without that space.</summary>
internal sealed record LineFragment(string Text, XFont Font, XColor Color, string? Link, double X, double Width);

internal sealed record TypesetLine(IReadOnlyList<LineFragment> Fragments, double Leading, double BaselineOffset);

/// <summary>
/// Breaks a block's text into lines of a given width: greedy, justified when the style asks (the last line
/// and lines ended by a hard break stay ragged), and a word wider than the line is cut into pieces that fit,
/// at a slash or hyphen when there is one near the end, so a long URL or a pasted token never runs off the page.
/// </summary>
internal sealed class ParagraphTypesetter(TypeMeasure measure)
{
    private const double Tolerance = 0.01;
    private const string PreferredBreaksAfter = "/-.?&=_,;:";
    private const char NoBreakSpace = '\u00A0';

    public IReadOnlyList<TypesetLine> Typeset(TextBlock block, double width)
    {
        var baseFont = measure.Font(block.Style, RunEmphasis.None);
        var lineSet = new LineSet(block.Style, width, baseFont);
        var tokens = Tokenize(block);

        var words = new List<LineWord>();
        var lineWidth = 0.0;
        var pendingGap = 0.0;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Space:
                    pendingGap = token.Width;
                    continue;
                case TokenKind.Break:
                    lineSet.Add(words, justify: false, trailingSpace: true, keepEmpty: true);
                    words.Clear();
                    lineWidth = 0;
                    pendingGap = 0;
                    continue;
            }

            var pieces = token.Pieces!;
            var wordWidth = token.Width;
            var gap = words.Count > 0 ? pendingGap : 0;
            pendingGap = 0;
            if (lineWidth + gap + wordWidth <= width + Tolerance)
            {
                words.Add(new LineWord(pieces, wordWidth, gap));
                lineWidth += gap + wordWidth;
                continue;
            }

            // A compound ("mutually-acceptable") may end the line after its hyphen: tighter justified lines.
            if (words.Count > 0 && SplitAfterDash(pieces, width - lineWidth - gap) is var (head, tail))
            {
                words.Add(new LineWord([head], head.Width, gap));
                lineSet.Add(words, justify: block.Style.Justify, trailingSpace: false);
                words.Clear();
                pieces = [tail];
                wordWidth = tail.Width;
                lineWidth = 0;
            }

            if (wordWidth <= width + Tolerance)
            {
                lineSet.Add(words, justify: block.Style.Justify, trailingSpace: true);
                words.Clear();
                words.Add(new LineWord(pieces, wordWidth, 0));
                lineWidth = wordWidth;
                continue;
            }

            // Wider than a whole line (a URL, a pasted token): it starts where the line has got to, as a URL
            // is set in print, rather than leaving a short line behind it.
            var rest = BreakLongWord(pieces, width, words, lineWidth + gap, gap, lineSet);
            lineWidth = rest.Sum(p => p.Width);
            if (rest.Count > 0)
            {
                words.Add(new LineWord(rest, lineWidth, 0));
            }
        }

        if (words.Count > 0)
        {
            lineSet.Add(words, justify: false, trailingSpace: true);
        }

        if (block.Marker is { } marker && lineSet.Lines.Count > 0)
        {
            lineSet.HangMarker(marker, measure.Width(marker, baseFont));
        }

        return lineSet.Lines;
    }

    private List<Token> Tokenize(TextBlock block)
    {
        var tokens = new List<Token>();
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        XFont? font = null;
        var color = block.Style.Color;
        string? link = null;

        void FlushPiece()
        {
            if (text.Length > 0)
            {
                var s = text.ToString();
                pieces.Add(new Piece(s, font!, color, link, measure.Width(s, font!)));
                text.Clear();
            }
        }

        void FlushWord()
        {
            FlushPiece();
            if (pieces.Count > 0)
            {
                tokens.Add(new Token(TokenKind.Word, pieces.ToArray(), pieces.Sum(p => p.Width)));
                pieces.Clear();
            }
        }

        foreach (var run in block.Runs)
        {
            if (run.Text == TextRun.LineBreak.Text)
            {
                FlushWord();
                tokens.Add(new Token(TokenKind.Break));
                continue;
            }

            FlushPiece();
            font = measure.Font(block.Style, run.Emphasis);
            color = run.Link is null ? block.Style.Color : PublicationStyles.Link;
            link = run.Link;
            foreach (var c in run.Text)
            {
                if (char.IsControl(c) && !char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    // Soft hyphens, zero-width and direction marks, stray control characters: no glyph to show.
                    continue;
                }

                if (char.IsWhiteSpace(c) && c != NoBreakSpace)
                {
                    FlushWord();
                    if (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Word)
                    {
                        tokens.Add(new Token(TokenKind.Space, Width: measure.Width(" ", font)));
                    }
                }
                else
                {
                    text.Append(c);
                }
            }
        }

        FlushWord();
        return tokens;
    }

    /// <summary>
    /// Sets the word's head on the current line (<paramref name="line"/>, <paramref name="used"/> wide so far) and
    /// on as many full lines as it needs, and returns the tail that starts the next line.
    /// </summary>
    private List<Piece> BreakLongWord(IReadOnlyList<Piece> pieces, double width, List<LineWord> line, double used, double gap, LineSet lineSet)
    {
        var current = new List<Piece>();
        if (line.Count == 0)
        {
            used = 0;
        }

        foreach (var whole in pieces)
        {
            var piece = whole;
            while (used + piece.Width > width + Tolerance)
            {
                var n = FittingPrefix(piece.Text, piece.Font, width - used);
                if (n == 0 && current.Count == 0 && line.Count == 0)
                {
                    // Not even one letter fits: set one anyway rather than loop for ever.
                    n = char.IsSurrogatePair(piece.Text, 0) ? 2 : 1;
                }

                if (n > 0)
                {
                    var head = piece.Text[..n];
                    var tail = piece.Text[n..];
                    current.Add(piece with { Text = head, Width = measure.WidthOfPrefix(head, piece.Font) });
                    piece = piece with { Text = tail, Width = measure.WidthOfPrefix(tail, piece.Font) };
                }

                var endsInsideWord = current.Count > 0;
                if (endsInsideWord)
                {
                    line.Add(new LineWord(current.ToArray(), current.Sum(p => p.Width), line.Count > 0 ? gap : 0));
                }

                // No space after a line that stops inside the word: extracted text joins it up again.
                lineSet.Add(line, justify: false, trailingSpace: !endsInsideWord);
                line.Clear();
                current.Clear();
                used = 0;
                if (piece.Text.Length == 0)
                {
                    break;
                }
            }

            if (piece.Text.Length > 0)
            {
                current.Add(piece);
                used += piece.Width;
            }
        }

        return current;
    }

    /// <summary>The word cut after its last hyphen or dash whose head fits in <paramref name="available"/>, if any.</summary>
    private (Piece Head, Piece Tail)? SplitAfterDash(IReadOnlyList<Piece> pieces, double available)
    {
        if (pieces.Count != 1)
        {
            return null;
        }

        var piece = pieces[0];
        for (var i = piece.Text.Length - 3; i >= 1; i--)
        {
            if (piece.Text[i] is '-' or '\u2013' or '\u2014')
            {
                var head = piece.Text[..(i + 1)];
                var headWidth = measure.Width(head, piece.Font);
                if (headWidth <= available + Tolerance)
                {
                    var tail = piece.Text[(i + 1)..];
                    return (piece with { Text = head, Width = headWidth }, piece with { Text = tail, Width = measure.Width(tail, piece.Font) });
                }
            }
        }

        return null;
    }

    /// <summary>The longest head of <paramref name="text"/> that fits, pulled back to a break character near its end.</summary>
    private int FittingPrefix(string text, XFont font, double available)
    {
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (measure.WidthOfPrefix(text[..mid], font) <= available + Tolerance)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var fits = low;
        for (var i = fits - 1; i >= fits * 0.6 && i > 0; i--)
        {
            if (PreferredBreaksAfter.Contains(text[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return fits > 0 && fits < text.Length && char.IsLowSurrogate(text[fits]) ? fits - 1 : fits;
    }

    private enum TokenKind
    {
        Word,
        Space,
        Break,
    }

    private readonly record struct Token(TokenKind Kind, IReadOnlyList<Piece>? Pieces = null, double Width = 0);

    private sealed record Piece(string Text, XFont Font, XColor Color, string? Link, double Width);

    private sealed record LineWord(IReadOnlyList<Piece> Pieces, double Width, double GapBefore);

    /// <summary>The lines set so far, and how a line's words become positioned fragments.</summary>
    private sealed class LineSet(BlockStyle style, double width, XFont baseFont)
    {
        // Beyond this much extra space between two words, a justified line looks gappy: leave it ragged.
        private readonly double _maxStretch = style.Size * 0.6;
        private readonly double _baselineOffset = TypeMeasure.BaselineOffset(baseFont, style.Leading);

        public List<TypesetLine> Lines { get; } = [];

        /// <summary>Sets one line; with <paramref name="keepEmpty"/>, a line with no words (a blank line in code) keeps its height.</summary>
        public void Add(IReadOnlyList<LineWord> words, bool justify, bool trailingSpace, bool keepEmpty = false)
        {
            if (words.Count == 0)
            {
                if (keepEmpty)
                {
                    Lines.Add(new TypesetLine([], style.Leading, _baselineOffset));
                }

                return;
            }

            var natural = words.Sum(w => w.GapBefore + w.Width);
            var extra = justify && words.Count > 1 ? (width - natural) / (words.Count - 1) : 0;
            if (extra < 0 || extra > _maxStretch)
            {
                extra = 0;
            }

            var fragments = new List<LineFragment>();
            var x = 0.0;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (i > 0)
                {
                    x += word.GapBefore + extra;
                }

                for (var j = 0; j < word.Pieces.Count; j++)
                {
                    var piece = word.Pieces[j];
                    var spaceAfter = j == word.Pieces.Count - 1 && (i < words.Count - 1 || trailingSpace);
                    fragments.Add(new LineFragment(spaceAfter ? piece.Text + " " : piece.Text, piece.Font, piece.Color, piece.Link, x, piece.Width));
                    x += piece.Width;
                }
            }

            Lines.Add(new TypesetLine(fragments, style.Leading, _baselineOffset));
        }

        /// <summary>Puts a list item's bullet or number in the indent, right-aligned a little before the text.</summary>
        public void HangMarker(string marker, double markerWidth)
        {
            var first = Lines[0];
            var hung = new LineFragment(marker + " ", baseFont, style.Color, null, -markerWidth - (style.Size * 0.5), markerWidth);
            Lines[0] = first with { Fragments = [hung, .. first.Fragments] };
        }
    }
}
