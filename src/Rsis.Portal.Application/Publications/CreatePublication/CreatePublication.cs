namespace Rsis.Portal.Application.Publications.CreatePublication;

/// <summary>A new publication from the admin form; answers its id. A draft stays off the public site.</summary>
public sealed record CreatePublication : PublicationFields, ICommand<int>, IChangesPublicPages
{
    public CreatePublication(PublicationFields fields) : base(fields)
    {
    }

    // The site's tag too: a publication created as published can bring its series into the sidebar.
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class CreatePublicationValidator(IPortalDbContext db) : PublicationFieldsValidator<CreatePublication>(db);

public sealed class CreatePublicationHandler(ItemEditor editor) : ICommandHandler<CreatePublication, int>
{
    public async ValueTask<int> Handle(CreatePublication command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(PublicationKind.Instance, new Publication { Code = "", Title = "", Slug = "" }, command, cancellationToken);
}
