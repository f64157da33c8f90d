using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Application.Pages;

/// <summary>What staff fill in for a content page, shared by creating and updating one.</summary>
public interface IPageFields
{
    string Title { get; }

    /// <summary>The address, <c>/{slug}</c>; made from the title when left empty.</summary>
    string Slug { get; }

    /// <summary>Markdown, shown sanitized on the page.</summary>
    string Body { get; }
    bool ShowsContactDetails { get; }
}

/// <summary>The rules of <see cref="IPageFields"/>; messages are written for the person at the form.</summary>
public abstract class PageFieldsValidator<T> : AbstractValidator<T> where T : IPageFields
{
    protected PageFieldsValidator(IPortalDbContext db, IReservedAddresses reserved)
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
            .MaximumLength(200).WithMessage("A title can be at most 200 characters.");
        RuleFor(c => c.Body).MaximumLength(PageWriting.MaxBodyLength)
            .WithMessage($"The text can be at most {PageWriting.MaxBodyLength:N0} characters.");

        RuleFor(c => c.Slug).Cascade(CascadeMode.Stop)
            .MaximumLength(200).WithMessage("An address can be at most 200 characters.")
            .Must((c, _) => EditedItems.SlugOrFrom(c.Slug, c.Title).Length > 0)
            .WithMessage("Enter an address with letters or digits, such as getting-to-rsis.")
            .Must((c, _) => !reserved.IsReserved(EditedItems.SlugOrFrom(c.Slug, c.Title)))
            .WithMessage(c => $"/{EditedItems.SlugOrFrom(c.Slug, c.Title)} is one of the site’s own addresses. Choose another.")
            .MustAsync(async (c, _, cancellationToken) =>
            {
                var slug = EditedItems.SlugOrFrom(c.Slug, c.Title);
                var id = EditedId(c);
                return !await db.Pages.AnyAsync(p => p.Slug == slug && p.Id != id, cancellationToken);
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

    /// <summary>The page being edited, left out of the uniqueness check; 0 when creating one.</summary>
    protected virtual int EditedId(T command) => 0;
}

/// <summary>Writing <see cref="IPageFields"/> onto a page, noting each change for the audit log.</summary>
public static class PageWriting
{
    public const int MaxBodyLength = 200_000;

    public static ChangeList Apply(Page page, IPageFields fields)
    {
        var title = fields.Title.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Title);
        var body = fields.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

        var changes = new ChangeList();
        changes.Value("Title", page.Title, title);
        changes.Value(EditedItems.SlugField, page.Slug, slug);
        changes.Text("Body", page.Body, body);
        changes.Value("Shows contact details", page.Id == 0 ? null : YesNo(page.ShowsContactDetails), YesNo(fields.ShowsContactDetails));

        page.Title = title;
        page.Slug = slug;
        page.Body = body;
        page.ShowsContactDetails = fields.ShowsContactDetails;

        return changes;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
