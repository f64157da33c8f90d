namespace Rsis.Portal.Application.Publications.PreviewPublicationBody;

/// <summary>
/// The live preview beside the body editor: the same Markdown and sanitizing as the article page, with the
/// same heading levels, so what staff see is what readers will get.
/// </summary>
public sealed record PreviewPublicationBody(string? Markdown) : IQuery<string>;

public sealed class PreviewPublicationBodyValidator : AbstractValidator<PreviewPublicationBody>
{
    public PreviewPublicationBodyValidator() =>
        RuleFor(q => q.Markdown).MaximumLength(PublicationKind.MaxBodyLength)
            .WithMessage("The text is too long to preview.");
}

public sealed class PreviewPublicationBodyHandler(MarkdownRenderer markdown) : IQueryHandler<PreviewPublicationBody, string>
{
    /// <summary>The heading offset the article page uses for the body (see GetPublication).</summary>
    public const int ArticleHeadingOffset = 1;

    public ValueTask<string> Handle(PreviewPublicationBody query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(markdown.ToSafeHtml(query.Markdown, ArticleHeadingOffset));
}
