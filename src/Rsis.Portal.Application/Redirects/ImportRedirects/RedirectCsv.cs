using System.Text;

namespace Rsis.Portal.Application.Redirects.ImportRedirects;

/// <summary>
/// Reads a CSV of <c>old,new</c> pairs: UTF-8 with or without a byte order mark, commas, fields in double quotes
/// (a doubled quote inside one is a quote), blank lines skipped, an optional header row <c>old,new</c>.
/// Hand-written rather than a package: two columns need forty lines, and here every line is bounded (a 5 MB
/// line is refused by its number, never buffered whole) and a file that is not text is said to be so.
/// </summary>
public static class RedirectCsv
{
    public const int MaxLineLength = 4096;
    public const int MaxRows = 20_000;

    public static async Task<CsvReading> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var rows = new List<RedirectCsvRow>();
        var line = new StringBuilder();
        var number = 0;
        var buffer = new char[8192];
        try
        {
            int read;
            var tooLong = false;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var c = buffer[i];
                    if (c == '\0')
                    {
                        return CsvReading.Unreadable("This file is not a CSV text file. Save the sheet as “CSV UTF-8” and upload that.");
                    }

                    if (c == '\n')
                    {
                        number++;
                        if (tooLong)
                        {
                            return CsvReading.Unreadable($"Line {number} is longer than {MaxLineLength:N0} characters; no address is that long. Nothing was imported.");
                        }

                        if (Parse(line.ToString().TrimEnd('\r'), number) is { } row)
                        {
                            rows.Add(row);
                        }

                        line.Clear();
                        if (rows.Count > MaxRows)
                        {
                            return CsvReading.Unreadable($"The file has more than {MaxRows:N0} rows. Split it and upload the parts one by one.");
                        }
                    }
                    else if (line.Length >= MaxLineLength)
                    {
                        tooLong = true;
                    }
                    else
                    {
                        line.Append(c);
                    }
                }
            }

            number++;
            if (tooLong)
            {
                return CsvReading.Unreadable($"Line {number} is longer than {MaxLineLength:N0} characters; no address is that long. Nothing was imported.");
            }

            if (Parse(line.ToString().TrimEnd('\r'), number) is { } last)
            {
                rows.Add(last);
            }
        }
        catch (DecoderFallbackException)
        {
            return CsvReading.Unreadable("This file is not a CSV text file in UTF-8. Save the sheet as “CSV UTF-8” and upload that.");
        }

        return rows.Count == 0
            ? CsvReading.Unreadable("The file has no rows. Each line should be an old address, a comma and where it goes.")
            : new CsvReading(rows, null);
    }

    /// <summary>One line's fields; null for a blank line or the header row.</summary>
    private static RedirectCsvRow? Parse(string line, int number)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var malformed = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        malformed |= quoted;
        fields.Add(field.ToString().Trim());
        if (number == 1 && fields is [var h1, var h2] && h1.Equals("old", StringComparison.OrdinalIgnoreCase) && h2.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return malformed || fields.Count != 2
            ? new RedirectCsvRow(number, fields.ElementAtOrDefault(0) ?? "", fields.ElementAtOrDefault(1) ?? "",
                malformed ? "A quote is opened and never closed." : $"The line has {fields.Count} fields; it needs two: the old address, then where it goes.")
            : new RedirectCsvRow(number, fields[0], fields[1], null);
    }
}

/// <summary>A row of the file: its line number, the two fields, and why it cannot be read (null when it can).</summary>
public sealed record RedirectCsvRow(int Line, string OldPath, string Target, string? Problem);

/// <summary>The rows of a file, or why the file as a whole cannot be read.</summary>
public sealed record CsvReading(IReadOnlyList<RedirectCsvRow> Rows, string? Problem)
{
    public static CsvReading Unreadable(string problem) => new([], problem);
}
