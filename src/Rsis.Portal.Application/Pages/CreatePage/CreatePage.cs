namespace Rsis.Portal.Application.Pages.CreatePage;

/// <summary>A new content page from the admin form; answers its id. Readers can open it at once at <c>/{slug}</c>.</summary>
public sealed record CreatePage : PageFields, ICommand<int>, IChangesPublicPages
{
    public CreatePage(PageFields fields) : base(fields)
    {
    }

    /// <summary>The sitemap lists every page.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Pages];
}

public sealed class CreatePageValidator(IPortalDbContext db, IReservedAddresses reserved) : PageFieldsValidator<CreatePage>(db, reserved);

public sealed class CreatePageHandler(ItemEditor editor) : ICommandHandler<CreatePage, int>
{
    public async ValueTask<int> Handle(CreatePage command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(PageKind.Instance, new Page { Title = "", Slug = "" }, command, cancellationToken);
}
