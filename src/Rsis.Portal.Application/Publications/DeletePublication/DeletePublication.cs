namespace Rsis.Portal.Application.Publications.DeletePublication;

/// <summary>
/// Deletes a publication with its PDFs and old addresses; its page then answers 404. Refused when someone
/// changed it after the confirmation page was opened, so nobody deletes what they have not seen.
/// </summary>
public sealed record DeletePublication(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeletePublicationValidator : AbstractValidator<DeletePublication>
{
    public DeletePublicationValidator()
    {
    }
}

public sealed class DeletePublicationHandler(ItemEditor editor) : ICommandHandler<DeletePublication, bool>
{
    public async ValueTask<bool> Handle(DeletePublication command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(PublicationKind.Instance, command, cancellationToken);
}
