namespace Rsis.Portal.Domain.Navigation;

/// <summary>
/// An address that moved: readers asking for <see cref="OldPath"/> get one 301 to <see cref="Target"/>. Written
/// whenever an item's public address changes, or by staff (an address of the school's old site). Only asked for
/// when no page answered, so it never slows a page that exists.
/// </summary>
public class Redirect
{
    public const int MaxPathLength = 400;
    public const int MaxTargetLength = 2000;

    public int Id { get; set; }

    /// <summary>The path as readers ask for it, e.g. "/authors/raja-mohan"; matched exactly, so unique.</summary>
    public required string OldPath { get; set; }

    /// <summary>A local path ("/authors/c-raja-mohan") or an http(s) address elsewhere.</summary>
    public required string Target { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
