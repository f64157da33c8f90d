namespace Rsis.Portal.Application.Categories;

/// <summary>What staff fill in for a category: the create and update commands derive from it, and each version stores it.</summary>
public record CategoryFields
{
    public string Name { get; init; } = "";

    /// <summary>The address segment, <c>/categories/{slug}</c>; made from the name when left empty.</summary>
    public string Slug { get; init; } = "";
}

/// <summary>The rules of <see cref="CategoryFields"/>; messages are written for the person at the form.</summary>
public abstract class CategoryFieldsValidator<T> : AbstractValidator<T> where T : CategoryFields
{
    protected CategoryFieldsValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the category’s name.")
            .MaximumLength(200).WithMessage("A name can be at most 200 characters.");

        RuleFor(c => c.Slug).MustBeAFreeAddress(c => c.Name, "maritime-security",
                (slug, id, cancellationToken) => db.Categories.AnyAsync(x => x.Slug == slug && x.Id != id, cancellationToken),
                PortalUrls.Category, "category")
            .When(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200);
    }
}

/// <summary>Categories for the <see cref="ItemEditor"/>.</summary>
public sealed class CategoryKind : EditableKind<Category, CategoryFields>
{
    public static readonly CategoryKind Instance = new();

    public override string EntityType => nameof(Category);
    public override string What => "this category";
    public override string LabelField => "Name";

    public override string LabelOf(Category item) => item.Name;

    public override string? AddressOf(Category item) => PortalUrls.Category(item.Slug);

    public override CategoryFields FieldsOf(Category item) => new() { Name = item.Name, Slug = item.Slug };

    public override Task<ChangeList> ApplyAsync(IPortalDbContext db, Category item, CategoryFields fields, CancellationToken cancellationToken)
    {
        var name = fields.Name.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Name);
        var changes = new ChangeList();
        changes.Value("Name", item.Name, name);
        changes.Value(EditedItems.SlugField, item.Slug, slug);
        item.Name = name;
        item.Slug = slug;
        return Task.FromResult(changes);
    }

    public override Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, CategoryFields fields, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RevisionField>>([new("Name", fields.Name), new("Address", PortalUrls.Category(fields.Slug))]);

    /// <summary>
    /// A category is a label, not part of what a publication says: one still in use is taken off its publications
    /// (those in the Trash too) in the same save, and each publication's history records it.
    /// </summary>
    public override async Task OnDeletingAsync(IPortalDbContext db, Category item, ChangeList changes, EditStamp stamp, CancellationToken cancellationToken)
    {
        var links = await db.PublicationCategories.IgnoreQueryFilters()
            .Where(pc => pc.CategoryId == item.Id)
            .Include(pc => pc.Publication).ThenInclude(p => p.Categories).ThenInclude(c => c.Category)
            .ToListAsync(cancellationToken);
        foreach (var publication in links.Select(l => l.Publication))
        {
            var before = publication.Categories.Select(c => c.Category.Name).Order(StringComparer.Ordinal).ToList();
            var publicationChanges = new ChangeList();
            publicationChanges.Value("Categories", string.Join(", ", before), string.Join(", ", before.Where(n => n != item.Name)));
            db.AuditEntries.Add(publicationChanges.ToEntry(
                nameof(Publication), publication.Id.ToString(CultureInfo.InvariantCulture), publication.Code,
                AuditAction.Updated, stamp.By, stamp.AtUtc));
        }

        changes.Value("Taken off", null, string.Join(", ", links.Select(l => l.Publication.Code).Order(StringComparer.Ordinal)));
        db.PublicationCategories.RemoveRange(links);
    }

    public override string? StillInUse(Category item) =>
        $"{item.Name} has just been added to another publication. Open this page again and confirm.";

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, CategoryFields fields, int? restores) =>
        new UpdateCategory.UpdateCategory(id, concurrencyToken, fields) { Restores = restores };
}
