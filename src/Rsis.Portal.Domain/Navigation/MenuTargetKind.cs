namespace Rsis.Portal.Domain.Navigation;

/// <summary>What a menu entry links to.</summary>
public enum MenuTargetKind
{
    /// <summary>The entry's own section page: its title and the links around it.</summary>
    Section = 0,
    Series = 1,
    Page = 2,
    Publication = 3,
    Url = 4,
    Author = 5,
    Category = 6,
}
