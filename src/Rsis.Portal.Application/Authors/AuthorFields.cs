namespace Rsis.Portal.Application.Authors;

/// <summary>What staff fill in for an author: the create and update commands derive from it, and each version stores it.</summary>
public record AuthorFields
{
    public const int MaxBiographyLength = 20_000;

    public string Name { get; init; } = "";

    /// <summary>The address segment, <c>/authors/{slug}</c>; made from the name when left empty.</summary>
    public string Slug { get; init; } = "";
    public string ShortTitle { get; init; } = "";

    /// <summary>Markdown, shown sanitized on the author's page.</summary>
    public string Biography { get; init; } = "";
}

/// <summary>The rules of <see cref="AuthorFields"/>; messages are written for the person at the form.</summary>
public abstract class AuthorFieldsValidator<T> : AbstractValidator<T> where T : AuthorFields
{
    protected AuthorFieldsValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the author’s name.")
            .MaximumLength(200).WithMessage("A name can be at most 200 characters.");
        RuleFor(c => c.ShortTitle).MaximumLength(400).WithMessage("A short title can be at most 400 characters.");
        RuleFor(c => c.Biography).MaximumLength(AuthorFields.MaxBiographyLength)
            .WithMessage($"A biography can be at most {AuthorFields.MaxBiographyLength:N0} characters.");

        RuleFor(c => c.Slug).MustBeAFreeAddress(c => c.Name, "c-raja-mohan",
                (slug, id, cancellationToken) => db.Authors.AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken),
                PortalUrls.Author, "author")
            .When(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200);
    }
}

/// <summary>Authors for the <see cref="ItemEditor"/>.</summary>
public sealed class AuthorKind : EditableKind<Author, AuthorFields>
{
    public static readonly AuthorKind Instance = new();

    public override string EntityType => nameof(Author);
    public override string What => "this author";
    public override string LabelField => "Name";

    public override string LabelOf(Author item) => item.Name;

    public override string? AddressOf(Author item) => PortalUrls.Author(item.Slug);

    public override AuthorFields FieldsOf(Author item) =>
        new() { Name = item.Name, Slug = item.Slug, ShortTitle = item.ShortTitle, Biography = item.Biography };

    public override Task<ChangeList> ApplyAsync(IPortalDbContext db, Author item, AuthorFields fields, CancellationToken cancellationToken)
    {
        var name = fields.Name.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Name);
        var shortTitle = fields.ShortTitle.Trim();
        var biography = EditedItems.CleanText(fields.Biography);

        var changes = new ChangeList();
        changes.Value("Name", item.Name, name);
        changes.Value(EditedItems.SlugField, item.Slug, slug);
        changes.Value("Short title", item.ShortTitle, shortTitle);
        changes.Text("Biography", item.Biography, biography);

        item.Name = name;
        item.Slug = slug;
        item.ShortTitle = shortTitle;
        item.Biography = biography;
        return Task.FromResult(changes);
    }

    public override Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, AuthorFields fields, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RevisionField>>([
            new("Name", fields.Name),
            new("Address", PortalUrls.Author(fields.Slug)),
            new("Short title", fields.ShortTitle),
            new("Biography", fields.Biography, IsLongText: true),
        ]);

    public override string? StillInUse(Author item) => $"{item.Name} has just been added to a publication; remove them from it first.";

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, AuthorFields fields, int? restores) =>
        new UpdateAuthor.UpdateAuthor(id, concurrencyToken, fields) { Restores = restores };
}
