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

    private const string SaveAgain =
        "Your changes have not been saved; they are still in the form. Check the current version, then save again to replace it with yours.";

    public static ValidationException For(string what, string? changedBy, DateTime changedAtUtc, Guid currentToken) =>
        new([
            new ValidationFailure(PropertyName,
                $"{Capitalise(what)} was changed by {changedBy ?? "someone else"} at {changedAtUtc:d MMM yyyy HH:mm} UTC, after you opened it. " +
                SaveAgain)
            {
                CustomState = new CurrentConcurrencyToken(currentToken),
            },
        ]);

    /// <summary>
    /// The same refusal for a restore, which has no typed changes to keep: it says nothing was restored and that
    /// the confirmation page now shows the current version, so restoring again is a choice made knowing it.
    /// </summary>
    public static ValidationException ForRestore(ValidationException refused, int number) =>
        new(refused.Errors.Select(failure => failure.PropertyName == PropertyName && failure.ErrorMessage.EndsWith(SaveAgain, StringComparison.Ordinal)
            ? new ValidationFailure(PropertyName,
                failure.ErrorMessage[..^SaveAgain.Length] +
                $"Nothing has been restored. Check what changed in the list of versions, then restore version {number} again if you still want it.")
            {
                CustomState = failure.CustomState,
            }
            : failure));

    public static ValidationException Gone(string what) =>
        new([new ValidationFailure(PropertyName, $"{Capitalise(what)} has been deleted by someone else.")]);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
