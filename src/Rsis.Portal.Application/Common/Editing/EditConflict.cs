using FluentValidation.Results;

namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// The token an edit form should carry after a refused stale save: the current one, so that saving again is a
/// deliberate choice to replace the other person's changes, made after reading the message.
/// </summary>
public sealed record CurrentConcurrencyToken(Guid Value);

/// <summary>
/// A lost update caught: someone else saved the item after this form was opened. Raised as a validation
/// failure on <c>ConcurrencyToken</c>, so the form comes back with the typed values and a clear message.
/// </summary>
public static class EditConflict
{
    public const string PropertyName = "ConcurrencyToken";

    public static ValidationException For(string what, string? changedBy, DateTime changedAtUtc, Guid currentToken) =>
        new([
            new ValidationFailure(PropertyName,
                $"{Capitalise(what)} was changed by {changedBy ?? "someone else"} at {changedAtUtc:d MMM yyyy HH:mm} UTC, after you opened it. " +
                "Your changes have not been saved; they are still in the form. Check the current version, " +
                "then save again to replace it with yours.")
            {
                CustomState = new CurrentConcurrencyToken(currentToken),
            },
        ]);

    public static ValidationException Gone(string what) =>
        new([new ValidationFailure(PropertyName, $"{Capitalise(what)} has been deleted by someone else.")]);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
