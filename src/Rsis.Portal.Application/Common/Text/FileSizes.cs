namespace Rsis.Portal.Application.Common.Text;

/// <summary>File sizes as staff read them: "27 KB", "1.4 MB", with the exact bytes beside where they help.</summary>
public static class FileSizes
{
    private const double Kilobyte = 1024;
    private const double Megabyte = 1024 * 1024;

    /// <summary>"812 bytes", "27 KB", "1.4 MB", "18 MB": one decimal only where it tells sizes apart.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        // 1023.6 KB would round to "1024 KB": it is already a megabyte.
        < 1024 * 1024 - 512 => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(bytes / Kilobyte, MidpointRounding.AwayFromZero):0} KB"),
        < 10 * 1024 * 1024 - 52_429 => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(bytes / Megabyte, 1, MidpointRounding.AwayFromZero):0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(bytes / Megabyte, MidpointRounding.AwayFromZero):0} MB"),
    };

    /// <summary>"27 KB (27,772 bytes)": the readable size with the exact count, as an upload's record gives it.</summary>
    public static string DescribeExactly(long bytes) =>
        bytes < 1024 ? Describe(bytes) : string.Create(CultureInfo.InvariantCulture, $"{Describe(bytes)} ({bytes:N0} bytes)");
}
