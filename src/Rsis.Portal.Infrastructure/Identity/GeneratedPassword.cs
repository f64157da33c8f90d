using System.Security.Cryptography;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>Passwords the portal makes itself: for the first administrator and for resets. Never a fixed one.</summary>
public static class GeneratedPassword
{
    // Letters and digits that cannot be mistaken for one another when read off a terminal (no 0/O, 1/l/I).
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>24 characters from 57: about 140 bits, far past guessing, and still typeable.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 24);
}
