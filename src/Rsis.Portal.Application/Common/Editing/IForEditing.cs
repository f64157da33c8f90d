namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// An item as its edit and delete pages load it: the token the form carries back, the facts shown beside the
/// form (address, where it is used, history), and the label a confirmation names it by.
/// </summary>
public interface IForEditing<out TFacts>
{
    int Id { get; }

    Guid ConcurrencyToken { get; }

    TFacts Facts { get; }

    /// <summary>How staff know the item: an author's name, a page's title, a publication's code.</summary>
    string Label { get; }
}

/// <summary>An item whose form is its fields record: the edit page shows <see cref="Fields"/> and posts them back as they are.</summary>
public interface IForEditing<out TFields, out TFacts> : IForEditing<TFacts>
{
    TFields Fields { get; }
}
