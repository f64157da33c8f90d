namespace Rsis.Portal.Application.Previews;

/// <summary>The kinds of item staff can preview and share a preview of before readers see them.</summary>
public enum PreviewKind
{
    Publication,
    Page,
}
