using System.ComponentModel.DataAnnotations;

namespace Rsis.Portal.Application.Pages;

/// <summary>What staff fill in for a content page: the create and update commands derive from it, and each version stores it.</summary>
public record PageFields
{
    public const int MaxBodyLength = 200_000;

    public string Title { get; init; } = "";

    /// <summary>The address, <c>/{slug}</c>; made from the title when left empty.</summary>
    public string Slug { get; init; } = "";

    /// <summary>Markdown, shown sanitized on the page.</summary>
    public string Body { get; init; } = "";

    [Display(Name = "answer for showing the address and contact links")]
    public bool ShowsContactDetails { get; init; }
}

/// <summary>The rules of <see cref="PageFields"/>; messages are written for the person at the form.</summary>
public abstract class PageFieldsValidator<T> : AbstractValidator<T> where T : PageFields
{
    protected PageFieldsValidator(IPortalDbContext db, IReservedAddresses reserved)
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
            .MaximumLength(200).WithMessage("A title can be at most 200 characters.");
        RuleFor(c => c.Body).MaximumLength(PageFields.MaxBodyLength)
            .WithMessage($"The text can be at most {PageFields.MaxBodyLength:N0} characters.");

        RuleFor(c => c.Slug).Cascade(CascadeMode.Stop)
            .MaximumLength(200).WithMessage("An address can be at most 200 characters.")
            .Must((c, _) => EditedItems.SlugOrFrom(c.Slug, c.Title).Length > 0)
            .WithMessage("Enter an address with letters or digits, such as getting-to-rsis.")
            .Must((c, _) => !reserved.IsReserved(EditedItems.SlugOrFrom(c.Slug, c.Title)))
            .WithMessage(c => $"/{EditedItems.SlugOrFrom(c.Slug, c.Title)} is one of the site’s own addresses. Choose another.")
            .MustAsync(async (c, _, cancellationToken) =>
            {
                var slug = EditedItems.SlugOrFrom(c.Slug, c.Title);
                var id = EditedItems.IdOf(c);
                // A page in the Trash keeps its address until it is purged: it may come back.
                return !await db.Pages.IgnoreQueryFilters().AnyAsync(p => p.Slug == slug && p.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another page already has the address /{EditedItems.SlugOrFrom(c.Slug, c.Title)}. Choose another.")
            // A page wins over the menu's section page of the same name, which would then never be seen.
            .CustomAsync(async (_, context, cancellationToken) =>
            {
                var slug = EditedItems.SlugOrFrom(context.InstanceToValidate.Slug, context.InstanceToValidate.Title);
                var entry = await db.MenuItems.AsNoTracking()
                    .Where(m => m.Slug == slug && m.TargetKind == MenuTargetKind.Section)
                    .Select(m => m.Title).FirstOrDefaultAsync(cancellationToken);
                if (entry is not null)
                {
                    context.AddFailure($"The menu entry “{entry}” has its own section page at /{slug}. Choose another address.");
                }
            })
            .When(c => !string.IsNullOrWhiteSpace(c.Title) && c.Title.Length <= 200);
    }
}

/// <summary>Content pages for the <see cref="ItemEditor"/>; a deleted page goes to the Trash.</summary>
public sealed class PageKind : EditableKind<Page, PageFields>
{
    public static readonly PageKind Instance = new();

    public override string EntityType => nameof(Page);
    public override string What => "this page";

    public override string LabelOf(Page item) => item.Title;

    public override string? AddressOf(Page item) => PortalUrls.Page(item.Slug);

    public override PageFields FieldsOf(Page item) =>
        new() { Title = item.Title, Slug = item.Slug, Body = item.Body, ShowsContactDetails = item.ShowsContactDetails };

    public override Task<ChangeList> ApplyAsync(IPortalDbContext db, Page item, PageFields fields, CancellationToken cancellationToken)
    {
        var title = fields.Title.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Title);
        var body = EditedItems.CleanText(fields.Body);

        var changes = new ChangeList();
        changes.Value("Title", item.Title, title);
        changes.Value(EditedItems.SlugField, item.Slug, slug);
        changes.Text("Body", item.Body, body);
        changes.Value("Shows contact details", item.Id == 0 ? null : YesNo(item.ShowsContactDetails), YesNo(fields.ShowsContactDetails));

        item.Title = title;
        item.Slug = slug;
        item.Body = body;
        item.ShowsContactDetails = fields.ShowsContactDetails;
        return Task.FromResult(changes);
    }

    public override Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, PageFields fields, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RevisionField>>([
            new("Title", fields.Title),
            new("Address", PortalUrls.Page(fields.Slug)),
            new("Shows contact details", YesNo(fields.ShowsContactDetails)),
            new("Body", fields.Body, IsLongText: true),
        ]);

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, PageFields fields, int? restores) =>
        new UpdatePage.UpdatePage(id, concurrencyToken, fields) { Restores = restores };

    private static string YesNo(bool value) => value ? "yes" : "no";
}
