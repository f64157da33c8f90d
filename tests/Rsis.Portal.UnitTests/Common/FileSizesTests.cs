using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.UnitTests.Common;

public sealed class FileSizesTests
{
    [Theory]
    [InlineData(1, "1 byte")]
    [InlineData(812, "812 bytes")]
    [InlineData(27_772, "27 KB")]
    [InlineData(1_048_300, "1.0 MB")]
    [InlineData(1_468_006, "1.4 MB")]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    public void Sizes_read_as_staff_say_them(long bytes, string expected) =>
        Assert.Equal(expected, FileSizes.Describe(bytes));

    [Fact]
    public void The_exact_size_names_the_bytes_beside_the_readable_one() =>
        Assert.Equal("27 KB (27,772 bytes)", FileSizes.DescribeExactly(27_772));
}
