namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// The rules every item with an address of its own shares: at most 200 characters, letters or digits to make one
/// from (the name is used when it is left empty), and not another item's. Messages are written for the form.
/// </summary>
public static class AddressRules
{
    public const int MaxLength = 200;

    /// <param name="rule">The address field's rule.</param>
    /// <param name="nameOf">What the address is made from when left empty (a name, a title).</param>
    /// <param name="example">An address of the right shape, such as "c-raja-mohan".</param>
    /// <param name="isTaken">Whether another item than the one edited (its id given, 0 when new) has the address.</param>
    /// <param name="addressOf">The public address of a slug, for the message: "/authors/c-raja-mohan".</param>
    /// <param name="another">"author": "Another author already has the address …".</param>
    public static IRuleBuilderOptions<T, string> MustBeAFreeAddress<T>(
        this IRuleBuilderInitial<T, string> rule, Func<T, string> nameOf, string example,
        Func<string, int, CancellationToken, Task<bool>> isTaken, Func<string, string> addressOf, string another)
        where T : class =>
        rule.Cascade(CascadeMode.Stop)
            .MaximumLength(MaxLength).WithMessage($"An address can be at most {MaxLength} characters.")
            .Must((c, slug) => EditedItems.SlugOrFrom(slug, nameOf(c)).Length > 0)
            .WithMessage($"Enter an address with letters or digits, such as {example}.")
            .MustAsync(async (c, slug, cancellationToken) => !await isTaken(EditedItems.SlugOrFrom(slug, nameOf(c)), EditedItems.IdOf(c), cancellationToken))
            .WithMessage((c, slug) => $"Another {another} already has the address {addressOf(EditedItems.SlugOrFrom(slug, nameOf(c)))}. Choose another.");
}
